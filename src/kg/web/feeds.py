"""RSS and Atom feeds (feedparser): the links of their items, in the feed's order, with the date
the feed gives each item (a page that names no date of its own takes it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kg.errors import FetchError
from kg.web.urls import is_web_url


def item_links(feed_url: str, body: bytes) -> tuple[dict[str, dt.date | None], list[str]]:
    """The item links of a feed with their dates, and a warning for each item without a usable
    link; a body that is no RSS or Atom feed is a FetchError."""
    import feedparser  # imported when a feed is met

    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f": {str(problem).splitlines()[0][:100]}" if problem else ""
        raise FetchError(feed_url, f"not an RSS or Atom feed{reason}")
    links: dict[str, dt.date | None] = {}
    warnings = []
    for number, entry in enumerate(parsed.entries, 1):
        link = (entry.get("link") or "").strip()
        if not is_web_url(link) and is_web_url(str(entry.get("id", ""))):
            link = str(entry.get("id")).strip()
        if is_web_url(link):
            links.setdefault(link, _date(entry))
        else:
            title = str(entry.get("title") or "")[:60]
            warnings.append(f"feed item {number} ({title!r}) has no http(s) link: skipped")
    return links, warnings


def _date(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
    except (ValueError, AttributeError):
        return None
