"""A query's rows as the console's JSON: the table (the same values as `kg query --format json`)
and the graph those rows hold, each node styled and captioned from queries/style.grass."""

from __future__ import annotations

from typing import Any

from kg.packs.output import plain
from kg.store.values import NodeValue, RelValue
from kg.views.grass import node_style
from kg.views.style import vis_style
from kg.views.subgraph import subgraph_from_rows


def result_payload(rows: list[dict[str, Any]], max_rows: int, seconds: float) -> dict[str, Any]:
    """Rows past `max_rows` are dropped (and said to be)."""
    kept = rows[:max_rows]
    columns = list(kept[0]) if kept else []
    graph = subgraph_from_rows(kept)
    return {
        "columns": columns,
        "rows": [plain(row) for row in kept],
        "truncated": len(rows) > max_rows,
        "max_rows": max_rows,
        "seconds": round(seconds, 3),
        "graph": {"nodes": [node_payload(n) for n in graph.nodes.values()],
                  "edges": [edge_payload(r) for r in graph.rels.values()]},
    }


def node_payload(node: NodeValue) -> dict[str, Any]:
    label = node.labels[0] if node.labels else ""
    caption = node_style(label).caption_of(node.props, label) or str(node.props.get("id") or node.element_id)
    return {"id": node.element_id, "labels": list(node.labels), "caption": _short(caption),
            "props": plain(node.props), **vis_style(label)}


def edge_payload(rel: RelValue) -> dict[str, Any]:
    return {"id": rel.element_id, "from": rel.start_id, "to": rel.end_id, "type": rel.type,
            "props": plain(rel.props)}


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
