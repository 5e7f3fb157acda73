"""What the console can ask of the store it holds: its schema, the packs, a read-only query or a
pack run (through kg.packs.run, the path `kg query` takes), a claim's sources. Every call is
bounded: by the store's own time limit, by a wall-clock wait, and by a row limit."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as WaitTimeout
from dataclasses import dataclass
from typing import Any, TypeVar

from kg.console.results import result_payload
from kg.errors import QueryTimeoutError, UsageError
from kg.packs import all_packs
from kg.packs.run import run_cypher_on, run_pack_on
from kg.store import Store

T = TypeVar("T")
LABELS = "CALL db.labels() YIELD label RETURN label ORDER BY label"
TYPES = (
    "CALL db.relationshipTypes() YIELD relationshipType "
    "RETURN relationshipType ORDER BY relationshipType"
)
KEYS = "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey"
CLAIM_SOURCE = (
    "MATCH (c:Claim {id: $id}) "
    "OPTIONAL MATCH (c)-[:SOURCED_FROM]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document) "
    "RETURN c.quote AS quote, p.id AS passage, p.heading AS heading, p.text AS passage_text, "
    "d.id AS document, d.title AS title, d.url AS url LIMIT 1"
)
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
GRACE_SECONDS = (
    5.0  # how long past the store's own limit the console waits before it answers anyway
)


@dataclass(frozen=True)
class Limits:
    seconds: float = 10.0
    rows: int = 1000


class Console:
    def __init__(self, store: Store, limits: Limits) -> None:
        self.store = store
        self.limits = limits
        self._workers = ThreadPoolExecutor(max_workers=4, thread_name_prefix="kg-console")

    def close(self) -> None:
        self._workers.shutdown(wait=False, cancel_futures=True)

    def schema(self) -> dict[str, list[str]]:
        """Labels, relationship types and property keys, for the editor's completion."""

        def read(query: str) -> list[str]:
            return [
                str(next(iter(row.values())))
                for row in self._bounded(lambda: self.store.read(query))
            ]

        return {
            "labels": read(LABELS),
            "relationshipTypes": read(TYPES),
            "propertyKeys": read(KEYS),
        }

    def packs(self) -> list[dict[str, Any]]:
        return [
            {
                "name": p.name,
                "title": p.title,
                "description": p.description,
                "cypher": p.cypher,
                "params": [
                    {"name": k, "default": _plain_default(v), "type": p.type_of(k).kind}
                    for k, v in p.params.items()
                ],
            }
            for p in all_packs().values()
        ]

    def query(self, cypher: str, params: dict[str, Any]) -> dict[str, Any]:
        checked = checked_params(params)
        return self._timed(
            lambda: run_cypher_on(self.store, cypher, checked, timeout=self.limits.seconds)
        )

    def pack(self, name: str, params: dict[str, Any]) -> dict[str, Any]:
        given = {
            k: str(v) for k, v in checked_params(params).items() if v is not None and str(v) != ""
        }
        started = time.monotonic()
        title, rows = self._bounded(
            lambda: run_pack_on(self.store, name, given, timeout=self.limits.seconds)
        )
        return {
            "title": title,
            **result_payload(rows, self.limits.rows, time.monotonic() - started),
        }

    def claim(self, claim_id: str) -> dict[str, Any]:
        rows = self._bounded(
            lambda: self.store.read(CLAIM_SOURCE, {"id": claim_id}, timeout=self.limits.seconds)
        )
        if not rows:
            raise UsageError(f"no claim '{claim_id}'")
        return rows[0]

    def _timed(self, work: Callable[[], list[dict[str, Any]]]) -> dict[str, Any]:
        started = time.monotonic()
        rows = self._bounded(work)
        return result_payload(rows, self.limits.rows, time.monotonic() - started)

    def _bounded(self, work: Callable[[], T]) -> T:
        """The store stops a query at its time limit; a query it cannot interrupt promptly (a huge
        list being built) is left to finish in its worker while the user gets the answer now."""
        future = self._workers.submit(work)
        try:
            return future.result(timeout=self.limits.seconds + GRACE_SECONDS)
        except WaitTimeout:
            raise QueryTimeoutError(
                f"the query ran past its time limit of {self.limits.seconds:g} s",
                hint="narrow it (a label, an id, a LIMIT)",
            ) from None


def checked_params(params: Any) -> dict[str, Any]:
    """`:param`-style JSON: an object of names to JSON values, passed to the store as parameters."""
    if not isinstance(params, dict):
        raise UsageError('parameters must be a JSON object, e.g. {"id": "deepseek"}')
    bad = [k for k in params if not _PARAM_NAME.match(str(k))]
    if bad:
        raise UsageError(f"parameter name '{bad[0]}' is not a Cypher name (letters, digits, _)")
    return dict(params)


def _plain_default(value: Any) -> Any:
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)
