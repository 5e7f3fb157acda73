"""`kg`: the entry point. Each command group lives in its own module and registers here."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kg import paths
from kg.config import Settings
from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Export-control and supply-chain knowledge graph: load documents, ask Cypher, draw views.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: typer's rich help shows a flag as `--debug <bool>`
)


@app.callback()
def main(
    ctx: typer.Context,
    store: str | None = typer.Option(
        None,
        "--store",
        help="Graph store: 'embedded' (default), neo4j://…, bolt://…, neo4j+s://…, redis://…",
    ),
    data_dir: Path | None = typer.Option(
        None,
        "--data-dir",
        help="Data directory of the embedded store (default .kg, or KG_DATA_DIR).",
    ),
    data_root: Path | None = typer.Option(
        None,
        "--data-root",
        help="Your own ontology/, loaders/ and queries/ folders, used instead of "
        "the built-in ones (query packs are added to them); default KG_DATA_ROOT.",
    ),
    curation: Path | None = typer.Option(
        None,
        "--curation",
        help="The curation file of your decisions (default KG_CURATION, else "
        "curation.yaml in the data directory).",
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    paths.set_data_root(data_root)
    ctx.obj = Settings.from_options(store, data_dir, debug, curation)


def _register() -> None:
    from kg.cli import curate, export, extract, load, query, search, serve, view
    from kg.cli import eval as eval_cmd

    for module in (load, query, view, export, eval_cmd, extract, serve, curate, search):
        module.register(app)


GLOBAL_WITH_VALUE = ("--store", "--data-dir", "--data-root", "--curation")


def hoist_global_options(argv: list[str]) -> list[str]:
    """`kg load seeds/ --store neo4j://…` works like `kg --store neo4j://… load seeds/` (DESIGN.md
    writes the options after the command; typer wants them before it)."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in GLOBAL_WITH_VALUE and i + 1 < len(argv):
            front += [arg, argv[i + 1]]
            i += 2
            continue
        if arg == "--debug" or any(arg.startswith(f"{opt}=") for opt in GLOBAL_WITH_VALUE):
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def run() -> None:
    """Run the CLI; a KgError becomes one line on stderr and its exit code."""
    _register()
    debug = "--debug" in sys.argv
    try:
        code = app(
            args=hoist_global_options(sys.argv[1:]), standalone_mode=False
        )  # returns typer.Exit's code instead of raising it
        if isinstance(code, int) and code:
            sys.exit(code)
    except KgError as exc:
        if debug:
            raise
        hint = f" (hint: {exc.hint})" if exc.hint else ""
        typer.echo(f"Error: {exc}{hint}", err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors and anything unforeseen
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # click's usage errors
            exc.show()
            sys.exit(exc.exit_code)
        if debug:
            raise
        typer.echo(
            f"Error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True
        )
        sys.exit(1)
