"""Repeated stories: the same fact told by near-duplicate passages of several documents (wire copy
reprinted, lightly edited, or translated) is one fact with many sources.

Candidates come from the store's indexed claim key: claims with the same subject, metric and
object (`group`) and the same value (the same date, for a claim without one: `founded`), from two
or more documents. Two of them tell one story when
their passages are near-duplicates:

- in one language: the Jaccard similarity of their normalised texts' character shingles is at
  least SIMILAR;
- in two languages (a translation shares no shingles): the Jaccard similarity of their passages'
  language-independent signatures is at least SIMILAR_CONTEXT. A signature is what the passage
  states besides the claim itself: the known entities it mentions (linked ids, not candidates,
  whose ids are spelt in one language), the figures (value, unit) and dates of the claims read
  from it, less the claim's own subject, object and figure, which every candidate shares; the
  two must also share at least SHARED_CONTEXT of these.

The claims of a story share `story` (its lowest claim id), which the packs group on; recomputed
over the whole graph after every load and forget, so it never goes stale. Conflict marks are
untouched: two stories with different figures still conflict.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from kg.curation.marks import write_statements
from kg.store.protocol import Store

SHINGLE = 5  # characters: robust to Korean particles and small edits, language-agnostic
SIMILAR = 0.5
SIMILAR_CONTEXT = 0.5
SHARED_CONTEXT = 2  # one shared name is chance (seen on the synthetic corpus), two are a pattern
CANDIDATES = (
    "MATCH (c:Claim) WHERE c.group IS NOT NULL "
    "MATCH (c)-[:SOURCED_FROM]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document) "
    "WITH c, p, d, toString(coalesce(c.date, c.as_of)) AS day "
    "WITH c.group AS fact, coalesce(toString(c.value), 'on ' + day, '') AS value, "
    "collect({claim: c.id, passage: p.id, document: d.id, lang: d.lang, "
    "own: [c.subject, c.object, toString(c.value) + ' ' + coalesce(c.unit, ''), "
    "CASE WHEN c.value IS NULL THEN day END]}) AS told "
    "WHERE size(told) > 1 RETURN fact, value, told"
)
PASSAGES = "UNWIND $ids AS id MATCH (p:Passage {id: id}) RETURN p.id AS id, p.text AS text"
# What a passage states in any language: known entities, its claims' figures and dates.
SIGNATURES = (
    "UNWIND $ids AS id MATCH (p:Passage {id: id}) "
    "OPTIONAL MATCH (p)-[:MENTIONS]->(e) WHERE coalesce(e.status, '') <> 'candidate' "
    "WITH p, collect(DISTINCT e.id) AS entities "
    "OPTIONAL MATCH (c:Claim)-[:SOURCED_FROM]->(p) "
    "RETURN p.id AS id, entities, "
    "collect(DISTINCT toString(c.value) + ' ' + coalesce(c.unit, '')) AS figures, "
    "collect(DISTINCT toString(coalesce(c.date, c.as_of))) AS dates"
)
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


def signature(row: dict[str, Any]) -> frozenset[str]:
    """A SIGNATURES row as one set: entities, figures and dates, each kind apart."""
    return frozenset(
        [f"entity:{e}" for e in row["entities"]]
        + [f"figure:{f}" for f in row["figures"]]
        + [f"date:{d}" for d in row["dates"]]
    )


def context(told: dict[str, Any], signatures: dict[str, frozenset[str]]) -> frozenset[str]:
    """The passage's signature less the claim's own subject, object and figure (its date, for a
    claim without a figure: then the date is what the candidates share)."""
    subject, obj, figure, day = told["own"]
    own = {f"entity:{subject}", f"entity:{obj}", f"figure:{figure}", f"date:{day}"}
    return signatures.get(told["passage"], frozenset()) - own


def translated(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a.get("lang") and b.get("lang") and a["lang"] != b["lang"])


def stories(
    candidates: list[dict[str, Any]],
    texts: dict[str, str],
    signatures: dict[str, frozenset[str]] | None = None,
) -> dict[str, str]:
    """Claim id -> story id for the claims whose passages near-duplicate another document's."""
    cache: dict[str, frozenset[str]] = {}

    def told_alike(a: dict[str, Any], b: dict[str, Any]) -> bool:
        if translated(a, b):
            ca, cb = context(a, signatures or {}), context(b, signatures or {})
            return len(ca & cb) >= SHARED_CONTEXT and similarity(ca, cb) >= SIMILAR_CONTEXT
        sa = cache.setdefault(a["passage"], shingles(texts.get(a["passage"], "")))
        sb = cache.setdefault(b["passage"], shingles(texts.get(b["passage"], "")))
        return similarity(sa, sb) >= SIMILAR

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
                if told_alike(a, b):
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
    both = sorted(
        {
            t["passage"]
            for row in candidates
            if len({t.get("lang") for t in row["told"]} - {None}) > 1
            for t in row["told"]
        }
    )
    signatures = (
        {row["id"]: signature(row) for row in store.read(SIGNATURES, {"ids": both})} if both else {}
    )
    wanted = stories(candidates, texts, signatures)
    present = {row["id"]: row["story"] for row in store.read(TOLD)}
    rows: list[dict[str, str | None]] = [
        {"id": c, "story": s} for c, s in sorted(wanted.items()) if present.get(c) != s
    ]
    rows += [{"id": c, "story": None} for c in sorted(present) if c not in wanted]
    if rows:
        write_statements(store, [(SET_STORY, {"rows": rows})])
    return len(wanted)
