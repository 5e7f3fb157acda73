"""The server and its writer killed (SIGKILL) in the middle of a big document write, at the store
level: the next open recovers by itself, the half-written document is not reported complete,
and writing it again gives exactly the counts of a clean write.

(The pipeline's variant, tests/test_pipeline.py, kills a whole `kg load` process.)
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from kg.config import Settings
from kg.graph import GraphBatch
from kg.store import Store, open_store

DOC = "big"
FINGERPRINT = "fp-big"
FIRMS = CHIPS = 15_000
EDGES = 60_000


def big_document() -> GraphBatch:
    batch = GraphBatch()
    document = batch.add_node("Document", DOC, title="Big", fingerprint=FINGERPRINT)
    passage = batch.add_node("Passage", f"{DOC}#0", ordinal=0, text="x", start=0, end=1)
    batch.add_edge("HAS_PASSAGE", document, passage)
    firms = [batch.add_node("Firm", f"f{i}", name=f"Firm {i}", status="candidate") for i in range(FIRMS)]
    chips = [batch.add_node("Chip", f"c{i}", name=f"칩 {i}", released=dt.date(2020, 1 + i % 12, 1)) for i in range(CHIPS)]
    for firm in firms:
        batch.add_edge("MENTIONS", passage, firm, surface=firm.id)
    for j in range(EDGES - FIRMS - 1):
        batch.add_edge("MADE_BY", chips[(j * 7 + j // FIRMS) % CHIPS], firms[j % FIRMS])
    return batch


def _write(data_dir: Path) -> None:
    with open_store(Settings("embedded", data_dir, False)) as store:
        store.replace_document(DOC, big_document())


def _aof_bytes(data_dir: Path) -> int:
    aof = data_dir / "appendonlydir"
    return sum(p.stat().st_size for p in aof.glob("*.incr.aof")) if aof.exists() else 0


def _kill_mid_write(data_dir: Path) -> None:
    writer = subprocess.Popen([sys.executable, __file__, str(data_dir)])
    deadline = time.monotonic() + 120
    while _aof_bytes(data_dir) < 400_000:
        assert writer.poll() is None, "the write finished before it could be interrupted"
        assert time.monotonic() < deadline, "the writer wrote nothing in 120 s"
        time.sleep(0.01)
    server_pid = int((data_dir / "server.pid").read_text())
    writer.send_signal(signal.SIGKILL)
    os.kill(server_pid, signal.SIGKILL)
    assert writer.wait() == -signal.SIGKILL  # killed, not finished
    # the server was the writer's child: wait for it to go (init reaps it)
    for _ in range(200):
        if not Path(f"/proc/{server_pid}").exists() or "Z" in _state(server_pid):
            break
        time.sleep(0.01)


def _fingerprints(store: Store) -> dict[str, str]:
    """Each document's commit marker ('' while it is incomplete)."""
    return {row["id"]: row["fingerprint"] for row in store.documents()}


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return "Z"


def test_a_write_killed_midway_is_redone_to_the_same_counts(tmp_path: Path) -> None:
    clean = Settings("embedded", tmp_path / "clean", False)
    _write(clean.data_dir)
    with open_store(clean) as store:
        expected = store.counts()
    assert expected.total_nodes == FIRMS + CHIPS + 2

    crashed = Settings("embedded", tmp_path / "crashed", False)
    _kill_mid_write(crashed.data_dir)
    assert (crashed.data_dir / "server.pid").exists()  # left behind, stale
    with open_store(crashed) as store:
        assert _fingerprints(store).get(DOC, "") != FINGERPRINT
        assert 0 < store.counts().total_nodes
        store.replace_document(DOC, big_document())
    with open_store(crashed) as store:  # after a clean stop and restart from the append-only file
        assert store.counts() == expected
        assert _fingerprints(store) == {DOC: FINGERPRINT}


if __name__ == "__main__":
    _write(Path(sys.argv[1]))
