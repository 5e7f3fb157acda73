"""Derived edges: the one rule that turns claims into the direct edges beside them.

A claim-backed edge (`HOLDS`, `ACQUIRED`, `TRAINED_ON`, `SPUN_OFF_FROM`, `FUNDED_BY`, `DEVELOPED`,
`VARIANT_OF`: the types the ontology gives a `claims` property) exists while at least one claim
states it or the reference data does (it then carries `sources`). Its other properties are a
pure function of the claims that remain (a claim an analyst rejected does not count: see
`kg.curation.rejected`), recomputed in the store after every write, replacement
and removal, for the edges that write touched:

- `claims` (ids, sorted), `claim_count`, `documents` (ids of the documents behind them),
- `quantity_min` / `quantity_max` over the claims' `value` (`value_max` for ranges),
- `latest_quantity`, `latest_date`, `latest_date_precision`: from the most recent claim stating a
  figure (else the most recent claim), by the claim's own `date`, else its `as_of`, else its
  document's `published` date; ties go to the lowest claim id. Never by load order.

Writers only add claim ids to `claims` (duplicates and ids of removed claims included); the
recomputation is what makes the list exact. An edge left without claims is deleted, unless the
reference data states it: then its derived properties are removed and its reference ones stay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from kg.graph import GraphBatch
from kg.ontology import Ontology
from kg.store.cypher import BATCH_ROWS, Statement, name

# (type, source label, source id, target label, target id)
EdgeKey = tuple[str, str, str, str, str]
DERIVED = (
    "claims",
    "claim_count",
    "documents",
    "quantity_min",
    "quantity_max",
    "latest_quantity",
    "latest_date",
    "latest_date_precision",
)

# The rule, once. `r` is bound to each edge to recompute (one row per edge).
_RULE = """
UNWIND CASE WHEN size(coalesce(r.claims, [])) = 0 THEN [null] ELSE r.claims END AS claim_id
OPTIONAL MATCH (c:Claim {id: claim_id}) WHERE coalesce(c.review, '') <> 'rejected'
OPTIONAL MATCH (c)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
WITH DISTINCT r, c, d
WITH r, c, d,
     CASE WHEN c.date IS NOT NULL THEN c.date WHEN c.as_of IS NOT NULL THEN c.as_of
          ELSE d.published END AS day,
     CASE WHEN c.date IS NOT NULL THEN c.date_precision
          WHEN c.as_of IS NOT NULL THEN c.as_of_precision
          ELSE d.published_precision END AS precision
ORDER BY c.id
WITH r, collect(c.id) AS ids, collect(DISTINCT d.id) AS documents, min(c.value) AS low,
     max(coalesce(c.value_max, c.value)) AS high,
     collect(CASE WHEN c IS NOT NULL THEN {value: c.value, day: day, precision: precision,
                                           key: coalesce(toString(day), '')} END) AS facts
WITH r, ids, documents, low, high,
     reduce(best = null, f IN facts |
       CASE WHEN best IS NULL
              OR (f.value IS NOT NULL AND best.value IS NULL)
              OR ((f.value IS NULL) = (best.value IS NULL) AND f.key > best.key)
            THEN f ELSE best END) AS latest
SET r.claims = CASE WHEN size(ids) = 0 THEN null ELSE ids END,
    r.claim_count = CASE WHEN size(ids) = 0 THEN null ELSE size(ids) END,
    r.documents = CASE WHEN size(documents) = 0 THEN null ELSE documents END,
    r.quantity_min = low, r.quantity_max = high,
    r.latest_quantity = latest.value, r.latest_date = latest.day,
    r.latest_date_precision = latest.precision
