"""Optional YAML front matter: safe loading only, mapped to Document properties."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from kg.errors import DocumentError

_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_WIKILINK = re.compile(r"\[\[([^\]]+)\]\]")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
MAX_FRONT_MATTER = 64 * 1024


@dataclass(frozen=True)
class FrontMatter:
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_precision: str | None = None
    lang: str | None = None


def split(path: str, text: str) -> tuple[FrontMatter, str, int]:
    """Front matter, the body, and the body's offset in the text."""
    if not text.startswith("---"):
        return FrontMatter(), text, 0
    match = _FENCE.match(text)
    if not match:
        raise DocumentError(path, "front matter starts with '---' but is never closed")
    block = match.group(1)
    if len(block) > MAX_FRONT_MATTER:
        raise DocumentError(path, "front matter is larger than 64 KB")
    try:
        _refuse_anchors(path, block)
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise DocumentError(
            path, f"malformed front matter{where}: {getattr(exc, 'problem', exc)}"
        ) from None
    except (ValueError, OverflowError, RecursionError) as exc:  # e.g. YAML's own date 2023-02-30
        raise DocumentError(path, f"front matter holds an impossible value: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DocumentError(path, "front matter must be a mapping of keys to values")
    return _fields(path, data), text[match.end() :], match.end()


def _refuse_anchors(path: str, block: str) -> None:
    """Anchors and aliases (`&a`, `*a`) as PyYAML's own parser sees them, before anything is built
    from them (an alias bomb never expands); `title: "R&D *and* Chips"` is plain text."""
    for event in yaml.parse(block, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark  # the block starts after the opening `---` line
            line = mark.line + 2 if mark is not None else 2
            raise DocumentError(
                path,
                f"front matter uses YAML anchors or aliases (line {line}), which are not accepted",
            )


def _fields(path: str, data: dict[Any, Any]) -> FrontMatter:
    published, precision = _date(path, data.get("published", data.get("date")))
    return FrontMatter(
        title=_text(path, data, "title"),
        url=_text(path, data, "url") or _text(path, data, "source"),
        author=_author(path, data.get("author")),
        published=published,
        published_precision=precision,
        lang=_text(path, data, "lang"),
    )


def _text(path: str, data: dict[Any, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise DocumentError(
            path, f"front matter field '{key}' must be text, not {type(value).__name__}"
        )
    return str(value).strip() or None


def _author(path: str, value: Any) -> str | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(x, (str, int)) for x in items):
        raise DocumentError(path, "front matter field 'author' must be text or a list of texts")
    names = [_WIKILINK.sub(r"\1", str(x)).strip() for x in items]
    return ", ".join(n for n in names if n) or None


def _date(path: str, value: Any) -> tuple[dt.date | None, str | None]:
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    match = _PARTIAL_DATE.match(str(value).strip())
    if not match:
        raise DocumentError(
            path, f"front matter field 'published' is not a date: {str(value)[:40]!r}"
        )
    year, month, day = match.groups()
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise DocumentError(
            path, f"front matter field 'published' is not a real date: {value!r}"
        ) from None
    return date, "day" if day else "month" if month else "year"
