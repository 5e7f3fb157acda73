"""RDF, GraphML and Cypher exports, and SHACL validation, on the seeded graph."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from rdflib import RDF, Graph

from kg import ontology
from kg.config import Settings
from kg.export import dump_graph, write_export
from kg.graph import GraphBatch
from kg.ontology import KG
from kg.store import open_store
from kg.validate import validate_store


def _dump(settings: Settings):
    with open_store(settings, schema=False) as store:
        return dump_graph(store, ontology.load()), store.counts()


def test_turtle_export_parses_back_to_the_same_node_and_edge_counts(seeded_settings, tmp_path: Path) -> None:
    dump, counts = _dump(seeded_settings)
    path = tmp_path / "g.ttl"
    write_export(dump, ontology.load(), "ttl", path)
    graph = Graph().parse(path, format="turtle")
    onto = ontology.load()
    nodes = {s for s, o in graph.subject_objects(RDF.type) if str(o).startswith(str(KG)) and str(o)[len(str(KG)):] in onto.labels}
    edges = [t for t in graph if str(t[1]).startswith(str(KG)) and str(t[1])[len(str(KG)):] in onto.relationships]
    assert len(nodes) == counts.total_nodes and len(edges) == counts.total_relationships
    jsonld = tmp_path / "g.jsonld"
    write_export(dump, onto, "jsonld", jsonld)
    assert len(Graph().parse(jsonld, format="json-ld")) == len(graph)


def test_graphml_and_cypher_exports_hold_every_node_and_edge(seeded_settings, tmp_path: Path) -> None:
    dump, counts = _dump(seeded_settings)
    write_export(dump, ontology.load(), "graphml", tmp_path / "g.graphml")
    root = ET.parse(tmp_path / "g.graphml").getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == counts.total_nodes
    assert len(root.findall(".//g:edge", ns)) == counts.total_relationships
    write_export(dump, ontology.load(), "cypher", tmp_path / "g.cypher")
    lines = (tmp_path / "g.cypher").read_text().splitlines()
    assert sum(line.startswith("MERGE (n:") for line in lines) == counts.total_nodes
    assert sum(line.startswith("MATCH (a:") for line in lines) == counts.total_relationships


def test_exports_are_reproducible(seeded_settings, tmp_path: Path) -> None:
    for attempt in ("a", "b"):
        dump, _ = _dump(seeded_settings)
        write_export(dump, ontology.load(), "cypher", tmp_path / f"{attempt}.cypher")
    assert (tmp_path / "a.cypher").read_text() == (tmp_path / "b.cypher").read_text()


def test_the_seeded_graph_conforms_to_the_shapes(seeded_settings) -> None:
    assert validate_store(seeded_settings) == []


def test_a_broken_node_is_reported_with_focus_path_and_message(tmp_path: Path) -> None:
    settings = Settings("embedded", tmp_path / "data", False)
    batch = GraphBatch()
    claim = batch.add_node("Claim", "broken-claim", metric="training_cost", lang="en", extractor="test")
    batch.add_edge("ABOUT", claim, batch.add_node("Firm", "acme", name="Acme"))
    with open_store(settings) as store:
        store.write_batch(batch)
    found = validate_store(settings)
    messages = {(v.focus.rsplit("/", 1)[-1], v.path.rsplit("#", 1)[-1], v.message) for v in found}
    assert ("broken-claim", "quote", "a claim needs the sentence it came from") in messages
    assert ("broken-claim", "SOURCED_FROM", "a claim comes from exactly one passage") in messages
