"""What a document is: one text (its content hash), reached through one or more sources.

A source is where the text came from: the canonical URL when the document names one (front
matter `url` / `source`), else the file's resolved absolute path. A document's id is a readable
slug of the name it was first loaded under, in any script, plus a short content hash:

    document_id("딥시크 報告 ünï", sha)  ->  "딥시크-報告-ünï-3f2a9c1e"
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

SLUG_CHARS = 60  # a slug is for reading; the hash makes the id unique
HASH_CHARS = 8


def slug(text: str) -> str:
    """Lowercase letters, digits and marks of any script (NFC: a macOS name's decomposed Hangul
    is composed again), dots and underscores; every other run of characters becomes one '-'."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text).lower():
        if unicodedata.category(char)[0] in "LNM" or char in "._":
            out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out)[:SLUG_CHARS].strip("-._") or "doc"


def document_id(name: str, sha256: str, hash_chars: int = HASH_CHARS) -> str:
    return f"{slug(name)}-{sha256[:hash_chars]}"


def source_of(path: Path, url: str | None) -> str:
    """The canonical URL if the document names one, else the file's resolved absolute path."""
    return url or str(path.expanduser().resolve())
