"""The data dir's disk full or read-only: one clear error, exit code 2, nothing already loaded lost.

A small tmpfs stands in for the disk (needs root to mount; skipped with the reason otherwise).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
OWN_TEXTS = ROOT / "tests" / "gold" / "own" / "texts"


def _mount(path: Path, options: str) -> subprocess.CompletedProcess:
    return subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True, text=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = _mount(mount_point, "size=300k")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()[:100]})")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _kg(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "--data-dir", str(data), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def _documents(data: Path) -> dict[str, bool]:
    out = _kg(data, "cypher", "MATCH (d:Document) RETURN d.id AS id, d.fingerprint IS NOT NULL AS done",
              "--format", "json")
    import json

    return {r["id"]: r["done"] for r in json.loads(out.stdout)}


def _id(path: Path) -> str:
    """A document's id: its file name's slug and 8 hex digits of its text's hash (README)."""
    return f"{path.stem}-{hashlib.sha256(path.read_bytes()).hexdigest()[:8]}"


def test_a_full_disk_is_one_clear_error_and_loses_nothing(small_disk: Path, tmp_path: Path) -> None:
    data = small_disk / "data"
    assert _kg(data, "load", str(OWN_TEXTS)).returncode == 0
    before = _documents(data)
    assert before == {_id(path): True for path in OWN_TEXTS.glob("*.md")}
    big = tmp_path / "big"
    big.mkdir()
    seed = (ROOT / "seeds" / "000_78289c04d3baab9c.txt").read_text(encoding="utf-8")
    for i in range(6):  # six different texts (the same bytes six times would be one document)
        (big / f"big{i}.md").write_text(f"{seed}\n\nCopy {i}.\n", encoding="utf-8")
    full = _kg(data, "load", str(big))
    assert full.returncode == 2, full.stderr
    assert full.stderr.strip().splitlines() == [full.stderr.strip()]
    assert "No space left on device" in full.stderr and "Traceback" not in full.stderr
    subprocess.run(["mount", "-o", "remount,size=50m", str(small_disk)], check=True)
    after = _documents(data)
    assert {k: v for k, v in after.items() if k in before} == before
    assert _kg(data, "load", str(big)).returncode == 0
    assert _documents(data) == {**before, **{_id(path): True for path in big.glob("*.md")}}


def test_a_read_only_data_dir_is_one_clear_error(small_disk: Path) -> None:
    data = small_disk / "data"
    assert _kg(data, "load", str(OWN_TEXTS)).returncode == 0
    before = _documents(data)
    assert before == {_id(path): True for path in OWN_TEXTS.glob("*.md")}
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    refused = _kg(data, "load", str(ROOT / "seeds"))
    assert refused.returncode == 2
    assert refused.stderr.startswith("Error: cannot use the data directory") and "Read-only" in refused.stderr
    subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert _documents(data) == before
