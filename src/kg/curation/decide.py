"""Turn a curation command into a decision, checked against the store and the ontology first:
an unknown claim or entity, or a name that would link to two entities, is refused and nothing
is written."""

from __future__ import annotations

from kg.curation.file import ClaimKey, Decision, stamped
from kg.curation.names import curated_ontology
from kg.errors import UsageError
from kg.extract.names import slug
from kg.ontology import Ontology
from kg.store.protocol import Store

CLAIM = (
    "MATCH (c:Claim {id: $id}) "
    "OPTIONAL MATCH (c)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document) "
    "RETURN c.quote AS quote, c.subject AS subject, c.metric AS metric, c.value AS value, "
    "d.sha256 AS document LIMIT 1"
)


def review(store: Store, action: str, claim: str, why: str | None) -> Decision:
    rows = store.read(CLAIM, {"id": claim})
    if not rows:
        raise UsageError(
            f"no claim '{claim}' in the store",
            hint="claim ids are in the `claim` column of `kg query claims-about --param id=…`",
        )
    row = rows[0]
    key = (
        ClaimKey(**row)
        if row["document"] and row["quote"] and row["subject"] and row["metric"]
        else None
    )
    return stamped(action=action, claim=claim, key=key, why=why)


def accept(
    store: Store, onto: Ontology, name: str, label: str, aliases: list[str], country: str | None
) -> Decision:
    if label not in onto.entity_labels or label == "Country":
        known = ", ".join(sorted(x for x in onto.entity_labels if x != "Country"))
        raise UsageError(f"--as {label}: not an entity label; use one of {known}")
    existing = _known(onto, name)
    if existing is not None:
        raise UsageError(
            f"'{name}' is already {existing[0]} '{existing[1]}'",
            hint="add a name with `kg entity alias`, or merge with `kg entity merge`",
        )
    found = _candidate(store, onto, name)
    ident = found[1] if found else slug(name)
    if not ident:
        raise UsageError(f"'{name}' gives no id: use letters or digits")
    display = found[2] if found and found[2] else name
    if country is not None:
        country = _country(onto, country)
    return stamped(
        action="accept",
        entity=ident,
        label=label,
        name=display,
        aliases=tuple(a for a in dict.fromkeys([name, *aliases]) if a != display),
        country=country,
    )


def merge(store: Store, onto: Ontology, gone: str, into: str) -> Decision:
    a, b = _entity(store, onto, gone), _entity(store, onto, into)
    if a[:2] == b[:2]:
        raise UsageError(f"'{gone}' and '{into}' are already one entity ({a[0]} '{a[1]}')")
    if a[0] != b[0]:
        raise UsageError(
            f"cannot merge {a[0]} '{a[1]}' into {b[0]} '{b[1]}': they are not the same kind"
        )
    return stamped(action="merge", entity=a[1], label=a[0], into=b[1], into_label=b[0], names=a[2])


def alias(store: Store, onto: Ontology, entity: str, name: str) -> Decision:
    label, ident, _ = _entity(store, onto, entity)
    if onto.individual(label, ident) is None:
        raise UsageError(
            f"{label} '{ident}' is a candidate: accept it first with `kg entity accept`"
        )
    return stamped(action="alias", entity=ident, label=label, alias=name)


def checked(base: Ontology, decisions: list[Decision], new: Decision) -> None:
    """The decisions with `new` must still give every name one entity (raises the clash)."""
    curated_ontology(base, [*decisions, new])


def _known(onto: Ontology, name: str) -> tuple[str, str] | None:
    for individual in onto.individuals.values():
        if name == individual.id or any(
            name == n for names in individual.names.values() for n in names
        ):
            return individual.label, individual.id
    return None


def _candidate(store: Store, onto: Ontology, name: str) -> tuple[str, str, str] | None:
    """A candidate entity in the store with this id or name: (label, id, name)."""
    for label in sorted(onto.entity_labels):
        rows = store.read(
            f"MATCH (e:`{label}`) WHERE e.id = $id OR e.name = $name RETURN e.id AS id, "
            "e.name AS name, e.status AS status ORDER BY id LIMIT 1",
            {"id": name, "name": name},
        )
        if rows:
            return label, rows[0]["id"], rows[0]["name"]
    return None


def _entity(store: Store, onto: Ontology, name: str) -> tuple[str, str, tuple[str, ...]]:
    """A known or candidate entity by id or name: (label, id, its names)."""
    known = _known(onto, name)
    if known is not None:
        individual = onto.individual(*known)
        assert individual is not None
        return known[0], known[1], ()
    found = _candidate(store, onto, name)
    if found is None:
        raise UsageError(
            f"no entity '{name}' in the ontology or the store",
            hint="`kg query candidates` lists the names extraction found",
        )
    return found[0], found[1], tuple(x for x in (found[2],) if x)


def _country(onto: Ontology, text: str) -> str:
    for individual in onto.individuals_of("Country"):
        names = {individual.id, *(n.casefold() for ns in individual.names.values() for n in ns)}
        if text.casefold() in names or text.lower() == individual.id:
            return individual.id
    raise UsageError(f"--country {text}: no such country", hint="give its code, e.g. cn, us, kr")
