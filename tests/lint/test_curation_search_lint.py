"""The Cypher curation, repeated stories and full-text search send passes Neo4j's linter too."""

from __future__ import annotations

from kg import ontology, search, stories
from kg.curation import decide, fold, rejected
from kg.curation import marks as replay_module
from kg.packs.lint import lint


def test_curation_stories_and_search_statements_lint_clean() -> None:
    params = {"ids": ["a"], "rows": [], "id": "x", "query": "h100", "limit": 10, "subject": "s", "metric": "m",
              "quote": "q", "value": 1.0, "document": "d", "into": "y", "country": "cn", "name": "n",
              "aliases": ["a"], "who": "w", "at": "t", "doc": "d"}
    texts = [replay_module.REVIEWED, replay_module.CLEAR_REVIEW, replay_module.SET_REVIEW, replay_module.CLAIMS_BY_ID, replay_module.CLAIM_BY_KEY,
             decide.CLAIM, stories.CANDIDATES, stories.PASSAGES, stories.TOLD, stories.SET_STORY, stories.SIGNATURES,
             search.NEO4J_CREATE, search.NEO4J_SEARCH + search.PASSAGES]
    texts += rejected.all_statements(ontology.load()) + fold.all_statements(ontology.load())
    findings = lint([(f"statement {i}", q, params) for i, q in enumerate(texts)], ontology.load())
    assert len(findings) == len(texts)
    assert {f.name: f.errors for f in findings if f.errors} == {}
