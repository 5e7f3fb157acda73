"""How each label looks: colour and shape, the same in every view (and in queries/style.grass)."""

from __future__ import annotations

STYLE: dict[str, tuple[str, str]] = {
    "Firm": ("#4e79a7", "dot"),
    "Person": ("#f28e2b", "dot"),
    "Agency": ("#17becf", "hexagon"),
    "Country": ("#59a14f", "diamond"),
    "Chip": ("#e15759", "square"),
    "AIModel": ("#b07aa1", "triangle"),
    "Regulation": ("#edc948", "star"),
    "Event": ("#76b7b2", "triangleDown"),
    "Claim": ("#9c755f", "box"),
    "Document": ("#bab0ac", "database"),
    "Passage": ("#d3d3d3", "ellipse"),
}
DEFAULT = ("#888888", "dot")
# Fonts that cover Hangul (Linux, macOS, Windows) before the generic family, so that Korean names
# never show as boxes where the system's default font has no Hangul: the page and the graph's
# canvas labels (vis-network draws those with `font.face`) both use it.
FONT_STACK = ('"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", '
              'system-ui, sans-serif')
TOOLTIP_PROPS = ("kind", "vendor", "released", "tpp", "interconnect_gbps", "memory_bw_tbps", "effective",
                 "citation", "status", "date", "metric", "value", "unit", "qualifier", "quote", "title", "url",
                 "description")


def look(label: str) -> tuple[str, str]:
    return STYLE.get(label, DEFAULT)
