"""Conflict marks on the embedded store: `claims-conflicts` answers from the marks exactly what the
claims that remain say, page by page, after writes, replacements and removals, on both write paths."""

from __future__ import annotations

import itertools

import pytest

from kg.graph import GraphBatch
from kg.packs import all_packs
from kg.store import open_store

MARKS = "MATCH (c:Claim) WHERE c.conflict IS NOT NULL RETURN c.id AS id, c.conflict AS conflict ORDER BY id"
# (claim id, subject, metric, object, value): four groups; two disagree within one document, one
# only across documents, one never (the same figure twice, and a claim without a figure).
DOCUMENTS = {
    "a": [("a1", "deepseek", "gpu_count", "h800", 10_000), ("a2", "deepseek", "gpu_count", "h800", 50_000),
          ("a3", "deepseek", "training_cost", None, 5.6e6), ("a4", "nvidia", "revenue", None, 3e10)],
    "b": [("b1", "deepseek", "training_cost", None, 6e6), ("b2", "nvidia", "revenue", None, 3e10),
          ("b3", "nvidia", "revenue", None, None), ("b4", "alibaba", "gpu_count", "h20", 1_000)],
    "c": [("c1", "alibaba", "gpu_count", "h20", 2_000), ("c2", "alibaba", "gpu_count", "h20", 3_000),
          ("c3", "deepseek", "gpu_count", "h800", 10_000)],
}


def _document(doc: str, claims: list[tuple]) -> GraphBatch:
    batch = GraphBatch()
    document = batch.add_node("Document", doc, title=f"title {doc}", fingerprint=f"fp-{doc}")
    passage = batch.add_node("Passage", f"{doc}#0", ordinal=0, text="...", start=0, end=3)
    batch.add_edge("HAS_PASSAGE", document, passage)
    for ident, subject, metric, obj, value in claims:
        claim = batch.add_node("Claim", ident, subject=subject, metric=metric, object=obj, value=value, quote=ident)
        batch.add_edge("SOURCED_FROM", claim, passage)
    return batch


def _expected(docs: list[str]) -> list[str]:
    """Claim ids in the pack's order, computed here from the claims of these documents."""
    claims = [c for d in docs for c in DOCUMENTS[d] if c[4] is not None]
    groups: dict[tuple, list[tuple]] = {}
    for c in claims:
        groups.setdefault((c[1], c[2], c[3] or ""), []).append(c)
    rows = [(key, c[4], c[0]) for key, members in groups.items() if len({m[4] for m in members}) > 1 for c in members]
    return [ident for _, _, ident in sorted(rows)]


def _pack(store, **params) -> list[str]:
    pack = all_packs()["claims-conflicts"]
    return [r["claim"] for r in store.read(pack.cypher, {**pack.params, **params})]


def _assert_answers(store, docs: list[str]) -> None:
    expected = _expected(docs)
    assert _pack(store, limit=1000) == expected
    for size in (1, 2, 3):  # pages add up to the whole answer, whatever the group sizes
        pages = [_pack(store, skip=skip, limit=size) for skip in range(0, len(expected) + size, size)]
        assert [c for page in pages for c in page] == expected, size
    assert _pack(store, id="alibaba", limit=1000) == [c for c in expected if _group(c).startswith("alibaba|")]
    # one mark per disagreeing group, on its lowest claim id with a figure
    marks = {m["id"]: m["conflict"] for m in store.read(MARKS)}
    assert marks == {min(c for c in expected if _group(c) == g): g for g in {_group(c) for c in expected}}


def _group(claim: str) -> str:
    row = next(c for d in DOCUMENTS.values() for c in d if c[0] == claim)
    return f"{row[1]}|{row[2]}|{row[3] or ''}"


@pytest.mark.parametrize("order", list(itertools.permutations("abc")))
def test_the_pack_answers_from_the_remaining_claims_in_any_order_of_writes_and_forgets(settings, order) -> None:
    with open_store(settings) as store:
        store.clear()
        for doc in order:
            store.write_new_documents([(doc, _document(doc, DOCUMENTS[doc]))])
        _assert_answers(store, list(order))
        left = list(order)
        for doc in order:
            store.forget_document(doc)
            left.remove(doc)
            _assert_answers(store, left)
        assert store.read(MARKS) == []


def test_replacing_a_document_moves_the_marks(store) -> None:
    store.write_new_documents([(d, _document(d, DOCUMENTS[d])) for d in "ab"])
    agreeing = [("a1", "deepseek", "gpu_count", "h800", 10_000), ("a3", "deepseek", "training_cost", None, 6e6)]
    store.replace_document("a", _document("a", agreeing))
    assert _pack(store, limit=1000) == []
    assert store.read(MARKS) == []
    store.replace_document("a", _document("a", DOCUMENTS["a"]))
    _assert_answers(store, ["a", "b"])


def test_the_first_load_path_marks_the_same_claims(settings) -> None:
    with open_store(settings) as store:
        store.clear()
        with store.first_load() as target:
            assert target is not store  # the bulk path, into a staging graph
            for doc in "abc":
                target.write_new_documents([(doc, _document(doc, DOCUMENTS[doc]))])
        _assert_answers(store, list("abc"))
