"""replace_document / forget_document at the store level: what one document contributed goes,
what others (or the reference data) stated stays, and the fingerprint is the commit marker."""

from __future__ import annotations

import datetime as dt

from kg.graph import GraphBatch, NodeRef
from kg.store import Store

H100 = NodeRef("Chip", "h100")
ACME = NodeRef("Firm", "acme")
NVIDIA = NodeRef("Firm", "nvidia")


def _reference() -> GraphBatch:
    """What the reference loader would write: named entities and an edge without claims."""
    batch = GraphBatch()
    batch.add_node("Firm", "acme", name="Acme")
    batch.add_node("Firm", "nvidia", name="NVIDIA")
    batch.add_node("Chip", "h100", name="H100", released=dt.date(2022, 3, 22))
    batch.add_edge("MADE_BY", H100, NVIDIA)
    return batch


def _document(doc: str, fingerprint: str, claim: str, text: str, candidate: str | None = None,
              acquired: bool = False) -> GraphBatch:
    """One document: a passage, a claim about Acme's H100s, the HOLDS edge carrying the claim."""
    batch = GraphBatch()
    document = batch.add_node("Document", doc, title=f"Doc {doc}", fingerprint=fingerprint,
                              published=dt.date(2025, 1, 2))
    passage = batch.add_node("Passage", f"{doc}#0", ordinal=0, text=text, start=0, end=len(text))
    batch.add_edge("HAS_PASSAGE", document, passage)
    node = batch.add_node("Claim", claim, metric="holdings", value=500, quote=text)
    batch.add_edge("SOURCED_FROM", node, passage)
    batch.add_edge("ABOUT", node, ACME)
    batch.add_edge("ABOUT", node, H100)
    batch.add_edge("MENTIONS", passage, ACME, surface="Acme")
    batch.add_edge("HOLDS", ACME, H100, claims=[claim])
    if acquired:
        batch.add_edge("ACQUIRED", ACME, H100, claims=[claim])
    if candidate:
        entity = batch.add_node("Firm", candidate, name=candidate.title(), status="candidate")
        batch.add_edge("MENTIONS", passage, entity, surface=candidate)
    return batch


def _load_two(store) -> None:
    store.write_batch(_reference())
    store.replace_document("d1", _document("d1", "f1", "c1", "Acme holds 500 H100.", "newco", acquired=True))
    store.replace_document("d2", _document("d2", "f2", "c2", "Acme has 500 H100s.", "shared"))
    extra = GraphBatch()  # a candidate mentioned by both documents survives either one going
    extra.add_edge("MENTIONS", NodeRef("Passage", "d1#0"), NodeRef("Firm", "shared"), surface="Shared")
    store.write_batch(extra)


def _ids(store, label: str) -> set[str]:
    return {r["id"] for r in store.read(f"MATCH (n:{label}) RETURN n.id AS id")}


def _fingerprints(store: Store) -> dict[str, str]:
    """Each document's commit marker ('' while it is incomplete)."""
    return {row["id"]: row["fingerprint"] for row in store.documents()}


def test_replace_removes_only_what_that_document_contributed(store) -> None:
    _load_two(store)
    assert store.read("MATCH ()-[r:HOLDS]->() RETURN r.claims AS c")[0]["c"] == ["c1", "c2"]
    store.replace_document("d1", _document("d1", "f1b", "c9", "Acme now holds 900 H100."))
    assert _ids(store, "Claim") == {"c2", "c9"}
    assert _ids(store, "Passage") == {"d1#0", "d2#0"}
    assert store.read("MATCH (p:Passage {id: 'd1#0'}) RETURN p.text AS t") == [{"t": "Acme now holds 900 H100."}]
    assert store.read("MATCH ()-[r:HOLDS]->() RETURN r.claims AS c") == [{"c": ["c2", "c9"]}]
    assert store.counts().relationships["ACQUIRED"] == 0  # stated only by the replaced claim
    assert _ids(store, "Firm") == {"acme", "nvidia", "shared"}  # 'newco' was only in d1
    assert store.counts().relationships["MADE_BY"] == 1  # reference edges carry no claims: kept
    assert _fingerprints(store) == {"d1": "f1b", "d2": "f2"}


def test_replacing_with_the_same_batch_changes_nothing(store) -> None:
    _load_two(store)
    before = store.counts()
    store.replace_document("d2", _document("d2", "f2", "c2", "Acme has 500 H100s.", "shared"))
    assert store.counts() == before


def test_forget_removes_the_document_and_what_came_only_from_it(store) -> None:
    _load_two(store)
    assert store.forget_document("d2") is True
    assert _ids(store, "Document") == {"d1"}
    assert _ids(store, "Claim") == {"c1"}
    assert store.read("MATCH ()-[r:HOLDS]->() RETURN r.claims AS c") == [{"c": ["c1"]}]
    assert _ids(store, "Firm") == {"acme", "nvidia", "newco", "shared"}  # 'shared' still named by d1
    assert store.forget_document("d1") is True
    counts = store.counts()
    assert counts.nodes == {**{k: 0 for k in counts.nodes}, "Firm": 2, "Chip": 1}
    assert counts.relationships == {**{k: 0 for k in counts.relationships}, "MADE_BY": 1}


def test_forgetting_an_unknown_document_says_so_and_touches_nothing(store) -> None:
    _load_two(store)
    before = store.counts()
    assert store.forget_document("no-such-doc") is False
    assert store.counts() == before


def test_a_document_without_its_commit_marker_is_not_reported_complete(store) -> None:
    half = _document("d3", "f3", "c3", "Acme holds 1 H100.")
    half.nodes = [n for n in half.nodes if n.label != "Document"]
    half.add_node("Document", "d3", title="Doc d3")  # as left by a write killed before its marker
    store.write_batch(_reference())
    store.write_batch(half)
    assert _fingerprints(store) == {"d3": ""}
    store.replace_document("d3", _document("d3", "f3", "c3", "Acme holds 1 H100."))
    assert _fingerprints(store) == {"d3": "f3"}


def test_new_documents_written_together_get_their_markers(store) -> None:
    store.write_batch(_reference())
    store.write_new_documents([("d1", _document("d1", "f1", "c1", "one")), ("d2", _document("d2", "f2", "c2", "two"))])
    assert _fingerprints(store) == {"d1": "f1", "d2": "f2"}
    assert store.read("MATCH (d:Document {id: 'd1'}) RETURN d.published AS p") == [{"p": dt.date(2025, 1, 2)}]


def test_an_edge_the_reference_data_also_states_survives_its_document(store) -> None:
    reference = _reference()
    h800 = reference.add_node("Chip", "h800", name="H800")
    reference.add_edge("VARIANT_OF", h800, H100, sources=["https://example.org/h800"])
    store.write_batch(reference)
    clean = store.read("MATCH ()-[r:VARIANT_OF]->() RETURN properties(r) AS p")
    document = _document("d1", "f1", "c1", "The H800 is a cut-down H100.")
    claim = NodeRef("Claim", "c1")
    document.add_edge("ABOUT", claim, h800)
    document.add_edge("VARIANT_OF", h800, H100, claims=["c1"])
    store.replace_document("d1", document)
    assert store.read("MATCH ()-[r:VARIANT_OF]->() RETURN r.claims AS c") == [{"c": ["c1"]}]
    assert store.forget_document("d1")
    assert store.read("MATCH ()-[r:VARIANT_OF]->() RETURN properties(r) AS p") == clean
    assert store.counts().relationships["HOLDS"] == 0  # stated by the document only: gone
