"""Query results as a terminal table, JSON, CSV or Markdown: graph values and dates made plain."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from kg.packs import layout
from kg.store.values import NodeValue, PathValue, RelValue


def plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, NodeValue):
        return {"_labels": list(value.labels), **{k: plain(v) for k, v in value.props.items()}}
    if isinstance(value, RelValue):
        return {"_type": value.type, **{k: plain(v) for k, v in value.props.items()}}
    if isinstance(value, PathValue):
        return {
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.rels],
        }
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def to_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps([plain(r) for r in rows], ensure_ascii=False)


def to_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _inert(v) for k, v in row.items()})
    return buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: Any) -> str:
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a leading `'`
    (OWASP's advice); numbers stay numbers."""
    text = _cell(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return text
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_markdown(rows: list[dict[str, Any]]) -> str:
    """A GitHub-flavoured Markdown table, every value whole, for pasting into notes."""
    if not rows:
        return "(no rows)\n"
    columns = list(rows[0])

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(" ".join(c.split()).replace("|", "\\|") for c in cells) + " |"

    body = [line([_cell(row.get(c)) for c in columns]) for row in rows]
    return "\n".join([line(columns), "|" + "---|" * len(columns), *body]) + "\n"


def to_text(rows: list[dict[str, Any]], title: str | None, width: int, wide: bool = False) -> str:
    """The terminal table (see kg.packs.layout)."""
    columns = list(rows[0]) if rows else []
    return layout.render(
        columns, [[_cell(row.get(c)) for c in columns] for row in rows], title, width, wide
    )


def _cell(value: Any) -> str:
    if isinstance(value, PathValue):
        names = [str(n.props.get("name") or n.props.get("id") or n.element_id) for n in value.nodes]
        steps = [f"-[{r.type}]-" for r in value.rels]
        return " ".join(x for pair in zip(names, steps + [""], strict=True) for x in pair if x)
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return f"{int(value)}"
    return str(value)
