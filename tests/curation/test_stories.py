"""A wire story reprinted by several outlets (small edits) is one fact with many sources."""

from __future__ import annotations

from pathlib import Path

from kg import pipeline
from kg.config import Settings
from kg.packs.run import run_pack
from kg.store import open_store
from kg.stories import shingles, similarity

WIRE = ("# {title}\n\nSINGAPORE (Reuters) - {lead} Chinese AI start-up DeepSeek holds 10,000 H800 GPUs, "
        "according to two people familiar with the matter, who asked not to be named because the talks are private.\n")
LEADS = ("", "On Monday,", "In a report on Tuesday,")
OTHER = "# Column\n\nOur own count differs: DeepSeek holds 50,000 H800 GPUs by now, a much larger cluster.\n"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for n, lead in enumerate(LEADS):
        (folder / f"outlet{n}.md").write_text(WIRE.format(title=f"Outlet {n} story", lead=lead), encoding="utf-8")
    (folder / "column.md").write_text(OTHER, encoding="utf-8")
    return folder


def test_near_duplicates_are_measured_on_normalised_text() -> None:
    a = shingles(WIRE.format(title="x", lead=""))
    b = shingles(WIRE.format(title="y", lead="On Monday,").upper())
    assert similarity(a, b) > 0.8 and similarity(a, shingles(OTHER)) < 0.2


def test_a_reprinted_story_is_one_row_with_its_documents_and_conflicts_stay(tmp_path: Path, settings: Settings) -> None:
    pipeline.load([_corpus(tmp_path)], settings)
    rows = [r for r in run_pack("firm-holdings", {"id": "deepseek"}, settings)[1] if r["chip"] == "h800"]
    assert [(r["quantity"], r["documents"]) for r in rows] == [(10_000, 3), (50_000, 1)]
    assert rows[0]["titles"] == ["Outlet 0 story", "Outlet 1 story", "Outlet 2 story"]
    about = [r for r in run_pack("claims-about", {"id": "deepseek"}, settings)[1] if r["metric"] == "chips_held"]
    assert [(r["value"], r["documents"], len(r["titles"])) for r in about] == [(10_000, 3, 3), (50_000, 1, 1)]
    conflicts = run_pack("claims-conflicts", {"id": "deepseek"}, settings)[1]
    assert {r["value"] for r in conflicts if r["metric"] == "chips_held"} == {10_000, 50_000}


def test_forgetting_a_reprint_leaves_the_story_with_the_others(tmp_path: Path, settings: Settings) -> None:
    folder = _corpus(tmp_path)
    pipeline.load([folder], settings)
    pipeline.forget(str(folder / "outlet1.md"), settings)
    rows = [r for r in run_pack("firm-holdings", {"id": "deepseek"}, settings)[1] if r["quantity"] == 10_000]
    assert [(r["documents"], r["titles"]) for r in rows] == [(2, ["Outlet 0 story", "Outlet 2 story"])]
    pipeline.forget(str(folder / "outlet2.md"), settings)
    rows = [r for r in run_pack("firm-holdings", {"id": "deepseek"}, settings)[1] if r["quantity"] == 10_000]
    assert [r["documents"] for r in rows] == [1]
    with open_store(settings) as store:  # a story of one document is no story: its mark goes
        assert store.read("MATCH (c:Claim) WHERE c.story IS NOT NULL RETURN c.id AS id") == []


# One fact in two languages (written for this test): the same firm, chip, figure, seller, agency and
# month. The third passage has the same figure in a different story: another source, another date.
ENGLISH = ("---\npublished: 2024-02-02\n---\n# Cluster report\n\nDeepSeek holds 10,000 H800 GPUs that it bought "
           "from NVIDIA in October 2023, before the US Department of Commerce tightened its rules.\n")
KOREAN = ("---\npublished: 2024-02-03\n---\n# 클러스터 보도\n\n딥시크는 미국 상무부가 규제를 강화하기 전인 2023년 10월 "
          "엔비디아에서 사들인 H800 GPU 1만 개를 보유하고 있다.\n")
KOREAN_OTHER = ("---\npublished: 2025-03-10\n---\n# 다른 보도\n\n화웨이 관계자에 따르면 딥시크는 2025년 3월 현재 "
                "H800 GPU 1만 개를 보유하고 있다.\n")


def test_a_translated_article_is_one_story_and_the_same_figure_elsewhere_is_not(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "bilingual"
    folder.mkdir()
    for name, text in (("en.md", ENGLISH), ("ko.md", KOREAN), ("ko_other.md", KOREAN_OTHER)):
        (folder / name).write_text(text, encoding="utf-8")
    assert similarity(shingles(ENGLISH), shingles(KOREAN)) < 0.1  # no shared text: shingles cannot tell
    pipeline.load([folder], settings)
    rows = [r for r in run_pack("firm-holdings", {"id": "deepseek"}, settings)[1] if r["chip"] == "h800"]
    assert sorted((r["quantity"], r["documents"], tuple(r["titles"])) for r in rows) == [
        (10_000, 1, ("다른 보도",)), (10_000, 2, ("Cluster report", "클러스터 보도"))]
    about = [r for r in run_pack("claims-about", {"id": "deepseek"}, settings)[1] if r["metric"] == "chips_held"]
    assert sorted(r["documents"] for r in about) == [1, 2]
    with open_store(settings) as store:
        told = store.read("MATCH (c:Claim)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document) "
                          "WHERE c.story IS NOT NULL RETURN d.lang AS lang, c.story AS story ORDER BY lang")
    assert [r["lang"] for r in told] == ["en", "ko"] and len({r["story"] for r in told}) == 1


def test_a_founding_date_told_differently_is_not_one_story(tmp_path: Path, settings: Settings) -> None:
    """A claim without a figure (`founded`) is its date: two near-identical passages with two dates
    are two facts, not a reprint (their shingles alone would group them)."""
    folder = tmp_path / "dates"
    folder.mkdir()
    text = "# {title}\n\nDeepSeek was founded in {month}. Experts question whether the rules work as intended.\n"
    for name, month in (("a", "July 2023"), ("b", "March 2024"), ("c", "July 2023")):
        (folder / f"{name}.md").write_text(text.format(title=name.upper(), month=month), encoding="utf-8")
    assert similarity(shingles(text.format(title="", month="July 2023")), shingles(text.format(title="", month="March 2024"))) > 0.5
    pipeline.load([folder], settings)
    about = [r for r in run_pack("claims-about", {"id": "deepseek"}, settings)[1] if r["metric"] == "founded"]
    assert sorted((str(r["date"]), r["documents"]) for r in about) == [("2023-07-01", 2), ("2024-03-01", 1)]
