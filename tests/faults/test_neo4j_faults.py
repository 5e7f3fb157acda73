"""Neo4j that cannot be used: unreachable (loopback port 1, nothing listens) or wrong password.

Either is one StoreError line (exit code 2 via the CLI, see tests/test_cli.py) within 5 seconds.
The wrong password needs a real Neo4j: testcontainers, skipped with the reason where no Docker
engine is reachable.
"""

from __future__ import annotations

import time

import pytest

from kg.config import Settings
from kg.errors import StoreError
from kg.store import open_store


@pytest.mark.parametrize("uri", ["bolt://127.0.0.1:1", "neo4j://127.0.0.1:1"])
def test_an_unreachable_neo4j_is_one_store_error_within_5_seconds(uri: str, monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "whatever")
    started = time.monotonic()
    with pytest.raises(StoreError) as raised, open_store(Settings(uri, None, False)):  # type: ignore[arg-type]
        pass
    assert time.monotonic() - started < 5
    message = str(raised.value)
    assert message.startswith(f"cannot reach Neo4j at {uri}") and "\n" not in message
    assert raised.value.exit_code == 2


@pytest.mark.neo4j
def test_a_wrong_neo4j_password_is_one_store_error_within_5_seconds(neo4j_container, monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_USERNAME", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_container.password + "-wrong")
    started = time.monotonic()
    settings = Settings(neo4j_container.get_connection_url(), None, False)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="refused the credentials"), open_store(settings):
        pass
    assert time.monotonic() - started < 5
