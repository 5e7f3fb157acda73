"""Render a subgraph, a timeline or a table of conflicting claims to ONE self-contained HTML
file: scripts inline, no CDN.

The network is vis-network's standalone build, kept in the package (static/, copied from the npm
package the console bundles: web/build.mjs), drawn by our own template: pyvis's output links
Bootstrap and vis from the network, and its copy of vis is not part of its API. Data enters the
page only as JSON inside a <script type="application/json"> block with <, > and & escaped, never
as markup.
"""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path
from typing import Any

import jinja2

from kg.store.values import NodeValue
from kg.views.style import (
    FONT_STACK,
    TOOLTIP_PROPS,
    look,
    shown_date,
    unlabelled_types,
    vis_node,
    vis_options,
)
from kg.views.subgraph import Subgraph

TEMPLATES = Path(__file__).with_name("templates")
VIS_NETWORK = Path(__file__).with_name("static") / "vis-network.min.js"


def _vis_js() -> str:
    return VIS_NETWORK.read_text(encoding="utf-8")


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)


def safe_json(data: Any) -> str:
    """JSON that cannot close its <script> element or open markup."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def render_graph(
    graph: Subgraph, title: str, quotes: dict[str, dict[str, Any]] | None = None
) -> str:
    labels_seen: set[str] = set()
    nodes = []
    for node in graph.nodes.values():
        label = node.labels[0] if node.labels else "?"
        labels_seen.add(label)
        nodes.append({**vis_node(node), "title": _tooltip(node, label)})
    quiet = unlabelled_types(graph.rels.values())
    edges = [
        {
            "id": rel.element_id,
            "from": rel.start_id,
            "to": rel.end_id,
            "label": None if rel.type in quiet else rel.type,
            "title": "\n".join([rel.type, _edge_tooltip(rel.props, quotes or {})]).strip(),
        }
        for rel in graph.rels.values()
    ]
    options = vis_options()
    for part in (
        "nodes",
        "edges",
    ):  # canvas labels in a font with Hangul (the console's bundle keeps its own)
        options.setdefault(part, {}).setdefault("font", {})["face"] = FONT_STACK
    data = {
        "nodes": nodes,
        "edges": [{k: v for k, v in e.items() if v is not None} for e in edges],
        "options": options,
    }
    legend = [{"label": label, "colour": look(label)[0]} for label in sorted(labels_seen)]
    return (
        _environment()
        .get_template("graph.html.j2")
        .render(
            title=title,
            data=safe_json(data),
            legend=legend,
            vis_js=_vis_js(),
            node_count=len(graph.nodes),
            font_stack=FONT_STACK,
            unlabelled=", ".join(f"{kind} ×{n}" for kind, n in quiet.items()),
        )
    )


def render_timeline(rows: list[dict[str, Any]], title: str) -> str:
    items = sorted(
        ({k: (str(v) if v is not None else "") for k, v in row.items()} for row in rows),
        key=lambda r: r.get("date", ""),
    )
    for item in items:
        item["shown"] = shown_date(item.get("date", ""), item.get("precision"))
    return (
        _environment()
        .get_template("timeline.html.j2")
        .render(title=title, items=items, font_stack=FONT_STACK)
    )


def render_conflicts(rows: list[dict[str, Any]], title: str) -> str:
    """Claims on one subject and metric that state different figures, side by side, each with its
    quote and document (the shape of the `claims-conflicts` pack)."""
    key = lambda r: (r.get("subject") or "", r.get("metric") or "", r.get("object") or "")  # noqa: E731
    groups = [
        {
            "subject": s,
            "metric": m,
            "object": o,
            "claims": [{**claim, "figure": figure(claim.get("value"))} for claim in claims],
        }
        for (s, m, o), claims in groupby(sorted(rows, key=key), key=key)
    ]
    return (
        _environment()
        .get_template("conflicts.html.j2")
        .render(title=title, groups=groups, rows=len(rows), font_stack=FONT_STACK)
    )


def figure(value: Any) -> str:
    """A claim's value as a reader writes it: 500,000,000 and 1.5, not 500000000.0."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.4g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")


def _tooltip(node: NodeValue, label: str) -> str:
    lines = [f"{label}: {node.props.get('name') or node.props.get('id')}"]
    for prop in TOOLTIP_PROPS:
        value = node.props.get(prop)
        if value not in (None, "", []):
            value = shown_date(value, node.props.get(f"{prop}_precision"))
            lines.append(f"{prop}: {str(value)[:300]}")
    sources = node.props.get("sources")
    if sources:
        lines.append(f"source: {sources[0]}")
    return "\n".join(lines)


def _edge_tooltip(props: dict[str, Any], quotes: dict[str, dict[str, Any]]) -> str:
    lines = [
        f"{k}: {shown_date(v, props.get(f'{k}_precision'))}"
        for k, v in props.items()
        if k not in ("claims", "sources") and not k.endswith("_precision") and v not in (None, "")
    ]
    for claim in props.get("claims") or []:
        found = quotes.get(claim)
        if found:
            lines.append(
                f"“{found['quote']}” — {found.get('title') or ''} {found.get('url') or ''}".strip()
            )
    if props.get("sources"):
        lines.append(f"source: {props['sources'][0]}")
    return "\n".join(lines)
