"""Refuse any Cypher that could write, before it reaches a store (the store's read-only mode is
the second wall)."""

from __future__ import annotations

import re

from kg.errors import ReadOnlyError

_WRITES = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|CALL\s*\{|IN\s+TRANSACTIONS)\b",
    re.I,
)
# read-only procedures: the schema's names, and full-text search (FalkorDB's and Neo4j's)
_WRITE_PROCEDURES = re.compile(
    r"\bCALL\s+(?!db\.(?:labels|relationshipTypes|propertyKeys|indexes"
    r"|idx\.fulltext\.queryNodes|index\.fulltext\.queryNodes)\b)[\w.]+",
    re.I,
)
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`")
_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def ensure_read_only(cypher: str, where: str = "query") -> None:
    code = _STRINGS.sub("''", _COMMENTS.sub(" ", cypher))
    match = _WRITES.search(code) or _WRITE_PROCEDURES.search(code)
    if match:
        raise ReadOnlyError(
            f"{where} is refused: '{match.group(0).strip()}' could change the graph; "
            "kg runs queries read-only",
            hint="load data with `kg load`; write by hand only in your own Neo4j session",
        )
