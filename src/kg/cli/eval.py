"""`kg eval GOLD_DIR`: extraction precision and recall per kind and overall."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table


out = Console()


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


def eval_command(
    gold_dir: Path = typer.Argument(..., help="Folder of gold YAML files (see tests/gold)."),
    min_precision: float = typer.Option(0.0, "--min-precision", help="Exit 1 below this overall precision."),
    min_recall: float = typer.Option(0.0, "--min-recall", help="Exit 1 below this overall recall."),
    show_errors: bool = typer.Option(False, "--errors", help="List missed and spurious facts."),
) -> None:
    """Score extraction against gold annotations."""
    from kg.eval import evaluate

    result = evaluate(gold_dir)
    table = Table(title=f"kg eval {gold_dir}")
    for column in ("kind", "gold", "extracted", "matched", "precision", "recall"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    rows = sorted(result.by_kind.items()) + [("overall", result.overall)]
    for kind, s in rows:
        table.add_row(kind, str(s.gold), str(s.extracted), str(s.matched), f"{s.precision:.2f}", f"{s.recall:.2f}")
    out.print(table)
    matched = result.overall.matched
    out.print(f"qualifier and date right in {matched - len(result.details_wrong)} of {matched} matched facts")
    if show_errors:
        for fact in result.missed:
            out.print(f"missed: {fact['kind']} {fact['subject']} {fact.get('object')} {fact.get('value')}")
        for claim in result.spurious:
            out.print(f"spurious: {claim['kind']} {claim.get('subject')} {claim.get('object')} {claim.get('value')} "
                      f"[{claim['extractor']}]")
        for fact, claim in result.details_wrong:
            out.print(f"wrong detail: {fact['kind']} {fact['subject']} {fact.get('object')}: qualifier "
                      f"{claim.get('qualifier')} (gold {fact.get('qualifier')}), date {claim.get('as_of')} "
                      f"(gold {fact.get('date')})")
    overall = result.overall
    if overall.precision < min_precision or overall.recall < min_recall:
        raise typer.Exit(1)
