"""Settings every command shares: which store, which data dir, whether to show tracebacks."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    store: str  # "embedded", or a URI: neo4j://, bolt://, neo4j+s://, redis://
    data_dir: Path
    debug: bool = False

    @classmethod
    def from_options(cls, store: str | None, data_dir: Path | None, debug: bool) -> "Settings":
        uri = store or os.environ.get("KG_STORE") or os.environ.get("NEO4J_URI") or "embedded"
        directory = data_dir or Path(os.environ.get("KG_DATA_DIR") or ".kg")
        return cls(uri, directory.expanduser().resolve(), debug)
