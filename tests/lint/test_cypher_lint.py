"""Every Cypher text kg ships or sends passes Neo4j's own linter with zero errors."""

from __future__ import annotations

import datetime as dt

from kg import ontology
from kg.graph import GraphBatch, NodeRef
from kg.packs import all_packs
from kg.packs.lint import lint
from kg.store import bulk, conflicts, cypher, derived
from kg.packs.params import ENTITY_LOOKUP
from kg.console import session as console
from kg.views.build import ANY_NODE, CLAIM_QUOTES, ID_SUBGRAPH


def _writer_statements(onto: ontology.Ontology) -> list[tuple[str, str, dict]]:
    """One write statement per label and per relationship type and pair of end labels, with dates and
    claims, as the writer builds them."""
    batch = GraphBatch()
    for label in onto.labels:
        batch.add_node(label, "x", name="x", date=dt.date(2024, 1, 1))
    for rel in onto.relationships.values():
        for src in ("Firm" if x == "Entity" else x for x in rel.domains):
            for dst in ("Firm" if x == "Entity" else x for x in rel.ranges):
                batch.add_edge(rel.type, NodeRef(src, "x"), NodeRef(dst, "x"), claims=["c"], date=dt.date(2024, 1, 1))
    return [(f"writer-{i}", q, p) for i, (q, p) in enumerate(cypher.Writer(onto).statements(batch))]


def test_packs_and_every_statement_the_code_sends_lint_clean() -> None:
    onto = ontology.load()
    queries = [(f"pack {p.name}", p.cypher, p.params) for p in all_packs().values()]
    params = {"doc": "d", "ids": ["a"], "fingerprint": "f", "rows": [], "sources": ["s"]}
    queries += [(f"store {i}", q, params) for i, q in enumerate(cypher.all_statements(onto))]
    queries += [(f"derived {i}", q, params) for i, q in enumerate(derived.all_statements(onto))]
    queries += [(f"bulk {i}", q, params) for i, q in enumerate(bulk.all_statements(onto))]
    queries += [(f"conflicts {i}", q, {**params, "groups": ["g"]}) for i, q in enumerate(conflicts.all_statements())]
    queries += _writer_statements(onto)
    queries.append(("view quotes", CLAIM_QUOTES, {"ids": ["a"]}))
    queries.append(("view ids", ID_SUBGRAPH, {"ids": ["a"]}))
    queries.append(("view any node", ANY_NODE, {}))
    queries.append(("entity lookup", ENTITY_LOOKUP, {"value": "X", "lowered": "x"}))
    queries += [(f"console {name}", getattr(console, name), {"id": "c"})
                for name in ("LABELS", "TYPES", "KEYS", "CLAIM_SOURCE")]
    findings = lint(queries, onto)
    assert len(findings) == len(queries) > 60
    errors = {f.name: f.errors for f in findings if f.errors}
    assert errors == {}


def test_the_linter_does_find_errors() -> None:
    findings = lint([("broken", "MATCH (n:Firm RETURN n", {}), ("exists", "MATCH (n) RETURN n", {})],
                    ontology.load())
    assert findings[0].errors and not findings[1].errors
