"""Settings every command shares: which store, which data dir, whether to show tracebacks."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from kg.errors import UsageError


@dataclass(frozen=True)
class Settings:
    store: str  # "embedded", or a URI: neo4j://, bolt://, neo4j+s://, redis://
    data_dir: Path
    debug: bool = False
    curation: Path | None = (
        None  # the curation file (`--curation`); None: KG_CURATION, else the data dir's
    )

    @classmethod
    def from_options(
        cls, store: str | None, data_dir: Path | None, debug: bool, curation: Path | None = None
    ) -> Settings:
        uri = store or os.environ.get("KG_STORE") or os.environ.get("NEO4J_URI") or "embedded"
        directory = data_dir or Path(os.environ.get("KG_DATA_DIR") or ".kg")
        return cls(
            uri,
            directory.expanduser().resolve(),
            debug,
            curation.expanduser().resolve() if curation else None,
        )


def env_number(name: str, default: float, *, minimum: float = 0) -> float:
    """A numeric setting from the environment, read when used (never at import): a malformed
    value is one clear line naming the variable, not a traceback."""
    text = os.environ.get(name)
    if text is None or not text.strip():
        return default
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value >= minimum:  # also refuses NaN
        raise UsageError(
            f"environment variable {name}={text!r} is not a number >= {minimum:g}",
            hint=f"unset it to use the default, {default:.15g}",
        )
    return value


def redacted(uri: str) -> str:
    """A store URI fit for a message: `user:password@` becomes `user:***@`."""
    parts = urlsplit(uri)
    if parts.password is None:
        return uri
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def without_password(text: str, uri: str) -> str:
    """A driver's message about `uri` with the URI's password masked (drivers quote the URI)."""
    password = urlsplit(uri).password
    return text.replace(password, "***") if password else text
