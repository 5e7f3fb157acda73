"""Replay the curation file on a store: review marks on claims, accepted entities, aliases, merges.

Run after every load and forget (and by each curation command), so it is idempotent: the marks
are recomputed from the decisions, and a decision removed from the file leaves no mark behind.
A decision about something the store does not hold is one warning line, never dropped silently.
"""

from __future__ import annotations

from typing import Any

from kg.curation import fold, rejected
from kg.curation.file import Decision
from kg.curation.names import curated_ontology
from kg.ontology import Ontology
from kg.store import cypher
from kg.store.protocol import Store

REVIEWED = "MATCH (c:Claim) WHERE c.review IS NOT NULL RETURN c.id AS id, c.review AS review"
CLEAR_REVIEW = (
    "UNWIND $ids AS id MATCH (c:Claim {id: id}) "
    "SET c.review = NULL, c.review_why = NULL, c.review_by = NULL, c.review_at = NULL"
)
SET_REVIEW = (
    "UNWIND $rows AS row MATCH (c:Claim {id: row.id}) "
    "SET c.review = row.review, c.review_why = row.why, c.review_by = row.who, c.review_at = row.at"
)
CLAIMS_BY_ID = "UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.id AS id"
CLAIM_BY_KEY = (
    "MATCH (c:Claim {subject: $subject}) WHERE c.metric = $metric AND c.quote = $quote "
    "AND (c.value = $value OR ($value IS NULL AND c.value IS NULL)) "
    "MATCH (c)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document {sha256: $document}) "
    "RETURN DISTINCT c.id AS id ORDER BY id"
)
REVIEWS = {"reject": "rejected", "confirm": "confirmed"}


def replay(store: Store, decisions: list[Decision], base: Ontology) -> list[str]:
    """Apply `decisions` to `store`; the warnings, one line per decision about a missing id."""
    warnings: list[str] = []
    statements = _claim_statements(store, decisions, base, warnings)
    statements += _entity_statements(store, decisions, curated_ontology(base, decisions), warnings)
    if statements:
        write_statements(store, statements)
    return warnings


def write_statements(store: Store, statements: list[cypher.Statement]) -> None:
    """Curation writes through the store's own statement runner, in one transaction."""
    store.run_statements(statements)
    if hasattr(store, "wrote"):
        store.wrote = True


def latest_reviews(decisions: list[Decision]) -> dict[str, Decision]:
    """Per claim id, its last reject or confirm decision (a later one wins)."""
    latest: dict[str, Decision] = {}
    for d in decisions:
        if d.action in REVIEWS:
            latest[str(d.claim)] = d
    return latest


def claim_ids(store: Store, decision: Decision, merged: dict[str, str] | None = None) -> list[str]:
    """The claims a decision is about: its id if the store holds it, else the claims with its key
    (the same sentence of the same text saying the same thing, whatever their ids now); a subject
    merged since into another entity is looked for under that entity too."""
    if store.read(CLAIMS_BY_ID, {"ids": [decision.claim]}):
        return [str(decision.claim)]
    if decision.key is None:
        return []
    key = decision.key.model_dump()
    found = [row["id"] for row in store.read(CLAIM_BY_KEY, key)]
    into = (merged or {}).get(key["subject"])
    if not found and into:
        found = [row["id"] for row in store.read(CLAIM_BY_KEY, {**key, "subject": into})]
    return found


