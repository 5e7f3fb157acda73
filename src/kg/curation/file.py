"""The curation file: a YAML list of decisions, one mapping each, with who, when and why.

It lives in the data dir (`<data dir>/curation.yaml`) unless `--curation PATH` or `KG_CURATION`
puts it elsewhere, e.g. in a project under version control. kg only ever appends to it, so the
comments and order an analyst gives it stay; a later decision about the same thing wins.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from kg.config import Settings
from kg.errors import InputError, one_line
from kg.yamlfile import line_of

FILE_NAME = "curation.yaml"
HEADER = (
    "# kg curation decisions, replayed after every load (see README, 'Curating the graph').\n"
    "# One decision a list item; kg appends, you may edit.\n"
    "# A later decision about the same thing wins.\n"
)

Action = Literal["reject", "confirm", "accept", "merge", "alias"]
_NEEDS: dict[str, tuple[str, ...]] = {
    "reject": ("claim", "why"),
    "confirm": ("claim",),
    "accept": ("entity", "label", "name"),
    "merge": ("entity", "label", "into", "into_label"),
    "alias": ("entity", "label", "alias"),
}


class ClaimKey(BaseModel):
    """What identifies a claim when its id changes: its document's text, sentence, subject,
    metric, value."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    document: str  # the SHA-256 of the document's text
    quote: str
    subject: str
    metric: str
    value: float | None = None


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    action: Action
    claim: str | None = None
    key: ClaimKey | None = None
    entity: str | None = None
    label: str | None = None
    name: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    into: str | None = None
    into_label: str | None = None
    names: tuple[str, ...] = ()  # merge: the merged entity's names, which go to `into`
    alias: str | None = None
    why: str | None = None
    who: str | None = None
    when: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> Decision:
        missing = [f for f in _NEEDS[self.action] if not getattr(self, f)]
        if missing:
            raise ValueError(f"a '{self.action}' decision needs {', '.join(missing)}")
        return self

    @property
    def target(self) -> str:
        """What the decision is about, for messages and for 'a later decision wins'."""
        if self.action in ("reject", "confirm"):
            return f"claim {self.claim}"
        if self.action == "merge":
            return f"{self.label} '{self.entity}' (merge into {self.into_label} '{self.into}')"
        return f"{self.label} '{self.entity}'"

    def same_as(self, other: Decision) -> bool:
        """The same decision again, whoever and whenever: a rerun records nothing new."""
        skip = {"who", "when"}
        return self.model_dump(exclude=skip) == other.model_dump(exclude=skip)


def curation_path(settings: Settings) -> Path:
    """`--curation PATH`, else KG_CURATION, else the data dir's curation.yaml."""
    chosen = getattr(settings, "curation", None) or os.environ.get("KG_CURATION")
    return Path(chosen).expanduser().resolve() if chosen else settings.data_dir / FILE_NAME


def read(path: Path) -> list[Decision]:
    """The decisions in `path` (none when it does not exist); a bad entry is
    `file:line: field: why`."""
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise _error(
            path, mark.line + 1 if mark else None, None, "not valid YAML: " + one_line(exc)
        ) from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise _error(path, 1, None, "a curation file is a YAML list of decisions")
    decisions = []
    for index, entry in enumerate(data):
        try:
            decisions.append(Decision.model_validate(entry))
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = (index, *first["loc"])
            field = ".".join(str(x) for x in first["loc"]) or None
            raise _error(path, line_of(yaml.compose(text), loc), field, first["msg"]) from None
    return decisions


def _error(path: Path, line: int | None, field: str | None, reason: str) -> InputError:
    where = f"{path}:{line}" if line else str(path)
    what = f" field '{field}':" if field else ""
    return InputError(
        f"{where}:{what} {reason}", hint="fix or remove that decision in the curation file"
    )


def stamped(**fields: Any) -> Decision:
    """A new decision by this user, now (UTC, seconds)."""
    who = os.environ.get("KG_CURATOR") or _user()
    when = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    return Decision(
        who=who, when=when, **{k: v for k, v in fields.items() if v not in (None, (), [])}
    )


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def append(path: Path, decision: Decision) -> bool:
    """Add `decision` at the end of the file; False (nothing written) when the last decision about
    the same thing is this very decision."""
    decisions = read(path)
    latest = [d for d in decisions if d.target == decision.target]
    if latest and latest[-1].same_as(decision):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = decision.model_dump(exclude_defaults=True)
    entry = {"action": entry.pop("action"), **entry}
    text = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
    existing = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    if existing and not existing.endswith("\n"):
        existing += "\n"
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(existing + text, encoding="utf-8")
    os.replace(temporary, path)  # a killed command leaves the old file whole
    return True
