"""`kg search`: passages by their words from the store's full-text index, Korean particles cut off."""

from __future__ import annotations

import json
from pathlib import Path

from kg import pipeline
from kg.cli.search import passages
from kg.config import Settings
from kg.packs.run import run_pack
from kg.search import query_words, stem, terms

EN = ("---\ntitle: Customs case\npublished: 2025-03-04\n---\n# Customs\n\n"
      "Prosecutors said DeepSeek smuggled 2,000 H100 GPUs through Singapore.\n\n"
      "Nvidia said its H100 sales in Singapore were legal.\n")
KO = ("---\ntitle: 세관 사건\npublished: 2025-05-06\n---\n# 세관\n\n"
      "검찰은 딥시크가 엔비디아 H100 GPU 2천 개를 밀반입했다고 밝혔다.\n\n"
      "세관은 밀반입을 막기 위해 단속을 강화했다.\n\n화웨이는 어센드 칩을 생산한다.\n")


def _load(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "en.md").write_text(EN, encoding="utf-8")
    (tmp_path / "docs" / "ko.md").write_text(KO, encoding="utf-8")
    assert pipeline.load([tmp_path / "docs"], settings).ok


def test_korean_words_lose_their_particles_and_endings() -> None:
    assert [stem(w) for w in ("밀반입을", "밀반입했다", "칩을", "밀반입", "엔비디아는")] == \
        ["밀반입", "밀반입", "칩", "밀반입", "엔비디아"]
    assert terms("세관은 밀반입을 막기 위해") == "밀반입 세관"
    assert terms("Prosecutors said DeepSeek smuggled chips") is None
    assert query_words("smuggled H100, 밀반입을!") == ["smuggled", "H100", "밀반입"]


def test_an_english_search_finds_the_passage_with_its_document_date_and_entities(tmp_path: Path,
                                                                                 settings: Settings) -> None:
    _load(tmp_path, settings)
    rows = passages(settings, "smuggled H100", 10)
    assert len(rows) == 1 and "smuggled 2,000 H100" in rows[0]["text"]
    assert (rows[0]["title"], str(rows[0]["date"])) == ("Customs case", "2025-03-04")
    assert {"deepseek", "h100"} <= set(rows[0]["mentions"])
    stemmed = passages(settings, "smuggling", 10)  # English stemming
    assert [r["passage"] for r in stemmed] == [rows[0]["passage"]]


def test_a_korean_search_finds_words_with_particles_and_endings_attached(tmp_path: Path,
                                                                         settings: Settings) -> None:
    _load(tmp_path, settings)
    found = passages(settings, "밀반입", 10)
    assert sorted(r["text"][:6] for r in found) == ["검찰은 딥시", "세관은 밀반"]
    assert all(r["title"] == "세관 사건" for r in found) and found[0]["score"] >= found[-1]["score"]
    assert [r["rank"] for r in found] == [1, 2]
    assert [r["passage"] for r in passages(settings, "밀반입을", 10)] == [r["passage"] for r in found]
    assert len(passages(settings, "칩", 10)) == 1 and passages(settings, "nothing-like-this", 10) == []


def test_search_is_a_query_pack_and_a_command(tmp_path: Path, settings: Settings, kg_cli) -> None:
    _load(tmp_path, settings)
    rows = run_pack("search", {"words": "밀반입"}, settings)[1]
    assert len(rows) == 2 and all("밀반입" in r["text"] for r in rows)
    done = kg_cli("search", "smuggled H100", "--format", "json", data_dir=settings.data_dir)
    assert done.code == 0, done.err
    [row] = json.loads(done.out)
    assert (row["rank"], row["title"]) == (1, "Customs case") and "smuggled" in row["text"]


def test_a_reload_and_a_reset_keep_search_working(tmp_path: Path, settings: Settings) -> None:
    _load(tmp_path, settings)
    pipeline.load([tmp_path / "docs"], settings)
    pipeline.load([tmp_path / "docs"], settings, reset=True)
    assert len(passages(settings, "밀반입", 10)) == 2
