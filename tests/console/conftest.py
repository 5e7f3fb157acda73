"""A console to test: its own store (the seeds, a document full of markup, a firm whose name is
markup) and a real `kg serve` process on it, started as a user would and stopped with Ctrl-C."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import pytest
from console_helpers import EVIL_NAME, EVIL_TEXT, EVIL_URL, SERVE_ROWS, SERVE_TIMEOUT, Console, kg, start_console, stop_console

from kg import paths, pipeline
from kg.config import Settings
from kg.graph import GraphBatch
from kg.store import open_store


@pytest.fixture(scope="session")
def console_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, a document whose title, heading and text are markup, and a firm named as markup."""
    corpus = tmp_path_factory.mktemp("console-corpus")
    (corpus / "evil.md").write_text(f"---\ntitle: {json.dumps(EVIL_TEXT)}\nurl: {json.dumps(EVIL_URL)}\n---\n"
                                    f"# {EVIL_TEXT}\n\n"
                                    f"DeepSeek holds 500 H800 GPUs. {EVIL_TEXT}\n")
    data_dir = tmp_path_factory.mktemp("console") / "data"
    settings = Settings("embedded", data_dir, False)
    assert pipeline.load([paths.seeds_dir(), corpus], settings).ok
    batch = GraphBatch()
    evil = batch.add_node("Firm", "evil-firm", name=EVIL_NAME)
    batch.add_edge("BASED_IN", evil, batch.add_node("Country", "cn", name="China"))
    with open_store(settings) as store:
        store.write_batch(batch)
    return data_dir


@pytest.fixture(scope="session")
def expected_holdings(console_store: Path) -> list[dict]:
    """What `kg query firm-holdings --param id=deepseek --format json` prints (before the console runs)."""
    done = kg(console_store, "query", "firm-holdings", "--param", "id=deepseek", "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="session")
def console(console_store: Path, expected_holdings: list[dict]) -> Iterator[Console]:
    started = start_console(console_store, "--timeout", str(SERVE_TIMEOUT), "--max-rows", str(SERVE_ROWS))
    yield started
    assert stop_console(started) == 0

