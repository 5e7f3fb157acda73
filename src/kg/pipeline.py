"""`kg load`: read documents, extract, and write them with the reference knowledge into the store.

One document at a time (the corpus is never held in memory); everything of a document is built
before its write, so a broken document loses nothing and a killed load is redone on the next run.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg import curation, extract, ontology, search, stories, web
from kg.config import Settings
from kg.documents.model import Document
from kg.documents.reader import find_files, open_document, read_bytes, to_document
from kg.errors import DocumentError, KgError
from kg.graph import GraphBatch, NodeRef
from kg.intake import Intake, Item, LoadReport, take_all
from kg.reference import build_reference_batch
from kg.store import Counts, Store, open_store

Progress = Callable[[str, int, int], None]  # (what, done, total)

__all__ = ["load", "forget", "status", "document_batch", "LoadReport", "Forgotten"]


def document_batch(
    doc: Document, onto: ontology.Ontology, fingerprint: str, sources: list[str] | None = None
) -> GraphBatch:
    """The Document, its passages and everything extracted from them."""
    batch = GraphBatch()
    ref = batch.add_node(
        "Document",
        doc.id,
        name=doc.title or doc.id,
        title=doc.title,
        url=doc.url,
        author=doc.author,
        published=doc.published,
        published_precision=doc.published_precision,
        lang=doc.lang,
        sha256=doc.sha256,
        sources=sources or ([doc.source] if doc.source else None),
        fetched_at=doc.fetched_at,
        pages=doc.pages,
        fingerprint=f"{doc.sha256}:{fingerprint}",
    )
    previous: NodeRef | None = None
    for p in doc.passages:
        passage = batch.add_node(
            "Passage",
            p.id,
            name=f"{doc.title or doc.id} #{p.ordinal}",
            ordinal=p.ordinal,
            heading=p.heading,
            text=p.text,
            start=p.start,
            end=p.end,
            page=p.page,
            terms=search.terms(p.text),
        )
        batch.add_edge("HAS_PASSAGE", ref, passage)
        if previous is not None:
            batch.add_edge("NEXT", previous, passage)
        previous = passage
    batch.extend(extract.extract(doc, onto))
    return batch


def load(
    paths: Iterable[Path],
    settings: Settings,
    reset: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    shard: tuple[int, int] | None = None,
    bulk: bool = True,
    urls: Iterable[str] = (),
    feeds: Iterable[str] = (),
    refresh: bool = False,
) -> LoadReport:
    """Load into the store. Into an empty graph (a first load, `--reset`) the store's bulk path
    writes, when it has one (FalkorDB) and `bulk` is on; otherwise the incremental MERGE path.
    `urls` and the items of `feeds` are fetched (or read from the copies kept in the data dir,
    unless `refresh`) and then load like files."""
    paths, urls, feeds = list(paths), list(urls), list(feeds)
    # a missing path or an empty folder stops here, before any fetch or write
    files: list[Item] = (
        [(path, None) for path in find_files(paths)] if paths or not (urls or feeds) else []
    )
    decisions = curation.read(curation.curation_path(settings))
    onto = curation.curated_ontology(
        ontology.load(), decisions
    )  # accepted entities reach the gazetteer
    fingerprint = curation.extraction_fingerprint(extract.fingerprint(), decisions)
    reference = build_reference_batch(onto)
    report = LoadReport(dry_run=dry_run)
    if urls or feeds:
        files.extend(_fetch(urls, feeds, settings, refresh, report))
    if dry_run:
        _extract_only(files, onto, fingerprint, report, progress, shard)
        return report
    with open_store(settings) as store:
        if reset:
            store.clear()
        with store.first_load() if bulk else nullcontext(store) as target:
            _write_reference(target, reference, report)
            intake = Intake(
                target,
                fingerprint,
                lambda doc, sources: document_batch(doc, onto, fingerprint, sources),
                report,
            )
            take_all(intake, files, progress, lambda raw: _in_shard(raw, shard))
            finishing = time.perf_counter()
        # a first load's end: derived edges, publishing
        report.seconds_writing += time.perf_counter() - finishing
        path = curation.curation_path(settings)
        report.warnings.extend(
            (str(path), w) for w in curation.replay(store, decisions, ontology.load())
        )
        stories.recompute(store)
        search.ensure_index(store)
    return report


@dataclass(frozen=True)
class Forgotten:
    document: str
    source: str | None = None  # the source forgotten, when DOC named one rather than the document
    remaining: int = 0  # sources the document keeps (it is gone when none)


def forget(doc: str, settings: Settings) -> Forgotten:
    """Forget a document by id (all of it), or one of its sources by path or URL: the document
    goes with its last source, and with it every fact that came only from it."""
    with open_store(settings) as store:
        rows = store.documents()
        if any(row["id"] == doc for row in rows):
            store.forget_document(doc)
            _replay(store, settings)
            return Forgotten(doc)
        for source in _sources_named(doc):
            owners = sorted(row["id"] for row in rows if source in row["sources"])
            if owners:
                forgotten = _forget_source(store, rows, owners, source)
                _replay(store, settings)
                return forgotten
    raise KgError(
        f"no document '{doc}' in the store",
        hint="give its id, path or URL; `kg status` counts what is loaded",
    )


def _replay(store: Store, settings: Settings) -> None:
    """The curation decisions and repeated stories again (what they name but the store lost is
    reported by the next load)."""
    curation.replay(store, curation.read(curation.curation_path(settings)), ontology.load())
    stories.recompute(store)


def _sources_named(doc: str) -> list[str]:
    """What DOC may name: a URL or path as recorded, a path resolved, a file's canonical URL."""
    named = [doc]
    path = Path(doc).expanduser()
    named.append(str(path.resolve()))
    if path.is_file():
        try:
            named.append(open_document(path).source)
        except DocumentError:
            pass
    return list(dict.fromkeys(named))


