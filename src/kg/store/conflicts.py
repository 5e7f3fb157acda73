"""Conflict groups: the claims on one subject, metric and object, and the mark of a group whose
figures disagree.

Every claim carries `group`, its subject, metric and object as one indexed key, written with the
claim. A group whose claims state two or more different values carries `conflict` (indexed, the
group's key) on one of its claims: the lowest claim id among those with a value. Like the derived
edges, the mark is a pure function of the claims that remain, recomputed in the store after every
write, replacement and removal for the groups those claims belong to. `claims-conflicts` reads
the marks (one per disagreeing group) and the claims of the groups on its page, never every claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kg.graph import GraphBatch, Node
from kg.store.cypher import BATCH_ROWS, Statement

SEPARATOR = "|"  # never inside an id or a metric name (slugs)

# The rule, once: for each group key, the mark on the lowest valued claim id when the group's
# values disagree, and on no other claim. Only claims whose mark changes are written. `key` and
# `c` are bound to each group's key and claims (one row per claim).
_RULE = """
WITH key, collect(c) AS claims, count(DISTINCT c.value) AS values,
     min(CASE WHEN c.value IS NOT NULL THEN c.id END) AS first
UNWIND claims AS c
WITH c, CASE WHEN values > 1 AND c.id = first THEN key END AS mark
WHERE coalesce(c.conflict, '') <> coalesce(mark, '')
SET c.conflict = mark
"""
RECOMPUTE = "UNWIND $groups AS key MATCH (c:Claim {group: key})" + _RULE
# Every group at once (a first load, which touched them all): one scan instead of a lookup each.
RECOMPUTE_ALL = "MATCH (c:Claim) WHERE c.group IS NOT NULL WITH c.group AS key, c" + _RULE

# The groups of a document's claims, read before they are removed.
GROUPS_OF_DOCUMENT = (
    "MATCH (:Document {id: $doc})-[:HAS_PASSAGE]->(:Passage)<-[:SOURCED_FROM]-(c:Claim) "
    "WHERE c.group IS NOT NULL RETURN DISTINCT c.group AS group"
)


def group_of(props: Mapping[str, Any]) -> str | None:
    """A claim's group key, or None for a claim without subject or metric."""
    subject, metric = props.get("subject"), props.get("metric")
    if not subject or not metric:
        return None
    return SEPARATOR.join((str(subject), str(metric), str(props.get("object") or "")))


def with_groups(batch: GraphBatch) -> GraphBatch:
    """The batch with each claim's `group` key among its properties."""
    nodes = []
    for node in batch.nodes:
        if node.label == "Claim":
            key = group_of(node.props)
            if key is not None and node.props.get("group") != key:
                node = Node(node.label, node.id, {**node.props, "group": key})
        nodes.append(node)
    return GraphBatch(nodes, list(batch.edges))


def groups_in(batch: GraphBatch) -> set[str]:
    return {
        key for n in batch.nodes if n.label == "Claim" and (key := group_of(n.props)) is not None
    }


def recompute(groups: Iterable[str]) -> list[Statement]:
    keys = sorted(set(groups))
    return [
        (RECOMPUTE, {"groups": keys[i : i + BATCH_ROWS]}) for i in range(0, len(keys), BATCH_ROWS)
    ]


def all_statements() -> list[str]:
    """Every text this module can send (for the linter)."""
    return [RECOMPUTE, RECOMPUTE_ALL, GROUPS_OF_DOCUMENT]
