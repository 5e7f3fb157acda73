"""One `kg load` against an open store: what each file is, and what that writes.

A file is one of:
- an unchanged source: its text is loaded and current, and this source is recorded: skipped;
- a new source of a text already loaded (the same bytes under another name): the source is
  added to that document, nothing is extracted again, its facts stay counted once;
- a new text: a new document (written in groups of about GROUP_ROWS nodes and edges);
- a text whose document is unfinished or was extracted by other patterns: extracted again.
In the last two cases, and the second, a source that held another text before gives that text
up: its document goes when this was its last source ("a changed file replaces its old text").
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.catalog import Catalog, Entry
from kg.documents.model import Document
from kg.documents.reader import Origin, open_document, read_bytes, to_document
from kg.errors import DocumentError, KgError
from kg.graph import GraphBatch
from kg.store.base import WriteStats
from kg.store.protocol import Store

GROUP_ROWS = 5000  # new documents are written in groups of about this many nodes and edges
BuildBatch = Callable[[Document, list[str]], GraphBatch]


@dataclass
class LoadReport:
    read: int = 0
    changed: int = 0
    skipped: int = 0
    sources_added: int = 0  # a known text found under another name or URL
    replaced: int = 0  # documents whose last source now holds another text
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(
        default_factory=list
    )  # loaded, but the user should hear
    fetched: int = 0  # web pages fetched in this load (the others came from kept copies)
    passages: int = 0
    mentions: int = 0
    claims: int = 0
    nodes_written: int = 0
    relationships_written: int = 0
    dry_run: bool = False
    seconds_extracting: float = 0.0  # building documents' batches (extraction), apart from
    seconds_writing: float = (
        0.0  # the store's writes (reference data, documents, the first load's end)
    )

    @property
    def ok(self) -> bool:
        return not self.failed

    def count(self, doc: Document, batch: GraphBatch) -> None:
        self.changed += 1
        self.passages += len(doc.passages)
        self.mentions += sum(1 for e in batch.edges if e.type == "MENTIONS")
        self.claims += sum(1 for n in batch.nodes if n.label == "Claim")

    def wrote(self, stats: WriteStats) -> None:
        self.nodes_written += stats.nodes
        self.relationships_written += stats.relationships

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        """Adds the time of the block to `seconds_<stage>` ('extracting' or 'writing')."""
        started = time.perf_counter()
        try:
            yield
        finally:
            field = f"seconds_{stage}"
            setattr(self, field, getattr(self, field) + time.perf_counter() - started)


class Intake:
    def __init__(self, store: Store, extractor: str, build: BuildBatch, report: LoadReport) -> None:
        self.store = store
        self.extractor = extractor  # the extraction fingerprint
        self.build = build
        self.report = report
        self.catalog = Catalog(store.documents())
        self._pending: list[tuple[str, GraphBatch]] = []
        self._pending_rows = 0
        self._moves: list[
            tuple[str, str]
        ] = []  # (source, its document now), applied once that is written
        self._seen: dict[str, tuple[str, str]] = {}  # source -> (sha256, path) in this load

    def take(self, path: Path, raw: bytes | None = None, origin: Origin | None = None) -> None:
        raw = read_bytes(path) if raw is None else raw
        sha = hashlib.sha256(raw).hexdigest()
        known = self.catalog.text(sha)
        where = origin.url if origin else str(path.expanduser().resolve())
        if known is not None and self._unchanged(known, where):
            self.report.read += 1
            self.report.skipped += 1  # not even decoded
            return
        opened = open_document(path, raw, origin)
        self.report.warnings.extend(
            (origin.url if origin else str(path), w) for w in opened.warnings
        )
        if not self._first_in_this_load(opened.source, sha, str(path)):
            return
        self.report.read += 1
        if known is not None and known.current(self.extractor):
            self._add_source(known, opened.source)
            return
        doc = to_document(opened, known.id if known else self.catalog.new_id(opened.name, sha))
        sources = sorted({*(known.sources if known else []), opened.source})
        try:
            with self.report.timed("extracting"):
                batch = self.build(doc, sources)
        except KgError:
            raise
        except Exception as exc:  # an extractor bug must not stop the other documents
            self.report.failed.append((doc.path, f"extraction failed: {type(exc).__name__}: {exc}"))
            return
        self.report.count(doc, batch)
        if known is not None:
            self._replace(known, batch, sources)
        else:
            self._add_new(doc, batch, sources)
        self._move(opened.source, doc.id)

    def finish(self) -> None:
        self._flush()

    # -- the cases ---------------------------------------------------------------------------
    def _unchanged(self, entry: Entry, resolved: str) -> bool:
        return (
            entry.current(self.extractor)
            and entry.written
            and resolved in entry.sources
            and self.catalog.owners(resolved) == {entry.id}
        )

    def _first_in_this_load(self, source: str, sha: str, path: str) -> bool:
        """Two different texts claiming one source (the same canonical URL) in one load: the first
        wins, the other is reported, so that loading the same files again changes nothing."""
        earlier = self._seen.setdefault(source, (sha, path))
        if earlier[0] != sha:
            self.report.failed.append(
                (
                    path,
                    f"another text in this load has the same source {source} "
                    f"({earlier[1]}); not loaded",
                )
            )
            return False
        return True

    def _add_source(self, entry: Entry, source: str) -> None:
        if source in entry.sources:
            self.report.skipped += 1
        else:
            if not entry.written:
                self._flush()
            with self.report.timed("writing"):
                self.store.set_sources(entry.id, self.catalog.attach(entry.id, source))
            self.report.sources_added += 1
        self._move(source, entry.id)

    def _replace(self, entry: Entry, batch: GraphBatch, sources: list[str]) -> None:
        """The same text, unfinished or extracted by other patterns: extracted and written again."""
        with self.report.timed("writing"):
            self.report.wrote(self.store.replace_document(entry.id, batch))
        entry.fingerprint = f"{entry.sha256}:{self.extractor}"
        for source in sources:
            self.catalog.attach(entry.id, source)

    def _add_new(self, doc: Document, batch: GraphBatch, sources: list[str]) -> None:
        self.catalog.add(
            Entry(doc.id, doc.sha256, f"{doc.sha256}:{self.extractor}", sources, written=False)
        )
        self._pending.append((doc.id, batch))
        self._pending_rows += len(batch.nodes) + len(batch.edges)
        if self._pending_rows >= GROUP_ROWS:
            self._flush()

    def _move(self, source: str, doc_id: str) -> None:
        """`source` now gives `doc_id`'s text: other documents recorded for it give it up."""
        self._moves.append((source, doc_id))
        if not self._pending:
            self._apply_moves()

    def _flush(self) -> None:
        if self._pending:
            with self.report.timed("writing"):
                self.report.wrote(self.store.write_new_documents(self._pending))
            for doc_id, _ in self._pending:
                self.catalog.by_id[doc_id].written = True
            self._pending, self._pending_rows = [], 0
        self._apply_moves()

    def _apply_moves(self) -> None:
        moves, self._moves = self._moves, []
        for source, doc_id in moves:
            for other in sorted(self.catalog.owners(source) - {doc_id}):
                remaining = self.catalog.detach(other, source)
                with self.report.timed("writing"):
                    if remaining:
                        self.store.set_sources(other, remaining)
                    else:
                        self.store.forget_document(other)
                if not remaining:
                    self.catalog.remove(other)
                    self.report.replaced += 1


Item = tuple[Path, Origin | None]  # a file, or the kept copy of a web page and where it came from


def take_all(
    intake: Intake,
    items: list[Item],
    progress: Callable[[str, int, int], None] | None,
    keep: Callable[[bytes], bool],
) -> None:
    """Every item in order, reporting progress; one that cannot be read is reported, not fatal."""
    for done, (path, origin) in enumerate(items, 1):
        if progress:
            progress(origin.url if origin else str(path), done, len(items))
        try:
            raw = read_bytes(path)
            if keep(raw):
                intake.take(path, raw, origin)
        except DocumentError as exc:
            intake.report.failed.append((origin.url if origin else exc.path, exc.reason))
    intake.finish()
