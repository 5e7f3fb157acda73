"""Repeated stories: the same fact told by near-duplicate passages of several documents (wire copy
reprinted, lightly edited) is one fact with many sources.

Candidates come from the store's indexed claim key: claims with the same subject, metric and
object (`group`) and the same value, from two or more documents. Two of them tell one story when
their passages are near-duplicates: the Jaccard similarity of their normalised texts' character
shingles is at least SIMILAR. The claims of a story share `story` (its lowest claim id), which the
packs group on; recomputed over the whole graph after every load and forget, so it never goes stale.
Conflict marks are untouched: two stories with different figures still conflict.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from kg.curation.marks import write_statements
from kg.store.protocol import Store

SHINGLE = 5  # characters: robust to Korean particles and small edits, language-agnostic
SIMILAR = 0.5
CANDIDATES = (
    "MATCH (c:Claim) WHERE c.group IS NOT NULL "
    "MATCH (c)-[:SOURCED_FROM]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document) "
    "WITH c.group AS fact, coalesce(toString(c.value), '') AS value, "
    "collect({claim: c.id, passage: p.id, document: d.id}) AS told "
    "WHERE size(told) > 1 RETURN fact, value, told"
)
PASSAGES = "UNWIND $ids AS id MATCH (p:Passage {id: id}) RETURN p.id AS id, p.text AS text"
TOLD = "MATCH (c:Claim) WHERE c.story IS NOT NULL RETURN c.id AS id, c.story AS story"
SET_STORY = "UNWIND $rows AS row MATCH (c:Claim {id: row.id}) SET c.story = row.story"
_NOT_WORD = re.compile(r"[\W_]+")


def normalised(text: str) -> str:
    """Case, width, punctuation and spacing folded away: what a reprint keeps."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    flat = normalised(text)
    return frozenset(flat[i : i + size] for i in range(max(1, len(flat) - size + 1)))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def stories(candidates: list[dict[str, Any]], texts: dict[str, str]) -> dict[str, str]:
    """Claim id -> story id for the claims whose passages near-duplicate another document's."""
    cache: dict[str, frozenset[str]] = {}
    story: dict[str, str] = {}
    for row in candidates:
        told = sorted(row["told"], key=lambda t: t["claim"])
        parent = {t["claim"]: t["claim"] for t in told}

        def root(x: str, parent: dict[str, str] = parent) -> str:
            while parent[x] != x:
                x = parent[x]
            return x

        for i, a in enumerate(told):
            for b in told[i + 1 :]:
                if a["document"] == b["document"] or root(a["claim"]) == root(b["claim"]):
                    continue
                sa = cache.setdefault(a["passage"], shingles(texts.get(a["passage"], "")))
                sb = cache.setdefault(b["passage"], shingles(texts.get(b["passage"], "")))
                if similarity(sa, sb) >= SIMILAR:
                    parent[max(root(a["claim"]), root(b["claim"]))] = min(
                        root(a["claim"]), root(b["claim"])
                    )
        members: dict[str, list[str]] = {}
        for t in told:
            members.setdefault(root(t["claim"]), []).append(t["claim"])
        for first, claims in members.items():
            if len(claims) > 1:
                story.update(dict.fromkeys(claims, first))
    return story


def recompute(store: Store) -> int:
    """Mark the stories of the whole graph; the number of claims in a story."""
    candidates = store.read(CANDIDATES)
    ids = sorted({t["passage"] for row in candidates for t in row["told"]})
    texts = (
        {row["id"]: row["text"] or "" for row in store.read(PASSAGES, {"ids": ids})} if ids else {}
    )
    wanted = stories(candidates, texts)
    present = {row["id"]: row["story"] for row in store.read(TOLD)}
    rows: list[dict[str, str | None]] = [
        {"id": c, "story": s} for c, s in sorted(wanted.items()) if present.get(c) != s
    ]
    rows += [{"id": c, "story": None} for c in sorted(present) if c not in wanted]
    if rows:
        write_statements(store, [(SET_STORY, {"rows": rows})])
    return len(wanted)
