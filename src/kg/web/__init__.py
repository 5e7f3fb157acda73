"""Links and feeds: fetch pages (or take the copies kept in the data dir) so that they load like
files. A URL already kept is read offline unless `refresh`; a feed is fetched on every load (its
new items are the point), and its items like any URL, so a rerun fetches only the new ones."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from kg.config import env_number
from kg.documents.reader import Origin
from kg.errors import FetchError
from kg.web import fetch, kept
from kg.web.feeds import item_links
from kg.web.urls import is_web_url

CONCURRENCY = 4  # pages fetched at once (KG_FETCH_CONCURRENCY); at most PER_HOST from one host
PER_HOST = 2
FEED_SUFFIX = ".xml"


@dataclass
class Gathered:
    items: list[tuple[Path, Origin]] = field(
        default_factory=list
    )  # kept copies, in the order asked
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    fetched: int = 0  # pages fetched now (the others were read from kept copies)


def gather(
    urls: Iterable[str], feeds: Iterable[str], data_dir: Path, refresh: bool = False
) -> Gathered:
    out = Gathered()
    dates: dict[str, dt.date | None] = dict.fromkeys(urls)  # url -> the date its feed gives it
    with fetch.client() as session:
        for feed in feeds:
            for link, date in _feed_items(session, feed, data_dir, out).items():
                dates[link] = dates.get(link) or date
        wanted = list(dates)
        hosts: dict[str, threading.Semaphore] = {}
        for url in wanted:
            hosts.setdefault(urlsplit(url).hostname or "", threading.Semaphore(PER_HOST))

        def one(url: str) -> tuple[kept.KeptCopy, bool] | FetchError:
            try:
                return _page(
                    session, url, data_dir, refresh, hosts[urlsplit(url).hostname or ""], dates[url]
                )
            except FetchError as exc:
                return exc

        workers = int(env_number("KG_FETCH_CONCURRENCY", CONCURRENCY, minimum=1))
        with ThreadPoolExecutor(max_workers=min(workers, max(len(wanted), 1))) as pool:
            for url, result in zip(wanted, pool.map(one, wanted), strict=True):
                if isinstance(result, FetchError):
                    out.failed.append((url, result.reason))
                else:
                    out.items.append((result[0].path, result[0].origin))
                    out.fetched += result[1]
    return out


def _page(
    session: httpx.Client,
    url: str,
    data_dir: Path,
    refresh: bool,
    host: threading.Semaphore,
    published: dt.date | None,
) -> tuple[kept.KeptCopy, bool]:
    """The kept copy of `url`, fetched now (True) or earlier (False)."""
    if not is_web_url(url):
        raise FetchError(url, "not an http(s) URL")
    copy = None if refresh else kept.find(data_dir, url)
    if copy is not None:
        return copy, False
    with host:
        page = fetch.fetch(session, url)
    return kept.keep(
        data_dir,
        url,
        fetch.SUFFIX_OF_TYPE[page.content_type],
        page.body,
        page.final_url,
        page.content_type,
        published,
    ), True


def _feed_items(
    session: httpx.Client, feed: str, data_dir: Path, out: Gathered
) -> dict[str, dt.date | None]:
    """The feed's item links; when the feed cannot be fetched, those of the copy kept last time
    (with a warning), else the feed is one failure and its items are not loaded."""
    try:
        if not is_web_url(feed):
            raise FetchError(feed, "not an http(s) URL")
        page = fetch.fetch(session, feed, accept=fetch.FEED_TYPES | {"text/html", "text/plain"})
        links, warnings = item_links(feed, page.body)
        kept.keep(data_dir, feed, FEED_SUFFIX, page.body, page.final_url, page.content_type)
    except FetchError as exc:
        copy = kept.find(data_dir, feed) if is_web_url(feed) else None
        if copy is None or exc.reason.startswith("not an RSS"):
            out.failed.append((feed, exc.reason))
            return {}
        out.warnings.append(
            (feed, f"{exc.reason}; read the copy fetched at {copy.origin.fetched_at}")
        )
        links, warnings = item_links(feed, copy.path.read_bytes())
    out.warnings.extend((feed, w) for w in warnings)
    return links
