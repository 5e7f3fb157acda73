"""`kg load` with URLs and URL lists from the command line, and provenance across formats: the
page of a PDF and the URL of a web page in `kg query provenance` and in the RDF export (PROV-O)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, LocalSite, fixture_bytes
from rdflib import Graph, Literal, URIRef

from kg import ontology, pipeline
from kg.config import Settings
from kg.export import dump_graph, write_export
from kg.store import open_store
from kg.validate import validate_store


def test_urls_and_a_url_list_load_from_the_command_line(site: LocalSite, kg_cli, tmp_path: Path) -> None:
    page = site.add("/news/kestrel.html", body=fixture_bytes("kestrel-news.html"))
    pdf = site.add("/reports/kestrel.pdf", body=fixture_bytes("report.pdf"), content_type="application/pdf")
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# reading list\n\n{pdf}   # the report\n")
    done = kg_cli("load", page, "--urls", str(listing))
    assert done.code == 0, done.err
    assert done.err == "" and "web pages fetched" in done.out
    shown = kg_cli("query", "provenance", "--param", "id=kestrel-labs", "--format", "json")
    rows = json.loads(shown.out)
    assert {(r["url"], r["page"]) for r in rows} == {(pdf, 1), ("https://fieldnotes.example/2025/03/kestrel-h800", None)}
    table = kg_cli("query", "provenance", "--param", "id=deepseek", "--wide", COLUMNS="400").out.splitlines()
    column = table[1].index(" page ") + 1
    pdf_rows = [line for line in table if "DeepSeek holds 2,048 H800 GPUs." in line and "reports-kestrel.pdf-" in line]
    assert pdf_rows and pdf_rows[0][column:column + 4].strip() == "2"


def test_a_url_that_fails_is_one_error_line_and_exit_1(site: LocalSite, kg_cli) -> None:
    gone = site.url("/gone")
    done = kg_cli("load", gone)
    assert done.code == 1 and done.err.strip().splitlines() == [f"Error: {gone}: HTTP 404 Not Found"]


def test_a_url_list_with_a_line_that_is_no_url_stops_before_anything(kg_cli, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("https://example.org/a\nftp://example.org/b\n")
    done = kg_cli("load", "--urls", str(listing))
    assert done.code == 1 and done.err.startswith(f"Error: {listing}:2: not an http(s) URL: 'ftp://example.org/b'")
    assert not (kg_cli.data_dir / "web").exists()


def test_nothing_to_load_is_a_usage_error(kg_cli) -> None:
    done = kg_cli("load")
    assert done.code == 1 and "nothing to load" in done.err


PROV = "http://www.w3.org/ns/prov#"
KG = str(ontology.KG)


def test_the_rdf_export_traces_claims_to_pages_and_pages_to_urls_in_prov_o(site: LocalSite, settings: Settings,
                                                                           tmp_path: Path) -> None:
    page = site.add("/news/kestrel.html", body=fixture_bytes("kestrel-news.html"))
    assert pipeline.load([FIXTURES / "report.pdf"], settings, urls=[page]).ok
    with open_store(settings, schema=False) as store:
        dump = dump_graph(store, ontology.load())
    out = tmp_path / "g.ttl"
    write_export(dump, ontology.load(), "ttl", out)
    graph = Graph().parse(out, format="turtle")
    rows = graph.query(f"""
        PREFIX prov: <{PROV}> PREFIX kg: <{KG}>
        SELECT ?quote ?page ?title WHERE {{
            ?claim a prov:Entity ; prov:wasDerivedFrom ?passage ; prov:value ?quote .
            ?passage kg:page ?page ; prov:wasQuotedFrom ?doc .
            ?doc kg:title ?title . }}""")
    found = {(str(q), int(p)) for q, p, _ in rows}
    assert ("DeepSeek holds 2,048 H800 GPUs.", 2) in found
    assert ("Kestrel Labs bought 4,000 H800 GPUs last year, the company said.", 1) in found
    web_docs = list(graph.query(f"""
        PREFIX prov: <{PROV}> SELECT ?doc ?source ?when WHERE {{
            ?doc prov:hadPrimarySource ?source ; prov:generatedAtTime ?when . }}"""))
    assert {str(s) for _, s, _ in web_docs} == {page, "https://fieldnotes.example/2025/03/kestrel-h800"}
    assert all(isinstance(w, Literal) and str(w.datatype).endswith("#dateTime") for _, _, w in web_docs)
    assert (None, URIRef(f"{PROV}hadPrimarySource"), URIRef(str(FIXTURES / "report.pdf"))) not in graph
    assert validate_store(settings) == []
