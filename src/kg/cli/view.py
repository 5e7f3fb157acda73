"""`kg view`: an HTML view of a pack, an entity's neighbourhood, or a query."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli.query import parse_params


def register(app: typer.Typer) -> None:
    app.command("view")(view)


def view(
    ctx: typer.Context,
    pack: str | None = typer.Argument(
        None, help="A query pack to draw (e.g. neighborhood, timeline)."
    ),
    param: list[str] | None = typer.Option(None, "--param", "-p", help="name=value, repeatable."),
    entity: str | None = typer.Option(None, "--entity", help="Draw this entity's neighbourhood."),
    depth: int = typer.Option(2, "--depth", min=1, max=3, help="Neighbourhood depth (1-3)."),
    cypher: str | None = typer.Option(
        None, "--cypher", help="Draw what a read-only query returns."
    ),
    output: Path = typer.Option(..., "-o", "--output", help="The HTML file to write."),
) -> None:
    """Write a self-contained HTML view (works offline)."""
    from kg.views.build import build_view  # jinja2 and vis-network only when drawing

    counts = build_view(
        ctx.obj,
        output,
        pack=pack,
        params=parse_params(param),
        entity=entity,
        depth=depth,
        cypher=cypher,
    )
    if counts.get("claims"):
        typer.echo(f"Wrote {output} ({counts['claims']} conflicting claims, side by side).")
    elif counts["nodes"]:
        typer.echo(
            f"Wrote {output} ({counts['nodes']} nodes, {counts['relationships']} relationships)."
        )
    else:
        typer.echo(f"Wrote {output} (a timeline of {counts['rows']} dated items).")
