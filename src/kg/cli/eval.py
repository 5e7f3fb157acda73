"""`kg eval GOLD_DIR`: extraction precision and recall against gold annotations (EVALUATION.md)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:  # kg.eval runs extraction: imported when the command runs
    from kg.eval import Evaluation, Score

out = Console()


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


def eval_command(
    gold_dir: Path = typer.Argument(
        ..., help="Folder of gold files (<id>.gold.yaml), e.g. tests/gold/real/dev."
    ),
    min_precision: float = typer.Option(
        0.0, "--min-precision", help="Exit 1 below this numeric precision."
    ),
    min_recall: float = typer.Option(0.0, "--min-recall", help="Exit 1 below this numeric recall."),
    show_errors: bool = typer.Option(
        False, "--errors", help="List missed facts, spurious claims, unlinked names."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    log: Path = typer.Option(
        None, "--log", help="Append the figures to this log (the test split's scoring log)."
    ),
) -> None:
    """Score extraction against gold annotations: numeric facts per kind and language, entity
    linking."""
    from kg.eval import evaluate

    result = evaluate(gold_dir)
    figures = _figures(result)
    if as_json:
        out.print_json(json.dumps(figures))
    else:
        _print(result, gold_dir)
    if show_errors:
        _errors(result)
    if log is not None:
        _log(log, gold_dir, figures)
    overall = result.overall
    if overall.precision < min_precision or overall.recall < min_recall:
        raise typer.Exit(1)


def _figures(result: Evaluation) -> dict[str, Any]:
    def one(s: Score) -> dict[str, Any]:
        return {
            "gold": s.gold,
            "found": s.found,
            "claims": s.claims,
            "right": s.right,
            "recall": round(s.recall, 3),
            "precision": round(s.precision, 3),
        }

    return {
        "articles": result.articles,
        "overall": one(result.overall),
        "by_lang": {k: one(v) for k, v in sorted(result.by_lang.items())},
        "by_kind": {k: one(v) for k, v in sorted(result.by_kind.items())},
        "relations": {"gold": result.relations.gold, "found": result.relations.found},
        "entity_linking": {
            k: {"gold": v.gold, "linked": v.found, "recall": round(v.recall, 3)}
            for k, v in sorted(result.entities.items())
        }
        | {
            "overall": {
                "gold": result.linking.gold,
                "linked": result.linking.found,
                "recall": round(result.linking.recall, 3),
            }
        },
        "details_right": {
            "matched": result.details.gold,
            "qualifier_and_date_right": result.details.found,
        },
    }


def _print(result: Evaluation, gold_dir: Path) -> None:
    table = Table(title=f"kg eval {gold_dir} ({result.articles} articles): numeric facts")
    for column in ("", "gold", "found", "recall", "claims", "right", "precision"):
        table.add_column(column, justify="left" if not column else "right")
    rows = [(f"kind {k}", s) for k, s in sorted(result.by_kind.items())]
    rows += [(f"lang {k}", s) for k, s in sorted(result.by_lang.items())] + [
        ("overall", result.overall)
    ]
    for name, s in rows:
        table.add_row(
            name,
            str(s.gold),
            str(s.found),
            f"{s.recall:.2f}",
            str(s.claims),
            str(s.right),
            f"{s.precision:.2f}",
        )
    out.print(table)
    link = result.linking
    per_lang = ", ".join(f"{k} {v.found}/{v.gold}" for k, v in sorted(result.entities.items()))
    out.print(f"entity linking: {link.found} of {link.gold} ({link.recall:.2f}; {per_lang})")
    out.print(f"facts without a figure: {result.relations.found} of {result.relations.gold} found")
    out.print(
        f"qualifier and date right in {result.details.found} of {result.details.gold} matched facts"
    )


def _errors(result: Evaluation) -> None:
    for miss in result.missed:
        f = miss.fact
        out.print(
            f"missed   {miss.article} {f.kind} {f.subject} / {f.object} {f.value} {f.unit}: "
            f"{f.quote_anchor}",
            markup=False,
            highlight=False,
        )
    for spur in result.spurious:
        c = spur.claim
        out.print(
            f"spurious {spur.article} {c['metric']} {c['subject']} / {c['object']} {c['value']} "
            f"{c['unit']}: "
            f"{c['quote'][:140]}",
            markup=False,
            highlight=False,
        )
    for article, entity in result.unlinked:
        out.print(
            f"unlinked {article} {entity.type} {entity.name} {entity.aliases_in_text}",
            markup=False,
            highlight=False,
        )


def _pr(v: dict[str, Any]) -> str:
    """Precision and recall from the counts (the figures' rounded ratios would round twice)."""
    precision = v["right"] / v["claims"] if v["claims"] else 1.0
    recall = v["found"] / v["gold"] if v["gold"] else 1.0
    return f"P {precision:.2f} R {recall:.2f}"


def _log(path: Path, gold_dir: Path, figures: dict[str, Any]) -> None:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    o = figures["overall"]
    langs = "; ".join(f"{k} {_pr(v)} ({v['gold']} facts)" for k, v in figures["by_lang"].items())
    link = figures["entity_linking"]["overall"]
    linked = link["linked"] / link["gold"] if link["gold"] else 1.0
    line = (
        f"| {dt.date.today().isoformat()} | {commit or '?'} | {gold_dir} | {figures['articles']} | "
        f"{_pr(o)} ({o['gold']} facts) | {langs} | {linked:.2f} |\n"
    )
    if not path.exists():
        path.write_text(
            "# Scorings of the test split\n\n| date | commit | split | articles | numeric facts | "
            "per language | entity linking |\n|---|---|---|---|---|---|---|\n",
            encoding="utf-8",
        )
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line)
