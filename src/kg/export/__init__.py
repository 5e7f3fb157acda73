"""Export the graph: RDF (Turtle, JSON-LD) with the ontology's IRIs, GraphML, and Cypher."""

from kg.export.dump import GraphDump, dump_graph
from kg.export.writers import write_export

__all__ = ["GraphDump", "dump_graph", "write_export"]
