"""Write a GraphDump as Turtle, JSON-LD, GraphML (Gephi) or Cypher (any Neo4j)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from kg.errors import UsageError
from kg.export.dump import GraphDump
from kg.export.rdf import to_rdf
from kg.ontology import Ontology
from kg.store.cypher import name

FORMATS = ("ttl", "jsonld", "graphml", "cypher")


def write_export(dump: GraphDump, ontology: Ontology, fmt: str, output: Path) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format '{fmt}'; formats: {', '.join(FORMATS)}")
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt in ("ttl", "jsonld"):
        graph = to_rdf(dump, ontology)
        output.write_text(
            graph.serialize(format="turtle" if fmt == "ttl" else "json-ld"), encoding="utf-8"
        )
    elif fmt == "graphml":
        output.write_text(_graphml(dump), encoding="utf-8")
    else:
        output.write_text(_cypher(dump), encoding="utf-8")


def _graphml(dump: GraphDump) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '<key id="label" for="node" attr.name="label" attr.type="string"/>',
        '<key id="name" for="node" attr.name="name" attr.type="string"/>',
        '<key id="kind" for="node" attr.name="kind" attr.type="string"/>',
        '<key id="type" for="edge" attr.name="type" attr.type="string"/>',
        '<key id="props" for="all" attr.name="props" attr.type="string"/>',
        '<graph id="kg" edgedefault="directed">',
    ]
    for label, ident, props in dump.nodes:
        lines.append(
            f'<node id={quoteattr(label + ":" + ident)}><data key="label">{escape(label)}</data>'
            f'<data key="name">{escape(str(props.get("name", ident)))}</data>'
            f'<data key="props">{escape(_json(props))}</data></node>'
        )
    for i, (rel, sl, s, dl, d, props) in enumerate(dump.edges):
        lines.append(
            f'<edge id="e{i}" source={quoteattr(sl + ":" + s)} target={quoteattr(dl + ":" + d)}>'
            f'<data key="type">{escape(rel)}</data>'
            f'<data key="props">{escape(_json(props))}</data></edge>'
        )
    lines += ["</graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def _cypher(dump: GraphDump) -> str:
    labels = sorted({label for label, _, _ in dump.nodes})
    lines = ["// kg export: recreate this graph in any Neo4j (cypher-shell -f FILE)"]
    lines += [
        f"CREATE CONSTRAINT kg_{x.lower()}_id IF NOT EXISTS FOR (n:{name(x)}) "
        "REQUIRE n.id IS UNIQUE;"
        for x in labels
    ]
    for label, ident, props in dump.nodes:
        lines.append(f"MERGE (n:{name(label)} {{id: {_literal(ident)}}}) SET n += {_map(props)};")
    for rel, sl, s, dl, d, props in dump.edges:
        lines.append(
            f"MATCH (a:{name(sl)} {{id: {_literal(s)}}}), (b:{name(dl)} {{id: {_literal(d)}}}) "
            f"MERGE (a)-[r:{name(rel)}]->(b) SET r += {_map(props)};"
        )
    return "\n".join(lines) + "\n"


def _map(props: dict[str, Any]) -> str:
    return (
        "{"
        + ", ".join(f"{name(k)}: {_literal(v)}" for k, v in sorted(props.items()) if v is not None)
        + "}"
    )


def _literal(value: Any) -> str:
    """A Cypher literal for an export file (never sent by kg itself)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return f"date('{value.isoformat()}')"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    text = (
        str(value)
        .replace("\\", "\\\\")
        .replace("'", "\\'")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )
    return f"'{text}'"


def _json(props: dict[str, Any]) -> str:
    return json.dumps(props, ensure_ascii=False, sort_keys=True, default=str)
