"""Full-text search over passages, in the store's own full-text index (`kg search`).

FalkorDB indexes `Passage.text` and `Passage.terms` (RediSearch, English stemming: `smuggled`
finds `smuggling`); Neo4j the same two properties in a Lucene full-text index. Korean attaches
particles and endings to the word, and both tokenisers split on spaces only, so `terms` holds each
Hangul word without its ending (`밀반입을` -> `밀반입`), and a query word is cut the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from kg import paths
from kg.extract.lexicon import languages
from kg.store.protocol import Store

INDEX_NAME = "kg_passage_text"  # Neo4j's index name; FalkorDB names a full-text index by its label
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_WORD = re.compile(r"[\w]+", re.UNICODE)
FALKOR_CREATE = (
    "CALL db.idx.fulltext.createNodeIndex({label: 'Passage', language: 'english'}, 'text', 'terms')"
)
FALKOR_INDEXES = "CALL db.indexes() YIELD label, properties, types RETURN label, properties, types"
FALKOR_SEARCH = "CALL db.idx.fulltext.queryNodes('Passage', $query) YIELD node, score"
NEO4J_CREATE = (
    f"CREATE FULLTEXT INDEX {INDEX_NAME} IF NOT EXISTS FOR (p:Passage) ON EACH [p.text, p.terms]"
)
NEO4J_SEARCH = f"CALL db.index.fulltext.queryNodes('{INDEX_NAME}', $query) YIELD node, score"
PASSAGES = (
    " WITH node AS p, score ORDER BY score DESC, p.id LIMIT $limit"
    " MATCH (d:Document)-[:HAS_PASSAGE]->(p)"
    " OPTIONAL MATCH (p)-[:MENTIONS]->(e)"
    " WITH p, score, d, e ORDER BY e.id"
    " RETURN p.id AS passage, score, d.id AS document, d.title AS title, d.published AS date,"
    " collect(DISTINCT e.id) AS mentions, p.text AS text ORDER BY score DESC, passage"
)


@dataclass(frozen=True)
class Suffixes:
    cuts: tuple[tuple[str, int], ...]  # (ending, syllables that must remain), longest ending first


@lru_cache(maxsize=1)
def suffixes() -> Suffixes:
    data = yaml.safe_load((paths.search_dir() / "korean.yaml").read_text(encoding="utf-8"))
    cuts = {
        p: 1 for lex in languages().values() for p in lex.data.attached_particles
    }  # `칩을` -> `칩`
    cuts.update({e: int(data["min_stem"]) for e in data["endings"]})
    return Suffixes(tuple(sorted(cuts.items(), key=lambda c: -len(c[0]))))


def stem(word: str) -> str:
    """A Hangul word without its longest known particle or ending, if enough of it remains."""
    for ending, keep in suffixes().cuts:
        if word.endswith(ending) and len(word) - len(ending) >= keep:
            return word[: -len(ending)]
    return word


def terms(text: str) -> str | None:
    """The stems of the text's Hangul words that differ from the words (what the index misses)."""
    stems = {s for w in _HANGUL_WORD.findall(text) if (s := stem(w)) != w}
    return " ".join(sorted(stems)) or None


def query_words(text: str) -> list[str]:
    """The words of a search, Korean ones cut to their stems: every word must match."""
    return [stem(w) if _HANGUL_WORD.fullmatch(w) else w for w in _WORD.findall(text)]


def is_neo4j(store: Store) -> bool:
    return store.describe().get("kind") == "neo4j"


def ensure_index(store: Store) -> None:
    """The full-text index on passages, created once (an existing graph is indexed in the
    background)."""
    from kg.curation.marks import write_statements

    if is_neo4j(store):
        write_statements(store, [(NEO4J_CREATE, {})])
        return
    rows = store.read(FALKOR_INDEXES)
    if not any(
        r["label"] == "Passage"
        and "FULLTEXT" in [str(t).upper() for ts in (r["types"] or {}).values() for t in ts]
        for r in rows
    ):
        write_statements(store, [(FALKOR_CREATE, {})])


def search(store: Store, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """The passages that contain every word, best first, with document, date and entities named."""
    words = query_words(text)
    if not words:
        return []
    if is_neo4j(store):
        query = " AND ".join(_lucene(w) for w in words)
        found: list[dict[str, Any]] = store.read(
            NEO4J_SEARCH + PASSAGES, {"query": query, "limit": limit}
        )
        return found
    found = store.read(
        FALKOR_SEARCH + PASSAGES, {"query": " ".join(_redisearch(w) for w in words), "limit": limit}
    )
    return found


def _redisearch(word: str) -> str:
    """A word as RediSearch query text: digits and letters only reach here; escape the rest."""
    return re.sub(r"([^\w])", r"\\\1", word)


def _lucene(word: str) -> str:
    return re.sub(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)', r"\\\1", word)
