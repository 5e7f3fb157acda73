"""What `kg query` prints: terminal tables that never split a word, --wide, CSV, Markdown."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from kg.packs import all_packs
from kg.packs.layout import wrap
from kg.packs.output import _cell, to_csv, to_markdown, to_text
from kg.packs.run import run_pack


def _words(rows: list[dict], title: str) -> set[str]:
    words = set(title.split()) | {"(no", "rows)"}
    for row in rows:
        words.update(row)
        for value in row.values():
            words.update(_cell(value).split())
    return words


def _whole_or_cut(token: str, words: set[str], columns: set[str]) -> bool:
    if token in words or re.fullmatch(r"-+|\d+", token) or token == "…":
        return True
    if token.endswith(":") and token[:-1] in columns:
        return True
    return token.endswith("…") and any(w.startswith(token[:-1]) for w in words)


@pytest.fixture(scope="module")
def answers(seeded_settings) -> dict[str, tuple[str, list[dict]]]:
    return {name: run_pack(name, {}, seeded_settings) for name in all_packs()}


@pytest.mark.parametrize("width", [80, 60, 120])
def test_every_pack_fits_the_width_and_never_splits_a_word(answers, width: int) -> None:
    for name, (title, rows) in answers.items():
        text = to_text(rows, title, width)
        words, columns = _words(rows, title), set(rows[0]) if rows else set()
        for line in text.splitlines():
            assert cell_len(line) <= width, (name, line)
            split = [t for t in line.split() if not _whole_or_cut(t, words, columns)]
            assert not split, (name, line, split)


def test_wide_shows_every_value_whole_on_one_line(answers) -> None:
    for name, (title, rows) in answers.items():
        lines = to_text(rows, title, 80, wide=True).splitlines()
        for row in rows:
            for value in row.values():
                cell = " ".join(_cell(value).split())
                assert any(cell in line for line in lines), (name, cell)


def test_many_columns_at_80_become_one_block_per_record(answers) -> None:
    title, rows = answers["provenance"]
    text = to_text(rows, title, 80)
    assert text.count("\n-- ") + text.startswith("-- ") == len(rows) > 0
    assert re.search(r"^quote: +\S", text, re.M)


def test_a_narrow_table_wraps_text_at_words_and_cuts_the_rest_with_an_ellipsis() -> None:
    rows = [{"pack": "obtainable-before-controls",
             "title": "Which GPUs could a buyer in a country obtain before each control date"}]
    assert to_text(rows, None, 50) == (
        "pack                        title\n"
        "--------------------------  ----------------------\n"
        "obtainable-before-controls  Which GPUs could a\n"
        "                            buyer in a country\n"
        "                            obtain before each …\n")


def test_wrap_breaks_between_words_and_cuts_a_word_longer_than_a_line() -> None:
    assert wrap("a https://example.com/a/very/long/path b", 12, None) == ["a", "https://exa…", "b"]
    assert wrap("one two three four five six", 9, 2) == ["one two", "three …"]
    assert wrap("딥시크 엔비디아", 6, None) == ["딥시크", "엔비…"]


def test_csv_neutralises_cells_that_a_spreadsheet_would_run_as_formulas() -> None:
    rows = [{"a": "=HYPERLINK(\"http://x\")", "b": "+1", "c": "-cmd", "d": "@SUM(A1)", "e": -5, "f": "ok"}]
    assert to_csv(rows).splitlines() == [
        "a,b,c,d,e,f", "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-cmd,'@SUM(A1),-5,ok"]


def test_markdown_is_a_pipe_table_with_every_value_whole() -> None:
    rows = [{"chip": "h100", "quote": "a | b\nc", "n": 2}, {"chip": "h20", "quote": None, "n": 1.0}]
    assert to_markdown(rows) == ("| chip | quote | n |\n|---|---|---|\n"
                                 "| h100 | a \\| b c | 2 |\n| h20 |  | 1 |\n")


def test_query_takes_its_width_from_columns(kg_cli) -> None:
    listed = kg_cli("query", "--list", COLUMNS="70")
    assert listed.code == 0 and max(cell_len(line) for line in listed.out.splitlines()) <= 70
    assert max(cell_len(line) for line in kg_cli("query", "--list", "--wide", COLUMNS="70").out.splitlines()) > 70
