"""SHACL validation (pySHACL) of the graph's RDF export against ontology/shapes.ttl."""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import Graph, Namespace

from kg import paths
from kg.config import Settings
from kg.export.dump import dump_graph
from kg.export.rdf import to_rdf
from kg.ontology import Ontology
from kg.ontology import load as load_ontology
from kg.store import open_store

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str


def violations_in(data: Graph) -> list[Violation]:
    shapes = Graph().parse(paths.ontology_dir() / "shapes.ttl", format="turtle")
    ontology = Graph().parse(paths.ontology_dir() / "kg.ttl", format="turtle")
    conforms, report, _ = shacl_validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True
    )
    found = []
    for result in report.subjects(predicate=SH.resultSeverity):
        found.append(
            Violation(
                str(report.value(result, SH.focusNode)),
                str(report.value(result, SH.resultPath)),
                str(report.value(result, SH.resultMessage)),
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path))


def validate_store(settings: Settings, ontology: Ontology | None = None) -> list[Violation]:
    ontology = ontology or load_ontology()
    with open_store(settings, schema=False) as store:
        dump = dump_graph(store, ontology)
    return violations_in(to_rdf(dump, ontology))
