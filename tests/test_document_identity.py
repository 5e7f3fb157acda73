"""Document identity: a document is one text with the sources it came from; no load loses another
document's data, the same text is counted once, and `kg forget` takes an id, a path or a URL."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg import pipeline
from kg.config import Settings
from kg.errors import KgError
from kg.packs.run import run_pack
from kg.store import open_store

HOLDS = "# Note\n\nDeepSeek holds {n:,} H800 GPUs.\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _documents(settings: Settings) -> list[dict]:
    with open_store(settings) as store:
        return store.read("MATCH (d:Document) OPTIONAL MATCH (d)-[:HAS_PASSAGE]->(:Passage)<-[:SOURCED_FROM]-(c:Claim) "
                          "RETURN d.id AS id, d.sources AS sources, count(c) AS claims ORDER BY id")


def _held(settings: Settings) -> list[float]:
    rows = run_pack("firm-holdings", {"id": "deepseek"}, settings)[1]
    return sorted(r["quantity"] for r in rows if r["chip"] == "h800")


def test_two_files_sharing_a_name_in_two_folders_keep_both_documents(tmp_path: Path, settings: Settings) -> None:
    one = _write(tmp_path / "x" / "index.md", HOLDS.format(n=1000))
    two = _write(tmp_path / "y" / "index.md", HOLDS.format(n=2000))
    pipeline.load([one], settings)
    pipeline.load([two], settings)  # a later load, as a new user would do it
    docs = _documents(settings)
    expected = sorted(({"id": "index-" + hashlib.sha256(path.read_bytes()).hexdigest()[:8],
                        "sources": [str(path)], "claims": 1} for path in (one, two)), key=lambda d: d["id"])
    assert docs == expected
    assert _held(settings) == [1000, 2000]


def test_korean_and_other_scripts_keep_readable_distinct_ids(tmp_path: Path, settings: Settings) -> None:
    names = ["DeepSeek 보고서.md", "DeepSeek 분석.md", "딥시크 報告 ünï.md"]
    for i, name in enumerate(names):
        _write(tmp_path / name, HOLDS.format(n=1000 * (i + 1)))
    pipeline.load([tmp_path / names[0]], settings)
    pipeline.load([tmp_path], settings)
    ids = [d["id"].rsplit("-", 1)[0] for d in _documents(settings)]
    assert sorted(ids) == ["deepseek-보고서", "deepseek-분석", "딥시크-報告-ünï"]
    assert _held(settings) == [1000, 2000, 3000]


def test_the_same_text_under_two_names_is_one_document_with_two_sources(tmp_path: Path, settings: Settings) -> None:
    first = _write(tmp_path / "a" / "report.md", HOLDS.format(n=10_000))
    second = _write(tmp_path / "b" / "copy of report.md", HOLDS.format(n=10_000))
    report = pipeline.load([tmp_path], settings)
    assert (report.changed, report.sources_added) == (1, 1)
    [doc] = _documents(settings)
    assert doc["sources"] == sorted([str(first), str(second)]) and doc["claims"] == 1
    assert _held(settings) == [10_000]  # counted once
    again = pipeline.load([tmp_path], settings)
    assert (again.changed, again.skipped, again.sources_added) == (0, 2, 0)


def test_a_document_goes_with_its_last_source(tmp_path: Path, settings: Settings, kg_cli) -> None:
    first = _write(tmp_path / "a" / "report.md", HOLDS.format(n=10_000))
    second = _write(tmp_path / "b" / "report.md", HOLDS.format(n=10_000))
    pipeline.load([tmp_path], settings)
    kept = pipeline.forget(str(first), settings)
    assert (kept.source, kept.remaining) == (str(first), 1)
    assert [d["sources"] for d in _documents(settings)] == [[str(second)]]
    gone = pipeline.forget(str(second), settings)
    assert gone.remaining == 0 and _documents(settings) == [] and _held(settings) == []


def test_forget_takes_an_id_a_path_or_a_url(tmp_path: Path, settings: Settings) -> None:
    by_url = _write(tmp_path / "web.md", "---\nurl: https://example.org/a\n---\n" + HOLDS.format(n=1))
    by_path = _write(tmp_path / "local.md", HOLDS.format(n=2))
    by_id = _write(tmp_path / "third.md", HOLDS.format(n=3))
    pipeline.load([tmp_path], settings)
    ids = {d["sources"][0]: d["id"] for d in _documents(settings)}
    assert pipeline.forget("https://example.org/a", settings).document == ids["https://example.org/a"]
    assert pipeline.forget(str(tmp_path / "." / "local.md"), settings).document == ids[str(by_path)]
    assert pipeline.forget(ids[str(by_id)], settings).document == ids[str(by_id)]
    assert _documents(settings) == [] and by_url.exists()
    with pytest.raises(KgError, match="no document 'nothing' in the store"):
        pipeline.forget("nothing", settings)


def test_a_file_with_a_canonical_url_is_forgotten_by_its_path_too(tmp_path: Path, settings: Settings) -> None:
    page = _write(tmp_path / "web.md", "---\nurl: https://example.org/a\n---\n" + HOLDS.format(n=1))
    pipeline.load([page], settings)
    assert pipeline.forget(str(page), settings).source == "https://example.org/a"
    assert _documents(settings) == []


def test_a_changed_file_replaces_its_old_text_and_nothing_else(tmp_path: Path, settings: Settings) -> None:
    note = _write(tmp_path / "note.md", HOLDS.format(n=1000))
    other = _write(tmp_path / "other.md", HOLDS.format(n=5000))
    pipeline.load([tmp_path], settings)
    _write(note, HOLDS.format(n=3000))
    report = pipeline.load([tmp_path], settings)
    assert (report.changed, report.replaced, report.skipped) == (1, 1, 1)
    assert [d["sources"] for d in _documents(settings)] == [[str(note)], [str(other)]]
    assert _held(settings) == [3000, 5000]


def test_a_changed_copy_leaves_the_text_its_other_source_still_holds(tmp_path: Path, settings: Settings) -> None:
    first = _write(tmp_path / "a.md", HOLDS.format(n=1000))
    second = _write(tmp_path / "b.md", HOLDS.format(n=1000))
    pipeline.load([tmp_path], settings)
    _write(second, HOLDS.format(n=2000))
    report = pipeline.load([tmp_path], settings)
    assert (report.changed, report.replaced) == (1, 0)
    assert sorted(d["sources"][0] for d in _documents(settings)) == [str(first), str(second)]
    assert _held(settings) == [1000, 2000]


def test_two_texts_claiming_one_url_in_one_load_load_the_first_and_report_the_other(tmp_path: Path,
                                                                                      settings: Settings) -> None:
    _write(tmp_path / "a.md", "---\nurl: https://example.org/x\n---\n" + HOLDS.format(n=1))
    _write(tmp_path / "b.md", "---\nurl: https://example.org/x\n---\n" + HOLDS.format(n=2))
    report = pipeline.load([tmp_path], settings)
    assert [(Path(p).name, "same source https://example.org/x" in why) for p, why in report.failed] == [("b.md", True)]
    again = pipeline.load([tmp_path], settings)
    assert again.changed == 0 and _held(settings) == [1]


def test_cli_forget_says_what_it_forgot(tmp_path: Path, kg_cli) -> None:
    _write(tmp_path / "a" / "r.md", HOLDS.format(n=7))
    _write(tmp_path / "b" / "r.md", HOLDS.format(n=7))
    assert kg_cli("load", str(tmp_path)).code == 0
    doc = "r-" + hashlib.sha256(HOLDS.format(n=7).encode()).hexdigest()[:8]
    first = kg_cli("forget", str(tmp_path / "a" / "r.md"))
    assert (first.code, first.out) == (0, f"Forgot source {tmp_path / 'a' / 'r.md'} of document {doc} "
                                          "(still loaded from 1 other source).\n")
    second = kg_cli("forget", str(tmp_path / "b" / "r.md"))
    assert (second.code, second.out) == (0, f"Forgot document {doc}.\n")
    missing = kg_cli("forget", "nothing")
    assert missing.code == 1 and missing.err.startswith("Error: no document 'nothing' in the store")
