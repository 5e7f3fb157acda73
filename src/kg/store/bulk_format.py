"""FalkorDB's `GRAPH.BULK` binary format: nodes and relationships as the server reads them.

The command (the one `falkordb-bulk-insert` sends) is
`GRAPH.BULK graph node_count edge_count node_tokens edge_tokens token...`, without `BEGIN` when
the graph exists. A token is one label (or relationship type) and its rows:

- header: the name, NUL-terminated; the number of properties (uint32); each property name,
  NUL-terminated;
- a node row: one value per property, in the header's order; the server gives the node the next
  internal id (a graph with nothing deleted numbers its nodes in creation order);
- a relationship row: source and target internal ids (uint64 each), then the values;
- a value: one type byte, then 0 NULL (the property is left out), 1 BOOL (one byte), 2 DOUBLE
  (8 bytes), 3 STRING (UTF-8, NUL-terminated), 4 LONG (int64), 5 ARRAY (int64 length, then
  that many values). In this machine's byte order, unaligned (the server reads them in place).

There is no date type (dates go through Cypher) and a string cannot hold a NUL: `encode_rows`
raises `NotBinary` for a value the format cannot carry, and the caller writes those rows as
Cypher instead.
"""

from __future__ import annotations

import math
import struct
from array import array
from collections.abc import Callable, Iterable, Mapping
from typing import Any

_NULL, _TRUE, _FALSE = b"\x00", b"\x01\x01", b"\x01\x00"
_LONG = struct.Struct("=Bq").pack
_DOUBLE = struct.Struct("=Bd").pack
_ENDS = struct.Struct("=QQ").pack
_INT64 = range(-(2**63), 2**63)
_ARRAY_OF_UINT64 = array("Q").itemsize == 8


Convert = Callable[[str, Any], Any]  # (property name, value) -> a value of the types below


class NotBinary(ValueError):
    """A value GRAPH.BULK cannot carry (a NUL in a string, an int past 64 bits, NaN or infinity)."""


def header(name: str, properties: Iterable[str]) -> bytes:
    names = [p.encode() + b"\x00" for p in properties]
    return name.encode() + b"\x00" + struct.pack("=I", len(names)) + b"".join(names)


def _string(value: str) -> bytes:
    if "\x00" in value:
        raise NotBinary("a string holds a NUL character")
    return b"\x03" + value.encode() + b"\x00"


def _int(value: int) -> bytes:
    if value not in _INT64:
        raise NotBinary(f"{value} does not fit in 64 bits")
    return _LONG(4, value)


def _float(value: float) -> bytes:
    if not math.isfinite(value):
        raise NotBinary(f"{value} is not a finite number")
    return _DOUBLE(2, value)


def _bool(value: bool) -> bytes:
    return _TRUE if value else _FALSE


def _list(value: list[Any]) -> bytes:
    return _LONG(5, len(value)) + b"".join(map(_value, value))


def _none(value: None) -> bytes:
    return _NULL


_ENCODERS: dict[type, Callable[[Any], bytes]] = {
    str: _string,
    int: _int,
    float: _float,
    bool: _bool,
    list: _list,
    type(None): _none,
}


def _value(value: Any) -> bytes:
    encoder = _ENCODERS.get(type(value))
    if encoder is None:
        raise NotBinary(f"no binary form for {type(value).__name__}")
    return encoder(value)


def node_rows(
    idents: list[str], rows: list[Mapping[str, Any]], columns: list[str], convert: Convert
) -> bytes:
    """Nodes as one token's body: each one's id, then its value of each column (`convert` turns
    a value that is not a str, int, float, bool or None into one the format carries)."""
    parts: list[bytes] = []
    append = parts.append
    for ident, props in zip(idents, rows, strict=True):
        append(_string(ident))
        _append_values(append, props, columns, convert)
    return b"".join(parts)


def edge_rows(
    ends: list[int], rows: list[Mapping[str, Any]], columns: list[str], convert: Convert
) -> bytes:
    """Relationships as one token's body: `ends` is source, target, source, target ... (internal
    ids); `rows` their properties, read by `columns` (none: the ids alone)."""
    if not columns:
        return (
            array("Q", ends).tobytes() if _ARRAY_OF_UINT64 else struct.pack(f"={len(ends)}Q", *ends)
        )
    parts: list[bytes] = []
    append = parts.append
    for i, props in enumerate(rows):
        append(_ENDS(ends[2 * i], ends[2 * i + 1]))
        _append_values(append, props, columns, convert)
    return b"".join(parts)


def _append_values(
    append: Callable[[bytes], None], props: Mapping[str, Any], columns: list[str], convert: Convert
) -> None:
    get = props.get
    for key in columns:
        value: Any = get(key)
        kind = type(value)
        if kind is str:
            if "\x00" in value:
                raise NotBinary("a string holds a NUL character")
            append(b"\x03" + value.encode() + b"\x00")
        elif value is None:
            append(_NULL)
        elif kind is int or kind is float or kind is bool:
            append(_ENCODERS[kind](value))
        else:
            append(_value(convert(key, value)))
