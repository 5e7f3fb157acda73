"""Read `queries/style.grass` (Neo4j Browser's style sheet): the one source of every label's
colour, border, size and caption, for the static views and the `kg serve` console alike."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg import paths
from kg.errors import UsageError

_RULE = re.compile(
    r"(node|relationship)(?:\.([A-Za-z_][\w]*))?\s*\{((?:\"[^\"]*\"|[^}\"])*)\}", re.S
)
_DECLARATION = re.compile(r"([a-z-]+)\s*:\s*(\"[^\"]*\"|[^;]+);?")


@dataclass(frozen=True)
class LabelStyle:
    colour: str
    border: str
    diameter: int
    text_colour: str
    caption: str  # "{name}", "{metric}", "<type>": a property in braces, or the label/type

    def caption_of(self, props: dict[str, object], label: str) -> str:
        """The caption Browser would draw: `{prop}` replaced by the property's value."""
        text = re.sub(
            r"\{(\w+)\}",
            lambda m: str(props.get(m.group(1)) if props.get(m.group(1)) is not None else ""),
            self.caption,
        )
        return text.replace("<type>", label).replace("<id>", "").strip()


def parse(text: str, where: str = "style.grass") -> dict[str, dict[str, str]]:
    """Rules as {'node': {...}, 'node.Firm': {...}, 'relationship': {...}}."""
    rules: dict[str, dict[str, str]] = {}
    for match in _RULE.finditer(text):
        kind, label, body = match.groups()
        key = f"{kind}.{label}" if label else kind
        rules[key] = {k: v.strip().strip('"') for k, v in _DECLARATION.findall(body)}
    if "node" not in rules:
        raise UsageError(f"{where}: no `node {{ … }}` rule: not a Neo4j Browser style sheet")
    return rules


@lru_cache(maxsize=4)
def _load(path: Path) -> dict[str, dict[str, str]]:
    return parse(path.read_text(encoding="utf-8"), str(path))


def rules() -> dict[str, dict[str, str]]:
    return _load(paths.style_sheet())


def node_style(label: str) -> LabelStyle:
    found = rules()
    merged = {**found["node"], **found.get(f"node.{label}", {})}
    return LabelStyle(
        merged.get("color", "#A5ABB6"),
        merged.get("border-color", "#9AA1AC"),
        _pixels(merged.get("diameter", "50px")),
        merged.get("text-color-internal", "#FFFFFF"),
        merged.get("caption", "{name}"),
    )


def styled_labels() -> list[str]:
    return sorted(key.split(".", 1)[1] for key in rules() if key.startswith("node."))


def _pixels(value: str) -> int:
    digits = re.match(r"\d+", value.strip())
    return int(digits.group(0)) if digits else 50
