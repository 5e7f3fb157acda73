"""The one protocol every graph store implements, and all the rest of kg depends on.

The pipeline, packs, views, console and exports take a `Store`; `kg.store.open_store` yields one.
The embedded and external FalkorDB stores (`kg.store.falkor.FalkorStore`) and the Neo4j store
(`kg.store.neo4j_store.Neo4jStore`) implement it; `tests/store/test_protocol.py` checks them at
run time (`isinstance`) and mypy checks them statically (where `open_store` yields them).
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import Any, Protocol, runtime_checkable

from kg.graph import GraphBatch
from kg.store import cypher
from kg.store.base import Counts, WriteStats


@runtime_checkable
class Store(Protocol):
    # -- reading ---------------------------------------------------------------------------
    def read(
        self, query: str, params: Mapping[str, Any] | None = None, *, timeout: float | None = None
    ) -> list[dict[str, Any]]:
        """Rows of a read-only query, values as plain Python (kg.store.values for graph ones);
        `timeout` in seconds, enforced by the server."""
        ...

    def documents(self) -> list[dict[str, Any]]:
        """Every document's id, sha256, fingerprint ('' unless complete) and sources."""
        ...

    def counts(self) -> Counts:
        """Nodes per label and relationships per type, for every name in the ontology."""
        ...

    def describe(self) -> dict[str, Any]:
        """What the store is (`kind`, `location`, ...), for `kg status` and messages."""
        ...

    # -- writing ---------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """The ontology's indexes and constraints, created when missing."""
        ...

    def write_batch(self, batch: GraphBatch) -> WriteStats:
        """Merge a batch of nodes and edges, then recompute what it touched (derived edges,
        conflict marks)."""
        ...

    def write_new_documents(self, documents: list[tuple[str, GraphBatch]]) -> WriteStats:
        """Documents never seen before, with their commit markers written last."""
        ...

    def replace_document(self, doc_id: str, batch: GraphBatch) -> WriteStats:
        """A document's new text in place of what it held, all or nothing."""
        ...

    def first_load(self) -> AbstractContextManager[Store]:
        """The store a load writes through: a bulk path while the graph is empty, if it has one."""
        ...

    def set_sources(self, doc_id: str, sources: list[str]) -> None: ...

    def run_statements(self, statements: list[cypher.Statement]) -> None:
        """Parameterised write statements of kg's own (curation marks, stories, indexes), in one
        transaction."""
        ...

    def forget_document(self, doc_id: str) -> bool:
        """Remove a document and every fact only it stated; False when there is none."""
        ...

    def clear(self) -> None:
        """Empty the graph (the schema stays)."""
        ...

    def close(self) -> None:
        """Release the connection; `open_store` calls it when its block ends."""
        ...
