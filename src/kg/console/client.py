"""`kg query` and `kg cypher` while `kg serve` holds the embedded store: through the console.

`kg serve` writes `<data dir>/console.json` (its URL and token, readable by the owner only, in
the 0700 data dir) while it runs; a reading command finds it, checks that its process lives, and
asks the console over 127.0.0.1 instead of waiting for the store (the console runs packs through
the same `kg.packs.run` path, so the rows are the same). Anything else still says `store busy`.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.config import Settings
from kg.errors import QueryError, QueryTimeoutError, StoreError, UsageError

FILE = "console.json"


class ConsoleGone(StoreError):
    """The console named in console.json does not answer (killed, its pid reused): use the store."""


@dataclass(frozen=True)
class ConsoleClient:
    base: str
    token: str

    def pack(self, name: str, given: dict[str, str]) -> tuple[str, list[dict[str, Any]]]:
        answer = self._post("/api/pack", {"name": name, "params": given})
        return str(answer.get("title", "")), self._rows(answer)

    def query(self, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self._rows(self._post("/api/query", {"cypher": cypher, "params": params}))

    def _rows(self, answer: dict[str, Any]) -> list[dict[str, Any]]:
        if answer.get("truncated"):
            raise QueryError(
                f"the answer has more than the {answer.get('max_rows')} rows the running "
                "`kg serve` gives one query",
                hint="add a LIMIT, or stop `kg serve` (or start it with --max-rows)",
            )
        return list(answer["rows"])

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            self.base + path,
            data=json.dumps(body, default=str).encode(),
            method="POST",
            headers={"Content-Type": "application/json", "X-KG-Token": self.token},
        )
        try:
            with urllib.request.urlopen(request, timeout=600) as response:  # noqa: S310 (127.0.0.1 only)
                return dict(json.loads(response.read()))
        except urllib.error.HTTPError as exc:
            raise _error(exc.code, _json(exc.read())) from None
        except (urllib.error.URLError, OSError) as exc:
            raise ConsoleGone(
                f"the running `kg serve` at {self.base} does not answer: {exc}"
            ) from None


def announce(settings: Settings, base: str, token: str) -> Path | None:
    """Where the console writes its address (the embedded store only: other stores take many
    readers)."""
    if settings.store != "embedded":
        return None
    path = settings.data_dir / FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"url": base, "token": token, "pid": os.getpid()}, out)
    return path


def running_console(settings: Settings) -> ConsoleClient | None:
    """The console holding this data dir, if one runs."""
    if settings.store != "embedded":
        return None
    try:
        found = json.loads((settings.data_dir / FILE).read_text(encoding="utf-8"))
        os.kill(int(found["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none, or one that was killed before it could tidy up
    return ConsoleClient(str(found["url"]), str(found["token"]))


def _json(raw: bytes) -> dict[str, Any]:
    try:
        return dict(json.loads(raw))
    except (ValueError, TypeError):
        return {"error": raw.decode("utf-8", "replace").strip()}


def _error(status: int, body: dict[str, Any]) -> Exception:
    message, hint = str(body.get("error") or f"HTTP {status}"), body.get("hint")
    if status == 408:
        return QueryTimeoutError(message, hint=hint)
    if status in (500, 503):
        return StoreError(message, hint=hint)
    if status == 403:
        return StoreError(f"the running `kg serve` refused: {message}")
    return UsageError(message, hint=hint)  # the request's fault, as `kg query` says it (exit 1)
