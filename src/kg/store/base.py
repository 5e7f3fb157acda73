"""The one small protocol every store speaks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ContextManager, Mapping, Protocol

from kg.graph import GraphBatch


@dataclass
class WriteStats:
    nodes: int = 0
    relationships: int = 0

    def add(self, other: "WriteStats") -> None:
        self.nodes += other.nodes
        self.relationships += other.relationships


@dataclass
class Counts:
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)

    @property
    def total_nodes(self) -> int:
        return sum(self.nodes.values())

    @property
    def total_relationships(self) -> int:
        return sum(self.relationships.values())


class GraphStore(Protocol):
    def ensure_schema(self) -> None: ...

    def read(self, cypher: str, params: Mapping[str, Any] | None = None, *,
             timeout: float | None = None) -> list[dict[str, Any]]: ...

    def first_load(self) -> ContextManager["GraphStore"]: ...

    def write_batch(self, batch: GraphBatch) -> WriteStats: ...

    def replace_document(self, doc_id: str, batch: GraphBatch) -> WriteStats: ...

    def write_new_documents(self, documents: list[tuple[str, GraphBatch]]) -> WriteStats: ...

    def forget_document(self, doc_id: str) -> bool: ...

    def documents(self) -> list[dict[str, Any]]: ...

    def set_sources(self, doc_id: str, sources: list[str]) -> None: ...

    def document_fingerprints(self) -> dict[str, str]: ...

    def counts(self) -> Counts: ...

    def clear(self) -> None: ...

    def describe(self) -> dict[str, Any]: ...
