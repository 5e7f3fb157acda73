"""`kg search WORDS`: passages that contain every word, from the store's full-text index."""

from __future__ import annotations

from typing import Any

import typer

from kg import search as full_text
from kg.cli.query import WIDE, Format, _print
from kg.config import Settings
from kg.errors import QueryError
from kg.store import open_store


def register(app: typer.Typer) -> None:
    app.command("search")(search)


def search(
    ctx: typer.Context,
    words: str = typer.Argument(
        ..., help="Words that must all occur, English or Korean (particles are cut off)."
    ),
    limit: int = typer.Option(10, "--limit", min=1, max=1000, help="At most this many passages."),
    fmt: Format = typer.Option(Format.table, "--format", "-f"),
    wide: bool = WIDE,
) -> None:
    """Find passages by their words, best first, with document, date and the entities they name."""
    rows = passages(ctx.obj, words, limit)
    _print(rows, fmt, f"passages with: {' '.join(full_text.query_words(words))}", wide)


def passages(settings: Settings, words: str, limit: int) -> list[dict[str, Any]]:
    with open_store(settings, schema=False) as store:
        try:
            rows = full_text.search(store, words, limit)
        except QueryError as exc:
            if "index" not in str(exc).lower():
                raise
            raise QueryError(
                "the store has no full-text index yet", hint="run `kg load` once more to build it"
            ) from exc
    return [{"rank": n, **row, "score": round(row["score"], 3)} for n, row in enumerate(rows, 1)]
