"""HTML views: a graph (vis-network, rendered self-contained) or a timeline, every text
escaped."""

from kg.views.render import render_graph, render_timeline
from kg.views.subgraph import Subgraph, subgraph_from_rows

__all__ = ["render_graph", "render_timeline", "Subgraph", "subgraph_from_rows"]
