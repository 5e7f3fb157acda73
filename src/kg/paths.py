"""Where kg's data lives: ontology, reference data, extraction patterns, query packs.

One layout everywhere: `ontology/`, `loaders/patterns/`, `loaders/reference/`, `queries/`.
The built-in copy is package data (`kg/data/...` in the wheel, found with importlib.resources);
run from a source checkout, it is the checkout's top-level folders themselves. A user data root
(`kg --data-root DIR` or `KG_DATA_ROOT`) with the same layout overrides it: a folder present
there replaces the built-in one, except `queries/`, whose packs are added to the built-in ones
(a pack of the same name replaces the built-in pack).
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import UsageError

ONTOLOGY = "ontology"
PATTERNS = "loaders/patterns"
REFERENCE = "loaders/reference"
SEARCH = "loaders/search"
QUERIES = "queries"

_chosen_root: Path | None = None


def checkout_root() -> Path:
    """The source checkout this module runs from (seeds, tools); meaningless in a wheel."""
    return Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def builtin_root() -> Path:
    packaged = resources.files("kg") / "data"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return checkout_root()


def set_data_root(directory: Path | None) -> None:
    """`--data-root`: checked at once, so that a typo is one clear line, not a missing file
    later."""
    global _chosen_root
    _chosen_root = None if directory is None else _checked(directory, "--data-root")


def data_root() -> Path | None:
    if _chosen_root is not None:
        return _chosen_root
    value = os.environ.get("KG_DATA_ROOT")
    return _checked(Path(value), "KG_DATA_ROOT") if value else None


def _checked(directory: Path, source: str) -> Path:
    resolved = directory.expanduser().resolve()
    if not resolved.is_dir():
        raise UsageError(
            f"{source} {directory} is not a directory",
            hint="give a folder laid out like the checkout: ontology/, loaders/, queries/",
        )
    return resolved


def _folder(relative: str) -> Path:
    root = data_root()
    if root is not None and (root / relative).is_dir():
        return root / relative
    return builtin_root() / relative


def ontology_dir() -> Path:
    return _folder(ONTOLOGY)


def reference_dir() -> Path:
    override = os.environ.get("KG_REFERENCE_DIR")
    return Path(override) if override else _folder(REFERENCE)


def patterns_dir() -> Path:
    return _folder(PATTERNS)


def search_dir() -> Path:
    return _folder(SEARCH)


def queries_dirs() -> list[Path]:
    """The built-in packs' folder, then the data root's (whose packs win on a name)."""
    builtin = builtin_root() / QUERIES
    root = data_root()
    extra = root / QUERIES if root is not None else None
    return [builtin] + (
        [extra] if extra is not None and extra.is_dir() and extra != builtin else []
    )


def style_sheet() -> Path:
    """The Neo4j Browser style sheet (`:style` in Browser, then drop the file)."""
    return builtin_root() / QUERIES / "style.grass"


def seeds_dir() -> Path:
    return checkout_root() / "seeds"
