"""`kg claim reject|confirm` and `kg entity accept|merge|alias`: an analyst's decisions, kept in the
curation file and replayed after every load (README, "Curating the graph")."""

from __future__ import annotations

import typer

from kg.curation import commands
from kg.curation.commands import Recorded

claim_app = typer.Typer(
    help="Reject or confirm a claim (kept in the curation file).", no_args_is_help=True
)
entity_app = typer.Typer(
    help="Accept, merge or name entities (kept in the curation file).", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(claim_app, name="claim")
    app.add_typer(entity_app, name="entity")


@claim_app.command("reject")
def reject(
    ctx: typer.Context,
    claim: str = typer.Argument(..., help="The claim's id (claim-…)."),
    why: str = typer.Option(..., "--why", help="Why it is wrong: kept with the decision."),
) -> None:
    """Reject a claim: it stays in the graph, marked; packs leave it out (--include-rejected)."""
    _report(commands.review_claim(ctx.obj, "reject", claim, why))


@claim_app.command("confirm")
def confirm(
    ctx: typer.Context,
    claim: str = typer.Argument(..., help="The claim's id (claim-…)."),
    why: str | None = typer.Option(None, "--why", help="Why: kept with the decision."),
) -> None:
    """Confirm a claim: it is marked as checked by an analyst."""
    _report(commands.review_claim(ctx.obj, "confirm", claim, why))


@entity_app.command("accept")
def accept(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The candidate's name or id."),
    label: str = typer.Option(
        ..., "--as", help="What it is: Firm, Person, Agency, AIModel, Chip, ..."
    ),
    alias: list[str] | None = typer.Option(
        None, "--alias", help="Another name (any language), repeatable."
    ),
    country: str | None = typer.Option(None, "--country", help="Where it is based (code or name)."),
) -> None:
    """Make a candidate (or a new name) a known entity: documents loaded from now on link to it."""
    _report(commands.accept_entity(ctx.obj, name, label, alias or [], country))


@entity_app.command("merge")
def merge(
    ctx: typer.Context,
    gone: str = typer.Argument(..., metavar="A", help="The entity that goes (id or name)."),
    into: str = typer.Argument(..., metavar="B", help="The entity that stays (id or name)."),
) -> None:
    """A and B are one entity: A's names link to B, its claims and edges count under B."""
    _report(commands.merge_entities(ctx.obj, gone, into))


@entity_app.command("alias")
def alias(
    ctx: typer.Context,
    entity: str = typer.Argument(..., metavar="ID", help="The entity (id or name)."),
    name: str = typer.Argument(..., help="Another name for it, e.g. its Korean name."),
) -> None:
    """Add a name to a known entity: documents loaded from now on link it."""
    _report(commands.alias_entity(ctx.obj, entity, name))


def _report(done: Recorded) -> None:
    d = done.decision
    verb = "Recorded" if done.written else "Already recorded"
    typer.echo(f"{verb}: {d.action} {d.target} in {done.path}")
    for warning in done.warnings:
        typer.echo(f"Warning: {done.path}: {warning}", err=True)
    if d.action in ("accept", "merge", "alias"):
        typer.echo(
            "Documents loaded from now on link these names; `kg load` your documents again "
            "to re-read "
            "the ones already loaded."
        )
