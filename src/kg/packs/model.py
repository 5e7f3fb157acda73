"""A pack is a .cypher file: `// name:`, `// title:`, `// params: a = 'x', b = 2`, `// tags:` then Cypher."""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import paths
from kg.errors import UsageError
from kg.packs.guard import ensure_read_only

_HEADER = re.compile(r"^//\s*(name|title|params|tags|description):\s*(.*)$")
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
# Pagination: a pack that can return many rows takes `skip` and `limit` (`kg query --skip/--limit`).
PAGING = frozenset({"skip", "limit"})


@dataclass(frozen=True)
class Pack:
    name: str
    title: str
    cypher: str
    path: Path
    params: dict[str, Any] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    description: str = ""

    def used_params(self) -> set[str]:
        code = "\n".join(line for line in self.cypher.splitlines() if not line.strip().startswith("//"))
        return set(_PARAM_USE.findall(_STRINGS.sub("''", code)))

    def bind(self, given: dict[str, str]) -> dict[str, Any]:
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            known = ", ".join(sorted(self.params)) or "none"
            raise UsageError(f"pack '{self.name}' has no parameter {', '.join(unknown)}; its parameters: {known}")
        bound = {**self.params, **{k: coerce(v) for k, v in given.items()}}
        for key in PAGING & set(given):
            if not isinstance(bound[key], int) or isinstance(bound[key], bool) or bound[key] < 0:
                raise UsageError(f"pack '{self.name}': {key} wants a whole number >= 0, not '{given[key]}'")
        return bound

    @property
    def pages(self) -> bool:
        """A pack that returns a page of rows: `skip` and `limit` parameters."""
        return PAGING <= set(self.params)


def parse(path: Path) -> Pack:
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if match:
            header[match.group(1)] = match.group(2).strip()
        elif line.strip() and not line.strip().startswith("//"):
            break
    name = header.get("name") or path.stem
    if name != path.stem:
        raise UsageError(f"{path}: header name '{name}' differs from the file name")
    pack = Pack(name, header.get("title", ""), text, path, _params(path, header.get("params", "")),
                tuple(t.strip() for t in header.get("tags", "").split(",") if t.strip()),
                header.get("description", ""))
    ensure_read_only(text, f"pack '{name}'")
    return pack


def _params(path: Path, text: str) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for part in _split(text):
        if "=" not in part:
            raise UsageError(f"{path}: parameter '{part}' needs a default: name = value")
        key, value = (x.strip() for x in part.split("=", 1))
        params[key] = coerce(value)
    return params


def _split(text: str) -> list[str]:
    parts, depth, current, quote = [], 0, "", None
    for ch in text:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += ch
    return parts + ([current.strip()] if current.strip() else [])


def coerce(value: str) -> Any:
    """`--param` text to a value: numbers, booleans, null, quoted strings, lists; else the text."""
    text = value.strip()
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered == "null":
        return None
    try:
        parsed = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    if isinstance(parsed, (int, float, str, list)):
        return parsed
    return text


def all_packs(directory: Path | None = None) -> dict[str, Pack]:
    directory = directory or paths.queries_dir()
    return {p.stem: parse(p) for p in sorted(directory.glob("*.cypher"))}


def find_pack(name: str, directory: Path | None = None) -> Pack:
    packs = all_packs(directory)
    if name not in packs:
        raise UsageError(f"no query pack '{name}'; packs: {', '.join(packs)}", hint="`kg query --list`")
    return packs[name]


def today() -> dt.date:
    return dt.date.today()
