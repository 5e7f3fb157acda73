"""`kg load`: read documents, extract, and write them with the reference knowledge into the store.

One document at a time (the corpus is never held in memory); everything of a document is built
before its write, so a broken document loses nothing and a killed load is redone on the next run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from kg import extract, ontology
from kg.config import Settings
from kg.documents.model import Document
import hashlib

from kg.documents.reader import find_files, identified_files, read_bytes, read_document
from kg.errors import DocumentError, KgError
from kg.graph import GraphBatch, NodeRef
from kg.reference import build_reference_batch
from kg.store import open_store

Progress = Callable[[str, int, int], None]  # (what, done, total)
GROUP_ROWS = 5000  # new documents are written in groups of about this many nodes and edges


@dataclass
class LoadReport:
    read: int = 0
    changed: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    passages: int = 0
    mentions: int = 0
    claims: int = 0
    nodes_written: int = 0
    relationships_written: int = 0
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed


def document_batch(doc: Document, onto: ontology.Ontology, fingerprint: str) -> GraphBatch:
    """The Document, its passages and everything extracted from them."""
    batch = GraphBatch()
    ref = batch.add_node(
        "Document", doc.id, name=doc.title or doc.id, title=doc.title, url=doc.url, author=doc.author,
        published=doc.published, published_precision=doc.published_precision, lang=doc.lang,
        sha256=doc.sha256, path=doc.path, fingerprint=f"{doc.sha256}:{fingerprint}",
    )
    previous: NodeRef | None = None
    for p in doc.passages:
        passage = batch.add_node("Passage", p.id, name=f"{doc.title or doc.id} #{p.ordinal}", ordinal=p.ordinal,
                                 heading=p.heading, text=p.text, start=p.start, end=p.end)
        batch.add_edge("HAS_PASSAGE", ref, passage)
        if previous is not None:
            batch.add_edge("NEXT", previous, passage)
        previous = passage
    batch.extend(extract.extract(doc, onto))
    return batch


def load(paths: Iterable[Path], settings: Settings, reset: bool = False, dry_run: bool = False,
         progress: Progress | None = None, shard: tuple[int, int] | None = None) -> LoadReport:
    paths = list(paths)
    files = find_files(paths)  # a missing path or an empty folder stops here, before any write
    onto = ontology.load()
    fingerprint = extract.fingerprint()
    reference = build_reference_batch(onto)
    report = LoadReport(dry_run=dry_run)
    if dry_run:
        _extract_only(paths, onto, fingerprint, report, progress, len(files), shard)
        return report
    with open_store(settings) as store:
        if reset:
            store.clear()
        _write_reference(store, reference, report)
        known = store.document_fingerprints()
        pending: list[tuple[str, GraphBatch]] = []  # new documents, written together
        pending_rows = 0
        for done, (path, ident) in enumerate(_files(paths, shard), 1):
            if progress:
                progress(str(path), done, len(files))
            try:
                raw = read_bytes(path)
                if known.get(ident) == f"{hashlib.sha256(raw).hexdigest()}:{fingerprint}":
                    report.read += 1
                    report.skipped += 1  # unchanged file, unchanged patterns: not even parsed
                    continue
                item = read_document(path, ident, raw)
            except DocumentError as exc:
                report.failed.append((exc.path, exc.reason))
                continue
            report.read += 1
            try:
                batch = document_batch(item, onto, fingerprint)
            except KgError:
                raise
            except Exception as exc:  # an extractor bug must not stop the other documents
                report.failed.append((item.path, f"extraction failed: {type(exc).__name__}: {exc}"))
                continue
            _count(report, item, batch)
            if item.id in known:  # changed, or left unfinished by a killed load: replace it
                _add_stats(report, store.replace_document(item.id, batch))
                continue
            pending.append((item.id, batch))
            pending_rows += len(batch.nodes) + len(batch.edges)
            if pending_rows >= GROUP_ROWS:
                _add_stats(report, store.write_new_documents(pending))
                pending, pending_rows = [], 0
        if pending:
            _add_stats(report, store.write_new_documents(pending))
    return report


def _add_stats(report: LoadReport, stats: object) -> None:
    report.nodes_written += stats.nodes  # type: ignore[attr-defined]
    report.relationships_written += stats.relationships  # type: ignore[attr-defined]


def forget(doc: str, settings: Settings) -> str:
    """Remove one document (by id or path) and everything that came only from it."""
    path = Path(doc)
    from kg.documents.reader import document_id

    candidates = [doc, document_id(path)] if path.suffix else [doc]
    with open_store(settings) as store:
        for ident in candidates:
            if store.forget_document(ident):
                return ident
    raise KgError(f"no document '{doc}' in the store", hint="`kg status` lists what is loaded")


def _write_reference(store: object, reference: GraphBatch, report: LoadReport) -> None:
    """The reference batch, unless the store already holds this very version of it."""
    digest = hashlib.sha256(repr(sorted((n.label, n.id, sorted(n.props.items(), key=str)) for n in reference.nodes)
                                 + sorted((e.type, e.src.id, e.dst.id, sorted(e.props.items(), key=str))
                                          for e in reference.edges)).encode()).hexdigest()[:16]
    stored = store.read("MATCH (d:Dataset {id: 'reference'}) RETURN d.fingerprint AS f")  # type: ignore[attr-defined]
    if stored and stored[0]["f"] == digest:
        return
    stats = store.write_batch(reference)  # type: ignore[attr-defined]
    marker = GraphBatch()
    marker.add_node("Dataset", "reference", name="reference knowledge", fingerprint=digest)
    store.write_batch(marker)  # type: ignore[attr-defined]
    report.nodes_written += stats.nodes
    report.relationships_written += stats.relationships


def _files(paths: list[Path], shard: tuple[int, int] | None) -> Iterable[tuple[Path, str]]:
    for path, ident in identified_files(paths):
        if shard is None or _shard_of(ident, shard[1]) == shard[0]:
            yield path, ident


def _documents(paths: list[Path], shard: tuple[int, int] | None) -> Iterable[Document | DocumentError]:
    for path, ident in _files(paths, shard):
        try:
            yield read_document(path, ident)
        except DocumentError as exc:
            yield exc


def _shard_of(doc_id: str, count: int) -> int:
    import hashlib

    return int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % count


def _extract_only(paths: list[Path], onto: ontology.Ontology, fingerprint: str, report: LoadReport,
                  progress: Progress | None, total: int, shard: tuple[int, int] | None) -> None:
    for done, item in enumerate(_documents(paths, shard), 1):
        if progress:
            progress(getattr(item, "path", ""), done, total)
        if isinstance(item, DocumentError):
            report.failed.append((item.path, item.reason))
            continue
        report.read += 1
        batch = document_batch(item, onto, fingerprint)
        _count(report, item, batch)
        merged = batch.merged()
        report.nodes_written += len(merged.nodes)
        report.relationships_written += len(merged.edges)


def _count(report: LoadReport, doc: Document, batch: GraphBatch) -> None:
    report.changed += 1
    report.passages += len(doc.passages)
    report.mentions += sum(1 for e in batch.edges if e.type == "MENTIONS")
    report.claims += sum(1 for n in batch.nodes if n.label == "Claim")


def status(settings: Settings) -> tuple[dict[str, object], object]:
    with open_store(settings) as store:
        return store.describe(), store.counts()
