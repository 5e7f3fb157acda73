"""A pack's parameter types (`// types: depth = integer 1..3, start = date, id = entity`), the
check of a given value against them, and the resolution of entity names to ids.

Kinds: `integer` (with an optional `min..max`), `date` (YYYY-MM-DD, a real day), `text`,
`entity` (an id, or any name or alias of an entity in any case: `DeepSeek`, `딥시크` -> `deepseek`)
and `country` (likewise among countries: `China`, `CN`, `중국` -> `cn`). An entity or country
parameter whose default is `''` takes `''` too, meaning "any".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from kg.errors import UsageError
from kg.ontology import Ontology
from kg.store.protocol import Store

KINDS = ("integer", "date", "text", "entity", "country")
_SPEC = re.compile(r"^(?P<kind>[a-z]+)(?:\s+(?P<low>-?\d+)\.\.(?P<high>-?\d+))?$")
# Names the ontology does not know (candidates found in text) are looked up in the store.
ENTITY_LOOKUP = (
    "MATCH (n) WHERE n.id = $value OR toLower(n.name) = $lowered "
    "OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) = $lowered) "
    "RETURN DISTINCT n.id AS id ORDER BY id LIMIT 5"
)


@dataclass(frozen=True)
class ParamType:
    kind: str
    low: int | None = None
    high: int | None = None

    def describe(self) -> str:
        if self.kind == "integer" and self.low is not None:
            return f"an integer from {self.low} to {self.high}"
        return {
            "integer": "an integer",
            "date": "a date YYYY-MM-DD",
            "text": "text",
            "entity": "an entity id, name or alias",
            "country": "a country code or name",
        }[self.kind]


def parse_types(path: str, text: str) -> dict[str, ParamType]:
    """The `// types:` header: `name = kind [min..max]`, comma-separated."""
    types: dict[str, ParamType] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, _, spec = (x.strip() for x in part.partition("="))
        match = _SPEC.match(spec)
        if not name or match is None or match["kind"] not in KINDS:
            raise UsageError(
                f"{path}: types: '{part}' is not `name = kind [min..max]` "
                f"with kind one of {', '.join(KINDS)}"
            )
        low, high = match["low"], match["high"]
        types[name] = ParamType(
            match["kind"], int(low) if low else None, int(high) if high else None
        )
    return types


def inferred(default: Any) -> ParamType:
    """The type of a parameter its pack does not declare: from its default."""
    return ParamType(
        "integer" if isinstance(default, int) and not isinstance(default, bool) else "text"
    )


def check(pack: str, name: str, value: Any, kind: ParamType, default: Any) -> Any:
    """The value as the query wants it, or a UsageError naming the pack, parameter and type."""

    def refuse(reason: str = "") -> UsageError:
        why = f" ({reason})" if reason else ""
        return UsageError(f"pack '{pack}': {name} wants {kind.describe()}, not {value!r}{why}")

    if kind.kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            raise refuse()
        if kind.low is not None and kind.high is not None and not kind.low <= value <= kind.high:
            raise refuse()
        return value
    if not isinstance(value, str):
        value = str(value)
    if kind.kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise refuse()
        try:
            dt.date.fromisoformat(value)
        except ValueError as exc:
            raise refuse(str(exc)) from None
    if kind.kind in ("entity", "country") and not value.strip() and default != "":
        raise refuse()
    return value


def resolve(value: str, kind: ParamType, ontology: Ontology, store: Store) -> str:
    """An entity or country parameter's id, from an id, name or alias in any case."""
    if not value.strip():
        return ""
    label = "Country" if kind.kind == "country" else None
    lowered = value.strip().casefold()
    found = sorted(
        {
            ind.id
            for ind in ontology.individuals.values()
            if (label is None or ind.label == label)
            and lowered
            in {ind.id.casefold(), *(n.casefold() for ns in ind.names.values() for n in ns)}
        }
    )
    if not found and label is None:
        found = [
            row["id"] for row in store.read(ENTITY_LOOKUP, {"value": value, "lowered": lowered})
        ]
    if len(found) == 1:
        return str(found[0])
    what = "country" if label else "entity"
    if found:
        raise UsageError(
            f"'{value}' names more than one {what}: {', '.join(found)}", hint="give the id"
        )
    raise UsageError(
        f"no {what} '{value}': not an id, name or alias in the ontology or the store",
        hint="ids are lowercase slugs such as deepseek; `kg query candidates` lists new names",
    )