def _claim_statements(
    store: Store, decisions: list[Decision], base: Ontology, warnings: list[str]
) -> list[cypher.Statement]:
    """Review marks, then the derived edges of the claims that were or are now rejected."""
    rows: dict[str, dict[str, Any]] = {}
    merged = {str(d.entity): str(d.into) for d in decisions if d.action == "merge"}
    for claim, d in latest_reviews(decisions).items():
        ids = claim_ids(store, d, merged)
        if not ids:
            warnings.append(
                f"{d.action} {claim}: no such claim in the store any more "
                f"(its document was forgotten or now reads differently)"
            )
        for found in ids:
            rows[found] = {
                "id": found,
                "review": REVIEWS[d.action],
                "why": d.why,
                "who": d.who,
                "at": d.when,
            }
    present = {row["id"]: row["review"] for row in store.read(REVIEWED)}
    stale = [c for c in sorted(present) if c not in rows]
    statements: list[cypher.Statement] = []
    if stale:
        statements.append((CLEAR_REVIEW, {"ids": stale}))
    if rows:
        statements.append((SET_REVIEW, {"rows": sorted(rows.values(), key=lambda r: r["id"])}))
    was = {c for c, review in present.items() if review == "rejected"}
    now = {c for c, row in rows.items() if row["review"] == "rejected"}
    return statements + rejected.statements(store, base, now - was, was - now)


def _entity_statements(
    store: Store, decisions: list[Decision], onto: Ontology, warnings: list[str]
) -> list[cypher.Statement]:
    statements: list[cypher.Statement] = []
    for d in decisions:
        if d.action == "accept":
            statements += _accept(store, d, onto, warnings)
        elif d.action == "alias":
            statements += _alias(d, onto, warnings)
        elif d.action == "merge":
            statements += _merge(store, d, onto, warnings)
    return statements


def _accept(
    store: Store, d: Decision, onto: Ontology, warnings: list[str]
) -> list[cypher.Statement]:
    label = cypher.name(onto.label(str(d.label)))
    individual = onto.individual(str(d.label), str(d.entity))
    assert individual is not None  # curated_ontology added it
    out: list[cypher.Statement] = [
        (
            f"MERGE (e:{label} {{id: $id}}) "
            "SET e.name = $name, e.aliases = $aliases, e.status = 'accepted', "
            "e.review_by = $who, e.review_at = $at",
            {
                "id": d.entity,
                "name": individual.name,
                "aliases": individual.aliases,
                "who": d.who,
                "at": d.when,
            },
        )
    ]
    if d.country:
        if not store.read("MATCH (c:Country {id: $id}) RETURN c.id AS id", {"id": d.country}):
            warnings.append(f"accept {d.label} '{d.entity}': no country '{d.country}' in the store")
        else:
            out.append(
                (
                    f"MATCH (e:{label} {{id: $id}}), (c:Country {{id: $country}}) "
                    "SET e.country = $country "
                    "MERGE (e)-[:BASED_IN]->(c)",
                    {"id": d.entity, "country": d.country},
                )
            )
    return out


def _alias(d: Decision, onto: Ontology, warnings: list[str]) -> list[cypher.Statement]:
    individual = onto.individual(str(d.label), str(d.entity))
    if individual is None:
        warnings.append(f"alias {d.label} '{d.entity}': no such entity (accept it first)")
        return []
    return [
        (
            f"MATCH (e:{cypher.name(onto.label(str(d.label)))} {{id: $id}}) "
            "SET e.aliases = $aliases",
            {"id": d.entity, "aliases": individual.aliases},
        )
    ]


def _merge(
    store: Store, d: Decision, onto: Ontology, warnings: list[str]
) -> list[cypher.Statement]:
    into_label = cypher.name(onto.label(str(d.into_label)))
    if not store.read(f"MATCH (e:{into_label} {{id: $id}}) RETURN e.id AS id", {"id": d.into}):
        warnings.append(
            f"merge {d.label} '{d.entity}' into {d.into_label} '{d.into}': "
            f"no such entity '{d.into}'"
        )
        return []
    if d.label != d.into_label or d.entity == d.into:
        return []  # refused by `kg entity merge`; a hand-edited file may still say so
    return [
        (
            f"MATCH (e:{cypher.name(onto.label(str(d.label)))} {{id: $id}}) "
            "SET e.merged_into = $into",
            {"id": d.entity, "into": d.into},
        ),
        *fold.statements(store, onto, d),
    ]
