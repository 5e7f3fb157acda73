"""Fetch one URL with httpx, politely and within limits: a timeout for the whole fetch, at most
MAX_REDIRECTS redirects, a size cap (KG_MAX_DOCUMENT_BYTES, read while streaming, so a 50 MB
answer is cut at the cap), a content-type check, and a user agent naming the tool.

Every failure is a FetchError with one line for the user: `HTTP 404 Not Found`, `timed out
after 30 s`, `too many redirects (more than 5)`, `larger than 20 MB`, `content type image/png
is not a document kg reads`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

import httpx

from kg.config import env_number
from kg.documents.reader import MAX_BYTES
from kg.errors import FetchError

MAX_REDIRECTS = 5
TIMEOUT = 30.0  # seconds for one fetch, start to last byte; KG_FETCH_TIMEOUT changes it
# what each content type is kept as; anything else (images, archives, octet-streams) is refused
SUFFIX_OF_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
}
FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "application/feed+json",
}


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # media type only, lower case
    body: bytes


def user_agent() -> str:
    try:
        own = version("kg")
    except PackageNotFoundError:  # run from a checkout without an install
        own = "dev"
    return f"kg/{own} (export-control knowledge graph document reader; httpx/{httpx.__version__})"


def client() -> httpx.Client:
    timeout = env_number("KG_FETCH_TIMEOUT", TIMEOUT, minimum=0.01)
    return httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(timeout),
        headers={
            "User-Agent": user_agent(),
            "Accept": "text/html, application/pdf, text/plain, "
            "text/markdown, application/rss+xml, application/atom+xml, application/xml;q=0.9, "
            "*/*;q=0.1",
        },
        limits=httpx.Limits(
            max_connections=8, max_keepalive_connections=4
        ),  # HTTP(S)_PROXY, NO_PROXY are honoured
    )


def fetch(session: httpx.Client, url: str, accept: set[str] | None = None) -> Fetched:
    """The body of `url`, or a FetchError; `accept` is the set of media types wanted (documents by
    default)."""
    wanted = accept if accept is not None else set(SUFFIX_OF_TYPE)
    limit = int(env_number("KG_MAX_DOCUMENT_BYTES", MAX_BYTES, minimum=1))
    timeout = session.timeout.read or TIMEOUT
    started = time.monotonic()
    try:
        with session.stream("GET", url) as response:
            _check_status(url, response)
            media = _media_type(url, response, wanted)
            _check_length(url, response, limit)
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > limit:
                    raise FetchError(
                        url, f"larger than {_mb(limit)} MB (KG_MAX_DOCUMENT_BYTES): not fetched"
                    )
                if time.monotonic() - started > timeout:
                    raise FetchError(url, f"timed out after {timeout:g} s (KG_FETCH_TIMEOUT)")
            return Fetched(url, str(response.url), media, bytes(body))
    except httpx.TooManyRedirects:
        raise FetchError(
            url, f"too many redirects (more than {MAX_REDIRECTS}): a redirect loop?"
        ) from None
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {timeout:g} s (KG_FETCH_TIMEOUT)") from None
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"not a valid URL: {exc}") from None
    except httpx.HTTPError as exc:  # refused connection, unknown host, broken transfer
        raise FetchError(
            url, f"cannot fetch: {type(exc).__name__}: {str(exc)[:120] or 'no reason given'}"
        ) from None


def _check_status(url: str, response: httpx.Response) -> None:
    if response.status_code >= 400 or response.status_code < 200:
        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    if 300 <= response.status_code < 400:  # a redirect without a usable Location
        raise FetchError(url, f"HTTP {response.status_code} redirect without a location to follow")


def _media_type(url: str, response: httpx.Response, wanted: set[str]) -> str:
    media = str(response.headers.get("content-type", "")).split(";")[0].strip().lower()
    if media in wanted:
        return media
    if not media:
        raise FetchError(url, "the server gave no content type")
    kinds = (
        "HTML, PDF, plain text or Markdown"
        if wanted == set(SUFFIX_OF_TYPE)
        else "an RSS or Atom feed"
    )
    raise FetchError(url, f"content type {media} is not {kinds}: not loaded")


def _check_length(url: str, response: httpx.Response, limit: int) -> None:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(
            url,
            f"larger than {_mb(limit)} MB (KG_MAX_DOCUMENT_BYTES; "
            f"{int(declared) / 1048576:.0f} MB declared): not fetched",
        )


def _mb(limit: int) -> str:
    return f"{limit / (1024 * 1024):g}"
