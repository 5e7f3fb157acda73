"""The same load and every pack against a real Neo4j (testcontainers), where a Docker engine runs."""

from __future__ import annotations

import pytest

from kg import pipeline
from kg.config import Settings
from kg.packs import all_packs
from kg.paths import seeds_dir
from kg.store import open_store


def _docker_reason() -> str | None:
    try:
        import docker

        docker.from_env().ping()
        return None
    except Exception as exc:  # no engine, no socket, no permission
        return f"no Docker engine reachable ({type(exc).__name__}: {str(exc)[:120]})"


REASON = _docker_reason()
pytestmark = [pytest.mark.neo4j, pytest.mark.skipif(REASON is not None, reason=REASON or "")]


@pytest.fixture(scope="module")
def neo4j_settings():
    from testcontainers.neo4j import Neo4jContainer

    with Neo4jContainer("neo4j:5") as container:
        import os

        os.environ["NEO4J_USERNAME"], os.environ["NEO4J_PASSWORD"] = "neo4j", container.password
        yield Settings(container.get_connection_url(), None, False)  # type: ignore[arg-type]


def test_seeds_load_and_every_pack_runs_on_neo4j(neo4j_settings) -> None:
    report = pipeline.load([seeds_dir()], neo4j_settings)
    assert report.changed == 2
    with open_store(neo4j_settings) as store:
        assert store.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 2}]
        # as on the embedded store (tests/packs/test_packs.py): the seeds state no chip spec against
        # the reference; candidates depends on what extraction finds, not on the store
        for pack in all_packs().values():
            rows = store.read(pack.cypher, pack.params)
            if pack.name == "spec-conflicts":
                assert rows == [], rows
            elif pack.name != "candidates":
                assert rows, pack.name
    again = pipeline.load([seeds_dir()], neo4j_settings)
    assert again.changed == 0


def test_the_derived_edge_rule_gives_the_same_edges_on_neo4j(neo4j_settings, tmp_path) -> None:
    """The statements the embedded store runs in tests/test_derived_edges.py, on Neo4j."""
    import datetime as dt
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("derived", Path(__file__).parents[1] / "test_derived_edges.py")
    derived = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(derived)  # type: ignore[union-attr]
    EDGE, corpus = derived.EDGE, derived._corpus(tmp_path)
    for order in (("a.md", "b.md"), ("b.md", "a.md")):
        with open_store(neo4j_settings) as store:
            store.clear()
        for name in order:
            assert pipeline.load([corpus / name], neo4j_settings).ok
        with open_store(neo4j_settings) as store:
            held = store.read(EDGE)[0]["p"]
        assert (held["quantity_min"], held["quantity_max"], held["latest_quantity"], held["latest_date"],
                held["claim_count"]) == (10_000, 50_000, 50_000, dt.date(2025, 1, 15), 2)
        pipeline.forget(str(corpus / order[0]), neo4j_settings)
        with open_store(neo4j_settings) as store:
            assert store.read(EDGE)[0]["p"]["claim_count"] == 1
        pipeline.forget(str(corpus / order[1]), neo4j_settings)
        with open_store(neo4j_settings) as store:
            assert store.read(EDGE) == []


def test_the_console_reads_neo4j_read_only_with_its_limits(neo4j_settings) -> None:
    """kg serve over Neo4j: the schema for completion, a pack as `kg query` runs it, a write refused
    by the read transaction itself, a runaway query stopped by the transaction timeout."""
    from kg.console.session import Console, Limits
    from kg.errors import QueryError, QueryTimeoutError

    pipeline.load([seeds_dir()], neo4j_settings)
    with open_store(neo4j_settings, schema=False) as store:
        console = Console(store, Limits(seconds=2, rows=50))
        try:
            assert {"Firm", "Claim"} <= set(console.schema()["labels"])
            assert console.pack("firm-holdings", {"id": "DeepSeek"})["rows"]
            with pytest.raises(QueryError):
                store.read("CREATE (n:Firm {id: 'sneaky'}) RETURN n", timeout=2)
            with pytest.raises(QueryTimeoutError):
                console.query("MATCH (a), (b), (c), (d), (e) RETURN count(*) AS n", {})
        finally:
            console.close()



def _test_module(relative: str):
    """A test module of the embedded store's suite, to run its checks on Neo4j."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(relative.replace("/", "_"), Path(__file__).parents[1] / relative)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _fresh(neo4j_settings, tmp_path) -> Settings:
    """An empty Neo4j graph, with its curation file in tmp_path."""
    settings = Settings(neo4j_settings.store, None, False, tmp_path / "curation.yaml")  # type: ignore[arg-type]
    with open_store(settings) as store:
        store.clear()
    return settings


def test_rejected_claims_leave_the_derived_edges_on_neo4j(neo4j_settings, tmp_path) -> None:
    """tests/curation/test_rejected_edges.py's reject, confirm and decision removed, on Neo4j."""
    module = _test_module("curation/test_rejected_edges.py")
    loaded = module.load_corpus(module.write_corpus(tmp_path), _fresh(neo4j_settings, tmp_path))
    module.test_a_rejected_claim_leaves_the_derived_edge_and_comes_back_when_confirmed(loaded)
    module.test_an_edge_only_rejected_claims_state_is_gone_until_the_decision_is_removed(loaded)


def test_merging_two_built_in_firms_shows_one_firm_on_neo4j(neo4j_settings, tmp_path) -> None:
    """tests/curation/test_decisions.py's merge of two built-in firms, on Neo4j."""
    module = _test_module("curation/test_decisions.py")
    module.test_merging_two_built_in_firms_counts_one_firm_everywhere_at_once_and_after_a_reload(
        tmp_path, _fresh(neo4j_settings, tmp_path))
