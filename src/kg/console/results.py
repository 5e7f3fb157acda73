"""A query's rows as the console's JSON: the table (the same values as `kg query --format json`)
and the graph those rows hold, each node styled and captioned from queries/style.grass."""

from __future__ import annotations

from typing import Any

from kg.packs.output import plain
from kg.store.values import NodeValue, RelValue
from kg.views.style import unlabelled_types, vis_node
from kg.views.subgraph import subgraph_from_rows


def result_payload(rows: list[dict[str, Any]], max_rows: int, seconds: float) -> dict[str, Any]:
    """Rows past `max_rows` are dropped (and said to be)."""
    kept = rows[:max_rows]
    columns = list(kept[0]) if kept else []
    graph = subgraph_from_rows(kept)
    quiet = unlabelled_types(graph.rels.values())
    return {
        "columns": columns,
        "rows": [plain(row) for row in kept],
        "truncated": len(rows) > max_rows,
        "max_rows": max_rows,
        "seconds": round(seconds, 3),
        "graph": {
            "nodes": [node_payload(n) for n in graph.nodes.values()],
            "edges": [edge_payload(r, set(quiet)) for r in graph.rels.values()],
            "unlabelled": quiet,
        },
    }


def node_payload(node: NodeValue) -> dict[str, Any]:
    """The node as the static views draw it (kg.views.style), with its labels and properties."""
    drawn = vis_node(node)
    return {
        **drawn,
        "caption": drawn.pop("label"),
        "labels": list(node.labels),
        "props": plain(node.props),
    }


def edge_payload(rel: RelValue, quiet: set[str]) -> dict[str, Any]:
    return {
        "id": rel.element_id,
        "from": rel.start_id,
        "to": rel.end_id,
        "type": rel.type,
        "label": None if rel.type in quiet else rel.type,
        "props": plain(rel.props),
    }
