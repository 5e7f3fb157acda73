"""Fold a merged entity into the one it was merged into: `kg entity merge A B` makes the packs show
one entity, at once and after every load.

The merge gives A's names to B (`kg.curation.names`), so documents read from then on say B. What
the store already holds about A is moved by the replay: the claims about A (their `subject`,
`object`, `recipient` and conflict `group` say B), and every relationship of A, in or out (the
claims' ABOUT and ATTRIBUTED_TO, passages' MENTIONS, the reference data's edges, the derived
edges), is re-attached to B. A derived edge joins B's edge of the same type and end (their claims
together, recomputed by the rule); another edge B already has keeps B's properties; an edge
between A and B would be a loop and goes. A built-in A stays, with no relationship and no name
(the reference data may name it: the next load writes its edges and the replay moves them
again); a candidate A is deleted. All of it in Cypher, the same on FalkorDB and Neo4j.
"""

from __future__ import annotations

from kg.curation.file import Decision
from kg.ontology import Ontology
from kg.store import conflicts, cypher, derived
from kg.store.protocol import Store


def _entity(label: str, var: str, param: str) -> str:
    return f"({var}:{cypher.name(label)} {{id: ${param}}})"


def claims_query(label: str) -> str:
    return (
        f"MATCH (c:Claim)-[:ABOUT]->{_entity(label, 'a', 'id')} "
        "RETURN DISTINCT c.id AS id, c.subject AS subject, c.metric AS metric, c.object AS object, "
        "c.recipient AS recipient, c.group AS group"
    )


def relationships_query(label: str) -> str:
    return (
        f"MATCH {_entity(label, 'a', 'id')}-[r]-(x) WHERE x <> a "
        "RETURN DISTINCT type(r) AS type, startNode(r) = a AS out, labels(x)[0] AS label, "
        "x.id AS other"
    )


SET_CLAIMS = (
    "UNWIND $rows AS row MATCH (c:Claim {id: row.id}) "
    "SET c.subject = row.subject, c.object = row.object, c.recipient = row.recipient, "
    "c.group = row.group"
)


def drop_loops_query(label: str) -> str:
    return f"MATCH {_entity(label, 'a', 'id')}-[r]-{_entity(label, 'b', 'into')} DELETE r"


def move_query(label: str, rel: str, out: bool, claim_backed: bool) -> str:
    """A's relationships of one type and direction re-attached to B, then deleted."""
    arrow = f"-[r:{cypher.name(rel)}]->"
    pattern = (
        f"{_entity(label, 'a', 'id')}{arrow}(x)"
        if out
        else f"(x){arrow}{_entity(label, 'a', 'id')}"
    )
    target = (
        f"(b){arrow.replace('[r:', '[s:')}(x)" if out else f"(x){arrow.replace('[r:', '[s:')}(b)"
    )
    on_match = (
        " ON MATCH SET s.claims = coalesce(s.claims, []) + coalesce(r.claims, [])"
        if claim_backed
        else ""
    )
    return (
        f"MATCH {pattern} MATCH {_entity(label, 'b', 'into')} WHERE x <> b "
        f"MERGE {target} ON CREATE SET s += properties(r){on_match} DELETE r"
    )


def drop_candidate_query(label: str) -> str:
    return f"MATCH {_entity(label, 'a', 'id')} WHERE a.status = 'candidate' DETACH DELETE a"


def statements(store: Store, onto: Ontology, d: Decision) -> list[cypher.Statement]:
    """Everything that moves A (`d.entity`) into B (`d.into`), both of label `d.label`."""
    label, gone, into = onto.label(str(d.label)), str(d.entity), str(d.into)
    ids = {"id": gone, "into": into}
    claims = store.read(claims_query(label), {"id": gone})
    edges = store.read(relationships_query(label), {"id": gone})
    out: list[cypher.Statement] = []
    old_groups: set[str] = set()
    rows = []
    for c in claims:
        moved = {k: (into if c[k] == gone else c[k]) for k in ("subject", "object", "recipient")}
        group = conflicts.group_of({**moved, "metric": c["metric"]})
        rows.append({"id": c["id"], **moved, "group": group})
        old_groups |= {g for g in (c["group"],) if g}
    if rows:
        out.append((SET_CLAIMS, {"rows": rows}))
    claim_backed = set(derived.derived_types(onto))
    out.append((drop_loops_query(label), ids))
    keys: set[derived.EdgeKey] = set()
    for rel, direction in sorted({(e["type"], e["out"]) for e in edges}):
        onto.relationship(rel)  # a type the ontology knows, or an OntologyError
        out.append((move_query(label, rel, direction, rel in claim_backed), ids))
    for e in edges:
        if e["type"] in claim_backed and not (e["label"] == label and e["other"] == into):
            end = (onto.label(e["label"]), e["other"])
            keys.add((e["type"], label, into, *end) if e["out"] else (e["type"], *end, label, into))
    out.append((drop_candidate_query(label), {"id": gone}))
    new_groups = {r["group"] for r in rows if r["group"]}
    return out + derived.recompute(keys, onto) + conflicts.recompute(old_groups | new_groups)


def all_statements(onto: Ontology) -> list[str]:
    """Every text this module can send (for the linter): moves only where the ontology lets the
    type start (`domains`) or end (`ranges`, `Entity` for any entity) at the label."""
    texts = [SET_CLAIMS]
    claim_backed = set(derived.derived_types(onto))
    for label in sorted(onto.entity_labels):
        texts += [claims_query(label), relationships_query(label), drop_loops_query(label)]
        texts.append(drop_candidate_query(label))
        for rel, relationship in sorted(onto.relationships.items()):
            for out, ends in ((True, relationship.domains), (False, relationship.ranges)):
                if label in ends or "Entity" in ends:
                    texts.append(move_query(label, rel, out, rel in claim_backed))
    return texts
