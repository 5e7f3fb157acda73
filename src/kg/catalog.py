"""The documents a store holds, by id, by text (content hash) and by source.

`kg load` reads it once and keeps it current while it decides what each file is: an unchanged
source, a new source of a text already loaded, a new text, or a new text at a known source (which
replaces that source's old text). Plain data: the store is written by `kg.intake`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.documents.identity import HASH_CHARS, document_id


@dataclass
class Entry:
    id: str
    sha256: str
    fingerprint: str  # the commit marker ("<sha256>:<extractor fingerprint>"); '' while unfinished
    sources: list[str] = field(default_factory=list)
    written: bool = True  # False while it waits in a group of new documents

    def current(self, extractor: str) -> bool:
        """Completely written by this very extractor (else it is extracted again)."""
        return self.fingerprint == f"{self.sha256}:{extractor}"


class Catalog:
    def __init__(self, rows: Iterable[dict[str, Any]] = ()) -> None:
        self.by_id: dict[str, Entry] = {}
        self._by_text: dict[str, Entry] = {}
        self._owners: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            self.add(
                Entry(row["id"], row["sha256"], row["fingerprint"], sorted(row["sources"] or []))
            )

    def add(self, entry: Entry) -> None:
        self.by_id[entry.id] = entry
        self._by_text.setdefault(entry.sha256, entry)
        for source in entry.sources:
            self._owners[source].add(entry.id)

    def text(self, sha256: str) -> Entry | None:
        return self._by_text.get(sha256)

    def owners(self, source: str) -> set[str]:
        """The documents `source` is recorded for (more than one only after an interrupted move)."""
        return set(self._owners.get(source, ()))

    def new_id(self, name: str, sha256: str) -> str:
        """A readable id no other text holds (the hash grows in the unlikely case it must)."""
        for length in (HASH_CHARS, 12, 16, len(sha256)):
            ident = document_id(name, sha256, length)
            if ident not in self.by_id or self.by_id[ident].sha256 == sha256:
                return ident
        raise AssertionError("two texts with one sha256")

    def attach(self, doc_id: str, source: str) -> list[str]:
        entry = self.by_id[doc_id]
        entry.sources = sorted({*entry.sources, source})
        self._owners[source].add(doc_id)
        return entry.sources

    def detach(self, doc_id: str, source: str) -> list[str]:
        """The sources `doc_id` keeps once `source` is taken from it."""
        entry = self.by_id[doc_id]
        entry.sources = [s for s in entry.sources if s != source]
        self._owners[source].discard(doc_id)
        return entry.sources

    def remove(self, doc_id: str) -> None:
        entry = self.by_id.pop(doc_id)
        if self._by_text.get(entry.sha256) is entry:
            del self._by_text[entry.sha256]
        for source in entry.sources:
            self._owners[source].discard(doc_id)
