"""What removing one document sends: its claims, the edges they touched (recomputed by the
derived-edge rule), the conflict marks of their claim groups, its passages, the candidate
entities only it named, and the document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from kg.ontology import Ontology
from kg.store import conflicts, cypher, derived
from kg.store.cypher import Statement

Read = Callable[..., list[dict[str, Any]]]


def removal_plan(
    read: Read, ontology: Ontology, doc_id: str, keep_document: bool
) -> list[Statement]:
    """Statements removing what only `doc_id` contributed (and the Document unless kept). The
    reads happen now, before any of the statements runs."""
    doc = {"doc": doc_id}
    touched = derived.keys_of(read(derived.touched_by_document(ontology), doc))
    groups = [row["group"] for row in read(conflicts.GROUPS_OF_DOCUMENT, doc)]
    candidates = read(cypher.DOC_CANDIDATES, doc) + read(cypher.DOC_CLAIM_CANDIDATES, doc)
    plan: list[Statement] = [(cypher.UNMARK_DOCUMENT, doc)] if keep_document else []
    plan.append((cypher.DELETE_CLAIMS, doc))
    plan += derived.recompute(touched, ontology) + conflicts.recompute(groups)
    plan.append((cypher.DELETE_PASSAGES, doc))
    by_label: dict[str, set[str]] = defaultdict(set)
    for row in candidates:
        by_label[row["label"]].add(row["id"])
    for label, ids in sorted(by_label.items()):
        plan.append((cypher.delete_orphan_candidates(ontology.label(label)), {"ids": sorted(ids)}))
    if not keep_document:
        plan.append((cypher.DELETE_DOCUMENT, doc))
    return plan
