"""Every error kg raises on purpose, handled once at the CLI.

KgError                      exit 1: the user's input or request is at fault
 +-- UsageError              bad option, unknown pack or parameter
 +-- InputError              a document or data file that cannot be used     (exit 1)
 |    +-- DocumentError      a document cannot be read or decoded
 |    |    +-- FetchError     a URL or feed cannot be fetched, or is not a document
 |    +-- ReferenceDataError a reference YAML file is invalid (file, line, field)
 |    +-- OntologyError      the ontology is inconsistent or names an unknown term
 +-- QueryError              a Cypher text is refused or fails
 |    +-- ReadOnlyError      a write was given where only reads are allowed
 |    +-- EmptyStoreError    nothing has been loaded into the store yet
 |    +-- QueryTimeoutError  a query ran past its time limit (kg serve)
 +-- StoreError              the graph store cannot be reached or fails (exit 2: the store)
      +-- StoreBusyError     another kg process holds the data dir
"""

from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base class: a message meant for the user, and an exit code."""

    exit_code = 1
    hint: str | None = None

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class UsageError(KgError):
    """The command line asks for something that does not exist or does not fit."""


class InputError(KgError):
    """An input file cannot be used."""


class DocumentError(InputError):
    """A document cannot be read, decoded or split."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class FetchError(DocumentError):
    """A URL or feed cannot be fetched, or what it returns is not a document kg reads."""


class ReferenceDataError(InputError):
    """A reference data file is invalid; names the file, line and field."""

    def __init__(self, path: Path | str, line: int | None, field: str | None, reason: str) -> None:
        self.path, self.line, self.field, self.reason = str(path), line, field, reason
        where = self.path + (f":{line}" if line else "")
        what = f" field '{field}'" if field else ""
        super().__init__(f"{where}:{what} {reason}")


class OntologyError(InputError):
    """The ontology is inconsistent, or a term is not in it."""


class QueryError(KgError):
    """A Cypher text is refused or fails in the store."""


class ReadOnlyError(QueryError):
    """A query that would write was given where only reads are allowed."""


class QueryTimeoutError(QueryError):
    """A query ran past its time limit and the store stopped it."""


class EmptyStoreError(QueryError):
    """The store holds no graph yet: a query or view before any `kg load`."""

    hint = "run `kg load PATH` first, e.g. `kg load seeds/` in a checkout"

    def __init__(self, location: str) -> None:
        super().__init__(f"the store at {location} is empty: nothing has been loaded yet")


class StoreError(KgError):
    """The graph store cannot be reached, started or written."""

    exit_code = 2


class StoreBusyError(StoreError):
    """Another kg process holds the data directory's lock."""


def one_line(exc: BaseException, limit: int = 300) -> str:
    """A driver's or server's message folded onto one line, for `Error: …`."""
    return " ".join(str(exc).split())[:limit]
