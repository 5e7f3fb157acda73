"""Run a pack or an ad-hoc query, read-only, against the configured store."""

from __future__ import annotations

from typing import Any

from kg.config import Settings
from kg.packs.guard import ensure_read_only
from kg.packs.model import find_pack
from kg.store import open_store


def run_pack(name: str, given: dict[str, str], settings: Settings) -> tuple[str, list[dict[str, Any]]]:
    pack = find_pack(name)
    params = pack.bind(given)
    with open_store(settings, schema=False) as store:
        return pack.title, store.read(pack.cypher, params)


def run_cypher(cypher: str, given: dict[str, Any], settings: Settings) -> list[dict[str, Any]]:
    ensure_read_only(cypher)
    with open_store(settings, schema=False) as store:
        return store.read(cypher, given)
