"""Curation decisions are data (the curation file) and survive every reload, re-extraction and forget."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kg import paths, pipeline
from kg.config import Settings
from kg.curation import commands, curation_path, read
from kg.errors import KgError, UsageError
from kg.packs.run import run_pack
from kg.store import open_store

HOLDS = "# Note\n\nKestrel Labs said on Monday that DeepSeek holds 12,000 H800 GPUs.\n"
ALSO = "# Other\n\nDeepSeek holds 3,000 H100 GPUs, according to analysts.\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _holdings(settings: Settings, **extra: str) -> dict[str, dict]:
    return {r["claim"]: r for r in run_pack("firm-holdings", {"id": "deepseek", **extra}, settings)[1]}


def _claim(settings: Settings, chip: str) -> str:
    return next(c for c, r in _holdings(settings).items() if r["chip"] == chip)


@pytest.fixture
def loaded(tmp_path: Path, settings: Settings) -> Settings:
    _write(tmp_path / "docs" / "a.md", HOLDS)
    _write(tmp_path / "docs" / "b.md", ALSO)
    assert pipeline.load([tmp_path / "docs"], settings).ok
    return settings


def test_a_rejected_claim_stays_marked_and_out_of_packs_across_reloads(tmp_path: Path, loaded: Settings) -> None:
    claim = _claim(loaded, "h800")
    done = commands.review_claim(loaded, "reject", claim, "a misreading")
    assert done.written and claim not in _holdings(loaded)
    assert _holdings(loaded, include_rejected="1")[claim]["review"] == "rejected"
    entry = read(curation_path(loaded))[0]
    assert (entry.action, entry.claim, entry.why, entry.key.metric) == ("reject", claim, "a misreading", "chips_held")
    assert entry.who and entry.when
    assert not commands.review_claim(loaded, "reject", claim, "a misreading").written  # a rerun adds nothing
    pipeline.load([tmp_path / "docs"], loaded, reset=True)  # a new graph from scratch: replayed
    assert claim not in _holdings(loaded) and claim in _holdings(loaded, include_rejected="1")
    with open_store(loaded) as store:
        rows = store.read("MATCH (c:Claim {id: $id}) RETURN c.review AS review, c.review_why AS why", {"id": claim})
    assert rows == [{"review": "rejected", "why": "a misreading"}]


def test_a_rejection_survives_a_pattern_change_that_re_extracts(tmp_path: Path, loaded: Settings) -> None:
    claim = _claim(loaded, "h800")
    commands.review_claim(loaded, "reject", claim, "wrong")
    root = tmp_path / "root"
    shutil.copytree(paths.patterns_dir(), root / "loaders" / "patterns")
    with open(root / "loaders" / "patterns" / "en.yaml", "a", encoding="utf-8") as f:
        f.write("\n# an analyst's edit: the fingerprint changes, every document is read again\n")
    paths.set_data_root(root)
    try:
        report = pipeline.load([tmp_path / "docs"], loaded)
    finally:
        paths.set_data_root(None)
    assert report.changed == 2  # re-extracted
    assert claim not in _holdings(loaded) and claim in _holdings(loaded, include_rejected="1")


def test_a_rejection_follows_its_claim_when_the_document_id_changes(tmp_path: Path, loaded: Settings) -> None:
    """The same text forgotten and loaded under another name has other claim ids: the decision's
    key (document text, sentence, subject, metric, value) still finds the claim."""
    claim = _claim(loaded, "h800")
    commands.review_claim(loaded, "reject", claim, "wrong")
    pipeline.forget(str(tmp_path / "docs" / "a.md"), loaded)
    renamed = _write(tmp_path / "later" / "renamed.md", HOLDS)
    report = pipeline.load([renamed], loaded)
    rows = _holdings(loaded, include_rejected="1")
    moved = [c for c, r in rows.items() if r["chip"] == "h800"]
    assert moved and moved != [claim] and all(rows[c]["review"] == "rejected" for c in moved)
    assert not report.warnings


def test_a_confirmed_claim_is_marked_and_a_later_decision_wins(loaded: Settings) -> None:
    claim = _claim(loaded, "h100")
    commands.review_claim(loaded, "reject", claim, "unsure")
    commands.review_claim(loaded, "confirm", claim, None)
    assert _holdings(loaded)[claim]["review"] == "confirmed"


def test_a_decision_about_a_missing_claim_is_reported_on_load(tmp_path: Path, loaded: Settings) -> None:
    claim = _claim(loaded, "h800")
    commands.review_claim(loaded, "reject", claim, "wrong")
    pipeline.forget(str(tmp_path / "docs" / "a.md"), loaded)
    report = pipeline.load([tmp_path / "docs" / "b.md"], loaded)
    assert report.warnings == [(str(curation_path(loaded)), f"reject {claim}: no such claim in the store any more "
                                "(its document was forgotten or now reads differently)")]
    assert read(curation_path(loaded))[0].claim == claim  # kept, not dropped


def test_an_accepted_candidate_with_a_korean_alias_links_new_documents(tmp_path: Path, loaded: Settings) -> None:
    with open_store(loaded) as store:
        assert store.read("MATCH (f:Firm {id: 'kestrel-labs'}) RETURN f.status AS s") == [{"s": "candidate"}]
    commands.accept_entity(loaded, "Kestrel Labs", "Firm", ["케스트럴랩스"], "cn")
    new = _write(tmp_path / "more" / "ko.md", "# 기사\n\n케스트럴랩스는 H800 GPU 5,000개를 보유하고 있다.\n")
    pipeline.load([new], loaded)
    rows = run_pack("firm-holdings", {"id": "케스트럴랩스"}, loaded)[1]
    assert [(r["firm"], r["chip"], r["quantity"]) for r in rows] == [("kestrel-labs", "h800", 5000)]
    with open_store(loaded) as store:
        firm = store.read("MATCH (f:Firm {id: 'kestrel-labs'})-[:BASED_IN]->(c:Country) "
                          "RETURN f.status AS status, f.aliases AS aliases, c.id AS country")
    assert firm == [{"status": "accepted", "aliases": ["케스트럴랩스"], "country": "cn"}]


def test_merged_entities_show_as_one_in_packs(tmp_path: Path, settings: Settings) -> None:
    _write(tmp_path / "d" / "a.md", "# A\n\nKestrel Labs holds 1,000 H800 GPUs.\n")
    _write(tmp_path / "d" / "b.md", "# B\n\nKestrel Silicon Labs holds 2,000 H100 GPUs.\n")
    pipeline.load([tmp_path / "d"], settings)
    commands.accept_entity(settings, "Kestrel Labs", "Firm", [], None)
    commands.merge_entities(settings, "Kestrel Silicon Labs", "kestrel-labs")
    pipeline.load([tmp_path / "d"], settings)  # the names changed: both documents are read again
    rows = run_pack("firm-holdings", {"id": "kestrel-labs"}, settings)[1]
    assert sorted((r["chip"], r["quantity"]) for r in rows) == [("h100", 2000), ("h800", 1000)]
    with open_store(settings) as store:
        assert store.read("MATCH (f:Firm {id: 'kestrel-silicon-labs'}) RETURN f.id AS id") == []


def test_an_alias_needs_a_known_entity_and_one_owner_per_name(loaded: Settings) -> None:
    with pytest.raises(UsageError, match="accept it first"):
        commands.alias_entity(loaded, "kestrel-labs", "케스트럴")
    with pytest.raises(KgError, match="would name both"):
        commands.alias_entity(loaded, "deepseek", "Nvidia")
    commands.alias_entity(loaded, "deepseek", "딥싴")
    assert [d.action for d in read(curation_path(loaded))] == ["alias"]  # the refused ones wrote nothing


def test_a_broken_curation_file_is_one_line_naming_its_line(loaded: Settings, tmp_path: Path) -> None:
    path = curation_path(loaded)
    path.write_text("- action: reject\n  claim: claim-1\n- action: reject\n  claim: claim-2\n  why: x\n  whom: y\n")
    with pytest.raises(KgError) as caught:
        pipeline.load([tmp_path / "docs"], loaded)
    assert str(caught.value).startswith(f"{path}:1:") and "why" in str(caught.value)
    assert yaml.safe_load(path.read_text())[0]["claim"] == "claim-1"  # untouched


def test_the_curation_file_can_live_in_a_project(tmp_path: Path, loaded: Settings) -> None:
    chosen = Settings(loaded.store, loaded.data_dir, False, tmp_path / "project" / "decisions.yaml")
    commands.review_claim(chosen, "confirm", _claim(loaded, "h100"), None)
    assert (tmp_path / "project" / "decisions.yaml").is_file() and not (loaded.data_dir / "curation.yaml").exists()


def test_a_rejected_claim_is_out_of_the_timeline_unless_asked_for(tmp_path: Path, settings: Settings) -> None:
    _write(tmp_path / "docs" / "dated.md", "---\npublished: 2025-03-04\n---\n# Dated\n\nAs of March 2025, DeepSeek holds 12,000 H800 GPUs.\n")
    assert pipeline.load([tmp_path / "docs"], settings).ok
    claim = _claim(settings, "h800")

    def dates(**extra: str) -> list[str]:
        rows = run_pack("timeline", {"id": "deepseek", **extra}, settings)[1]
        return [r["what"] for r in rows if r["kind"] == "claim"]

    assert len(dates()) == 1
    commands.review_claim(settings, "reject", claim, "a misreading")
    assert dates() == [] and len(dates(include_rejected="1")) == 1


def _entity_edges(settings: Settings, firm: str) -> list[tuple[str, bool, str]]:
    with open_store(settings) as store:
        rows = store.read("MATCH (f:Firm {id: $id})-[r]-(x) RETURN type(r) AS t, startNode(r) = f AS out, x.id AS x",
                          {"id": firm})
    return sorted((r["t"], r["out"], r["x"]) for r in rows)


def test_merging_two_built_in_firms_counts_one_firm_everywhere_at_once_and_after_a_reload(
        tmp_path: Path, settings: Settings) -> None:
    _write(tmp_path / "d" / "a.md", "# A\n\nAlibaba holds 5,000 H20 GPUs.\n")
    _write(tmp_path / "d" / "b.md", "# B\n\nAlibaba Cloud holds 3,000 H20 GPUs and 2,000 H800 GPUs.\n")
    pipeline.load([tmp_path / "d"], settings)

    def one_firm() -> None:
        rows = run_pack("firm-holdings", {"id": "alibaba"}, settings)[1]
        assert sorted((r["firm"], r["chip"], r["quantity"]) for r in rows) == [
            ("alibaba", "h20", 3000), ("alibaba", "h20", 5000), ("alibaba", "h800", 2000)]
        about = run_pack("claims-about", {"id": "alibaba"}, settings)[1]
        assert sorted((r["subject"], r["value"]) for r in about) == [
            ("alibaba", 2000), ("alibaba", 3000), ("alibaba", 5000)]
        with open_store(settings) as store:
            edges = store.read("MATCH (f:Firm)-[r:HOLDS]->(c:Chip) WHERE f.id STARTS WITH 'alibaba' "
                               "RETURN f.id AS firm, c.id AS chip, r.claim_count AS n, r.quantity_min AS low, "
                               "r.quantity_max AS high ORDER BY chip")
            merged = store.read("MATCH (f:Firm {id: 'alibaba-cloud'}) RETURN f.merged_into AS into")
        assert edges == [{"firm": "alibaba", "chip": "h20", "n": 2, "low": 3000, "high": 5000},
                         {"firm": "alibaba", "chip": "h800", "n": 1, "low": 2000, "high": 2000}]
        assert merged == [{"into": "alibaba"}] and _entity_edges(settings, "alibaba-cloud") == []
        assert run_pack("claims-about", {"id": "alibaba-cloud"}, settings)[1] == []

    assert len(run_pack("firm-holdings", {"id": "alibaba"}, settings)[1]) == 1  # two firms before
    commands.merge_entities(settings, "alibaba-cloud", "alibaba")
    one_firm()  # at once: the store's claims and edges moved, no document read again
    assert pipeline.load([tmp_path / "d"], settings).changed == 2  # the names changed: read again
    one_firm()
    pipeline.load([tmp_path / "d"], settings, reset=True)
    one_firm()


def test_a_merge_moves_the_reference_edges_and_drops_a_loop(tmp_path: Path, settings: Settings) -> None:
    """High-Flyer folded into DeepSeek (a test of the mechanics, not a claim about either): its
    reference edges (BASED_IN, the events that involve it) and its claims count under DeepSeek;
    DeepSeek's FUNDED_BY High-Flyer would be a loop and goes; an edge both have stays one edge."""
    _write(tmp_path / "d" / "c.md", "# C\n\nHigh-Flyer bought 3,000 A100 GPUs in May 2022.\n")
    pipeline.load([tmp_path / "d"], settings)
    before = _entity_edges(settings, "high-flyer")
    assert ("FUNDED_BY", False, "deepseek") in before and ("BASED_IN", True, "cn") in before
    events = {x for t, out, x in before if t == "INVOLVES"}
    assert events and ("ACQUIRED", True, "a100") in before
    commands.merge_entities(settings, "high-flyer", "deepseek")
    for _ in range(2):  # at once, then after a load writes the reference data's edges again
        assert _entity_edges(settings, "high-flyer") == []
        after = _entity_edges(settings, "deepseek")
        assert events <= {x for t, out, x in after if t == "INVOLVES"}
        assert after.count(("BASED_IN", True, "cn")) == 1 and not [e for e in after if e[2] == "deepseek"]
        rows = run_pack("firm-holdings", {"id": "deepseek"}, settings)[1]
        assert [(r["relation"], r["chip"], r["quantity"]) for r in rows] == [("ACQUIRED", "a100", 3000)]
        pipeline.load([tmp_path / "d"], settings)


def test_a_rejection_of_a_claim_about_a_merged_firm_follows_it_into_the_other(tmp_path: Path, settings: Settings) -> None:
    _write(tmp_path / "d" / "b.md", "# B\n\nAlibaba Cloud holds 3,000 H20 GPUs.\n")
    pipeline.load([tmp_path / "d"], settings)
    claim = next(r["claim"] for r in run_pack("claims-about", {"id": "alibaba-cloud"}, settings)[1])
    commands.review_claim(settings, "reject", claim, "wrong")
    commands.merge_entities(settings, "alibaba-cloud", "alibaba")
    report = pipeline.load([tmp_path / "d"], settings)  # read again: the claim is about alibaba now, with a new id
    rows = run_pack("claims-about", {"id": "alibaba", "include_rejected": "1"}, settings)[1]
    assert [(r["review"], r["claim"] != claim) for r in rows] == [("rejected", True)]
    assert run_pack("claims-about", {"id": "alibaba"}, settings)[1] == [] and not report.warnings
