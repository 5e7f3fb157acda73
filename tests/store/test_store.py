"""The embedded store: writes, safety, privacy of the server, recovery and locking."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import stat
import subprocess
import threading
import time

import pytest

from kg.config import Settings
from kg.errors import OntologyError, QueryError, ReadOnlyError, StoreBusyError, StoreError
from kg.graph import GraphBatch, NodeRef
from kg.store import open_store
from kg.store.embedded import EmbeddedServer
from kg.store.lock import DataDirLock


def _small_batch() -> GraphBatch:
    batch = GraphBatch()
    firm = batch.add_node("Firm", "acme", name="Acme", aliases=["에이크미", "ACME Corp"])
    chip = batch.add_node("Chip", "x1", name="X1", released=dt.date(2023, 5, 1), tpp=4000.5)
    _claim(batch, "c1", 500, dt.date(2024, 1, 1))
    batch.add_edge("HOLDS", firm, chip, claims=["c1"])
    return batch


def _claim(batch: GraphBatch, claim_id: str, value: float, as_of: dt.date) -> None:
    claim = batch.add_node("Claim", claim_id, value=value, qualifier="approx", as_of=as_of, as_of_precision="day",
                           subject="acme", object="x1")
    batch.add_edge("ABOUT", claim, NodeRef("Firm", "acme"))
    batch.add_edge("ABOUT", claim, NodeRef("Chip", "x1"))


def test_write_round_trip_keeps_types_dates_and_unicode(store) -> None:
    store.write_batch(_small_batch())
    rows = store.read("MATCH (f:Firm)-[r:HOLDS]->(c:Chip) RETURN f.aliases AS aliases, c.released AS released, "
                      "c.tpp AS tpp, r.latest_date AS as_of, r.claims AS claims, c.released < date('2024-01-01') AS early")
    assert rows == [{"aliases": ["에이크미", "ACME Corp"], "released": dt.date(2023, 5, 1), "tpp": 4000.5,
                     "as_of": dt.date(2024, 1, 1), "claims": ["c1"], "early": True}]


def test_rewriting_is_idempotent_and_claims_merge_as_a_set(store) -> None:
    store.write_batch(_small_batch())
    store.write_batch(_small_batch())
    before = store.counts()
    again = GraphBatch()
    _claim(again, "c0", 700, dt.date(2023, 1, 1))
    again.add_edge("HOLDS", _small_batch().nodes[0].ref, _small_batch().nodes[1].ref, claims=["c1", "c0", "gone"])
    store.write_batch(again)
    assert store.counts().relationships == before.relationships | {"ABOUT": 4}
    held = store.read("MATCH ()-[r:HOLDS]->() RETURN r.claims AS c, r.claim_count AS n, r.latest_quantity AS q")
    assert held == [{"c": ["c0", "c1"], "n": 2, "q": 500}]  # 'gone' names no claim; c1 is the later one


def test_values_travel_as_parameters_never_as_query_text(store) -> None:
    store.write_batch(_small_batch())
    evil = "x'}) DETACH DELETE n //"
    batch = GraphBatch()
    batch.add_node("Firm", evil, name='\\"; MATCH (n) DETACH DELETE n; //', aliases=["'", "\\", "`"])
    store.write_batch(batch)
    ids = {r["id"] for r in store.read("MATCH (n:Firm) RETURN n.id AS id")}
    assert ids == {"acme", evil}
    assert store.counts().nodes["Chip"] == 1


def test_unknown_labels_and_types_are_refused_before_the_store(store) -> None:
    batch = GraphBatch()
    batch.add_node("Firm`) DETACH DELETE n //", "x")
    with pytest.raises(OntologyError):
        store.write_batch(batch)
    batch = GraphBatch()
    batch.add_edge("OWNS", batch.add_node("Firm", "a"), batch.add_node("Firm", "b"))
    with pytest.raises(OntologyError):
        store.write_batch(batch)
    assert store.counts().total_nodes == 0


def test_reads_cannot_write(store) -> None:
    with pytest.raises(QueryError):
        store.read("CREATE (:Firm {id: 'sneaky'})")
    assert store.counts().total_nodes == 0
    assert not issubclass(QueryError, ReadOnlyError)


def test_server_listens_only_on_a_private_unix_socket(tmp_path) -> None:
    server = EmbeddedServer(tmp_path)
    server.start()
    try:
        client = server.client()
        assert client.config_get("port")["port"] == "0"
        assert stat.S_IMODE(os.stat(server.socket_path.parent).st_mode) == 0o700
        assert stat.S_IMODE(os.stat(server.socket_path).st_mode) & 0o077 == 0
        assert client.config_get("appendonly")["appendonly"] == "yes"
    finally:
        server.stop()
    assert not server.socket_path.exists()


def test_a_server_that_stalls_at_start_is_replaced(tmp_path, monkeypatch) -> None:
    from kg.store import embedded

    monkeypatch.setattr(embedded, "SILENT_SECONDS", 0.5)
    server = EmbeddedServer(tmp_path)
    launch, launched = server._launch, []

    def stalling_once() -> None:  # as FalkorDB very rarely does after decoding a snapshot
        launch()
        launched.append(server.pid)
        while len(launched) == 1 and not server.socket_path.exists():
            time.sleep(0.01)
        if len(launched) == 1:
            os.kill(server.pid, signal.SIGSTOP)

    server._launch = stalling_once
    server.start()
    try:
        assert len(launched) == 2 and server.client().ping()
    finally:
        server.stop()


def test_a_killed_server_is_replaced_by_the_next_command(settings: Settings) -> None:
    with open_store(settings) as store:
        store.write_batch(_small_batch())
    server = EmbeddedServer(settings.data_dir)
    server.start()
    os.kill(server.pid, signal.SIGKILL)  # leaves a stale pid file and socket behind
    server._process.wait()
    assert server.pid_file.exists() and server.socket_path.exists()
    with open_store(settings) as store:
        assert store.counts().nodes["Firm"] == 1


def test_an_orphaned_live_server_is_stopped_and_data_kept(settings: Settings) -> None:
    with open_store(settings) as store:
        store.write_batch(_small_batch())
    orphan = EmbeddedServer(settings.data_dir)
    orphan.start()  # as if its kg process had been killed: still running, pid file present
    with open_store(settings) as store:
        assert store.counts().nodes["Chip"] == 1
    orphan._process.wait(timeout=10)


def test_a_second_writer_on_the_same_data_dir_is_told_the_store_is_busy(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True)
    holder = DataDirLock(settings.data_dir)
    holder.acquire()
    try:
        with pytest.raises(StoreBusyError, match="store busy: another kg process"):
            DataDirLock(settings.data_dir, wait_seconds=0.3).acquire()
    finally:
        holder.release()


def test_the_second_command_waits_for_the_first(settings: Settings) -> None:
    settings.data_dir.mkdir(parents=True)
    holder = DataDirLock(settings.data_dir)
    holder.acquire()
    released = []
    timer = threading.Timer(0.5, lambda: (released.append(time.monotonic()), holder.release()))
    started = time.monotonic()
    timer.start()
    waiter = DataDirLock(settings.data_dir, wait_seconds=10)
    waiter.acquire()
    got = time.monotonic()
    waiter.release()
    timer.join()
    # it got the lock only once the first let go, and did not wait out its 10 s to get it
    assert released and released[0] <= got < started + 10, (started, released, got)


def test_describe_names_the_store_its_server_and_version(store, settings: Settings) -> None:
    info = store.describe()
    socket_path = str(settings.data_dir / "run" / "falkordb.sock")
    assert (info["kind"], info["location"], info["socket"]) == ("embedded falkordb", str(settings.data_dir),
                                                                  socket_path)
    # the pid is the running server's: the one in the pid file, listening on that socket
    assert info["pid"] == int((settings.data_dir / "server.pid").read_text())
    with open(f"/proc/{info['pid']}/cmdline", "rb") as cmdline:
        assert f"unixsocket:{socket_path}".encode() in cmdline.read()
    assert re.fullmatch(r"FalkorDB \d+\.\d+\.\d+ on Redis \d+\.\d+\.\d+", info["version"]), info["version"]


def test_a_long_data_dir_gets_its_socket_in_a_short_private_dir(tmp_path) -> None:
    settings = Settings("embedded", tmp_path / ("d" * 60) / ("e" * 60), False)
    with open_store(settings) as store:
        store.write_batch(_small_batch())
        socket_path = store.describe()["socket"]
        assert len(socket_path) < 108 and not socket_path.startswith(str(tmp_path))
        assert stat.S_IMODE(os.stat(os.path.dirname(socket_path)).st_mode) == 0o700
        assert (settings.data_dir / "server.socket").read_text().strip() == socket_path
    with open_store(settings) as store:
        assert store.counts().nodes["Firm"] == 1


def test_a_socket_dir_planted_by_someone_else_is_refused(tmp_path) -> None:
    server = EmbeddedServer(tmp_path / ("d" * 60) / ("e" * 60))
    server.data_dir.mkdir(parents=True)
    server.socket_path.parent.parent.mkdir(parents=True, exist_ok=True)
    server.socket_path.parent.symlink_to(tmp_path)  # a symlink where our private dir should be
    try:
        with pytest.raises(StoreError, match="not a private directory"):
            server.start()
    finally:
        server.socket_path.parent.unlink()


def test_a_pid_file_naming_a_live_stranger_is_ignored_not_killed(settings: Settings) -> None:
    with open_store(settings) as store:
        store.write_batch(_small_batch())
    stranger = subprocess.Popen(["sleep", "30"])
    try:
        (settings.data_dir / "server.pid").write_text(str(stranger.pid))
        (settings.data_dir / "run" / "falkordb.sock").write_text("")  # a stale socket file too
        with open_store(settings) as store:
            assert store.counts().nodes["Firm"] == 1
        assert stranger.poll() is None  # still running: it was not ours to stop
    finally:
        stranger.kill()
        stranger.wait()
