"""HTML pages: the main text (trafilatura), without navigation, ads, share buttons, scripts or
styles, as headings and paragraphs; title, canonical URL, date (htmldate, through trafilatura)
and author from the page's metadata.

The text comes back as Markdown-like lines (`# heading`, paragraphs between blank lines, `- `
list items) so that the passage splitter cuts it at the page's own headings and paragraphs.
No script is ever run: trafilatura parses with lxml and drops `<script>`, `<style>` and every
attribute (inline event handlers included).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from kg.errors import DocumentError

_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class HtmlText:
    text: str
    title: str | None = None
    url: str | None = None  # the page's canonical URL
    author: str | None = None
    published: dt.date | None = None


def read_html(path: str, html: bytes | str) -> HtmlText:
    import trafilatura  # imported when a page is met: loading it takes ~0.3 s
    from trafilatura.metadata import extract_metadata

    for name in (
        "trafilatura",
        "htmldate",
        "courlan",
        "justext",
    ):  # their notes are not the user's errors
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        text = trafilatura.extract(
            html,
            output_format="markdown",
            include_formatting=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_tables=True,
            deduplicate=False,
        )
        meta = extract_metadata(html)
    except (ValueError, TypeError, AttributeError) as exc:  # lxml refuses the bytes outright
        raise DocumentError(path, f"cannot parse the HTML: {str(exc)[:120]}") from None
    if not text or not text.strip():
        raise DocumentError(path, "no main text found in the HTML page")
    return HtmlText(
        text=_plain(text),
        title=_field(meta, "title"),
        url=_field(meta, "url"),
        author=_field(meta, "author"),
        published=_date(_field(meta, "date")),
    )


def _plain(text: str) -> str:
    """Markdown emphasis markers are markup, not words: `**DeepSeek** holds` -> `DeepSeek holds`."""
    return _EMPHASIS.sub(r"\1", _STRONG.sub(r"\2", text)).strip() + "\n"


def _field(meta: object, name: str) -> str | None:
    value = getattr(meta, name, None) if meta is not None else None
    return str(value).strip() or None if value else None


def _date(text: str | None) -> dt.date | None:
    match = _DATE.match(text or "")
    if not match:
        return None
    try:
        return dt.date(*(int(x) for x in match.groups()))
    except ValueError:
        return None
