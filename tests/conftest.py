"""Fixtures: the real embedded FalkorDB, a fresh data dir per test, the seeds loaded once."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from kg import paths
from kg.config import Settings
from kg.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings("embedded", tmp_path / "data", False)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    """An empty graph in its own data dir and server: a start costs ~25 ms, and no test can see
    another's data (stronger than clear() on one shared server)."""
    with open_store(settings) as opened:
        yield opened


@pytest.fixture(scope="session")
def seeded_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from kg import pipeline

    settings = Settings("embedded", tmp_path_factory.mktemp("seeded") / "data", False)
    report = pipeline.load([paths.seeds_dir()], settings)
    assert report.ok and report.changed == 2
    return settings


@pytest.fixture
def seeded(seeded_settings: Settings) -> Iterator[Store]:
    with open_store(seeded_settings) as opened:
        yield opened


@pytest.fixture
def seeded_store(seeded: Store) -> Store:
    """The name the store brief used for `seeded`: the seeds loaded once per session."""
    return seeded


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, for the browser tests (the views' and, through Playwright, the console's)."""
    import shutil

    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("KG_SKIP_BROWSER") == "1":
            pytest.skip("KG_SKIP_BROWSER=1: browser tests skipped on request")
        pytest.fail("chromium is not installed; `make test` installs it (tools/install-test-deps.sh)")
    return found


def docker_reason() -> str | None:
    """Why no Docker engine can be used here, or None when one answers."""
    try:
        import docker

        docker.from_env().ping()
        return None
    except Exception as exc:  # no engine, no socket, no permission
        return f"no Docker engine reachable ({type(exc).__name__}: {str(exc)[:120]})"


@pytest.fixture(scope="session")
def neo4j_container() -> Iterator[object]:
    """A real Neo4j 5 (testcontainers); skipped with the reason where no Docker engine runs."""
    reason = docker_reason()
    if reason:
        pytest.skip(reason)
    from testcontainers.neo4j import Neo4jContainer

    with Neo4jContainer("neo4j:5") as container:
        yield container


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def kg_cli(tmp_path: Path):
    """Run the real `kg` in a subprocess against a private data dir."""
    data = tmp_path / "cli-data"

    def run(*args: str, data_dir: Path | None = None, timeout: float = 120, **env: str) -> Run:
        command = [sys.executable, "-m", "kg", "--data-dir", str(data_dir or data), *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                              env={**os.environ, **env})
        return Run(done.returncode, done.stdout, done.stderr)

    run.data_dir = data  # type: ignore[attr-defined]
    return run
