"""A pack is a .cypher file: `// name:`, `// title:`, `// params: a = 'x', b = 2`, `// tags:`,
then Cypher."""

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
from kg.packs.params import ParamType, check, inferred, parse_types

HEADER_KEYS = ("name", "title", "params", "types", "tags", "description")
_HEADER = re.compile(rf"^//\s*({'|'.join(HEADER_KEYS)}):\s*(.*)$")
_KEY_LIKE = re.compile(r"^//\s*([a-z_]+):(?:\s|$)")  # `// parms: …` among the header lines
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
    types: dict[str, ParamType] = field(default_factory=dict)

    def type_of(self, name: str) -> ParamType:
        return self.types.get(name) or inferred(self.params.get(name))

    def used_params(self) -> set[str]:
        code = "\n".join(
            line for line in self.cypher.splitlines() if not line.strip().startswith("//")
        )
        return set(_PARAM_USE.findall(_STRINGS.sub("''", code)))

    def bind(self, given: dict[str, str]) -> dict[str, Any]:
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            known = ", ".join(sorted(self.params)) or "none"
            raise UsageError(
                f"pack '{self.name}' has no parameter {', '.join(unknown)}; its parameters: {known}"
            )
        for key in PAGING & set(given):
            value = coerce(given[key])
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise UsageError(
                    f"pack '{self.name}': {key} wants a whole number >= 0, not '{given[key]}'"
                )
        checked = {
            k: check(self.name, k, coerce(v), self.type_of(k), self.params[k])
            for k, v in given.items()
        }
        return {**self.params, **checked}

    def entity_params(self) -> dict[str, ParamType]:
        """The parameters that name an entity or a country: resolved to ids against a store."""
        return {
            k: self.type_of(k) for k in self.params if self.type_of(k).kind in ("entity", "country")
        }

    @property
    def pages(self) -> bool:
        """A pack that returns a page of rows: `skip` and `limit` parameters."""
        return PAGING <= set(self.params)


def parse(path: Path) -> Pack:
    """A pack file; a bad header is refused as `file:line: message`."""
    text = path.read_text(encoding="utf-8")
    header, where = _header(path, text)
    name = header.get("name") or path.stem
    if name != path.stem:
        raise UsageError(f"{where['name']}: header name '{name}' differs from the file name")
    pack = Pack(
        name,
        header.get("title", ""),
        text,
        path,
        _params(where["params"], header.get("params", "")),
        tuple(t.strip() for t in header.get("tags", "").split(",") if t.strip()),
        header.get("description", ""),
        parse_types(where["types"], header.get("types", "")),
    )
    undeclared = sorted(set(pack.types) - set(pack.params))
    if undeclared:
        raise UsageError(f"{where['types']}: types: {', '.join(undeclared)} not among the params")
    ensure_read_only(text, f"pack '{name}'")
    return pack


def _header(path: Path, text: str) -> tuple[dict[str, str], dict[str, str]]:
    """The header's values, and `file:line` of each key (`file` alone for a missing one)."""
    header: dict[str, str] = {}
    where: dict[str, str] = {key: str(path) for key in HEADER_KEYS}
    prose = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("//"):
            break
        match = _HEADER.match(stripped)
        if match:
            header[match.group(1)] = match.group(2).strip()
            where[match.group(1)] = f"{path}:{number}"
        elif (unknown := _KEY_LIKE.match(stripped)) and not prose:
            raise UsageError(
                f"{path}:{number}: unknown header key '{unknown.group(1)}'; "
                f"a pack header has {', '.join(HEADER_KEYS)}"
            )
        else:
            prose = prose or bool(stripped)  # comments after the header may say anything
    return header, where


def _params(path: str, text: str) -> dict[str, Any]:
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
    """The packs of `directory`, else the built-in ones and the data root's (which win on a
    name)."""
    folders = [directory] if directory else paths.queries_dirs()
    return {p.stem: parse(p) for folder in folders for p in sorted(folder.glob("*.cypher"))}


def find_pack(name: str, directory: Path | None = None) -> Pack:
    packs = all_packs(directory)
    if name not in packs:
        raise UsageError(
            f"no query pack '{name}'; packs: {', '.join(packs)}", hint="`kg query --list`"
        )
    return packs[name]


def today() -> dt.date:
    return dt.date.today()
