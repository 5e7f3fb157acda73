"""Fetched bytes kept in the data dir, so that a reload reads them offline.

`<data dir>/web/<name>-<hash of the URL>.<html|pdf|txt|md>` holds the body as it was fetched;
beside it `….json` says from which URL, when, and as which content type. The body is written
first and the record last, each by rename, so a copy is there whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kg.documents.identity import slug
from kg.documents.reader import Origin

FOLDER = "web"


@dataclass(frozen=True)
class KeptCopy:
    path: Path  # the body
    origin: Origin


def name_of(url: str) -> str:
    """A readable name for a URL, for its kept file and its document id: host and path."""
    parts = urlsplit(url)
    return slug(f"{parts.hostname or ''}{parts.path}".rstrip("/")) or "page"


def _stem(url: str) -> str:
    return f"{name_of(url)}-{hashlib.sha256(url.encode()).hexdigest()[:12]}"


def find(data_dir: Path, url: str) -> KeptCopy | None:
    record = data_dir / FOLDER / f"{_stem(url)}.json"
    try:
        meta = json.loads(record.read_text(encoding="utf-8"))
        body = record.with_name(meta["file"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if meta.get("url") != url or not body.is_file():
        return None
    return KeptCopy(
        body, Origin(url, meta["fetched_at"], name_of(url), _date(meta.get("published")))
    )


def keep(
    data_dir: Path,
    url: str,
    suffix: str,
    body: bytes,
    final_url: str,
    content_type: str,
    published: dt.date | None = None,
) -> KeptCopy:
    folder = data_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stem = _stem(url)
    old = find(data_dir, url)
    path = folder / f"{stem}{suffix}"
    fetched_at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    _write(path, body)
    record = {
        "url": url,
        "final_url": final_url,
        "content_type": content_type,
        "fetched_at": fetched_at,
        "file": path.name,
        "published": published.isoformat() if published else None,
    }
    _write(folder / f"{stem}.json", json.dumps(record, indent=1).encode())
    if old is not None and old.path != path:  # the page changed type: the old body goes
        old.path.unlink(missing_ok=True)
    return KeptCopy(path, Origin(url, fetched_at, name_of(url), published))


def _date(text: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _write(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)
