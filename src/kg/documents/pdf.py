"""PDF files: the text of each page (pypdf), and the title, author and date from the metadata.

pypdf's plain extraction was measured against pdfminer.six and pypdf's own layout mode (figures
in bench/README.md): it reads multi-column pages column by column as the page's content stream
orders them (layout mode interleaves the columns line by line), and it is about eight times
faster than pdfminer.six on our fixtures. A PDF whose pages hold no text (a scan), one that
needs a password, and one that is broken are refused with one line each.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.errors import DocumentError

if TYPE_CHECKING:
    from pypdf import PdfReader

MIN_TEXT_CHARS = 20  # fewer letters than this on every page: a scan, not a text


@dataclass(frozen=True)
class PdfText:
    pages: tuple[str, ...]
    title: str | None = None
    author: str | None = None
    created: dt.date | None = None


def read_pdf(path: str, raw: bytes) -> PdfText:
    from pypdf import PdfReader  # imported when a PDF is met: most loads have none
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(
        logging.ERROR
    )  # its warnings about repaired files are noise here
    if not raw.lstrip().startswith(b"%PDF-"):
        raise DocumentError(path, "not a PDF file (no %PDF- header)")
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not _open_without_password(reader):
            raise DocumentError(path, "encrypted PDF: it needs a password, kg cannot read it")
        pages = tuple(_clean(page.extract_text() or "") for page in reader.pages)
        meta = reader.metadata
    except DocumentError:
        raise
    except FileNotDecryptedError:
        raise DocumentError(path, "encrypted PDF: it needs a password, kg cannot read it") from None
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
        RecursionError,
        AssertionError,
        ZeroDivisionError,
    ) as exc:
        raise DocumentError(
            path, f"broken or truncated PDF: {str(exc)[:120] or type(exc).__name__}"
        ) from None
    if not pages:
        raise DocumentError(path, "PDF without pages")
    if sum(len(p.strip()) for p in pages) < MIN_TEXT_CHARS:
        raise DocumentError(
            path,
            f"PDF without a text layer ({len(pages)} page{'s' if len(pages) > 1 else ''} "
            "of images, e.g. a scan): run OCR on it first",
        )
    return PdfText(pages, _meta_text(meta, "title"), _meta_text(meta, "author"), _created(meta))


def _open_without_password(reader: PdfReader) -> bool:
    """Many PDFs are encrypted only to set permissions, with an empty user password."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an unsupported cipher is also "cannot read it"
        return False


def _clean(text: str) -> str:
    """Page text as paragraphs: no NULs or form feeds, no trailing spaces at line ends."""
    text = text.replace("\x00", "").replace("\f", "\n")
    return "\n".join(line.rstrip() for line in text.splitlines())


def _meta_text(meta: object, field: str) -> str | None:
    try:
        value = getattr(meta, field, None) if meta is not None else None
    except Exception:  # a malformed info dictionary: no metadata, the text still loads
        return None
    text = str(value).strip() if value else ""
    return text or None


def _created(meta: object) -> dt.date | None:
    try:
        created = getattr(meta, "creation_date", None) if meta is not None else None
    except Exception:  # pypdf raises on a malformed date string
        return None
    return created.date() if isinstance(created, dt.datetime) else None
