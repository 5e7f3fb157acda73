"""Read the whole graph out of a store as plain rows, sorted so every export is reproducible."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.ontology import Ontology
from kg.store.cypher import name
from kg.store.protocol import Store

NODES = "MATCH (n:{label}) RETURN n.id AS id, properties(n) AS props ORDER BY id"
EDGES = (
    "MATCH (a)-[r:{rel}]->(b) RETURN labels(a)[0] AS src_label, a.id AS src, "
    "labels(b)[0] AS dst_label, b.id AS dst, properties(r) AS props "
    "ORDER BY src_label, src, dst_label, dst"
)


@dataclass
class GraphDump:
    nodes: list[tuple[str, str, dict[str, Any]]]  # (label, id, props)
    edges: list[
        tuple[str, str, str, str, str, dict[str, Any]]
    ]  # (type, src label, src id, dst label, dst id, props)


def dump_graph(store: Store, ontology: Ontology) -> GraphDump:
    nodes = []
    for label in sorted(ontology.labels):
        for row in store.read(NODES.format(label=name(label))):
            nodes.append((label, row["id"], dict(row["props"])))
    edges = []
    for rel in sorted(ontology.relationships):
        for row in store.read(EDGES.format(rel=name(rel))):
            edges.append(
                (
                    rel,
                    row["src_label"],
                    row["src"],
                    row["dst_label"],
                    row["dst"],
                    dict(row["props"]),
                )
            )
    return GraphDump(nodes, edges)
