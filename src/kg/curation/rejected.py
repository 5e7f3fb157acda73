"""Rejected claims leave the derived edges, and come back to them when the rejection goes.

A rejected claim is one an analyst says is false, so the derived-edge rule
(`kg.store.derived`) leaves it out: an edge only rejected claims state is deleted (unless the
reference data states it), and its figures are computed from the claims that remain. The rule
reads `review`, so every recomputation agrees; what the replay adds is the recomputation of the
edges whose claims changed side, and the memory needed to bring an edge back:

- a claim that becomes rejected is dropped from the edges listing it; the type of edge it states
  is kept on the claim (`states_edge`), since the edge itself may be deleted;
- a claim that stops being rejected (confirmed, its decision removed from the file) is added back
  to that edge between its subject and object, created again if it was deleted.

Both are ordinary Cypher statements, the same on FalkorDB and Neo4j.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kg.ontology import Ontology
from kg.store import cypher, derived
from kg.store.protocol import Store

# The claim-backed edges that list these claims (read before the claims are marked).
EDGES_LISTING = (
    "UNWIND $ids AS id MATCH (c:Claim {id: id})-[:ABOUT]->(a) "
    "MATCH (c)-[:ABOUT]->(b) WHERE b <> a "
    "MATCH (a)-[r]->(b) WHERE id IN r.claims "
    "RETURN DISTINCT id AS claim, type(r) AS type, labels(a)[0] AS src_label, a.id AS src, "
    "labels(b)[0] AS dst_label, b.id AS dst"
)
REMEMBER = "UNWIND $rows AS row MATCH (c:Claim {id: row.claim}) SET c.states_edge = row.type"
# The edge a claim that is no longer rejected states again: between its subject and its object.
EDGES_STATED = (
    "UNWIND $ids AS id MATCH (c:Claim {id: id}) WHERE c.states_edge IS NOT NULL "
    "MATCH (c)-[:ABOUT]->(a) WHERE a.id = c.subject "
    "MATCH (c)-[:ABOUT]->(b) WHERE b.id = c.object AND b <> a "
    "RETURN DISTINCT id AS claim, c.states_edge AS type, labels(a)[0] AS src_label, a.id AS src, "
    "labels(b)[0] AS dst_label, b.id AS dst"
)


def restore_query(rel: str, src_label: str, dst_label: str) -> str:
    """Add claims back to their edge (made again if it was deleted); the rule then recomputes it."""
    return (
        f"UNWIND $rows AS row MATCH (a:{cypher.name(src_label)} {{id: row.src}}), "
        f"(b:{cypher.name(dst_label)} {{id: row.dst}}) "
        f"MERGE (a)-[r:{cypher.name(rel)}]->(b) "
        "SET r.claims = coalesce(r.claims, []) + row.claims"
    )


def statements(
    store: Store, ontology: Ontology, rejected_now: Iterable[str], restored: Iterable[str]
) -> list[cypher.Statement]:
    """What the replay sends after marking the claims: `rejected_now` (not rejected in the store
    before) out of their edges, `restored` (rejected before, not now) back in."""
    rejected_ids, restored_ids = sorted(set(rejected_now)), sorted(set(restored))
    dropped = store.read(EDGES_LISTING, {"ids": rejected_ids}) if rejected_ids else []
    returning = store.read(EDGES_STATED, {"ids": restored_ids}) if restored_ids else []
    out: list[cypher.Statement] = []
    if dropped:
        rows = [{"claim": r["claim"], "type": r["type"]} for r in dropped]
        out.append((REMEMBER, {"rows": rows}))
    out += _restore(returning, ontology)
    return out + derived.recompute(derived.keys_of(dropped + returning), ontology)


def _restore(rows: list[dict[str, str]], ontology: Ontology) -> list[cypher.Statement]:
    types = set(derived.derived_types(ontology))
    groups: dict[tuple[str, str, str], dict[tuple[str, str], list[str]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for r in rows:
        if r["type"] in types:  # only a claim-backed type: the value came from the store
            key = (r["type"], ontology.label(r["src_label"]), ontology.label(r["dst_label"]))
            groups[key][(r["src"], r["dst"])].append(r["claim"])
    return [
        (
            restore_query(*key),
            {"rows": [{"src": s, "dst": d, "claims": c} for (s, d), c in sorted(edges.items())]},
        )
        for key, edges in sorted(groups.items())
    ]


def all_statements(ontology: Ontology) -> list[str]:
    """Every text this module can send (for the linter)."""
    texts = [EDGES_LISTING, REMEMBER, EDGES_STATED]
    for rel in derived.derived_types(ontology):
        relationship = ontology.relationship(rel)
        texts += [
            restore_query(rel, s, d) for s in relationship.domains for d in relationship.ranges
        ]
    return texts
