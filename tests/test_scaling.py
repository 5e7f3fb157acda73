"""Partitioned loading (`--shard I/N`) gives the same graph as one load."""

from __future__ import annotations

from pathlib import Path

from kg import pipeline
from kg.config import Settings
from kg.store import open_store

DOC = "# Notes\n\nFirm{i} Labs bought {n:,} H20 GPUs in May 2024. NVIDIA holds {n:,} H100 accelerators.\n"


def _ids(settings: Settings) -> tuple[object, list[str]]:
    with open_store(settings) as store:
        rows = store.read("MATCH (n) RETURN labels(n)[0] + ':' + n.id AS key ORDER BY key")
        return store.counts(), [r["key"] for r in rows]


def test_shards_together_equal_one_load(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(24):
        (corpus / f"d{i:02d}.md").write_text(DOC.format(i=i, n=1000 + i))
    whole = Settings("embedded", tmp_path / "whole", False)
    pipeline.load([corpus], whole)
    sharded = Settings("embedded", tmp_path / "sharded", False)
    changed = [pipeline.load([corpus], sharded, shard=(i, 3)).changed for i in range(3)]
    assert sum(changed) == 24 and all(changed)
    assert _ids(sharded) == _ids(whole)
