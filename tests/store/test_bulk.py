"""The first load into an empty graph goes through the bulk path (CREATE from prepared rows, the
derived-edge rule once at the end, the graph published in one RENAME) and builds exactly the graph
the incremental MERGE path builds from the same documents."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.corpus import generate
from kg import ontology, pipeline
from kg.config import Settings
from kg.export.dump import dump_graph
from kg.paths import seeds_dir
from kg.store import open_store
from kg.store.falkor import STAGING

# Every claim-backed edge whose derived properties are not those of the claims it lists.
OFF_RULE = (
    "MATCH ()-[r:HOLDS|ACQUIRED]->() UNWIND r.claims AS cid MATCH (c:Claim {id: cid}) "
    "WITH r, count(c) AS n, min(c.value) AS low, collect(c.id) AS ids "
    "WHERE n <> r.claim_count OR low <> r.quantity_min OR size(ids) <> size(r.claims) RETURN count(r) AS off"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 generated articles (several write groups, so entities and holdings recur across them),
    the seeds, and one text under a second name (a source added, not a document)."""
    root = tmp_path_factory.mktemp("bulk") / "corpus"
    list(generate(root / "generated", 400, seed=11))
    shutil.copytree(seeds_dir(), root / "seeds")
    first = sorted((root / "generated").glob("*.md"))[0]
    shutil.copy(first, root / "same text, another name.md")
    return root


def _graph(settings: Settings) -> tuple[list, list]:
    with open_store(settings) as store:
        dump = dump_graph(store, ontology.load())
    return dump.nodes, dump.edges


def _staging_exists(settings: Settings) -> bool:
    with open_store(settings) as store:
        return bool(store._redis.exists(STAGING))  # type: ignore[attr-defined]


def test_a_first_load_writes_the_graph_the_merge_path_writes(corpus: Path, tmp_path: Path) -> None:
    bulk, merge = Settings("embedded", tmp_path / "bulk", False), Settings("embedded", tmp_path / "merge", False)
    by_bulk = pipeline.load([corpus], bulk)
    by_merge = pipeline.load([corpus], merge, bulk=False)
    assert by_bulk.ok and by_bulk.changed == 402 and by_bulk.sources_added == 1
    assert (by_bulk.nodes_written, by_bulk.relationships_written) == (by_merge.nodes_written,
                                                                      by_merge.relationships_written)
    graph = _graph(bulk)
    assert len(graph[0]) > 4000 and len(graph[1]) > 12000
    assert graph == _graph(merge)  # every node, edge and property
    with open_store(bulk) as store:
        assert store.read(OFF_RULE) == [{"off": 0}]
        assert store.read("MATCH ()-[r:HOLDS]->() WHERE r.claim_count > 1 RETURN count(r) AS n")[0]["n"] > 0
    assert not _staging_exists(bulk)


def test_only_an_empty_graph_takes_the_bulk_path(tmp_path: Path) -> None:
    settings = Settings("embedded", tmp_path / "data", False)
    with open_store(settings) as store:
        with store.first_load() as target:
            assert target is not store  # the staging graph
    assert pipeline.load([seeds_dir()], settings, bulk=False).ok
    with open_store(settings) as store:
        with store.first_load() as target:
            assert target is store  # holds something: the MERGE path


def test_reset_reloads_through_the_bulk_path_to_the_same_graph(corpus: Path, tmp_path: Path) -> None:
    settings = Settings("embedded", tmp_path / "data", False)
    assert pipeline.load([corpus / "seeds"], settings, bulk=False).ok
    merged = _graph(settings)
    assert pipeline.load([corpus / "seeds"], settings, reset=True).changed == 2
    assert _graph(settings) == merged


def test_an_interrupted_first_load_leaves_the_graph_empty_and_a_rerun_completes_it(corpus: Path,
                                                                                 tmp_path: Path) -> None:
    clean = Settings("embedded", tmp_path / "clean", False)
    pipeline.load([corpus / "generated"], clean)

    def interrupt(path: str, done: int, total: int) -> None:
        if done == 300:  # after the first groups were written to the staging graph
            raise KeyboardInterrupt

    settings = Settings("embedded", tmp_path / "data", False)
    with pytest.raises(KeyboardInterrupt):
        pipeline.load([corpus / "generated"], settings, progress=interrupt)
    with open_store(settings) as store:
        assert store.is_empty()  # type: ignore[attr-defined]
    assert not _staging_exists(settings)
    assert pipeline.load([corpus / "generated"], settings).changed == 400
    assert _graph(settings) == _graph(clean)
    again = pipeline.load([corpus / "generated"], settings)  # idempotent: nothing to do
    assert (again.changed, again.skipped) == (0, 400)
    assert _graph(settings) == _graph(clean)


def _firms(*ids: str):
    from kg.graph import GraphBatch

    batch = GraphBatch()
    for ident in ids:
        batch.add_node("Firm", ident, name=ident.title())
    return batch


