"""Whom a sentence credits for what it states: `according to X`, `X said`, `X에 따르면`, or the
subject of a reporting verb after the quoted clause (`…했다고 X는 밝혔다`). Only firms, people
and agencies are sources; the words are the `attribution` section of the language's lexicon."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.frames import Entity
from kg.extract.gazetteer import Mention
from kg.extract.lexicon import Lexicon

SOURCE_LABELS = ("Firm", "Person", "Agency")


class SourceFinder:
    def __init__(self, lex: Lexicon) -> None:
        a = lex.data.attribution
        flags = re.IGNORECASE if lex.code == "en" else 0
        self.after = [re.compile(x, flags) for x in a.after_source]
        self.before = [re.compile(f"(?:{x})$", re.IGNORECASE) for x in a.before_source]
        self.topic = [re.compile(x) for x in a.sentence_topic]
        self.reporting = (
            {k: re.compile(v) for k, v in a.reporting_clause.items()}
            if a.reporting_clause
            else None
        )

    def find(self, text: str, mentions: list[Mention]) -> Entity | None:
        people = [m for m in mentions if m.label in SOURCE_LABELS]
        for m in people:
            if any(p.match(text, m.end) for p in self.after) or any(
                p.search(text, max(0, m.start - 48), m.start) for p in self.before
            ):
                return _entity(m)
        reporter = self._reporter(text, people)
        if reporter is not None:
            return reporter
        for m in people:
            opens = m.start <= 3 or not text[: m.start].strip(" [(\"“'")
            if opens and any(p.match(text, m.end) for p in self.topic):
                return _entity(m)
        return None

    def _reporter(self, text: str, people: list[Mention]) -> Entity | None:
        if self.reporting is None:
            return None
        verbs = list(self.reporting["verb"].finditer(text))
        if not verbs:
            return None
        verb = verbs[-1].start()
        quoted_end = max(
            (m.end() for m in self.reporting["complement"].finditer(text, 0, verb)), default=None
        )
        if quoted_end is None:
            return None
        found = [
            m
            for m in people
            if quoted_end <= m.start
            and m.end <= verb
            and self.reporting["subject"].match(text, m.end)
        ]
        return _entity(found[-1]) if found else None


def _entity(m: Mention) -> Entity:
    return Entity(m.label, m.id, m.surface, m.candidate)


@lru_cache(maxsize=8)
def finder(lex: Lexicon) -> SourceFinder:
    return SourceFinder(lex)
