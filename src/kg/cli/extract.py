"""`kg extract PATH`: what extraction finds in a document, sentence by sentence, without a store.

Per sentence: the quantities (value, unit, span), dates, mentions, the source it credits, and the
frame of each quantity with the fact it states or the reason it states none; so an analyst (and
a test) can see why a fact was or was not taken.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

out = Console()


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


def extract_command(
    path: Path = typer.Argument(..., help="A document (.md, .markdown, .txt)."),
    fmt: str = typer.Option("table", "--format", help="table | jsonl"),
    all_sentences: bool = typer.Option(
        False, "--all", help="Also list sentences with nothing found."
    ),
) -> None:
    """Show what extraction finds in a file: quantities, dates, mentions and facts, per sentence."""
    from kg import ontology
    from kg.documents.reader import read_document
    from kg.errors import UsageError
    from kg.extract import analyse

    if fmt not in ("table", "jsonl"):
        raise UsageError(f"unknown format '{fmt}'", hint="use --format table or --format jsonl")
    rows = [sentence_record(s) for s in analyse(read_document(path), ontology.load())]
    rows = [r for r in rows if all_sentences or r["quantities"] or r["facts"] or r["relations"]]
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    _table(rows)


def sentence_record(s: Any) -> dict[str, Any]:
    return {
        "passage": s.passage.id,
        "start": s.passage.start + s.start,
        "end": s.passage.start + s.end,
        "text": s.text,
        "mentions": [
            {
                "surface": m.surface,
                "label": m.label or None,
                "id": m.id,
                "candidate": m.candidate,
                "span": [m.start, m.end],
            }
            for m in s.mentions
        ],
        "dates": [
            {
                "text": s.text[d.start : d.end],
                "value": d.iso,
                "precision": d.precision,
                "relative": d.relative,
                "span": [d.start, d.end],
            }
            for d in s.dates
        ],
        "quantities": [
            {
                "text": q.text,
                "value": q.value,
                "value_max": q.value_max,
                "unit": q.unit,
                "measure": q.measure,
                "span": [q.start, q.end],
            }
            for q in s.quantities
        ],
        "source": s.source.id if s.source else None,
        "facts": [_frame(f) for f in s.frames],
        "relations": [
            {
                "kind": d.rule.kind,
                "metric": d.rule.metric,
                "subject": d.subject.id,
                "object": d.object.id if d.object else None,
                "rule": d.rule.id,
            }
            for d in s.relations
        ],
    }


def _frame(f: Any) -> dict[str, Any]:
    return {
        "quantity": f.quantity.text,
        "value": f.quantity.value,
        "unit": f.unit,
        "metric": f.metric,
        "cue": f.cue,
        "subject": f.subject.id if f.subject else None,
        "object": f.object.id if f.object else None,
        "recipient": f.recipient.id if f.recipient else None,
        "date": f.date.iso if f.date else None,
        "qualifier": f.qualifier,
        "status": f.status,
        "fact": f.ok,
        "reason": f.reason,
    }


def _table(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        out.print(f"[bold]{row['passage']}[/bold] {row['start']}-{row['end']}: ", end="")
        out.print(row["text"], markup=False, highlight=False)
        names = ", ".join(
            f"{m['surface']}={m['label'] or '?'}:{m['id']}{'*' if m['candidate'] else ''}"
            for m in row["mentions"]
        )
        dates = ", ".join(f"{d['text']}={d['value']}" for d in row["dates"])
        out.print(
            f"  names: {names or '-'}   dates: {dates or '-'}   source: {row['source'] or '-'}",
            markup=False,
            highlight=False,
        )
        if row["facts"]:
            table = Table(show_edge=False, pad_edge=False)
            for column in (
                "quantity",
                "value",
                "unit",
                "metric",
                "subject",
                "object",
                "date",
                "qualifier",
                "status",
                "fact",
            ):
                table.add_column(column)
            for f in row["facts"]:
                table.add_row(
                    f["quantity"],
                    f"{f['value']:,.10g}",
                    f["unit"],
                    f["metric"] or "-",
                    f["subject"] or "-",
                    f["object"] or "-",
                    f["date"] or "-",
                    f["qualifier"],
                    f["status"],
                    "yes" if f["fact"] else f"no: {f['reason']}",
                )
            out.print(table)
        for r in row["relations"]:
            out.print(
                f"  relation: {r['kind']} {r['subject']} -> {r['object'] or '-'} ({r['rule']})",
                markup=False,
                highlight=False,
            )
