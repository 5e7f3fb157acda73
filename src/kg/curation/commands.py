"""The curation commands' library side: check a decision, append it to the curation file, replay
the file on the store so the decision shows at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kg import ontology, stories
from kg.config import Settings
from kg.curation import decide
from kg.curation.file import Decision, append, curation_path, read
from kg.curation.marks import replay
from kg.curation.names import curated_ontology
from kg.store import open_store


@dataclass(frozen=True)
class Recorded:
    decision: Decision
    written: bool  # False: the same decision was the last one about this already
    path: str
    warnings: list[str]


def record(settings: Settings, make: Callable[[Any, ontology.Ontology], Decision]) -> Recorded:
    path = curation_path(settings)
    decisions = read(path)  # a broken file is refused before anything is asked of the store
    base = ontology.load()
    with open_store(settings) as store:
        decision = make(store, curated_ontology(base, decisions))
        decide.checked(base, decisions, decision)
        written = append(path, decision)
        warnings = replay(store, read(path), base)
        stories.recompute(store)  # a merge changes claims' keys, and with them the stories
    return Recorded(decision, written, str(path), warnings)


def review_claim(settings: Settings, action: str, claim: str, why: str | None) -> Recorded:
    return record(settings, lambda store, onto: decide.review(store, action, claim, why))


def accept_entity(
    settings: Settings, name: str, label: str, aliases: list[str], country: str | None
) -> Recorded:
    return record(
        settings, lambda store, onto: decide.accept(store, onto, name, label, aliases, country)
    )


def merge_entities(settings: Settings, gone: str, into: str) -> Recorded:
    return record(settings, lambda store, onto: decide.merge(store, onto, gone, into))


def alias_entity(settings: Settings, entity: str, name: str) -> Recorded:
    return record(settings, lambda store, onto: decide.alias(store, onto, entity, name))
