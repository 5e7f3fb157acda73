"""Every pack runs on the seeded embedded store and answers correctly; writes are refused."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kg import ontology, pipeline
from kg.errors import ReadOnlyError, UsageError
from kg.packs import all_packs, ensure_read_only, find_pack
from kg.packs.run import run_cypher, run_pack


def _run(name: str, settings, **params: str) -> list[dict]:
    return run_pack(name, params, settings)[1]


def test_every_pack_has_a_title_and_documents_exactly_the_parameters_it_uses() -> None:
    packs = all_packs()
    assert len(packs) >= 11
    for pack in packs.values():
        assert pack.title, pack.name
        assert pack.used_params() == set(pack.params), pack.name
        assert re.match(r"^// name: ", pack.cypher), pack.name


def test_every_pack_returns_rows_on_the_seeds(seeded_settings) -> None:
    # the seeds state no chip spec against the reference: spec-conflicts has nothing to say.
    # candidates lists what extraction found and the ontology does not know (on the seeds today a
    # few false firms, e.g. 'MoE', 'Transformer': an extraction matter), so only that is checked.
    onto = ontology.load()
    for name in all_packs():
        rows = _run(name, seeded_settings)
        if name == "spec-conflicts":
            assert rows == [], rows
        elif name == "candidates":
            assert [(r["label"], r["id"]) for r in rows if onto.individual(r["label"], r["id"])] == []
        else:
            assert rows, name


def test_obtainable_before_controls_follows_the_rules(seeded_settings) -> None:
    rows = {r["regulation"]: r for r in _run("obtainable-before-controls", seeded_settings)}
    oct22, oct23 = rows["bis-2022-10-07"], rows["bis-2023-10-17"]
    assert "A100" in rows["usg-2022-08-26-isinformed-nvidia-amd"]["newly_caught"]
    assert {"A800", "H800", "RTX 4090"} <= set(oct23["obtainable_before"]) and "A100" not in oct23["obtainable_before"]
    assert {"A800", "H800", "RTX 4090"} <= set(oct23["newly_caught"]) and "H20" not in oct23["newly_caught"]
    assert "H20" in rows["usg-2025-04-09-h20-mi308-licence"]["newly_caught"]
    dates = [r["effective"] for r in _run("obtainable-before-controls", seeded_settings)]
    assert dates == sorted(dates) and isinstance(dates[0], dt.date)
    assert oct22["regulation"] == "bis-2022-10-07"


def test_controls_by_rule_states_the_basis(seeded_settings) -> None:
    rows = _run("controls-by-rule", seeded_settings)
    h100 = [r for r in rows if r["regulation"] == "bis-2022-10-07" and r["chip"] == "h100"][0]
    assert "tpp 15832 >= 4800" in h100["basis"] and "interconnect_gbps 900 >= 600" in h100["basis"]


def test_firm_holdings_gives_quantities_and_quotes(seeded_settings) -> None:
    rows = _run("firm-holdings", seeded_settings, id="deepseek")
    held = {(r["chip"], r["quantity"]) for r in rows if r["relation"] == "HOLDS"}
    assert {("h800", 10000), ("h100", 10000), ("hopper", 50000)} <= held
    assert {r["firm"] for r in rows} == {"deepseek"} and all(r["claim"] for r in rows)
    hopper = [r for r in rows if r["chip"] == "hopper"][0]
    assert hopper["according_to"] == "SemiAnalysis" and "50,000" in hopper["quote"]
    high_flyer = _run("firm-holdings", seeded_settings, id="high-flyer")
    assert any(r["chip"] == "a100" and r["quantity"] == 10000 and r["date"] == dt.date(2021, 1, 1)
               for r in high_flyer)


def test_candidates_lists_an_unknown_firm_with_its_passage(settings, tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.md").write_text("# Note\n\nQuillon Labs holds 2,000 H800 GPUs.\n\nDeepSeek holds 500 H20 GPUs.\n")
    assert pipeline.load([corpus], settings).changed == 1
    rows = _run("candidates", settings)
    found = [r for r in rows if r["name"] == "Quillon Labs"]
    assert len(found) == 1 and (found[0]["label"], found[0]["claims"]) == ("Firm", 1)
    [doc] = found[0]["documents"]
    assert doc.startswith("note-") and found[0]["passages"] == [f"{doc}#1"] and found[0]["passage_count"] == 1
    assert "2,000 H800" in found[0]["example"]
    assert "deepseek" not in {r["id"] for r in rows}


def test_candidates_counts_every_passage_and_lists_the_first_ones(settings, tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraphs = [f"Quillon Labs holds {n},000 H800 GPUs." for n in range(2, 7)]
    (corpus / "note.md").write_text("# Note\n\n" + "\n\n".join(paragraphs) + "\n")
    assert pipeline.load([corpus], settings).changed == 1
    [whole] = [r for r in _run("candidates", settings) if r["name"] == "Quillon Labs"]
    [first] = [r for r in _run("candidates", settings, passages="2") if r["name"] == "Quillon Labs"]
    assert whole["passage_count"] == first["passage_count"] == len(whole["passages"]) == 5
    assert whole["passages"] == sorted(whole["passages"]) and first["passages"] == whole["passages"][:2]
    assert first["documents"] == whole["documents"] and len(whole["documents"]) == 1


def test_claims_conflicts_finds_the_two_training_costs(seeded_settings) -> None:
    rows = _run("claims-conflicts", seeded_settings, id="deepseek-v3")
    costs = {r["value"] for r in rows if r["metric"] == "training_cost"}
    assert costs == {6_000_000, 5_500_000}


def test_spec_conflicts_find_a_stated_spec_that_disagrees_with_the_reference(settings, tmp_path) -> None:
    corpus = tmp_path / "specs"
    corpus.mkdir()
    (corpus / "note.md").write_text("# Specs\n\nThe A800 carries 96 GB of HBM2e and a 400 GB/s interconnect.\n")
    pipeline.load([corpus], settings)
    rows = _run("spec-conflicts", settings, id="a800")
    assert [(r["metric"], r["stated"], r["reference"]) for r in rows] == [("chip_memory", 96, 80)]  # 400 GB/s agrees


def test_compliance_flags_mark_controlled_holdings(seeded_settings) -> None:
    rows = _run("compliance-flags", seeded_settings)
    by_chip = {(r["firm"], r["chip"], r["relation"]): r for r in rows}
    assert by_chip[("high-flyer", "a100", "ACQUIRED")]["flag"] == "acquired before the first control"
    assert by_chip[("deepseek", "h800", "HOLDS")]["first_controlled"] == dt.date(2023, 11, 17)


def test_provenance_and_claims_about_lead_back_to_documents(seeded_settings) -> None:
    rows = _run("provenance", seeded_settings, id="deepseek")
    spin = [r for r in rows if r["edge"] == "SPUN_OFF_FROM"][0]
    assert spin["edge_to"] == "high-flyer" and "스핀오프" in spin["quote"]
    assert spin["document"].startswith("000_78289c04d3baab9c-") and spin["end"] > spin["start"]
    claims = _run("claims-about", seeded_settings, id="deepseek-v3")
    assert {"parameters", "training_cost"} <= {r["metric"] for r in claims}


def test_timeline_lineage_and_neighbourhood(seeded_settings) -> None:
    timeline = _run("timeline", seeded_settings, id="deepseek")
    assert any(r["kind"] == "claim" and r["date"] == dt.date(2023, 5, 1) for r in timeline)
    lineage = {(r["variant"], r["base"]) for r in _run("chip-lineage", seeded_settings)}
    assert {("h800", "h100"), ("a800", "a100"), ("h20", "h100")} <= lineage
    paths = _run("neighborhood", seeded_settings, id="deepseek", depth="1")
    ends = {p["path"].nodes[-1].props["id"] for p in paths}
    assert {"high-flyer", "h800", "cn"} <= ends


@pytest.mark.parametrize("query", [
    "MATCH (n) DETACH DELETE n",
    "CREATE (:Firm {id: 'x'})",
    "MATCH (n:Firm) SET n.name = 'x'",
    "merge (n:Firm {id: 'x'}) return n",
    "MATCH (n) REMOVE n.name",
    "LOAD CSV FROM 'file:///x' AS row RETURN row",
    "CALL db.idx.fulltext.createNodeIndex('Firm', 'name')",
    "MATCH (n) /* comment */ FOREACH (x IN [1] | CREATE (:Firm))",
])
def test_writes_are_refused_before_they_reach_the_store(query: str, seeded_settings) -> None:
    before = run_cypher("MATCH (n) RETURN count(n) AS n", {}, seeded_settings)
    with pytest.raises(ReadOnlyError, match="refused"):
        run_cypher(query, {}, seeded_settings)
    assert run_cypher("MATCH (n) RETURN count(n) AS n", {}, seeded_settings) == before


def test_words_inside_strings_and_comments_are_not_writes() -> None:
    ensure_read_only("MATCH (n) WHERE n.name = 'CREATE SET DELETE' RETURN n // MERGE later")


def test_a_pack_that_writes_is_refused(tmp_path) -> None:
    (tmp_path / "bad.cypher").write_text("// name: bad\n// title: Bad\n// params:\nMATCH (n) DELETE n\n")
    with pytest.raises(ReadOnlyError, match="pack 'bad'"):
        find_pack("bad", tmp_path)


def test_unknown_packs_and_parameters_name_what_exists(seeded_settings) -> None:
    with pytest.raises(UsageError, match="no query pack 'nope'; packs: candidates"):
        find_pack("nope")
    with pytest.raises(UsageError, match="has no parameter colour; its parameters: id"):
        run_pack("firm-holdings", {"colour": "red"}, seeded_settings)
