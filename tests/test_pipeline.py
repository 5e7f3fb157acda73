"""Loading documents into the real embedded store: idempotence, replacement, forgetting, crashes."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from kg import pipeline
from kg.config import Settings
from kg.paths import seeds_dir
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
DOC = "# Notes\n\nAcme Compute bought 2,000 H20 GPUs in May 2024.\n\nNVIDIA holds 100 H100 accelerators.\n"


def _snapshot(settings: Settings) -> tuple[object, list[tuple[str, str]]]:
    with open_store(settings) as store:
        ids = store.read("MATCH (n) RETURN labels(n)[0] AS label, n.id AS id ORDER BY label, id")
        return store.counts(), [(r["label"], r["id"]) for r in ids]


def test_seeds_load_into_documents_passages_mentions_and_claims(seeded) -> None:
    assert seeded.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 2}]
    mentioned = seeded.read(
        "MATCH (d:Document)-[:HAS_PASSAGE]->(:Passage)-[:MENTIONS]->(e) "
        "WHERE e.id IN ['deepseek', 'high-flyer', 'nvidia', 'a100', 'h100', 'h800', 'h20'] "
        "RETURN e.id AS id, count(DISTINCT d) AS docs")
    by_id = {r["id"]: r["docs"] for r in mentioned}
    assert set(by_id) == {"deepseek", "high-flyer", "nvidia", "a100", "h100", "h800", "h20"}
    assert by_id["deepseek"] == by_id["high-flyer"] == by_id["a100"] == by_id["h100"] == 2


def test_a_second_load_changes_nothing(tmp_path: Path) -> None:
    settings = Settings("embedded", tmp_path / "data", False)
    first = pipeline.load([seeds_dir()], settings)
    before = _snapshot(settings)
    second = pipeline.load([seeds_dir()], settings)
    assert (first.changed, second.changed, second.skipped) == (2, 0, 2)
    assert _snapshot(settings) == before


def test_a_changed_document_replaces_its_old_facts(tmp_path: Path) -> None:
    settings = Settings("embedded", tmp_path / "data", False)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.md").write_text(DOC)
    pipeline.load([corpus], settings)
    (corpus / "note.md").write_text("# Notes\n\nNVIDIA holds 300 H100 accelerators.\n")
    report = pipeline.load([corpus], settings)
    assert report.changed == 1
    with open_store(settings) as store:
        quantities = store.read("MATCH (:Firm {id: 'nvidia'})-[r:HOLDS]->(:Chip {id: 'h100'}) RETURN r.latest_quantity AS q")
        assert quantities == [{"q": 300.0}]
        assert store.read("MATCH (c:Claim) RETURN count(c) AS n") == [{"n": 1}]
        assert store.read("MATCH (f:Firm {status: 'candidate'}) RETURN count(f) AS n") == [{"n": 0}]
        assert store.read("MATCH (p:Passage) RETURN count(p) AS n") == [{"n": 2}]


def test_forget_removes_a_document_and_only_what_came_from_it(tmp_path: Path) -> None:
    settings = Settings("embedded", tmp_path / "data", False)
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    (corpus / "note.md").write_text(DOC)
    pipeline.load([seeds_dir()], settings)
    seeds_only = _snapshot(settings)
    pipeline.load([corpus], settings)
    assert _snapshot(settings) != seeds_only
    forgotten = pipeline.forget(str(corpus / "note.md"), settings)
    assert forgotten.document.startswith("note-") and forgotten.remaining == 0
    assert _snapshot(settings) == seeds_only


def test_one_bad_file_is_reported_and_the_good_ones_load(tmp_path: Path) -> None:
    settings = Settings("embedded", tmp_path / "data", False)
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), corpus)
    (corpus / "broken.md").write_bytes(b"\x00\x01\x02binary\x00")
    report = pipeline.load([corpus], settings)
    assert report.changed == 2 and [Path(p).name for p, _ in report.failed] == ["broken.md"]
    with open_store(settings) as store:
        ids = [r["id"] for r in store.read("MATCH (d:Document) RETURN d.id AS id ORDER BY id")]
        assert [i.rsplit("-", 1)[0] for i in ids] == ["000_78289c04d3baab9c", "002_2848693b219e30f0"]


def test_a_load_killed_midway_is_completed_by_the_next_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(60):
        (corpus / f"doc{i:03d}.md").write_text(DOC.replace("2,000", f"{1000 + i:,}") + f"\nextra {i}\n")
    clean = Settings("embedded", tmp_path / "clean", False)
    pipeline.load([corpus], clean)
    crashed = Settings("embedded", tmp_path / "crashed", False)
    command = [sys.executable, "-m", "kg", "--data-dir", str(crashed.data_dir), "load", str(corpus)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_some_documents(crashed, process)
    server_pid = int((crashed.data_dir / "server.pid").read_text())
    process.send_signal(signal.SIGKILL)
    subprocess.run(["kill", "-9", str(server_pid)], check=False)
    process.wait()
    report = pipeline.load([corpus], crashed)
    assert report.changed > 0
    assert _snapshot(crashed) == _snapshot(clean)


def _wait_for_some_documents(settings: Settings, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    aof = settings.data_dir / "appendonlydir"
    while time.monotonic() < deadline:
        files = list(aof.glob("*.incr.aof")) if aof.exists() else []
        if files and files[0].stat().st_size > 150_000:
            return
        assert process.poll() is None, "the load finished before it could be interrupted"
        time.sleep(0.01)
    raise AssertionError("the load wrote nothing in 60 s")
