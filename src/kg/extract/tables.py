"""Tables written as text (the pipes of a Markdown table, tabs): a spec table gives each chip a
column (`| Spec | H20 | L20 |`, then `| Memory | 96 GB | 48 GB |`), so a figure's column names the
chip it is about."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kg.extract.gazetteer import Mention

_SEPARATOR = re.compile(r"\s*\|\s*|\t")
_RULE_ROW = re.compile(r"[\s|:\-]*")  # "|---|:---:|": a Markdown table's rule, no cells
_COUNT = re.compile(r"\s*\d[\d,]*\s+")  # a bare count before a name


def row_cells(text: str) -> list[tuple[int, int]] | None:
    """The cells of a table row (at least three, empty ones kept so that columns keep their
    places), as spans of `text`; None if it is no row."""
    if "|" not in text and "\t" not in text:
        return None
    first = min(i for i in (text.find("|"), text.find("\t")) if i >= 0)
    start = text.rfind("\n", 0, first) + 1  # "Benchmarks:\n| Benchmark | …": the row's own line
    cells = []
    for m in _SEPARATOR.finditer(text, start):
        cells.append((start, m.start()))
        start = m.end()
    cells.append((start, len(text)))
    if cells and not text[cells[0][0] : cells[0][1]].strip():
        cells = cells[1:]  # "| Spec | …": the pipe that opens the row opens no cell
    if cells and not text[cells[-1][0] : cells[-1][1]].strip():
        cells = cells[:-1]  # nor the one that closes it
    return cells if len(cells) >= 3 else None


def is_rule(text: str) -> bool:
    return bool(_RULE_ROW.fullmatch(text))


def header_columns(
    text: str,
    cells: Sequence[tuple[int, int]],
    mentions: Sequence[Mention],
    label: str = "Chip",
    below_a_header: bool = False,
) -> dict[int, Mention] | None:
    """A header row names one thing of `label` in each of at least two cells: column -> name. A
    cell past the first whose one name has no type is of the same kind as its typed neighbours
    (`| Spec | BR100 | A100 |`: a new chip beside a known one). Below a header, a cell that
    counts its name (`| 300 Ascend 910C |`) is a row of the table's body, no new header."""
    columns: dict[int, Mention] = {}
    untyped: dict[int, Mention] = {}
    for i, (a, b) in enumerate(cells):
        inside = [m for m in mentions if a <= m.start and m.end <= b and m.label in (label, "")]
        if len(inside) != 1 or below_a_header and _COUNT.fullmatch(text, a, inside[0].start):
            continue
        if inside[0].label == label:
            columns[i] = inside[0]
        elif i > 0:
            untyped[i] = replace(inside[0], label=label)
    if columns:
        columns.update(untyped)
    return dict(sorted(columns.items())) if len(columns) >= 2 else None


def column_of(cells: Sequence[tuple[int, int]], at: int) -> int | None:
    return next((i for i, (a, b) in enumerate(cells) if a <= at < b), None)
