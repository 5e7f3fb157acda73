"""Where the project's data lives: ontology, reference data, patterns, query packs, seeds.

The data folders sit at the top of the repository (one source of truth, outside the code);
`KG_HOME` points elsewhere when kg runs from a different checkout.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def project_root() -> Path:
    return _root(os.environ.get("KG_HOME"))


@lru_cache(maxsize=8)
def _root(home: str | None) -> Path:
    return Path(home).resolve() if home else Path(__file__).resolve().parents[2]


def ontology_dir() -> Path:
    return project_root() / "ontology"


def reference_dir() -> Path:
    override = os.environ.get("KG_REFERENCE_DIR")
    return Path(override) if override else project_root() / "loaders" / "reference"


def patterns_dir() -> Path:
    return project_root() / "loaders" / "patterns"


def queries_dir() -> Path:
    return project_root() / "queries"


def seeds_dir() -> Path:
    return project_root() / "seeds"
