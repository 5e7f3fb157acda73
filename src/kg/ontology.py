"""The ontology as one object: labels, relationship types, properties and named individuals.

Read from the Turtle files in `ontology/` (the single source of these names) and cross-checked
once; everything else in kg asks this object instead of repeating a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg import paths
from kg.errors import OntologyError, one_line

KG = Namespace("https://w3id.org/kg-export-controls/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ID_BASE = "https://w3id.org/kg-export-controls/id/"
SCHEMA_FILES = ("kg.ttl", "individuals.ttl")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True)
class Relationship:
    type: str
    domain: (
        str  # the one label it starts from; "Entity" means any entity label, or one of `domains`
    )
    range: str  # likewise for the end
    domains: tuple[str, ...] = ()  # the exact labels (an owl:unionOf lists several)
    ranges: tuple[str, ...] = ()
    prov: str | None = None  # the PROV-O property it specialises (rdfs:subPropertyOf), if any

    def fits(self, src_label: str, dst_label: str) -> bool:
        """May an edge of this type go from a `src_label` node to a `dst_label` node?"""
        return (self.domains in (("Entity",), ()) or src_label in self.domains) and (
            self.ranges in (("Entity",), ()) or dst_label in self.ranges
        )


@dataclass(frozen=True)
class Property:
    name: str
    datatype: str  # xsd local name: string, date, decimal, integer, boolean, anyURI
    labels: tuple[str, ...] = ()  # node labels it is declared on (empty: any)
    relationships: tuple[str, ...] = ()
    indexed: bool = False
    prov: str | None = None  # the PROV-O property it specialises (rdfs:subPropertyOf), if any

    @property
    def is_date(self) -> bool:
        return self.datatype == "date"


@dataclass(frozen=True)
class Individual:
    id: str
    label: str
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lang -> pref + alt labels
    kind: str | None = None  # kg:kind, e.g. a firm that is news media or a research house

    @property
    def name(self) -> str:
        en = self.names.get("en") or next(iter(self.names.values()), (self.id,))
        return en[0]

    @property
    def aliases(self) -> list[str]:
        seen = [self.name]
        for names in self.names.values():
            seen.extend(n for n in names if n not in seen)
        return seen[1:]

    @property
    def iri(self) -> str:
        return f"{ID_BASE}{self.label.lower()}/{self.id}"


@dataclass(eq=False)
class Ontology:
    labels: dict[str, dict[str, str]]  # label -> {lang: display name}
    relationships: dict[str, Relationship]
    properties: dict[str, Property]
    individuals: dict[tuple[str, str], Individual]  # (label, id) -> individual
    entity_labels: frozenset[str] = frozenset()
    prov_classes: dict[str, str] = field(
        default_factory=dict
    )  # label -> the PROV-O class it specialises

    def label(self, name: str) -> str:
        """The label `name`, or an OntologyError naming what exists."""
        if name not in self.labels:
            raise OntologyError(f"unknown label '{name}'; known: {', '.join(sorted(self.labels))}")
        return name

    def relationship(self, name: str) -> Relationship:
        if name not in self.relationships:
            known = ", ".join(sorted(self.relationships))
            raise OntologyError(f"unknown relationship type '{name}'; known: {known}")
        return self.relationships[name]

    def property(self, name: str) -> Property:
        if name not in self.properties:
            raise OntologyError(f"unknown property '{name}'")
        return self.properties[name]

    def indexes(self) -> list[tuple[str, str]]:
        """(label, property) pairs to index: every label's id, and the properties marked indexed (on
        their labels, or on every entity label for a property declared on none, such as
        `status`)."""
        pairs = [(label, "id") for label in sorted(self.labels)]
        for p in self.properties.values():
            if p.indexed:
                pairs += [(label, p.name) for label in (p.labels or sorted(self.entity_labels))]
        return pairs

    def individual(self, label: str, id: str) -> Individual | None:
        return self.individuals.get((label, id))

    def individuals_of(self, label: str) -> list[Individual]:
        return [i for (lbl, _), i in self.individuals.items() if lbl == label]


@lru_cache(maxsize=4)
def load(directory: Path | None = None) -> Ontology:
    """Parse and cross-check the ontology in `directory` (default: the project's)."""
    directory = directory or paths.ontology_dir()
    graph = Graph()
    for name in SCHEMA_FILES:
        path = directory / name
        try:
            graph.parse(path, format="turtle")
        except FileNotFoundError as exc:
            raise OntologyError(f"{path}: missing ontology file") from exc
        except Exception as exc:  # rdflib raises many parser types
            raise OntologyError(_parse_error(path, exc)) from exc
    return _build(graph)


def _parse_error(path: Path, exc: Exception) -> str:
    """`file:line: cannot parse Turtle: why` (rdflib's BadSyntax keeps a 0-based line and a
    reason)."""
    line, why = getattr(exc, "lines", None), getattr(exc, "_why", None)
    if isinstance(line, int) and why:
        return f"{path}:{line + 1}: cannot parse Turtle: {why}"
    return f"{path}: cannot parse Turtle: {one_line(exc)}"


def _local(term: object) -> str:
    text = str(term)
    if not text.startswith(str(KG)):
        raise OntologyError(f"term {text} is outside the kg namespace")
    return text[len(str(KG)) :]


def _build(graph: Graph) -> Ontology:
    labels = {
        _local(c): _lang_names(graph, c, SKOS.prefLabel)
        for c in graph.subjects(RDF.type, OWL.Class)
        if str(c).startswith(str(KG)) and c != KG.Entity
    }
    for label in labels:
        if not _NAME.match(label):
            raise OntologyError(f"label '{label}' is not a safe Cypher name")
    entity_labels = frozenset(
        _local(c) for c in graph.subjects(RDFS.subClassOf, KG.Entity) if _local(c) in labels
    )
    relationships = {}
    for rel in graph.subjects(RDF.type, OWL.ObjectProperty):
        name = _local(rel)
        domain, rng = graph.value(rel, RDFS.domain), graph.value(rel, RDFS.range)
        if domain is None or rng is None:
            raise OntologyError(f"relationship {name} needs rdfs:domain and rdfs:range")
        domains, ranges = _classes(graph, domain), _classes(graph, rng)
        relationships[name] = Relationship(
            name, _one(domains), _one(ranges), domains, ranges, _prov(graph, rel)
        )
    properties = {}
    for kind in (OWL.DatatypeProperty, RDF.Property):
        for prop in graph.subjects(RDF.type, kind):
            name = _local(prop)
            if not _NAME.match(name):
                raise OntologyError(f"property '{name}' is not a safe Cypher name")
            rng = graph.value(prop, RDFS.range) or XSD.string
            properties[name] = Property(
                name,
                str(rng).split("#")[-1],
                tuple(sorted(_local(x) for x in graph.objects(prop, KG.on))),
                tuple(sorted(_local(x) for x in graph.objects(prop, KG.onRelationship))),
                bool(graph.value(prop, KG.indexed)),
                _prov(graph, prop),
            )
    individuals = _individuals(graph, labels)
    prov_classes = {
        label: iri for label in labels if (iri := _prov(graph, KG[label], RDFS.subClassOf))
    }
    return Ontology(labels, relationships, properties, individuals, entity_labels, prov_classes)


def _prov(graph: Graph, term: Node, link: URIRef = RDFS.subPropertyOf) -> str | None:
    """The PROV-O term `term` specialises, for exports that PROV-only tools read."""
    supers = sorted(str(x) for x in graph.objects(term, link) if str(x).startswith(str(PROV)))
    return supers[0] if supers else None


def _classes(graph: Graph, term: object) -> tuple[str, ...]:
    """A class, or the classes of an owl:unionOf, as local names."""
    if isinstance(term, BNode):
        members = graph.value(term, OWL.unionOf)
        if members is None:
            raise OntologyError(
                "a relationship's domain or range is an anonymous class without owl:unionOf"
            )
        return tuple(_local(c) for c in Collection(graph, members))
    return (_local(term),)


def _one(classes: tuple[str, ...]) -> str:
    return classes[0] if len(classes) == 1 else "Entity"


def _individuals(
    graph: Graph, labels: dict[str, dict[str, str]]
) -> dict[tuple[str, str], Individual]:
    found: dict[tuple[str, str], Individual] = {}
    for subject in set(graph.subjects(KG.id, None)):
        classes = [
            _local(c) for c in graph.objects(subject, RDF.type) if str(c).startswith(str(KG))
        ]
        ident = str(graph.value(subject, KG.id))
        if len(classes) != 1 or classes[0] not in labels:
            raise OntologyError(
                f"individual {subject} must have exactly one kg class, has {classes}"
            )
        if not _SLUG.match(ident):
            raise OntologyError(f"individual {subject}: id '{ident}' is not a lowercase slug")
        names: dict[str, list[str]] = {}
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for lit in sorted(graph.objects(subject, predicate), key=str):
                if isinstance(lit, Literal):
                    names.setdefault(lit.language or "en", []).append(str(lit))
        key = (classes[0], ident)
        if key in found:
            raise OntologyError(f"individual id '{ident}' is used twice for {classes[0]}")
        ordered = {lang: tuple(_pref_first(graph, subject, lang, ns)) for lang, ns in names.items()}
        kind = graph.value(subject, KG.kind)
        found[key] = Individual(ident, classes[0], ordered, str(kind) if kind is not None else None)
    _check_names(found)
    return found


def _check_names(individuals: dict[tuple[str, str], Individual]) -> None:
    """Every label and alias names one individual only: the gazetteer links a name to one id."""
    owner: dict[str, tuple[str, str]] = {}
    for key, individual in sorted(individuals.items()):
        for names in individual.names.values():
            for name in names:
                other = owner.setdefault(name, key)
                if other != key:
                    raise OntologyError(
                        f"name '{name}' is used by two individuals: {other[0]} '{other[1]}' "
                        f"and {key[0]} '{key[1]}'"
                    )


def _pref_first(graph: Graph, subject: Node, lang: str, names: list[str]) -> list[str]:
    prefs = [
        str(x)
        for x in graph.objects(subject, SKOS.prefLabel)
        if getattr(x, "language", None) == lang
    ]
    return prefs + [n for n in names if n not in prefs]


def _lang_names(graph: Graph, subject: Node, predicate: URIRef) -> dict[str, str]:
    return {
        lit.language or "en": str(lit)
        for lit in graph.objects(subject, predicate)
        if isinstance(lit, Literal)
    }
