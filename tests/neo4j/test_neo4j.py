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
        for pack in all_packs().values():
            rows = store.read(pack.cypher, pack.params)
            assert rows or pack.name == "candidates", pack.name
    again = pipeline.load([seeds_dir()], neo4j_settings)
    assert again.changed == 0
