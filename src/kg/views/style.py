"""How each label looks, the same in every view and in Neo4j Browser: colour, border, size and
caption come from `queries/style.grass` (kg.views.grass); only the shape, which Browser's style
sheets cannot say, is chosen here. Every shape but the claim's box draws its caption beside it, so
a long title never blows a node up over its neighbours. The network options (a seeded layout:
the same graph, the same picture) are data, `vis-options.json`, shared with the console."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.store.values import NodeValue, RelValue
from kg.views.grass import node_style

SHAPES: dict[str, str] = {
    "Firm": "dot",
    "Person": "dot",
    "Agency": "hexagon",
    "Country": "diamond",
    "Chip": "square",
    "AIModel": "triangle",
    "Regulation": "star",
    "Event": "triangleDown",
    "Claim": "box",
    "Document": "square",
    "Passage": "dot",
}
DEFAULT_SHAPE = "dot"
DEFAULT = ("#A5ABB6", DEFAULT_SHAPE)  # a label the style sheet does not name: Browser's grey
CAPTION_CHARS = 30
LABELLED_EDGES = (
    12  # a relationship type drawn more often than this goes unlabelled (the legend names it)
)
# Fonts that cover Hangul (Linux, macOS, Windows) before the generic family, so that Korean names
# never show as boxes where the system's default font has no Hangul: the page and the graph's
# canvas labels (vis-network draws those with `font.face`, set in vis-options.json) both use it.
FONT_STACK = (
    '"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", '
    "system-ui, sans-serif"
)
TOOLTIP_PROPS = (
    "kind",
    "vendor",
    "released",
    "tpp",
    "interconnect_gbps",
    "memory_bw_tbps",
    "effective",
    "citation",
    "status",
    "date",
    "metric",
    "value",
    "unit",
    "qualifier",
    "quote",
    "title",
    "url",
    "description",
)


def look(label: str) -> tuple[str, str]:
    """(colour, vis-network shape) of a label."""
    return node_style(label).colour, SHAPES.get(label, DEFAULT_SHAPE)


def vis_style(label: str) -> dict[str, Any]:
    """The vis-network options of a label's nodes: the grass colour, border and diameter."""
    style = node_style(label)
    shape = SHAPES.get(label, DEFAULT_SHAPE)
    return {
        "shape": shape,
        "size": max(8, style.diameter // 3),
        "color": {
            "background": style.colour,
            "border": style.border,
            "highlight": {"background": style.colour, "border": "#222222"},
        },
        "font": {"color": style.text_colour, "strokeWidth": 0}
        if shape == "box"
        else {"color": "#222222"},
    }


def caption(node: NodeValue) -> str:
    """The grass caption (`{name}`, a claim's `{metric}`, a passage's `{ordinal}`), short."""
    label = node.labels[0] if node.labels else ""
    text = node_style(label).caption_of(node.props, label) or str(
        node.props.get("id") or node.element_id
    )
    return text if len(text) <= CAPTION_CHARS else text[: CAPTION_CHARS - 1] + "…"


def vis_node(node: NodeValue) -> dict[str, Any]:
    label = node.labels[0] if node.labels else ""
    return {"id": node.element_id, "label": caption(node), **vis_style(label)}


def unlabelled_types(rels: Iterable[RelValue]) -> dict[str, int]:
    """Relationship types drawn too often to label each edge (`CONTROLS` in a rule view), with
    counts."""
    counts = Counter(rel.type for rel in rels)
    return {kind: n for kind, n in sorted(counts.items()) if n > LABELLED_EDGES}


@lru_cache(maxsize=1)
def vis_options() -> dict[str, Any]:
    options: dict[str, Any] = json.loads(
        Path(__file__).with_name("vis-options.json").read_text(encoding="utf-8")
    )
    return options


def shown_date(value: Any, precision: Any) -> str:
    """A date as precise as it is known: `2015` (year), `2023-05` (month), `2023-05-07` (day)."""
    text = str(value)
    return {"year": text[:4], "month": text[:7]}.get(str(precision), text)
