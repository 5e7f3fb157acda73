"""What every Cypher store does the same way, given `read` and `_execute` of its own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Self

from kg.graph import GraphBatch
from kg.ontology import Ontology
from kg.store import conflicts, cypher, derived
from kg.store.base import Counts, WriteStats
from kg.store.removal import removal_plan


class CypherStoreMixin:
    ontology: Ontology
    _writer: cypher.Writer

    def read(
        self, query: str, params: Mapping[str, Any] | None = None, *, timeout: float | None = None
    ) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _execute(self, statements: Iterable[cypher.Statement], atomic: bool) -> None:
        raise NotImplementedError

    def run_statements(self, statements: list[cypher.Statement]) -> None:
        self._execute(statements, atomic=True)

    @contextmanager
    def first_load(self) -> Iterator[Self]:
        """The store a load writes through. Here the store itself: every write is the incremental
        MERGE path (FalkorStore has a bulk path for a load into an empty graph)."""
        yield self

    def write_batch(self, batch: GraphBatch) -> WriteStats:
        return self._write_graph(batch, [], atomic=False)

    def _write_graph(
        self, batch: GraphBatch, then: list[cypher.Statement], atomic: bool
    ) -> WriteStats:
        """The batch, the derived-edge rule over what it touched, then `then` (commit markers)."""
        self._execute(self._statements(batch) + then, atomic=atomic)
        return _stats(batch)

    def _statements(self, batch: GraphBatch) -> list[cypher.Statement]:
        """The batch's writes (claims with their group keys), then the derived-edge rule over the
        claim-backed edges it touched and the conflict marks of the claim groups it touched."""
        batch = conflicts.with_groups(batch)
        touched = derived.touched_in(batch, self.ontology)
        return (
            list(self._writer.statements(batch))
            + derived.recompute(touched, self.ontology)
            + conflicts.recompute(conflicts.groups_in(batch))
        )

    def replace_document(self, doc_id: str, batch: GraphBatch) -> WriteStats:
        fingerprint, batch = cypher.hold_back_fingerprint(doc_id, batch)
        plan = removal_plan(self.read, self.ontology, doc_id, keep_document=True)
        plan += self._statements(batch)
        if fingerprint is not None:
            plan.append((cypher.MARK_DOCUMENT, {"doc": doc_id, "fingerprint": fingerprint}))
        self._execute(plan, atomic=True)
        return _stats(batch)

    def write_new_documents(self, documents: list[tuple[str, GraphBatch]]) -> WriteStats:
        """Documents the store has never seen, written together: one batch for all of them, then
        their commit markers, so a crash leaves none of them marked and the next load redoes
        them."""
        combined = GraphBatch()
        marks = []
        for doc_id, batch in documents:
            fingerprint, batch = cypher.hold_back_fingerprint(doc_id, batch)
            combined.extend(batch)
            if fingerprint is not None:
                marks.append({"id": doc_id, "fingerprint": fingerprint})
        return self._write_graph(combined, [(cypher.MARK_DOCUMENTS, {"rows": marks})], atomic=True)

    def forget_document(self, doc_id: str) -> bool:
        if not self.read(cypher.DOCUMENT_EXISTS, {"doc": doc_id}):
            return False
        self._execute(
            removal_plan(self.read, self.ontology, doc_id, keep_document=False), atomic=True
        )
        return True

    def documents(self) -> list[dict[str, Any]]:
        """Every document's id, sha256, fingerprint ('' unless complete) and sources."""
        return self.read(cypher.DOCUMENTS)

    def set_sources(self, doc_id: str, sources: list[str]) -> None:
        self._execute([(cypher.SET_SOURCES, {"doc": doc_id, "sources": sources})], atomic=True)

    def counts(self) -> Counts:
        counts = Counts()
        for label in sorted(self.ontology.labels):
            counts.nodes[label] = self.read(cypher.count_label(label))[0]["n"]
        for rel in sorted(self.ontology.relationships):
            counts.relationships[rel] = self.read(cypher.count_type(rel))[0]["n"]
        return counts


def _stats(batch: GraphBatch) -> WriteStats:
    merged = batch.merged()
    return WriteStats(len(merged.nodes), len(merged.edges))
