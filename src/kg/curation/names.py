"""What curation adds to the ontology: accepted entities, their aliases and merged names.

The gazetteer is built from the ontology's individuals, so an entity accepted here (with its
Korean and English aliases) is linked in every document read from now on, as if it were written
in `ontology/individuals.ttl`; a merged entity's names point to the entity it was merged into.
The extraction fingerprint includes these decisions: changing them re-reads documents on reload.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from functools import lru_cache

from kg.curation.file import Decision
from kg.errors import InputError
from kg.ontology import Individual, Ontology

ENTITY_ACTIONS = ("accept", "merge", "alias")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def entity_decisions(decisions: list[Decision]) -> tuple[Decision, ...]:
    return tuple(d for d in decisions if d.action in ENTITY_ACTIONS)


def extraction_fingerprint(base: str, decisions: list[Decision]) -> str:
    """The extractor's fingerprint, changed by every decision that changes what names link to."""
    named = entity_decisions(decisions)
    if not named:
        return base
    digest = hashlib.sha256(base.encode())
    for d in named:
        digest.update(d.model_dump_json(exclude={"who", "when", "why"}).encode())
    return digest.hexdigest()[:16]


def curated_ontology(base: Ontology, decisions: list[Decision]) -> Ontology:
    """`base` with the accepted entities, aliases and merges (the same object when none)."""
    named = entity_decisions(decisions)
    return _curated(base, named) if named else base


@lru_cache(maxsize=8)
def _curated(base: Ontology, named: tuple[Decision, ...]) -> Ontology:
    individuals = dict(base.individuals)
    for d in named:
        if d.action == "accept":
            _add_names(individuals, (str(d.label), str(d.entity)), (str(d.name), *d.aliases), base)
        elif d.action == "alias":
            if (str(d.label), str(d.entity)) in individuals:
                _add_names(individuals, (str(d.label), str(d.entity)), (str(d.alias),), base)
        elif d.action == "merge":
            _merge(individuals, d, base)
    _check_unique(individuals, named)
    return dataclasses.replace(base, individuals=individuals)


def _add_names(
    individuals: dict[tuple[str, str], Individual],
    key: tuple[str, str],
    names: tuple[str, ...],
    base: Ontology,
) -> None:
    base.label(key[0])  # an unknown label is an OntologyError naming the known ones
    current = individuals.get(key) or Individual(key[1], key[0], {})
    by_lang = {lang: list(values) for lang, values in current.names.items()}
    for name in names:
        lang = "ko" if _HANGUL.search(name) else "en"
        if not any(name in values for values in by_lang.values()):
            by_lang.setdefault(lang, []).append(name)
    individuals[key] = Individual(
        key[1], key[0], {k: tuple(v) for k, v in by_lang.items()}, current.kind
    )


def _merge(individuals: dict[tuple[str, str], Individual], d: Decision, base: Ontology) -> None:
    """The merged entity's names go to the one it was merged into; a built-in individual keeps its
    id (reference data may name it) but no name, so no document links to it any more."""
    gone = (str(d.label), str(d.entity))
    into = (str(d.into_label), str(d.into))
    if into not in individuals:
        return  # reported by the replay: merged into an entity that does not exist
    old = individuals.get(gone)
    names = tuple(n for values in old.names.values() for n in values) if old else ()
    _add_names(individuals, into, names + d.names, base)
    if gone in base.individuals:
        individuals[gone] = Individual(gone[1], gone[0], {}, old.kind if old else None)
    else:
        individuals.pop(gone, None)


def _check_unique(
    individuals: dict[tuple[str, str], Individual], named: tuple[Decision, ...]
) -> None:
    owner: dict[str, tuple[str, str]] = {}
    for key, individual in sorted(individuals.items()):
        for values in individual.names.values():
            for name in values:
                other = owner.setdefault(name, key)
                if other != key:
                    culprit = next(
                        (
                            d
                            for d in reversed(named)
                            if name in (d.name, d.alias, *d.aliases, *d.names)
                        ),
                        None,
                    )
                    why = f" (decision on {culprit.target})" if culprit else ""
                    raise InputError(
                        f"curation: the name '{name}' would name both {other[0]} '{other[1]}' and "
                        f"{key[0]} '{key[1]}'{why}",
                        hint="a name links to one entity: merge them, or remove that decision",
                    )
