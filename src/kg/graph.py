"""The graph as plain data: what extraction and reference loading produce, what stores write.

Labels and relationship types are checked against the ontology by the writer, never here,
so building a batch stays cheap inside hot loops.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# A property value a store can hold: scalars, dates, and flat lists of scalars.
Value = str | int | float | bool | dt.date | list[Any] | None


@dataclass(frozen=True, slots=True)
class NodeRef:
    label: str
    id: str


@dataclass(frozen=True, slots=True)
class Node:
    label: str
    id: str
    props: Mapping[str, Value] = field(default_factory=dict)

    @property
    def ref(self) -> NodeRef:
        return NodeRef(self.label, self.id)


@dataclass(frozen=True, slots=True)
class Edge:
    """A relationship. `props['claims']`, when present, is merged as a set union across writes."""

    type: str
    src: NodeRef
    dst: NodeRef
    props: Mapping[str, Value] = field(default_factory=dict)


@dataclass(slots=True)
class GraphBatch:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def add_node(self, label: str, id: str, **props: Value) -> NodeRef:
        node = Node(label, id, {k: v for k, v in props.items() if v is not None})
        self.nodes.append(node)
        return node.ref

    def add_edge(self, type: str, src: NodeRef, dst: NodeRef, **props: Value) -> None:
        self.edges.append(Edge(type, src, dst, {k: v for k, v in props.items() if v is not None}))

    def extend(self, other: GraphBatch) -> None:
        self.nodes.extend(other.nodes)
        self.edges.extend(other.edges)

    def merged(self) -> GraphBatch:
        """One node per (label, id) and one edge per (type, src, dst), later props winning."""
        nodes: dict[NodeRef, dict[str, Value]] = {}
        for n in self.nodes:
            nodes.setdefault(n.ref, {}).update(n.props)
        edges: dict[tuple[str, NodeRef, NodeRef], dict[str, Value]] = {}
        # ordered sets: linear in the claims
        claims: dict[tuple[str, NodeRef, NodeRef], dict[Any, None]] = {}
        for e in self.edges:
            key = (e.type, e.src, e.dst)
            edges.setdefault(key, {}).update(e.props)
            stated = e.props.get("claims")
            if isinstance(stated, list) and stated:
                claims.setdefault(key, {}).update(dict.fromkeys(stated))
        for key, ids in claims.items():
            edges[key]["claims"] = list(ids)
        return GraphBatch(
            [Node(r.label, r.id, p) for r, p in nodes.items()],
            [Edge(t, s, d, p) for (t, s, d), p in edges.items()],
        )
