"""`kg query` (packs) and `kg cypher` (ad hoc), both read-only."""

from __future__ import annotations

import shutil
from enum import StrEnum
from typing import Any

import typer

from kg.errors import UsageError
from kg.packs import all_packs, coerce, find_pack
from kg.packs.output import to_csv, to_json, to_markdown, to_text
from kg.packs.run import run_cypher, run_pack


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


WIDE = typer.Option(
    False, "--wide", "-w", help="Show every value whole, wider than the terminal if need be."
)


def register(app: typer.Typer) -> None:
    app.command("query")(query)
    app.command("cypher")(cypher)


def parse_params(items: list[str] | None) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items or []:
        if "=" not in item:
            raise UsageError(f"--param wants name=value, not '{item}'")
        key, value = item.split("=", 1)
        params[key.strip()] = value
    return params


def query(
    ctx: typer.Context,
    name: str | None = typer.Argument(None, help="Pack name (see --list)."),
    param: list[str] | None = typer.Option(None, "--param", "-p", help="name=value, repeatable."),
    fmt: Format = typer.Option(Format.table, "--format", "-f"),
    list_packs: bool = typer.Option(
        False, "--list", help="List the packs with titles and parameters."
    ),
    wide: bool = WIDE,
    limit: int | None = typer.Option(
        None, "--limit", min=0, help="At most this many rows (default: the pack's)."
    ),
    skip: int | None = typer.Option(
        None, "--skip", min=0, help="Skip this many rows first (the next page)."
    ),
    include_rejected: bool = typer.Option(
        False,
        "--include-rejected",
        help="Show claims an analyst rejected too (packs that read claims).",
    ),
) -> None:
    """Run a query pack from queries/."""
    if list_packs or name is None:
        _print(_pack_rows(), fmt, "query packs", wide)
        return
    given = parse_params(param)
    given.update({k: str(v) for k, v in (("limit", limit), ("skip", skip)) if v is not None})
    if include_rejected and "include_rejected" in find_pack(name).params:
        given["include_rejected"] = "1"
    title, rows = run_pack(name, given, ctx.obj)
    _print(rows, fmt, title, wide)
    _note_more(find_pack(name).bind(given), len(rows))


def cypher(
    ctx: typer.Context,
    text: str = typer.Argument(..., help="A read-only Cypher query."),
    param: list[str] | None = typer.Option(None, "--param", "-p", help="name=value, repeatable."),
    fmt: Format = typer.Option(Format.table, "--format", "-f"),
    wide: bool = WIDE,
) -> None:
    """Run an ad-hoc read-only Cypher query."""
    params: dict[str, Any] = {k: coerce(v) for k, v in parse_params(param).items()}
    _print(run_cypher(text, params, ctx.obj), fmt, None, wide)


def _note_more(params: dict[str, Any], rows: int) -> None:
    """A full page may have a next one: say how to get it (on stderr, so output stays clean)."""
    limit, skip = params.get("limit"), params.get("skip")
    if isinstance(limit, int) and isinstance(skip, int) and limit and rows >= limit:
        typer.echo(f"{rows} rows, maybe more: --skip {skip + limit} for the next page", err=True)


def _pack_rows() -> list[dict[str, Any]]:
    return [
        {
            "pack": p.name,
            "title": p.title,
            "params": ", ".join(f"{k} = {v!r}" for k, v in p.params.items()),
        }
        for p in all_packs().values()
    ]


def _print(rows: list[dict[str, Any]], fmt: Format, title: str | None, wide: bool) -> None:
    if fmt is Format.json:
        typer.echo(to_json(rows))
    elif fmt is Format.csv:
        typer.echo(to_csv(rows), nl=False)
    elif fmt is Format.markdown:
        typer.echo(to_markdown(rows), nl=False)
    else:  # COLUMNS, else the terminal's width, else 80 when piped
        typer.echo(to_text(rows, title, shutil.get_terminal_size((80, 24)).columns, wide), nl=False)
