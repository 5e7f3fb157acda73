"""A person named in full once is named by the surname alone afterwards (`카라 벨 … 벨 CEO는`,
`왕샤오린 … 왕 회장은`, `Dana Vell … Vell said`): those short names are mentions of the person.

Korean writes a short name before a title; English writes the surname alone or after an honorific.
Which word of a full name is its surname depends on the name's order: the last word of a spaced name
(`카라 벨`, `Dana Vell`), or also the first (`사토 겐지`), and the first syllable of an
unspaced Hangul name of three to five syllables (`왕샤오린`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from kg.extract.gazetteer import Mention
from kg.extract.lexicon import Lexicon


@dataclass
class People:
    """The people a document has named so far, by the words a later short name may use."""

    by_surname: dict[str, Mention] = field(default_factory=dict)

    def note(self, mentions: list[Mention]) -> None:
        for m in mentions:
            if m.label != "Person":
                continue
            words = m.surface.split()
            keys = set()
            if len(words) > 1:  # a Latin name keeps its surname last; a Hangul one either end
                keys = {words[-1]} if words[0].isascii() else {words[0], words[-1]}
            if len(words) == 1 and re.fullmatch(r"[\uac00-\ud7a3]{3,5}", words[0]):
                keys.add(words[0][0])  # "왕샤오린": a Chinese name, surname first
            for key in keys:
                if len(key) >= (1 if _HANGUL.fullmatch(key) else 3):
                    self.by_surname[key] = m


_HANGUL = re.compile(r"[\uac00-\ud7a3]+")


class BackReferences:
    """Finds the short names of people already named, in one language."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    @cached_property
    def _short_name(self) -> re.Pattern[str]:
        n = self.lex.data.names
        if self.lex.code == "ko":
            titles = "|".join(sorted(map(re.escape, n.person_titles), key=len, reverse=True))
            # one syllable only before a space (`황 CEO`, never `이사장`), two or three either way
            name = (
                r"(?<![\uac00-\ud7a3A-Za-z])"
                r"(?P<name>[\uac00-\ud7a3](?=\s)|[\uac00-\ud7a3]{2,3}(?=\s?[\uac00-\ud7a3A-Z]))"
            )
            return re.compile(rf"{name}\s?(?:{titles or '(?!)'})")
        short_titles = [t for t in n.person_titles if len(t) <= 4 and t[:1].isupper()]  # Mr, Dr
        honorifics = rf"(?:(?:{'|'.join(map(re.escape, short_titles)) or '(?!)'})\.?\s)?"
        return re.compile(rf"\b{honorifics}(?P<name>[A-Z][a-z]{{2,}})\b(?!\s[A-Z])")

    @cached_property
    def _title_modifiers(self) -> frozenset[str]:
        return frozenset(self.lex.data.names.title_modifiers)

    def find(self, text: str, mentions: list[Mention], people: People) -> list[Mention]:
        """Mentions of people `people` holds, where `text` names them by the surname alone."""
        if not people.by_surname:
            return []
        taken = [(m.start, m.end) for m in mentions if m.label]
        out = []
        for m in self._short_name.finditer(text):
            person = people.by_surname.get(m.group("name"))
            s, e = m.span("name")
            if (
                person is None
                or m.group("name") in self._title_modifiers  # "전 CEO": the former one
                or any(a < e and s < b for a, b in taken)
            ):
                continue
            out.append(
                Mention(s, e, m.group("name"), "Person", person.id, candidate=person.candidate)
            )
        return out
