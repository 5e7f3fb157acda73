"""`kg load`, `kg forget`, `kg status`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg import pipeline
from kg.errors import UsageError
from kg.web.urls import looks_like_url, read_url_list

err = Console(stderr=True)
out = Console()


def register(app: typer.Typer) -> None:
    app.command("load")(load)
    app.command("forget")(forget)
    app.command("status")(status)


def load(
    ctx: typer.Context,
    paths: list[str] | None = typer.Argument(
        None,
        metavar="PATH_OR_URL",
        help="Files or folders of .md, .txt, .html and .pdf documents, or http(s) URLs of pages.",
    ),
    urls: Path | None = typer.Option(
        None, "--urls", metavar="FILE", help="A file of URLs to load, one a line (# comments)."
    ),
    feeds: list[str] | None = typer.Option(
        None, "--feed", metavar="URL", help="An RSS or Atom feed whose items to load."
    ),
    refresh: bool = typer.Option(
        False, "--refresh", help="Fetch pages again instead of reading the kept copies."
    ),
    reset: bool = typer.Option(False, "--reset", help="Empty the graph first."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Read and extract, write nothing."),
    shard: str | None = typer.Option(
        None, "--shard", help="Load only shard I of N documents, as I/N."
    ),
) -> None:
    """Read documents (files, web pages, feed items), extract their facts and load them with the
    reference knowledge."""
    files = [Path(p) for p in paths or [] if not looks_like_url(p)]
    links = [p for p in paths or [] if looks_like_url(p)] + (read_url_list(urls) if urls else [])
    if not (files or links or feeds):
        raise UsageError("nothing to load: give files or folders, URLs, --urls FILE or --feed URL")
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("loading", total=None)

        def progress(path: str, done: int, total: int) -> None:
            bar.update(
                task, completed=done, total=total, description=Path(path).name[:40] or "loading"
            )

        report = pipeline.load(
            files,
            ctx.obj,
            reset=reset,
            dry_run=dry_run,
            progress=progress,
            shard=_shard(shard),
            urls=links,
            feeds=feeds or [],
            refresh=refresh,
        )
    for path, reason in report.warnings:
        typer.echo(f"Warning: {path}: {reason}", err=True)
    for path, reason in report.failed:
        typer.echo(f"Error: {path}: {reason}", err=True)
    out.print(_summary(report))
    if report.failed:
        raise typer.Exit(1)


def _shard(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    try:
        index, count = (int(x) for x in text.split("/"))
    except ValueError:
        raise UsageError(f"--shard wants I/N (e.g. 0/4), not '{text}'") from None
    if not 0 <= index < count:
        raise UsageError(f"--shard {text}: I must be between 0 and N-1")
    return index, count


def _summary(report: pipeline.LoadReport) -> Table:
    title = "kg load (dry run: nothing written)" if report.dry_run else "kg load"
    table = Table(title=title, show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("documents read", report.read),
        ("web pages fetched", report.fetched),
        ("changed (loaded)", report.changed),
        ("skipped (unchanged)", report.skipped),
        ("same text, new source", report.sources_added),
        ("replaced (old text at a source)", report.replaced),
        ("failed", len(report.failed)),
        ("passages", report.passages),
        ("mentions", report.mentions),
        ("claims", report.claims),
        ("nodes written", report.nodes_written),
        ("relationships written", report.relationships_written),
    ]
    for name, value in rows:
        table.add_row(name, str(value))
    return table


def forget(
    ctx: typer.Context,
    doc: str = typer.Argument(..., help="Document id, or a path or URL it came from."),
) -> None:
    """Remove one document (by id), or one of its sources (by path or URL), and every fact that
    came only from it: a document goes with its last source."""
    done = pipeline.forget(doc, ctx.obj)
    if done.remaining:
        typer.echo(
            f"Forgot source {done.source} of document {done.document} "
            f"(still loaded from {done.remaining} other source{'s' if done.remaining > 1 else ''})."
        )
    else:
        typer.echo(f"Forgot document {done.document}.")


def status(ctx: typer.Context) -> None:
    """What the store is and what it holds."""
    info, counts = pipeline.status(ctx.obj)
    for key, value in info.items():
        out.print(f"[bold]{key}[/bold]: {value}")
    table = Table(show_header=True)
    table.add_column("label / type")
    table.add_column("count", justify="right")
    for name, n in counts.nodes.items():
        table.add_row(f"({name})", str(n))
    for name, n in counts.relationships.items():
        if n:
            table.add_row(f"[:{name}]", str(n))
    out.print(table)
    sys.stdout.flush()
