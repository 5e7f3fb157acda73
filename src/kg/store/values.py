"""Graph values in query results, the same whichever store answered."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class NodeValue:
    element_id: str
    labels: tuple[str, ...]
    props: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Stable identity across queries: label and id where the node has one."""
        if "id" in self.props and self.labels:
            return f"{self.labels[0]}:{self.props['id']}"
        return self.element_id


@dataclass(frozen=True)
class RelValue:
    element_id: str
    type: str
    start_id: str
    end_id: str
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PathValue:
    nodes: tuple[NodeValue, ...]
    rels: tuple[RelValue, ...]
