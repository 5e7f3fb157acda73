"""Which arguments are URLs, and lists of URLs in a file (one a line, `#` comments)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from kg.errors import InputError


def is_web_url(text: str) -> bool:
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an invalid IPv6 literal
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and not any(c.isspace() for c in text)
    )


def looks_like_url(text: str) -> bool:
    """A `kg load` argument meant as a URL rather than a path (`https://…`, also a bad one)."""
    return "://" in text and text.split("://", 1)[0].isalpha()


def read_url_list(path: Path) -> list[str]:
    """The URLs of a list file; a line that is not an http(s) URL is refused with its number."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{path}: cannot read the URL list: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    urls = []
    for number, line in enumerate(lines, 1):
        text = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not text:
            continue
        if not is_web_url(text):
            raise InputError(f"{path}:{number}: not an http(s) URL: {text[:80]!r}")
        urls.append(text)
    if not urls:
        raise InputError(f"{path}: no URLs in this list (one a line, # for comments)")
    return urls
