"""Names the ontology does not know, taken where a pattern needs a subject, as candidates.

A candidate keeps a fact whose firm or model is new to us ("Kestrel Silicon bought 4,000 H20
GPUs"); `kg query candidates` lists them for curation, and adding the name to the ontology
merges them on the next load (the extractor fingerprint changes, the document is re-extracted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.gazetteer import Mention
from kg.extract.korean import opening_proper_noun, proper_nouns_before
from kg.extract.lexicon import lexicon
from kg.extract.patterns import Language

# English: capitalised words, with the lowercase or digit-bearing tokens model names carry
# ("Zhipu AI", "Kimi k1.5", "GLM-4", "Qwen 2.5").
_CAPITALISED = re.compile(
    r"\b([A-Z][A-Za-z0-9&.-]*[A-Za-z0-9]"
    r"(?:\s+(?:[A-Z][A-Za-z0-9&.-]*[A-Za-z0-9]|[a-z]*\d[A-Za-z0-9.-]*[A-Za-z0-9]|\d+(?:\.\d+)?|AI|of|&))*)"
)
# Korean text: a Latin-script name carrying a subject particle ("Megaspeed는").
CANDIDATE_LABELS = ("Firm", "AIModel")


@dataclass(frozen=True)
class Entity:
    label: str
    id: str
    name: str
    candidate: bool = False


def candidate(
    lang: Language, labels: tuple[str, ...], text: str, mentions: list[Mention], anchor: int
) -> Entity | None:
    """A new name before `anchor` that can fill a role of one of `labels`, or None."""
    label = next((x for x in labels if x in CANDIDATE_LABELS), None)
    if label is None:
        return None
    if lang.code == "ko" and label == "Firm" and not any(m.start < 3 for m in mentions):
        found = opening_proper_noun(
            text, lang.not_names, lang.org_suffixes, lexicon(lang.code).particles("subject")
        )
        if found and not re.fullmatch(r"[A-Za-z].*", found[2]):
            return Entity(label, slug(found[2]), found[2], candidate=True)
    known = [(m.start, m.end) for m in mentions]
    pattern = (
        _CAPITALISED
        if lang.code == "en"
        else re.compile(
            rf"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9&.-]+(?:\s[A-Z0-9][A-Za-z0-9&.-]*)*)(?={lexicon(lang.code).particles('subject')}\s)"
        )
    )
    for match in reversed(list(pattern.finditer(text[:anchor]))):
        words = match.group(1).strip(" .").split()
        while words and words[0] in lang.not_names:
            words.pop(0)
        if not words or any(a < match.end() and match.start() < b for a, b in known):
            continue
        name = " ".join(words)
        return Entity(label, slug(name), name, candidate=True) if slug(name) else None
    return None


def marked_candidates(
    lang: Language, label: str, text: str, mentions: list[Mention], marker: re.Pattern[str]
) -> list[tuple[int, Entity]]:
    """(position, entity) of new names the text marks as a rule's object (Korean: the word
    before `에서` / `로부터`, if Kiwi reads it as a proper noun)."""
    if lang.code != "ko" or label not in CANDIDATE_LABELS:
        return []
    known = [(m.start, m.end) for m in mentions]
    found = proper_nouns_before(text, marker.pattern.lstrip("^"), lang.not_names, lang.org_suffixes)
    return [
        (start, Entity(label, slug(word), word, candidate=True))
        for start, end, word in found
        if slug(word) and not any(a < end and start < b for a, b in known)
    ]


def slug(name: str) -> str:
    """A lowercase id; Korean names keep their Hangul (ids are unique per label, any script)."""
    return re.sub(r"[^a-z0-9\uac00-\ud7a3]+", "-", name.lower()).strip("-")
