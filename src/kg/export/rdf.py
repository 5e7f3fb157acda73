"""The graph as RDF with the ontology's IRIs. A relationship is a triple; when it has properties
(quantities, dates, claims, basis...) they hang on an rdf:Statement reifying that triple."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from rdflib import RDF, XSD, Graph, Literal, URIRef

from kg.export.dump import GraphDump
from kg.export.prov import add_edge_prov, add_node_prov
from kg.ontology import ID_BASE, KG, PROV, Ontology

XSD_TYPES = {
    "date": XSD.date,
    "dateTime": XSD.dateTime,
    "decimal": XSD.decimal,
    "integer": XSD.integer,
    "boolean": XSD.boolean,
    "anyURI": XSD.anyURI,
    "string": XSD.string,
}


def node_iri(label: str, ident: str) -> URIRef:
    return URIRef(f"{ID_BASE}{label.lower()}/{quote(ident, safe='')}")


def to_rdf(dump: GraphDump, ontology: Ontology) -> Graph:
    graph = Graph()
    graph.bind("kg", KG)
    graph.bind("prov", PROV)
    for label, ident, props in dump.nodes:
        subject = node_iri(label, ident)
        graph.add((subject, RDF.type, KG[label]))
        _properties(graph, subject, props, ontology)
        add_node_prov(graph, subject, label, props, ontology, _literal)
    for rel, src_label, src, dst_label, dst, props in dump.edges:
        s, o = node_iri(src_label, src), node_iri(dst_label, dst)
        graph.add((s, KG[rel], o))
        add_edge_prov(graph, rel, s, o, ontology)
        if props:
            key = hashlib.sha256(f"{s}|{rel}|{o}".encode()).hexdigest()[:20]
            statement = URIRef(f"{ID_BASE}statement/{key}")
            graph.add((statement, RDF.type, RDF.Statement))
            graph.add((statement, RDF.subject, s))
            graph.add((statement, RDF.predicate, KG[rel]))
            graph.add((statement, RDF.object, o))
            _properties(graph, statement, props, ontology)
    return graph


def _properties(graph: Graph, subject: URIRef, props: dict[str, Any], ontology: Ontology) -> None:
    for key, value in sorted(props.items()):
        if value is None or key not in ontology.properties:
            continue
        datatype = ontology.properties[key].datatype
        for item in value if isinstance(value, list) else [value]:
            graph.add((subject, KG[key], _literal(item, datatype)))


def _literal(value: Any, datatype: str) -> Literal:
    if isinstance(value, bool) or datatype == "boolean":
        return Literal(bool(value), datatype=XSD.boolean)
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if datatype == "decimal" and isinstance(value, (int, float)):
        return Literal(Decimal(repr(value)), datatype=XSD.decimal)
    if datatype == "integer" and isinstance(value, (int, float)):
        return Literal(int(value), datatype=XSD.integer)
    if isinstance(value, (int, float)):
        return Literal(Decimal(repr(value)), datatype=XSD.decimal)
    if datatype == "dateTime":
        return Literal(str(value), datatype=XSD.dateTime)
    if datatype == "anyURI":
        return Literal(str(value), datatype=XSD.anyURI)
    return Literal(str(value))  # a plain literal is an xsd:string in RDF 1.1
