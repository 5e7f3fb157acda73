"""A document and its passages, as the reader produces them and extraction consumes them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Passage:
    """A heading-aware paragraph: `document.text[start:end] == text`."""

    id: str  # "<doc id>#<ordinal>"
    ordinal: int
    heading: str | None
    text: str
    start: int
    end: int
    page: int | None = None  # 1-based page of a PDF; a passage never straddles two


@dataclass(frozen=True, slots=True)
class Document:
    id: str  # readable slug of the file name + short content hash, see kg.documents.identity
    path: str
    text: str  # the body after front matter, decoded
    sha256: str  # of the raw file bytes
    lang: str  # "ko" | "en" | ... (front matter wins, else detected)
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_precision: str | None = None  # year | month | day
    passages: tuple[Passage, ...] = field(default_factory=tuple)
    source: str = (
        ""  # canonical URL, else the file's resolved absolute path (kg.documents.identity)
    )
    fetched_at: str | None = None  # ISO time a web page or feed item was fetched (UTC), else None
    pages: int | None = None  # the page count of a PDF
