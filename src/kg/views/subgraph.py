"""Collect the nodes and relationships a query returned, wherever they sit in its rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.store.values import NodeValue, PathValue, RelValue


@dataclass
class Subgraph:
    nodes: dict[str, NodeValue] = field(default_factory=dict)
    rels: dict[str, RelValue] = field(default_factory=dict)

    def add(self, value: Any) -> None:
        if isinstance(value, NodeValue):
            self.nodes.setdefault(value.element_id, value)
        elif isinstance(value, RelValue):
            self.rels.setdefault(value.element_id, value)
        elif isinstance(value, PathValue):
            for node in value.nodes:
                self.add(node)
            for rel in value.rels:
                self.add(rel)
        elif isinstance(value, (list, tuple)):
            for item in value:
                self.add(item)
        elif isinstance(value, dict):
            for item in value.values():
                self.add(item)

    def claim_ids(self) -> list[str]:
        return sorted({c for r in self.rels.values() for c in (r.props.get("claims") or [])})


def subgraph_from_rows(rows: Iterable[dict[str, Any]]) -> Subgraph:
    graph = Subgraph()
    for row in rows:
        graph.add(row)
    graph.rels = {
        k: r for k, r in graph.rels.items() if r.start_id in graph.nodes and r.end_id in graph.nodes
    }
    return graph
