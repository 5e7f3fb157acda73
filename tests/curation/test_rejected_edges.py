"""A rejected claim is one the analyst says is false: the derived edges are computed without it,
and recomputed whenever a decision is replayed (reject, confirm, decision removed, forget, reload)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import ontology, paths, pipeline
from kg.config import Settings
from kg.curation import commands, curation_path, read, replay
from kg.packs.run import run_pack
from kg.store import open_store

TEXTS = {
    "a.md": "---\npublished: 2024-03-01\n---\n# Report A\n\nDeepSeek holds 10,000 H800 GPUs.\n",
    "b.md": "---\npublished: 2025-01-15\n---\n# Report B\n\nDeepSeek holds 50,000 H800 GPUs, SemiAnalysis said.\n",
    "c.md": "# Report C\n\nDeepSeek holds 2,000 H100 GPUs.\n",
}
EDGE = ("MATCH (:Firm {id: 'deepseek'})-[r:HOLDS]->(:Chip {id: $chip}) "
        "RETURN r.claims AS claims, r.claim_count AS count, r.quantity_min AS low, r.quantity_max AS high, "
        "r.latest_quantity AS latest, r.documents AS documents")


def _edge(settings: Settings, chip: str = "h800") -> dict | None:
    with open_store(settings) as store:
        rows = store.read(EDGE, {"chip": chip})
    assert len(rows) <= 1
    return rows[0] if rows else None


def _claim(settings: Settings, chip: str, quantity: int) -> str:
    rows = run_pack("firm-holdings", {"id": "deepseek", "include_rejected": "1"}, settings)[1]
    return next(r["claim"] for r in rows if r["chip"] == chip and r["quantity"] == quantity)


def write_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def load_corpus(corpus: Path, settings: Settings) -> Settings:
    """The corpus loaded (also on Neo4j: tests/neo4j/test_neo4j.py): both H800 claims count."""
    assert pipeline.load([corpus], settings).ok
    edge = _edge(settings)
    assert edge is not None and (edge["count"], edge["low"], edge["high"], edge["latest"]) == (2, 10_000, 50_000, 50_000)
    return settings


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path)


@pytest.fixture
def loaded(corpus: Path, settings: Settings) -> Settings:
    return load_corpus(corpus, settings)


def test_a_rejected_claim_leaves_the_derived_edge_and_comes_back_when_confirmed(loaded: Settings) -> None:
    big = _claim(loaded, "h800", 50_000)
    small = _claim(loaded, "h800", 10_000)
    commands.review_claim(loaded, "reject", big, "the order, not the holding")
    edge = _edge(loaded)
    assert edge is not None
    assert (edge["claims"], edge["count"], edge["low"], edge["high"], edge["latest"]) == ([small], 1, 10_000, 10_000, 10_000)
    assert len(edge["documents"]) == 1
    commands.review_claim(loaded, "confirm", big, None)
    edge = _edge(loaded)
    assert edge is not None and (edge["claims"], edge["count"], edge["high"]) == (sorted([small, big]), 2, 50_000)


def test_an_edge_only_rejected_claims_state_is_gone_until_the_decision_is_removed(loaded: Settings) -> None:
    only = _claim(loaded, "h100", 2_000)
    commands.review_claim(loaded, "reject", only, "no such cluster")
    assert _edge(loaded, "h100") is None
    with open_store(loaded) as store:  # the claim itself stays, marked, and still traced to its sentence
        assert store.read("MATCH (c:Claim {id: $id}) RETURN c.review AS review", {"id": only}) == [{"review": "rejected"}]
    held = run_pack("firm-holdings", {"id": "deepseek", "include_rejected": "1"}, loaded)[1]
    assert [(r["relation"], r["chip"], r["review"]) for r in held if r["claim"] == only] == [("HOLDS", "h100", "rejected")]
    assert only not in {r["claim"] for r in run_pack("firm-holdings", {"id": "deepseek"}, loaded)[1]}
    flags = run_pack("compliance-flags", {"country": "cn", "include_rejected": "1"}, loaded)[1]
    assert [r["chip"] for r in flags if r["claim"] == only] == ["h100"]
    assert only not in {r["claim"] for r in run_pack("compliance-flags", {"country": "cn"}, loaded)[1]}
    traced = run_pack("provenance", {"id": only}, loaded)[1]
    assert [r["claim"] for r in traced] == [only] and traced[0]["quote"] == "DeepSeek holds 2,000 H100 GPUs."
    path = curation_path(loaded)
    path.write_text("", encoding="utf-8")  # the analyst deletes the decision
    with open_store(loaded) as store:
        replay(store, read(path), ontology.load())
    edge = _edge(loaded, "h100")
    assert edge is not None and (edge["claims"], edge["count"], edge["latest"]) == ([only], 1, 2_000)


def test_a_rejection_is_applied_to_the_edges_on_every_reload(tmp_path: Path, corpus: Path, loaded: Settings) -> None:
    big = _claim(loaded, "h800", 50_000)
    commands.review_claim(loaded, "reject", big, "wrong")
    expected = _edge(loaded)
    pipeline.load([corpus], loaded, reset=True)  # a new graph: the edge is written with the claim, then replayed
    assert _edge(loaded) == expected
    root = tmp_path / "root"  # a pattern change: every document is read again, its claims are new nodes
    shutil.copytree(paths.patterns_dir(), root / "loaders" / "patterns")
    with open(root / "loaders" / "patterns" / "en.yaml", "a", encoding="utf-8") as f:
        f.write("\n# an analyst's edit\n")
    paths.set_data_root(root)
    try:
        assert pipeline.load([corpus], loaded).changed == 3
    finally:
        paths.set_data_root(None)
    assert _edge(loaded) == expected
    assert expected is not None and big not in expected["claims"] and expected["high"] == 10_000


def test_forgetting_the_rejected_claims_document_leaves_the_edge_as_the_others_make_it(corpus: Path, loaded: Settings) -> None:
    small = _claim(loaded, "h800", 10_000)
    commands.review_claim(loaded, "reject", small, "wrong")
    pipeline.forget(str(corpus / "a.md"), loaded)
    edge = _edge(loaded)
    assert edge is not None and (edge["count"], edge["low"], edge["high"]) == (1, 50_000, 50_000)
    report = pipeline.load([corpus / "a.md"], loaded)  # back again: still rejected, still not counted
    edge = _edge(loaded)
    assert edge is not None and (edge["count"], edge["low"]) == (1, 50_000) and not report.warnings
