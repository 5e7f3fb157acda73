"""Find documents under the given paths and read them into Documents: Markdown and plain text
(with optional YAML front matter), HTML pages (kg.documents.html) and PDFs (kg.documents.pdf)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.config import env_number
from kg.documents import decode, frontmatter
from kg.documents.html import read_html
from kg.documents.identity import document_id, source_of
from kg.documents.model import Document
from kg.documents.passages import split_pages, split_passages
from kg.documents.pdf import read_pdf
from kg.errors import DocumentError, InputError

TEXT_SUFFIXES = {".md", ".txt", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf"}
MAX_BYTES = 20 * 1024 * 1024  # an article, not a dump; KG_MAX_DOCUMENT_BYTES changes it
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LETTER = re.compile(r"[A-Za-z\uac00-\ud7a3]")


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Every document file under `paths`, sorted; a missing path or an empty folder is an error."""
    found: list[Path] = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir():
            inside = sorted(_walk(path))
            if not inside:
                raise InputError(
                    f"{path}: no documents (.md, .txt, .html, .pdf) found in this folder"
                )
            found.extend(inside)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _walk(root: Path) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        stat = os.stat(folder)
        if (stat.st_dev, stat.st_ino) in seen:  # a symlink loop: do not go round again
            dirs[:] = []
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if Path(name).suffix.lower() in SUFFIXES and not name.startswith("."):
                yield Path(folder) / name


def read_bytes(path: Path) -> bytes:
    name = str(path)
    if path.suffix.lower() not in SUFFIXES:
        raise DocumentError(name, f"not a document type kg reads ({', '.join(sorted(SUFFIXES))})")
    try:
        if not path.is_file():  # also FIFOs, sockets and dangling symlinks: never block on them
            raise DocumentError(name, "not a regular file (or a broken link)")
        limit = int(env_number("KG_MAX_DOCUMENT_BYTES", MAX_BYTES, minimum=1))
        if path.stat().st_size > limit:
            raise DocumentError(
                name, f"larger than {limit / (1024 * 1024):g} MB (KG_MAX_DOCUMENT_BYTES)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(name, f"cannot read: {exc.strerror or exc}") from None


@dataclass(frozen=True)
class Origin:
    """Where a fetched document came from: the URL asked for, and when it was fetched."""

    url: str
    fetched_at: str  # ISO 8601, UTC
    name: str  # readable name for the document id (host and path of the URL)
    published: dt.date | None = None  # the date a feed gave its item: used when the page names none


@dataclass(frozen=True)
class RawDocument:
    """A file read and decoded, its metadata parsed, not yet split into passages."""

    path: Path
    sha256: str  # of the raw bytes: the text's identity
    meta: frontmatter.FrontMatter
    body: str
    pages: tuple[str, ...] | None = None  # a PDF's text page by page; `body` joins them
    warnings: tuple[str, ...] = ()  # read anyway, but the user should hear (bad bytes replaced)
    origin: Origin | None = None

    @property
    def source(self) -> str:
        """The URL a page was fetched from, else the canonical URL the document names, else the
        path."""
        return self.origin.url if self.origin else source_of(self.path, self.meta.url)

    @property
    def name(self) -> str:
        return self.origin.name if self.origin else self.path.stem


def open_document(
    path: Path, raw: bytes | None = None, origin: Origin | None = None
) -> RawDocument:
    name = str(path)
    raw = read_bytes(path) if raw is None else raw
    sha = hashlib.sha256(raw).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _open_pdf(path, raw, sha, origin)
    if suffix in HTML_SUFFIXES:
        return _open_html(path, raw, sha, origin)
    decoded = decode.decode_with_warnings(name, raw)
    meta, body, _ = frontmatter.split(name, decoded.text)
    if not body.strip():
        raise DocumentError(name, "no text after the front matter")
    return RawDocument(path, sha, meta, body, warnings=decoded.warnings, origin=origin)


def _open_pdf(path: Path, raw: bytes, sha: str, origin: Origin | None) -> RawDocument:
    pdf = read_pdf(str(path), raw)
    meta = frontmatter.FrontMatter(
        title=pdf.title,
        author=pdf.author,
        published=pdf.created,
        published_precision="day" if pdf.created else None,
    )
    body, _ = split_pages("", pdf.pages)
    return RawDocument(path, sha, meta, body, pages=pdf.pages, origin=origin)


def _open_html(path: Path, raw: bytes, sha: str, origin: Origin | None) -> RawDocument:
    """The page's own metadata, under front matter of ours when the file starts with one."""
    name, ours = str(path), frontmatter.FrontMatter()
    html: bytes | str = raw
    warnings: tuple[str, ...] = ()
    if raw.lstrip(b"\xef\xbb\xbf").startswith(b"---"):
        decoded = decode.decode_with_warnings(name, raw)
        ours, html, _ = frontmatter.split(name, decoded.text)
        warnings = decoded.warnings
    elif not raw.strip():
        raise DocumentError(name, "empty file")
    page = read_html(name, html)
    meta = frontmatter.FrontMatter(
        title=ours.title or page.title,
        url=ours.url or page.url,
        author=ours.author or page.author,
        published=ours.published or page.published,
        published_precision=ours.published_precision
        if ours.published
        else "day"
        if page.published
        else None,
        lang=ours.lang,
    )
    return RawDocument(path, sha, meta, page.text, warnings=warnings, origin=origin)


def to_document(opened: RawDocument, doc_id: str | None = None) -> Document:
    """The Document, with `doc_id` or the id of a text first loaded under this file's name."""
    path, meta, body = opened.path, opened.meta, opened.body
    ident = doc_id or document_id(opened.name, opened.sha256)
    passages = (
        split_pages(ident, opened.pages)[1]
        if opened.pages is not None
        else split_passages(ident, body)
    )
    return Document(
        id=ident,
        path=str(path),
        source=opened.source,
        text=body,
        sha256=opened.sha256,
        lang=meta.lang or detect_lang(body),
        title=meta.title or _first_heading(body) or opened.name,
        url=meta.url or (opened.origin.url if opened.origin else None),
        author=meta.author,
        published=meta.published or (opened.origin.published if opened.origin else None),
        published_precision=meta.published_precision
        or ("day" if opened.origin and opened.origin.published else None),
        passages=passages,
        fetched_at=opened.origin.fetched_at if opened.origin else None,
        pages=len(opened.pages) if opened.pages is not None else None,
    )


def read_document(
    path: Path, doc_id: str | None = None, raw: bytes | None = None, origin: Origin | None = None
) -> Document:
    return to_document(open_document(path, raw, origin), doc_id)


def read_paths(paths: Iterable[Path]) -> Iterator[Document | DocumentError]:
    """Each document, or the error that stopped it."""
    for path in find_files(paths):
        try:
            yield read_document(path)
        except DocumentError as exc:
            yield exc


def detect_lang(text: str) -> str:
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    return "ko" if letters and len(_HANGUL.findall(sample)) / letters > 0.2 else "en"


def _first_heading(text: str) -> str | None:
    for line in text.splitlines()[:20]:
        if line.startswith("#"):
            return line.strip("# \t") or None
    return None