FOREACH (gone IN CASE WHEN size(ids) = 0 AND r.sources IS NULL THEN [1] ELSE [] END | DELETE r)
"""
# FOREACH, not `WITH r WHERE ... DELETE r`: FalkorDB 4.16 applies such a filter before the SET
# above (seen here), so the edges it rejects would not be recomputed.


def recompute_query(rel: str, src_label: str, dst_label: str) -> str:
    """The rule for the edges of one type between two labels, named by `$rows` of {src, dst}."""
    return (
        f"UNWIND $rows AS row MATCH (a:{name(src_label)} {{id: row.src}})-[r:{name(rel)}]->"
        f"(b:{name(dst_label)} {{id: row.dst}}) WITH DISTINCT r" + _RULE
    )


def recompute_all_query(rel: str, src_label: str) -> str:
    """The rule for every edge of one type from one label (a first load, which touched them all):
    one scan of that label's nodes (`()-[r]->()` would scan every node of the graph)."""
    return f"MATCH (:{name(src_label)})-[r:{name(rel)}]->() WITH DISTINCT r" + _RULE


def recompute_all(ontology: Ontology, sources: Mapping[str, Iterable[str]]) -> list[Statement]:
    """The rule for every claim-backed edge of a graph whose edges start, per type, at nodes of
    the labels in `sources` (what a first load wrote)."""
    return [
        (recompute_all_query(rel, ontology.label(label)), {})
        for rel in derived_types(ontology)
        for label in sorted(sources.get(rel, ()))
    ]


def derived_types(ontology: Ontology) -> tuple[str, ...]:
    """The claim-backed relationship types: those the ontology gives a `claims` property."""
    return tuple(sorted(ontology.property("claims").relationships))


def touched_by_document(ontology: Ontology) -> str:
    """Every claim-backed edge between two entities one of a document's claims is about (a
    superset of the edges its claims state: recomputing an edge no claim left is harmless)."""
    types = "|".join(name(t) for t in derived_types(ontology))
    return (
        "MATCH (:Document {id: $doc})-[:HAS_PASSAGE]->(:Passage)<-[:SOURCED_FROM]-(c:Claim)"
        "-[:ABOUT]->(a) "
        "MATCH (c)-[:ABOUT]->(b) WHERE b <> a "
        "WITH DISTINCT a, b "
        f"MATCH (a)-[r:{types}]->(b) "
        "RETURN DISTINCT type(r) AS type, labels(a)[0] AS src_label, a.id AS src, "
        "labels(b)[0] AS dst_label, "
        "b.id AS dst"
    )


def touched_in(batch: GraphBatch, ontology: Ontology) -> set[EdgeKey]:
    types = set(derived_types(ontology))
    return {
        (e.type, e.src.label, e.src.id, e.dst.label, e.dst.id)
        for e in batch.edges
        if e.type in types
    }


def keys_of(rows: Iterable[dict[str, Any]]) -> set[EdgeKey]:
    return {(r["type"], r["src_label"], r["src"], r["dst_label"], r["dst"]) for r in rows}


def recompute(keys: Iterable[EdgeKey], ontology: Ontology) -> list[Statement]:
    """Statements applying the rule to these edges, grouped by type and end labels."""
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for rel, src_label, src, dst_label, dst in sorted(set(keys)):
        ontology.relationship(rel)
        groups[(rel, ontology.label(src_label), ontology.label(dst_label))].append(
            {"src": src, "dst": dst}
        )
    statements: list[Statement] = []
    for (rel, src_label, dst_label), rows in groups.items():
        query = recompute_query(rel, src_label, dst_label)
        statements += [
            (query, {"rows": rows[i : i + BATCH_ROWS]}) for i in range(0, len(rows), BATCH_ROWS)
        ]
    return statements


def all_statements(ontology: Ontology) -> list[str]:
    """Every text this module can send (for the linter)."""
    texts = [touched_by_document(ontology)]
    for rel in derived_types(ontology):
        relationship = ontology.relationship(rel)
        texts += [
            recompute_query(rel, s, d) for s in relationship.domains for d in relationship.ranges
        ]
        texts += [recompute_all_query(rel, s) for s in relationship.domains]
    return texts
