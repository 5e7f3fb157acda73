"""kg: an export-control and supply-chain knowledge graph."""

__version__ = "0.1.0"
