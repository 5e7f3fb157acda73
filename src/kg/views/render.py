"""Render a subgraph or a timeline to ONE self-contained HTML file: scripts inline, no CDN.

pyvis builds the network (nodes, edges, options); our own template renders it, because
pyvis's own output links Bootstrap and vis from the network. Data enters the page only as JSON
inside a <script type="application/json"> block with <, > and & escaped, never as markup.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2
from pyvis.network import Network

from kg.store.values import NodeValue
from kg.views.style import FONT_STACK, TOOLTIP_PROPS, look
from kg.views.subgraph import Subgraph

TEMPLATES = Path(__file__).with_name("templates")


def _vis_js() -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text()


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)


def safe_json(data: Any) -> str:
    """JSON that cannot close its <script> element or open markup."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def render_graph(graph: Subgraph, title: str, quotes: dict[str, dict[str, Any]] | None = None) -> str:
    network = Network(directed=True)
    labels_seen: set[str] = set()
    for key, node in graph.nodes.items():
        label = node.labels[0] if node.labels else "?"
        labels_seen.add(label)
        colour, shape = look(label)
        network.add_node(key, label=_caption(node), title=_tooltip(node, label), color=colour, shape=shape)
    for rel in graph.rels.values():
        network.add_edge(rel.start_id, rel.end_id, label=rel.type, title=_edge_tooltip(rel.props, quotes or {}),
                         arrows="to")
    data = {"nodes": network.nodes, "edges": network.edges}
    legend = [{"label": label, "colour": look(label)[0]} for label in sorted(labels_seen)]
    return _environment().get_template("graph.html.j2").render(
        title=title, data=safe_json(data), legend=legend, vis_js=_vis_js(), node_count=len(graph.nodes),
        font_stack=FONT_STACK, font_face=safe_json(FONT_STACK))


def render_timeline(rows: list[dict[str, Any]], title: str) -> str:
    items = sorted(({k: (str(v) if v is not None else "") for k, v in row.items()} for row in rows),
                   key=lambda r: r.get("date", ""))
    return _environment().get_template("timeline.html.j2").render(title=title, items=items, font_stack=FONT_STACK)


def _caption(node: NodeValue) -> str:
    text = str(node.props.get("name") or node.props.get("id") or node.element_id)
    return text if len(text) <= 40 else text[:37] + "..."


def _tooltip(node: NodeValue, label: str) -> str:
    lines = [f"{label}: {node.props.get('name') or node.props.get('id')}"]
    for prop in TOOLTIP_PROPS:
        value = node.props.get(prop)
        if value not in (None, "", []):
            lines.append(f"{prop}: {str(value)[:300]}")
    sources = node.props.get("sources")
    if sources:
        lines.append(f"source: {sources[0]}")
    return "\n".join(lines)


def _edge_tooltip(props: dict[str, Any], quotes: dict[str, dict[str, Any]]) -> str:
    lines = [f"{k}: {v}" for k, v in props.items() if k not in ("claims", "sources") and v not in (None, "")]
    for claim in props.get("claims") or []:
        found = quotes.get(claim)
        if found:
            lines.append(f"“{found['quote']}” — {found.get('title') or ''} {found.get('url') or ''}".strip())
    if props.get("sources"):
        lines.append(f"source: {props['sources'][0]}")
    return "\n".join(lines)
