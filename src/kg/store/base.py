"""What a store reports: the size of a write, and what the graph holds (kg.store.protocol)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class WriteStats:
    nodes: int = 0
    relationships: int = 0


@dataclass
class Counts:
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)

    @property
    def total_nodes(self) -> int:
        return sum(self.nodes.values())

    @property
    def total_relationships(self) -> int:
        return sum(self.relationships.values())
