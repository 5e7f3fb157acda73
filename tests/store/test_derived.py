"""The derived-edge rule on the embedded store: a claim-backed edge's properties are a pure function
of the claims that remain, whatever the order of writes, replacements and removals."""

from __future__ import annotations

import datetime as dt

from kg.graph import GraphBatch, NodeRef

DEEPSEEK = NodeRef("Firm", "deepseek")
H800 = NodeRef("Chip", "h800")
HOLDS = "MATCH (:Firm {id: 'deepseek'})-[r:HOLDS]->(:Chip {id: 'h800'}) RETURN properties(r) AS p"


def _document(doc: str, published: dt.date | None, *claims: dict) -> GraphBatch:
    """A document whose claims each state that DeepSeek holds H800s."""
    batch = GraphBatch()
    document = batch.add_node("Document", doc, title=doc, published=published,
                              published_precision="day" if published else None, fingerprint=f"fp-{doc}")
    passage = batch.add_node("Passage", f"{doc}#0", ordinal=0, text="...", start=0, end=3)
    batch.add_edge("HAS_PASSAGE", document, passage)
    for props in claims:
        claim = batch.add_node("Claim", props["id"], subject="deepseek", object="h800", quote="...",
                               **{k: v for k, v in props.items() if k != "id"})
        batch.add_edge("SOURCED_FROM", claim, passage)
        batch.add_edge("ABOUT", claim, DEEPSEEK)
        batch.add_edge("ABOUT", claim, H800)
        batch.add_edge("HOLDS", DEEPSEEK, H800, claims=[props["id"]])
    return batch


def _entities(store) -> None:
    batch = GraphBatch()
    batch.add_node("Firm", "deepseek", name="DeepSeek")
    batch.add_node("Chip", "h800", name="H800")
    store.write_batch(batch)


OLD = _document("old", dt.date(2024, 1, 10), {"id": "c-old", "value": 10_000, "qualifier": "approx"})
NEW = _document("new", dt.date(2025, 2, 1), {"id": "c-new", "value": 50_000, "value_max": 60_000})


def _holds(store) -> dict | None:
    rows = store.read(HOLDS)
    return rows[0]["p"] if rows else None


def test_two_documents_give_the_same_edge_in_either_order_and_forgetting_leaves_the_other(settings) -> None:
    from kg.store import open_store

    expected_both = {"claims": ["c-new", "c-old"], "claim_count": 2, "documents": ["new", "old"],
                     "quantity_min": 10_000, "quantity_max": 60_000, "latest_quantity": 50_000,
                     "latest_date": dt.date(2025, 2, 1), "latest_date_precision": "day"}
    only = {"old": {"claims": ["c-old"], "claim_count": 1, "documents": ["old"], "quantity_min": 10_000,
                    "quantity_max": 10_000, "latest_quantity": 10_000, "latest_date": dt.date(2024, 1, 10),
                    "latest_date_precision": "day"},
            "new": {"claims": ["c-new"], "claim_count": 1, "documents": ["new"], "quantity_min": 50_000,
                    "quantity_max": 60_000, "latest_quantity": 50_000, "latest_date": dt.date(2025, 2, 1),
                    "latest_date_precision": "day"}}
    for first, second in ((OLD, NEW), (NEW, OLD)):
        for gone, stays in (("old", "new"), ("new", "old")):
            with open_store(settings) as store:
                store.clear()
                _entities(store)
                store.write_new_documents([(first.nodes[0].id, first)])
                store.write_new_documents([(second.nodes[0].id, second)])
                assert _holds(store) == expected_both
                store.forget_document(gone)
                assert _holds(store) == only[stays]
                store.forget_document(stays)
                assert _holds(store) is None  # gone with its last claim


def test_the_claims_own_date_comes_before_as_of_and_the_documents_date(store) -> None:
    _entities(store)
    dated = _document("a", dt.date(2025, 6, 1), {"id": "c1", "value": 1, "date": dt.date(2022, 3, 1),
                                                  "date_precision": "month"})
    as_of = _document("b", dt.date(2021, 1, 1), {"id": "c2", "value": 2, "as_of": dt.date(2023, 1, 1),
                                                  "as_of_precision": "year"})
    store.write_new_documents([("a", dated), ("b", as_of)])
    held = _holds(store)
    assert (held["latest_quantity"], held["latest_date"], held["latest_date_precision"]) == (
        2, dt.date(2023, 1, 1), "year")


def test_the_latest_figure_wins_over_a_later_claim_without_one_and_ties_go_to_the_lowest_id(store) -> None:
    _entities(store)
    store.write_new_documents([("a", _document("a", dt.date(2024, 1, 1), {"id": "c2", "value": 7},
                                               {"id": "c1", "value": 9}))])
    store.write_new_documents([("b", _document("b", dt.date(2025, 1, 1), {"id": "c0"}))])  # no figure
    held = _holds(store)
    assert (held["latest_quantity"], held["latest_date"], held["claim_count"]) == (9, dt.date(2024, 1, 1), 3)
    assert (held["quantity_min"], held["quantity_max"]) == (7, 9)


def test_an_edge_without_any_dated_claim_has_no_latest_date(store) -> None:
    _entities(store)
    store.write_new_documents([("a", _document("a", None, {"id": "c1", "value": 3}))])
    held = _holds(store)
    assert held["latest_quantity"] == 3 and "latest_date" not in held


def test_replacing_a_document_recomputes_from_its_new_claims(store) -> None:
    _entities(store)
    store.write_new_documents([("old", OLD), ("new", NEW)])
    store.replace_document("new", _document("new", dt.date(2025, 2, 1), {"id": "c-new2", "value": 20_000}))
    held = _holds(store)
    assert (held["claims"], held["quantity_max"], held["latest_quantity"]) == (["c-new2", "c-old"], 20_000, 20_000)


def test_a_reference_edge_keeps_its_own_properties_and_outlives_its_claims(store) -> None:
    _entities(store)
    reference = GraphBatch()
    reference.add_edge("HOLDS", DEEPSEEK, H800, sources=["https://example.org/holdings"])
    store.write_batch(reference)
    store.write_new_documents([("old", OLD)])
    assert _holds(store)["sources"] == ["https://example.org/holdings"] and _holds(store)["claim_count"] == 1
    store.forget_document("old")
    assert _holds(store) == {"sources": ["https://example.org/holdings"]}
