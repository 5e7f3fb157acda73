"""Run a pack or an ad-hoc query, read-only, against the configured store.

`kg query`, `kg cypher` and the console of `kg serve` all come through here: the `*_on`
functions take a store that is already open (the console holds one for its lifetime); while a
console holds the embedded store, `kg query` and `kg cypher` ask it (kg.console.client).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from kg import ontology
from kg.config import Settings
from kg.console.client import ConsoleClient, ConsoleGone, running_console
from kg.packs.guard import ensure_read_only
from kg.packs.model import Pack, find_pack
from kg.packs.params import resolve
from kg.store import Store, open_store

T = TypeVar("T")


def run_pack(
    name: str, given: dict[str, str], settings: Settings
) -> tuple[str, list[dict[str, Any]]]:
    find_pack(name).bind(given)  # a bad name or parameter: one line, before any store or console
    return _answered(
        settings,
        lambda console: console.pack(name, given),
        lambda store: run_pack_on(store, name, given),
    )


def run_pack_on(
    store: Store, name: str, given: dict[str, str], timeout: float | None = None
) -> tuple[str, list[dict[str, Any]]]:
    pack = find_pack(name)
    params = pack.bind(given)
    return pack.title, store.read(
        pack.cypher, resolve_entities(pack, params, store), timeout=timeout
    )


def resolve_entities(pack: Pack, params: dict[str, Any], store: Store) -> dict[str, Any]:
    """Entity and country parameters as ids: `DeepSeek`, `딥시크` -> `deepseek`."""
    onto = ontology.load()
    return {
        **params,
        **{
            k: resolve(str(params[k]), kind, onto, store)
            for k, kind in pack.entity_params().items()
        },
    }


def run_cypher(cypher: str, given: dict[str, Any], settings: Settings) -> list[dict[str, Any]]:
    ensure_read_only(cypher)
    return _answered(
        settings,
        lambda console: console.query(cypher, given),
        lambda store: run_cypher_on(store, cypher, given),
    )


def run_cypher_on(
    store: Store, cypher: str, given: dict[str, Any], timeout: float | None = None
) -> list[dict[str, Any]]:
    ensure_read_only(cypher)
    return store.read(cypher, given, timeout=timeout)


def _answered(
    settings: Settings, ask: Callable[[ConsoleClient], T], locally: Callable[[Store], T]
) -> T:
    """Through the running `kg serve` that holds this store, else from the store itself."""
    answer = _ask_console(settings, ask)
    if answer is not None:
        return answer
    with open_store(settings, schema=False) as store:
        return locally(store)


def _ask_console(settings: Settings, question: Callable[[ConsoleClient], T]) -> T | None:
    """The answer of the `kg serve` that holds this store, or None: no console, or a stale
    address."""
    console = running_console(settings)
    if console is None:
        return None
    try:
        return question(console)
    except ConsoleGone:
        return None
