"""Find documents under the given paths and read them into Documents."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from kg.config import env_number
from kg.documents import decode, frontmatter
from kg.documents.identity import document_id, source_of
from kg.documents.model import Document
from kg.documents.passages import split_passages
from kg.errors import DocumentError, InputError

SUFFIXES = {".md", ".txt", ".markdown"}
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
                raise InputError(f"{path}: no documents (.md, .txt) found in this folder")
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
            raise DocumentError(name, f"larger than {limit / (1024 * 1024):g} MB (KG_MAX_DOCUMENT_BYTES)")
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(name, f"cannot read: {exc.strerror or exc}") from None


@dataclass(frozen=True)
class RawDocument:
    """A file read and decoded, its front matter parsed, not yet split into passages."""

    path: Path
    sha256: str  # of the raw bytes: the text's identity
    meta: frontmatter.FrontMatter
    body: str

    @property
    def source(self) -> str:
        return source_of(self.path, self.meta.url)


def open_document(path: Path, raw: bytes | None = None) -> RawDocument:
    name = str(path)
    raw = read_bytes(path) if raw is None else raw
    meta, body, _ = frontmatter.split(name, decode.decode(name, raw))
    if not body.strip():
        raise DocumentError(name, "no text after the front matter")
    return RawDocument(path, hashlib.sha256(raw).hexdigest(), meta, body)


def to_document(opened: RawDocument, doc_id: str | None = None) -> Document:
    """The Document, with `doc_id` or the id of a text first loaded under this file's name."""
    path, meta, body = opened.path, opened.meta, opened.body
    ident = doc_id or document_id(path.stem, opened.sha256)
    return Document(
        id=ident, path=str(path), source=opened.source, text=body, sha256=opened.sha256,
        lang=meta.lang or detect_lang(body), title=meta.title or _first_heading(body) or path.stem,
        url=meta.url, author=meta.author, published=meta.published,
        published_precision=meta.published_precision, passages=split_passages(ident, body),
    )


def read_document(path: Path, doc_id: str | None = None, raw: bytes | None = None) -> Document:
    return to_document(open_document(path, raw), doc_id)


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
