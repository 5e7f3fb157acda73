"""Bare version codes of a model family the document names: `DeepSeek … V4`, `Kimi … K3`.

Writers name a model by its version alone once its family is on the page ("DeepSeek places V4
three months behind …", "the V2.5 update"). A code on its own is ambiguous across families, so it
is read as a model only when exactly one model the ontology knows is `<family><sep><code>` and the
document names that family: a model of it, or a name written as the family itself (a firm whose
name is its models' family, as DeepSeek's; not Moonshot AI for Kimi).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from kg.extract.gazetteer import Mention
from kg.ontology import Ontology

# a version code: a letter or two, digits, perhaps a point release and a named tier
# (`V4`, `v2.5`, `K3`, `R1`, `V4-Pro`)
_CODE = re.compile(
    r"(?<![A-Za-z0-9.-])([A-Za-z]{1,2}\d{1,2}(?:\.\d)?(?:-[A-Z][a-z]+)?)(?![A-Za-z0-9-])"
)  # Latin letters and digits only around it: Korean particles may follow (`V4는`)
# a model's name split into its family and its code (`DeepSeek-V4-Pro`, `Kimi K3`)
_NAMED = re.compile(
    r"^(?P<family>[A-Za-z][\w.]*?)[- ](?P<code>[A-Za-z]{1,2}\d{1,2}(?:\.\d)?(?:-[A-Z][a-z]+)?)$"
)


def _norm(name: str) -> str:
    return re.sub(r"[\s\-_.·]+", "", name.casefold())


@lru_cache(maxsize=4)
def _index(ontology: Ontology) -> dict[str, set[tuple[str, str]]]:
    """code -> (family, model id) for every model the ontology names by family and code."""
    index: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for individual in ontology.individuals_of("AIModel"):
        for name in individual.names.get("en", ()):
            named = _NAMED.match(name)
            if named:
                index[_norm(named["code"])].add((_norm(named["family"]), individual.id))
    return dict(index)


def families(mentions: Iterable[Mention], ontology: Ontology) -> set[str]:
    """The families a document names: its names as written and, for a model, its own family."""
    found: set[str] = set()
    for m in mentions:
        found.add(_norm(m.surface))
        individual = ontology.individuals.get((m.label, m.id))
        if individual is not None and m.label == "AIModel":
            named = _NAMED.match(individual.name)
            if named:
                found.add(_norm(named["family"]))
        elif individual is not None:
            found.update(_norm(n) for names in individual.names.values() for n in names)
    return found


def version_mentions(
    text: str, taken: list[Mention], named_families: set[str], ontology: Ontology
) -> list[Mention]:
    """Models written by their code alone in `text`, outside names already found."""
    index = _index(ontology)
    out = []
    for m in _CODE.finditer(text):
        start, end = m.span(1)
        if any(t.start < end and start < t.end for t in taken):
            continue
        fitting = {
            model for family, model in index.get(_norm(m[1]), ()) if family in named_families
        }
        if len(fitting) == 1:
            out.append(Mention(start, end, m[1], "AIModel", fitting.pop()))
    return out
