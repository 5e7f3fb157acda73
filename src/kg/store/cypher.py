"""Cypher the stores send, built from the ontology: the writer, schema, removal and counts.

Only ontology names are ever spliced into query text (checked here, quoted with backticks);
every value travels as a parameter.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from kg.errors import OntologyError
from kg.graph import Edge, GraphBatch, Node
from kg.ontology import Ontology

Statement = tuple[str, dict[str, Any]]
_SAFE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
BATCH_ROWS = 500


def name(text: str) -> str:
    """A label, type or property name as Cypher text, after checking it is a plain name."""
    if not _SAFE.match(text):
        raise OntologyError(f"'{text}' is not a safe Cypher name")
    return f"`{text}`"


@dataclass(frozen=True)
class Writer:
    ontology: Ontology
    batch_rows: int = BATCH_ROWS

    def statements(self, batch: GraphBatch) -> Iterator[Statement]:
        merged = batch.merged()
        yield from self._node_statements(merged.nodes)
        yield from self._edge_statements(merged.edges)

    # -- nodes ---------------------------------------------------------------------------
    def _node_statements(self, nodes: list[Node]) -> Iterator[Statement]:
        groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
        for node in nodes:
            self.ontology.label(node.label)
            props, dates = self._split(node.props)
            groups[(node.label, tuple(sorted(dates)))].append(
                {"id": node.id, "props": props, **_prefixed(dates)}
            )
        for (label, date_keys), rows in groups.items():
            sets = "".join(f", n.{name(k)} = date(row.{name('d_' + k)})" for k in date_keys)
            query = (
                f"UNWIND $rows AS row MERGE (n:{name(label)} {{id: row.id}}) "
                f"SET n += row.props{sets}"
            )
            yield from _chunks(query, rows, self.batch_rows)

    # -- relationships -------------------------------------------------------------------
    def _edge_statements(self, edges: list[Edge]) -> Iterator[Statement]:
        groups: dict[tuple[str, str, str, tuple[str, ...], bool], list[dict[str, Any]]] = (
            defaultdict(list)
        )
        for edge in edges:
            self.ontology.relationship(edge.type)
            self.ontology.label(edge.src.label)
            self.ontology.label(edge.dst.label)
            props, dates = self._split(edge.props)
            claims = props.pop("claims", None)
            row = {
                "src": edge.src.id,
                "dst": edge.dst.id,
                "props": props,
                "claims": claims or [],
                **_prefixed(dates),
            }
            key = (edge.type, edge.src.label, edge.dst.label, tuple(sorted(dates)), bool(claims))
            groups[key].append(row)
        for (rel, src, dst, date_keys, has_claims), rows in groups.items():
            sets = "".join(f", r.{name(k)} = date(row.{name('d_' + k)})" for k in date_keys)
            # claims appended as they come: the derived-edge rule (kg.store.derived) makes the
            # list exact
            if has_claims:
                sets += ", r.claims = coalesce(r.claims, []) + row.claims"
            query = (
                f"UNWIND $rows AS row MATCH (a:{name(src)} {{id: row.src}}) "
                f"MATCH (b:{name(dst)} {{id: row.dst}}) "
                f"MERGE (a)-[r:{name(rel)}]->(b) SET r += row.props{sets}"
            )
            yield from _chunks(query, rows, self.batch_rows)

    def _split(self, props: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        plain: dict[str, Any] = {}
        dates: dict[str, str] = {}
        for key, value in props.items():
            if value is None:
                continue
            prop = self.ontology.property(key)
            if isinstance(value, dt.date) or (prop.is_date and isinstance(value, str)):
                dates[key] = value.isoformat() if isinstance(value, dt.date) else value
            else:
                plain[key] = _storable(key, value)
        return plain, dates


def _prefixed(dates: Mapping[str, str]) -> dict[str, str]:
    return {f"d_{k}": v for k, v in dates.items()}


def _storable(key: str, value: Any) -> Any:
    """Scalars and flat lists of scalars go as they are; anything nested goes as JSON text."""
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)) and all(
        isinstance(v, (str, int, float, bool)) for v in value
    ):
        return list(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _chunks(query: str, rows: list[dict[str, Any]], size: int) -> Iterator[Statement]:
    for i in range(0, len(rows), size):
        yield query, {"rows": rows[i : i + size]}


# -- removing what one document contributed ---------------------------------------------
# Each follows the document's own passages and claims: the cost is what the document holds,
# never a list of its claim ids matched against other lists.
DOC_CANDIDATES = (
    "MATCH (:Document {id: $doc})-[:HAS_PASSAGE]->(:Passage)-[:MENTIONS]->(e) "
    "WHERE e.status = 'candidate' RETURN DISTINCT labels(e)[0] AS label, e.id AS id"
)
DOC_CLAIM_CANDIDATES = (
    "MATCH (:Document {id: $doc})-[:HAS_PASSAGE]->(:Passage)<-[:SOURCED_FROM]-(:Claim)"
    "-[:ABOUT]->(e) "
    "WHERE e.status = 'candidate' RETURN DISTINCT labels(e)[0] AS label, e.id AS id"
)
DELETE_CLAIMS = (
    "MATCH (:Document {id: $doc})-[:HAS_PASSAGE]->(:Passage)<-[:SOURCED_FROM]-(c:Claim) "
    "DETACH DELETE c"
)
DELETE_PASSAGES = "MATCH (:Document {id: $doc})-[:HAS_PASSAGE]->(p:Passage) DETACH DELETE p"
UNMARK_DOCUMENT = "MATCH (d:Document {id: $doc}) REMOVE d.fingerprint"
MARK_DOCUMENT = "MATCH (d:Document {id: $doc}) SET d.fingerprint = $fingerprint"
DELETE_DOCUMENT = "MATCH (d:Document {id: $doc}) DETACH DELETE d"
DOCUMENT_EXISTS = "MATCH (d:Document {id: $doc}) RETURN d.id AS id"
# Every document, '' for one whose write never finished (it has no commit marker).
MARK_DOCUMENTS = (
    "UNWIND $rows AS row MATCH (d:Document {id: row.id}) SET d.fingerprint = row.fingerprint"
)
DOCUMENTS = (
    "MATCH (d:Document) RETURN d.id AS id, coalesce(d.sha256, '') AS sha256, "
    "coalesce(d.fingerprint, '') AS fingerprint, "
    "coalesce(d.sources, []) AS sources"
)
SET_SOURCES = "MATCH (d:Document {id: $doc}) SET d.sources = $sources"


def delete_orphan_candidates(label: str) -> str:
    return (
        f"UNWIND $ids AS eid MATCH (e:{name(label)} {{id: eid}}) WHERE e.status = 'candidate' "
        "AND NOT (e)<-[:MENTIONS]-() AND NOT (e)<-[:ABOUT]-() DETACH DELETE e"
    )


def count_label(label: str) -> str:
    return f"MATCH (n:{name(label)}) RETURN count(n) AS n"


def count_type(rel: str) -> str:
    return f"MATCH ()-[r:{name(rel)}]->() RETURN count(r) AS n"


def all_statements(ontology: Ontology) -> list[str]:
    """Every fixed or ontology-generated Cypher text this module can send (for the linter)."""
    fixed = [
        DOC_CANDIDATES,
        DOC_CLAIM_CANDIDATES,
        DELETE_CLAIMS,
        DELETE_PASSAGES,
        UNMARK_DOCUMENT,
        MARK_DOCUMENT,
        DELETE_DOCUMENT,
        DOCUMENT_EXISTS,
        MARK_DOCUMENTS,
        DOCUMENTS,
        SET_SOURCES,
    ]
    labels = sorted(ontology.labels)
    generated = [count_label(x) for x in labels] + [delete_orphan_candidates(x) for x in labels]
    generated += [count_type(t) for t in sorted(ontology.relationships)]
    return fixed + generated


def hold_back_fingerprint(doc_id: str, batch: GraphBatch) -> tuple[str | None, GraphBatch]:
    """The fingerprint is the commit marker: written last, after everything else of the document."""
    fingerprint = None
    nodes = []
    for node in batch.nodes:
        if node.label == "Document" and node.id == doc_id and "fingerprint" in node.props:
            fingerprint = str(node.props["fingerprint"])
            node = Node(
                node.label, node.id, {k: v for k, v in node.props.items() if k != "fingerprint"}
            )
        nodes.append(node)
    return fingerprint, GraphBatch(nodes, list(batch.edges))
