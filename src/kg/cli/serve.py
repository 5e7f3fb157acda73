"""`kg serve`: the browser console (editor, packs, graph and table) on 127.0.0.1."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    ctx: typer.Context,
    port: int | None = typer.Option(
        None, "--port", min=1, max=65535, help="Port on 127.0.0.1 (default: a free one)."
    ),
    timeout: float = typer.Option(10.0, "--timeout", min=0.1, help="Seconds a query may run."),
    max_rows: int = typer.Option(1000, "--max-rows", min=1, help="Rows a query may return."),
) -> None:
    """Open a browser console for the graph: Cypher editor, query packs, graph and table
    (read-only)."""
    from kg.console.server import serve as run_server
    from kg.console.session import Limits

    run_server(ctx.obj, port, Limits(timeout, max_rows), lambda line: typer.echo(line, err=False))
