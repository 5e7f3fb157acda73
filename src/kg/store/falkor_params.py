"""Query parameters in FalkorDB's own form: a `CYPHER name=value ...` header in front of the query.

That header is how FalkorDB's GRAPH.QUERY command takes parameters; the falkordb client builds it
only in a private method (`Graph._build_params_header`), so kg writes it here, to the same rules:
strings in double quotes with `\\` and `"` escaped, lists in brackets, maps with their keys in
backticks, None as null. The values stay data: nothing here can end a literal early.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any


def header(params: Mapping[str, Any]) -> str:
    """`CYPHER a=1 b="x" ` for {"a": 1, "b": "x"}; '' when there are none."""
    if not params:
        return ""
    return "CYPHER " + "".join(f"{_name(key)}={literal(value)} " for key, value in params.items())


def literal(value: Any) -> str:
    """One value as Cypher literal text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, bytes):
        value = value.decode()
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value} has no Cypher literal")
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(literal(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{_name(key)}:{literal(item)}" for key, item in value.items()) + "}"
    raise TypeError(f"a {type(value).__name__} is not a query parameter value")


def _name(key: object) -> str:
    text = key.decode() if isinstance(key, bytes) else str(key)
    if not text or "`" in text:  # FalkorDB's header parser reads no escaped backtick
        raise ValueError(f"{text!r} cannot be a parameter or map key name")
    return f"`{text}`"