def test_a_statement_that_fails_in_the_pipeline_stops_the_first_load_and_leaves_the_graph_empty(tmp_path) -> None:
    from kg.errors import QueryError

    settings = Settings("embedded", tmp_path / "data", False)
    with open_store(settings) as store:
        with pytest.raises(QueryError, match="Unknown function 'nosuchfunction'"):
            with store.first_load() as target:
                target.write_batch(_firms("a", "b"))
                target._send("RETURN nosuchfunction(1) AS x", {})  # type: ignore[attr-defined]
                target.write_batch(_firms("c"))  # its replies are read, then the error is raised
        assert store.is_empty()  # type: ignore[attr-defined]
        assert not store._redis.exists(STAGING)  # type: ignore[attr-defined]
        with store.first_load() as target:  # the connection was given back clean: a new load works
            target.write_batch(_firms("a", "b"))
        assert [r["id"] for r in store.read("MATCH (f:Firm) RETURN f.id AS id ORDER BY id")] == ["a", "b"]


def _events(*ids: str):
    import datetime as dt

    from kg.graph import GraphBatch

    batch = GraphBatch()
    for ident in ids:
        batch.add_node("Event", ident, name=ident.title(), date=dt.date(2024, 5, 1))
    return batch


@pytest.mark.parametrize("batch, message", [
    (_firms("a", "b"), r"bulk load: node 0 is 'intruder', not the Firm 'a' written there"),  # GRAPH.BULK
    (_events("a", "b"), r"bulk load: 2 Event nodes got ids 1\.\.2, not 0\.\.1"),  # dates: Cypher CREATE
])
def test_nodes_that_get_other_internal_ids_than_expected_stop_the_first_load(tmp_path, batch, message) -> None:
    """The bulk writer knows each node's internal id before the reply; a node created behind its
    back shifts them, which the reply shows: the load stops and publishes nothing."""
    from kg.errors import StoreError

    settings = Settings("embedded", tmp_path / "data", False)
    with open_store(settings) as store:
        with pytest.raises(StoreError, match=message):
            with store.first_load() as target:
                target._execute([("CREATE (:Firm {id: 'intruder'})", {})], atomic=False)  # type: ignore[attr-defined]
                target.write_batch(batch)
        assert store.is_empty()  # type: ignore[attr-defined]


def test_an_interrupt_while_replies_are_still_due_keeps_its_own_error_and_leaves_the_graph_empty(tmp_path) -> None:
    settings = Settings("embedded", tmp_path / "data", False)
    with open_store(settings) as store:
        with pytest.raises(KeyboardInterrupt):
            with store.first_load() as target:
                target.write_batch(_firms("a"))
                target._send("RETURN nosuchfunction(1) AS x", {})  # type: ignore[attr-defined]  # its reply unread
                raise KeyboardInterrupt
        assert store.is_empty()  # type: ignore[attr-defined]
        assert not store._redis.exists(STAGING)  # type: ignore[attr-defined]
        with store.first_load() as target:
            target.write_batch(_firms("b"))
        assert [r["id"] for r in store.read("MATCH (f:Firm) RETURN f.id AS id")] == ["b"]


def test_values_of_every_kind_are_stored_alike_by_the_binary_bulk_insert_and_the_merge_path(tmp_path: Path) -> None:
    """GRAPH.BULK carries strings, ints, floats, booleans and lists in its own binary form; what it
    stores must be what Cypher parameters store: quotes, backslashes, escapes written out, control
    characters, Hangul and emoji, 64-bit ints, mixed lists, nested values (as JSON text)."""
    from kg.graph import GraphBatch, NodeRef

    batch = GraphBatch()
    batch.add_node("Firm", "b", name='q"\\ \x01 \t\n é 한 😀 \ufffd \\u0041 \'', aliases=[], confidence=0.5,
                   designed_for_datacenter=True, tpp=2**62, criteria={"a": [1, {"b": 2}]})
    batch.add_node("Firm", "c", name="c", aliases=[1, "x", 2.5, True, -(2**63)])
    batch.add_edge("MENTIONS", NodeRef("Firm", "b"), NodeRef("Firm", "c"), surface="\\b\x0c")
    batch.add_edge("HOLDS", NodeRef("Firm", "c"), NodeRef("Firm", "b"), claims=["c1"], sources=["s"])
    bulk, merge = Settings("embedded", tmp_path / "bulk", False), Settings("embedded", tmp_path / "merge", False)
    with open_store(bulk) as store:
        with store.first_load() as target:
            assert target is not store
            target.write_batch(batch)
    with open_store(merge) as store:
        store.write_batch(batch)
    nodes, edges = _graph(bulk)
    assert (nodes, edges) == _graph(merge)
    assert {props["name"] for _, _, props in nodes} == {batch.nodes[0].props["name"], "c"}
    assert len(edges) == 2
