"""A server that stops answering while it creates the indexes of a new store (FalkorDB has been
seen to deadlock there) is killed and started again once; the store opens and works."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

import kg.store as store_module
from kg.config import Settings
from kg.store import open_store
from kg.store.embedded import EmbeddedServer


def test_a_server_frozen_while_creating_indexes_is_restarted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "SCHEMA_SECONDS", 2.0)
    start, frozen = EmbeddedServer.start, []

    def start_and_freeze_the_first(self: EmbeddedServer) -> None:
        start(self)
        if not frozen:  # the first server answers nothing from here on, as a deadlocked one
            frozen.append(self.pid)
            os.kill(self.pid, signal.SIGSTOP)

    monkeypatch.setattr(EmbeddedServer, "start", start_and_freeze_the_first)
    with open_store(Settings("embedded", tmp_path / "data", False)) as store:
        assert store.read("RETURN 1 AS one") == [{"one": 1}]
        assert ("Claim", "subject") in {(r["label"], r["prop"]) for r in store._indexes()}
    assert frozen and not Path(f"/proc/{frozen[0]}").exists()
