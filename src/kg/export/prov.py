"""Provenance in PROV-O terms, beside the kg terms, for tools that read only PROV.

What the ontology says specialises PROV (rdfs:subClassOf / rdfs:subPropertyOf a prov: term) is
also stated with the PROV term: a Claim, Passage or Document is a prov:Entity, a claim
prov:wasDerivedFrom its passage, prov:wasAttributedTo its source, its quote a prov:value, a
fetched page prov:generatedAtTime. Two statements have no kg term to hang on: a passage
prov:wasQuotedFrom its document (the inverse of HAS_PASSAGE), and a document
prov:hadPrimarySource the web pages it was read from (its `url` and the http(s) `sources`).
Pages of a PDF are `kg:page` on each passage, so `?claim prov:wasDerivedFrom ?passage .
?passage kg:page ?page ; prov:wasQuotedFrom ?doc` traces a claim to its page.
"""

from __future__ import annotations

from typing import Any

from rdflib import RDF, Graph, URIRef

from kg.ontology import PROV, Ontology
from kg.web.urls import is_web_url


def add_node_prov(
    graph: Graph,
    subject: URIRef,
    label: str,
    props: dict[str, Any],
    ontology: Ontology,
    literal: Any,
) -> None:
    if label in ontology.prov_classes:
        graph.add((subject, RDF.type, URIRef(ontology.prov_classes[label])))
    for key, value in props.items():
        prop = ontology.properties.get(key)
        if value is None or prop is None or prop.prov is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            graph.add((subject, URIRef(prop.prov), literal(item, prop.datatype)))
    if label == "Document":
        sources = [props.get("url"), *(props.get("sources") or [])]
        for source in dict.fromkeys(s for s in sources if isinstance(s, str) and is_web_url(s)):
            graph.add((subject, PROV.hadPrimarySource, URIRef(source)))


def add_edge_prov(graph: Graph, rel: str, s: URIRef, o: URIRef, ontology: Ontology) -> None:
    relationship = ontology.relationships.get(rel)
    if relationship is not None and relationship.prov is not None:
        graph.add((s, URIRef(relationship.prov), o))
    if rel == "HAS_PASSAGE":
        graph.add((o, PROV.wasQuotedFrom, s))
