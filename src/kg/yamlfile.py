"""Read a YAML data file into a pydantic model; a bad file is refused as `file:line: message`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed

# (path, line or None, dotted field or None, reason) -> the exception to raise
ErrorFactory = Callable[[Path, "int | None", "str | None", str], Exception]


def load_model(path: Path, model: type[M], error: ErrorFactory, missing: str = "missing file") -> M:
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=FAST_LOADER)
    except FileNotFoundError:
        raise error(path, None, None, missing) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise error(path, mark.line + 1 if mark else None, None, f"not valid YAML: {exc}") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = first["loc"]
        node = yaml.compose(text, Loader=FAST_LOADER)  # the node tree, only to name the line
        return_error = error(path, line_of(node, loc), ".".join(str(x) for x in loc), first["msg"])
        raise return_error from None


def line_of(node: Any, loc: tuple[Any, ...]) -> int | None:
    """The line of the YAML node at `loc` (or of its nearest existing parent)."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = [v for k, v in node.value if k.value == key]
            if not match:
                break
            node = match[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
        line = node.start_mark.line + 1
    return line
