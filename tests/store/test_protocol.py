"""Every store kg opens implements the one `Store` protocol: at run time (`isinstance`, on real
stores) and statically (mypy --strict, run here on a file that hands each store class to code
that wants a `Store`, beside one class that lacks a member and must be refused)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kg.config import Settings
from kg.graph import GraphBatch
from kg.store import Store, open_store
from kg.store.embedded import EmbeddedServer
from kg.store.falkor import FalkorStore
from kg.store.neo4j_store import Neo4jStore

ROOT = Path(__file__).resolve().parents[2]


def test_the_embedded_store_and_its_first_load_store_are_stores(settings: Settings) -> None:
    with open_store(settings) as store:
        assert type(store) is FalkorStore and isinstance(store, Store)
        with store.first_load() as target:
            assert target is not store  # an empty graph: the bulk path's staging store
            assert type(target) is FalkorStore and isinstance(target, Store)
            batch = GraphBatch()
            batch.add_node("Firm", "nvidia", name="NVIDIA")
            assert target.write_batch(batch).nodes == 1
        assert store.read("MATCH (f:Firm) RETURN f.id AS id") == [{"id": "nvidia"}]


def test_an_external_falkordb_store_is_a_store(tmp_path: Path) -> None:
    """`--store unix://…` (or redis://host:port): a FalkorDB server kg did not start."""
    server = EmbeddedServer(tmp_path / "server")
    server.start()
    try:
        external = Settings(f"unix://{server.socket_path}", tmp_path / "unused", False)
        with open_store(external) as store:
            assert type(store) is FalkorStore and isinstance(store, Store)
            assert store.describe()["kind"] == "falkordb"
            batch = GraphBatch()
            batch.add_node("Chip", "h20", name="H20")
            store.write_batch(batch)
            assert store.counts().nodes["Chip"] == 1
        assert not (tmp_path / "unused").exists()  # no embedded server of its own
    finally:
        server.stop()


def test_the_neo4j_store_class_is_a_store() -> None:
    """A live Neo4j instance is checked in tests/neo4j (Docker); the class has every member here."""
    assert issubclass(Neo4jStore, Store)


def test_a_class_without_close_is_not_a_store() -> None:
    class ReadsOnly:
        def read(self, query: str) -> list[dict[str, object]]:
            return []

    assert not isinstance(ReadsOnly(), Store)


STATIC_CHECK = """
    from kg.store.falkor import FalkorStore
    from kg.store.neo4j_store import Neo4jStore
    from kg.store.protocol import Store


    def falkor(store: FalkorStore) -> Store:
        return store


    def neo4j(store: Neo4jStore) -> Store:
        return store


    class ReadsOnly:
        def read(self, query: str) -> list[dict[str, object]]:
            return []


    def reads_only(store: ReadsOnly) -> Store:
        return store  # refused
"""


def test_mypy_accepts_every_store_class_as_a_store_and_refuses_an_incomplete_one(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api", reason="mypy is in the dev extra (make install)")
    checked = tmp_path / "stores.py"
    text = textwrap.dedent(STATIC_CHECK).lstrip()
    checked.write_text(text)
    refused = next(n for n, line in enumerate(text.splitlines(), 1) if line.endswith("# refused"))
    out, err, status = api.run(["--strict", "--config-file", str(ROOT / "pyproject.toml"),
                                "--cache-dir", str(tmp_path / "cache"), str(checked)])
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert status == 1, out + err
    assert errors == [f'{checked}:{refused}: error: Incompatible return value type (got "ReadsOnly", '
                      'expected "Store")  [return-value]'], out