def _forget_source(
    store: Store, rows: list[dict[str, Any]], owners: list[str], source: str
) -> Forgotten:
    result = Forgotten(owners[0], source)
    for row in rows:
        if row["id"] in owners:
            remaining = [s for s in row["sources"] if s != source]
            if remaining:
                store.set_sources(row["id"], remaining)
            else:
                store.forget_document(row["id"])
            result = (
                Forgotten(row["id"], source, len(remaining)) if row["id"] == owners[0] else result
            )
    return result


def _write_reference(store: Store, reference: GraphBatch, report: LoadReport) -> None:
    """The reference batch, unless the store already holds this very version of it."""
    digest = hashlib.sha256(
        repr(
            sorted((n.label, n.id, sorted(n.props.items(), key=str)) for n in reference.nodes)
            + sorted(
                (e.type, e.src.id, e.dst.id, sorted(e.props.items(), key=str))
                for e in reference.edges
            )
        ).encode()
    ).hexdigest()[:16]
    stored = store.read("MATCH (d:Dataset {id: 'reference'}) RETURN d.fingerprint AS f")
    if stored and stored[0]["f"] == digest:
        return
    with report.timed("writing"):
        stats = store.write_batch(reference)
        marker = GraphBatch()
        marker.add_node("Dataset", "reference", name="reference knowledge", fingerprint=digest)
        store.write_batch(marker)
    report.nodes_written += stats.nodes
    report.relationships_written += stats.relationships


def _fetch(
    urls: list[str], feeds: list[str], settings: Settings, refresh: bool, report: LoadReport
) -> list[Item]:
    gathered = web.gather(urls, feeds, settings.data_dir, refresh)
    report.failed.extend(gathered.failed)
    report.warnings.extend(gathered.warnings)
    report.fetched += gathered.fetched
    return [(path, origin) for path, origin in gathered.items]


def _in_shard(raw: bytes, shard: tuple[int, int] | None) -> bool:
    """Shards partition texts by content hash: one text (under any of its names) is one shard's."""
    return shard is None or int(hashlib.sha256(raw).hexdigest(), 16) % shard[1] == shard[0]


def _extract_only(
    files: list[Item],
    onto: ontology.Ontology,
    fingerprint: str,
    report: LoadReport,
    progress: Progress | None,
    shard: tuple[int, int] | None,
) -> None:
    for done, (path, origin) in enumerate(files, 1):
        if progress:
            progress(origin.url if origin else str(path), done, len(files))
        try:
            raw = read_bytes(path)
            if not _in_shard(raw, shard):
                continue
            opened = open_document(path, raw, origin)
            item = to_document(opened)
        except DocumentError as exc:
            report.failed.append((origin.url if origin else exc.path, exc.reason))
            continue
        report.warnings.extend((opened.source, w) for w in opened.warnings)
        report.read += 1
        batch = document_batch(item, onto, fingerprint)
        report.count(item, batch)
        merged = batch.merged()
        report.nodes_written += len(merged.nodes)
        report.relationships_written += len(merged.edges)


def status(settings: Settings) -> tuple[dict[str, Any], Counts]:
    with open_store(settings) as store:
        return store.describe(), store.counts()
