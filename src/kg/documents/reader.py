"""Find documents under the given paths and read them into Documents."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Iterable, Iterator

from kg.documents import decode, frontmatter
from kg.documents.model import Document
from kg.documents.passages import split_passages
from kg.errors import DocumentError, InputError

SUFFIXES = {".md", ".txt", ".markdown"}
MAX_BYTES = int(os.environ.get("KG_MAX_DOCUMENT_BYTES", str(20 * 1024 * 1024)))  # an article, not a dump
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
        if path.stat().st_size > MAX_BYTES:
            raise DocumentError(name, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(name, f"cannot read: {exc.strerror or exc}") from None


def read_document(path: Path, doc_id: str | None = None, raw: bytes | None = None) -> Document:
    name = str(path)
    raw = read_bytes(path) if raw is None else raw
    text = decode.decode(name, raw)
    meta, body, _ = frontmatter.split(name, text)
    if not body.strip():
        raise DocumentError(name, "no text after the front matter")
    ident = doc_id or document_id(path)
    return Document(
        id=ident, path=name, text=body, sha256=hashlib.sha256(raw).hexdigest(),
        lang=meta.lang or detect_lang(body), title=meta.title or _first_heading(body) or path.stem,
        url=meta.url, author=meta.author, published=meta.published,
        published_precision=meta.published_precision, passages=split_passages(ident, body),
    )


def identified_files(paths: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """Each document file with its id; ids are unique within one call."""
    used: set[str] = set()
    for path in find_files(paths):
        ident = document_id(path)
        if ident in used:
            ident = f"{ident}-{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:8]}"
        used.add(ident)
        yield path, ident


def read_paths(paths: Iterable[Path]) -> Iterator[Document | DocumentError]:
    """Each document, or the error that stopped it."""
    for path, ident in identified_files(paths):
        try:
            yield read_document(path, ident)
        except DocumentError as exc:
            yield exc


def document_id(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", path.stem.lower()).strip("-.")
    return slug or "doc-" + hashlib.sha256(path.stem.encode()).hexdigest()[:12]


def detect_lang(text: str) -> str:
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    return "ko" if letters and len(_HANGUL.findall(sample)) / letters > 0.2 else "en"


def _first_heading(text: str) -> str | None:
    for line in text.splitlines()[:20]:
        if line.startswith("#"):
            return line.strip("# \t") or None
    return None
