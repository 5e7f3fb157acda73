"""`kg export` (RDF, GraphML, Cypher) and `kg validate` (SHACL)."""

from __future__ import annotations

from pathlib import Path

import typer

from kg import ontology
from kg.store import open_store


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("validate")(validate)


def export(
    ctx: typer.Context,
    fmt: str = typer.Option("ttl", "--format", "-f", help="ttl | jsonld | graphml | cypher"),
    output: Path = typer.Option(..., "-o", "--output", help="File to write."),
) -> None:
    """Write the whole graph as RDF (with the ontology's IRIs), GraphML or Cypher."""
    from kg.export import dump_graph, write_export

    onto = ontology.load()
    with open_store(ctx.obj, schema=False) as store:
        dump = dump_graph(store, onto)
    write_export(dump, onto, fmt, output)
    typer.echo(f"Wrote {output} ({len(dump.nodes)} nodes, {len(dump.edges)} relationships).")


def validate(ctx: typer.Context) -> None:
    """Check the graph against the SHACL shapes in ontology/shapes.ttl."""
    from kg.validate import validate_store  # pySHACL only when validating

    found = validate_store(ctx.obj)
    for v in found:
        typer.echo(f"violation: {v.focus} {v.path}: {v.message}")
    if found:
        typer.echo(f"{len(found)} violation(s).", err=True)
        raise typer.Exit(1)
    typer.echo("The graph conforms to ontology/shapes.ttl.")
