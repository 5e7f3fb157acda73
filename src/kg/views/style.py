"""How each label looks, the same in every view and in Neo4j Browser: colour, border, size and
caption come from `queries/style.grass` (kg.views.grass); only the shape, which Browser's style
sheets cannot say, is chosen here. Every shape draws its caption beside it (a `box` holds it), so
a long title never blows a node up over its neighbours."""

from __future__ import annotations

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
TOOLTIP_PROPS = ("kind", "vendor", "released", "tpp", "interconnect_gbps", "memory_bw_tbps", "effective",
                 "citation", "status", "date", "metric", "value", "unit", "qualifier", "quote", "title", "url",
                 "description")


def look(label: str) -> tuple[str, str]:
    """(colour, vis-network shape) of a label."""
    return node_style(label).colour, SHAPES.get(label, DEFAULT_SHAPE)


def vis_style(label: str) -> dict[str, object]:
    """The vis-network options of a label's nodes: the grass colour, border and diameter."""
    style = node_style(label)
    shape = SHAPES.get(label, DEFAULT_SHAPE)
    return {"shape": shape, "size": max(8, style.diameter // 3),
            "color": {"background": style.colour, "border": style.border,
                      "highlight": {"background": style.colour, "border": "#222222"}},
            "font": {"color": style.text_colour if shape == "box" else "#222222"}}
