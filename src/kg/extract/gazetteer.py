"""Find known names in text: every label and alias of the ontology's individuals, in any language.

Korean particles may follow a name (`DeepSeek은`, `엔비디아는`, `H800과`), but a name never matches
inside a longer Latin or digit token (`H100` is not in `H1000`). Near-miss spellings of long
Latin names (`Deekseek`) resolve to the name, with the surface form kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from kg.extract.lexicon import languages
from kg.ontology import Ontology

FUZZY_MIN_LENGTH = 7
_GLOSS = re.compile(r"[\uac00-\ud7a3](\([A-Za-z][\w .&-]{1,30}\))")
_CAPITALISED_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z-]{5,}[A-Za-z](?![A-Za-z0-9])")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    surface: str
    label: str
    id: str
    fuzzy: bool = False
    candidate: bool = False  # a name the ontology does not know (kg.extract.names)


def _spacing_variants(name: str) -> list[str]:
    """Korean writers space names freely: `오픈AI` is also `오픈 AI`, `미국 상무부` also
    `미국상무부`, `어센드 920` also `어센드920`. A Latin name of capitalised words is also
    written closed up: `Moore Threads` as `MooreThreads`, `High Flyer` as `HighFlyer`, and a
    family's model number too: `Ascend 910B` as `Ascend910B`."""
    if not _has_hangul(name):
        words = name.split()
        if 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words):
            return ["".join(words)]
        if re.fullmatch(r"[A-Z][a-z]{2,} \d{2,4}[A-Z]{0,2}", name):
            return ["".join(words)]
        return []
    spaced = re.sub(
        r"(?<=[\uac00-\ud7a3])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\uac00-\ud7a3])", " ", name
    )
    joined = re.sub(r"(?<=[\uac00-\ud7a3]) (?=[\uac00-\ud7a3])", "", name)
    closed = re.sub(
        r"(?<=[\uac00-\ud7a3]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=[\uac00-\ud7a3])", "", name
    )
    return [v for v in dict.fromkeys((spaced, joined, closed)) if v != name]


class Gazetteer:
    def __init__(self, ontology: Ontology) -> None:
        self.names: dict[str, tuple[str, str]] = {}
        for individual in ontology.individuals.values():
            for names in individual.names.values():
                for name in names:
                    self.names.setdefault(name, (individual.label, individual.id))
        for name, target in list(self.names.items()):
            for variant in _spacing_variants(name):
                self.names.setdefault(variant, target)
        self._pattern = _compile(self.names)
        # what may follow a Hangul name inside a word: every language's attached particles (ko.yaml)
        self.particles = tuple(
            sorted(
                {p for lex in languages().values() for p in lex.data.attached_particles},
                key=len,
                reverse=True,
            )
        )
        # one match instead of a startswith per particle: a particle not followed by Hangul
        self._particle_after = re.compile(
            "(?:" + "|".join(map(re.escape, self.particles)) + r")(?![\uac00-\ud7a3])"
        )
        self._miss_cache: dict[str, str | None] = {}
        self._folded = {n.casefold(): n for n in self.names if len(n) >= 6 and not _has_hangul(n)}
        self._words_folded = {n.casefold(): n for n in self.names if " " in n and n.isascii()}
        # the names a misspelling may stand for, by their first letter (a misspelt name keeps it)
        self._fuzzy: dict[str, list[tuple[str, str]]] = {}
        for n in self.names:
            if len(n) >= FUZZY_MIN_LENGTH and n.isascii() and _PLAIN_NAME.fullmatch(n):
                self._fuzzy.setdefault(n[0].casefold(), []).append((n.casefold(), n))

    def find(self, text: str) -> list[Mention]:
        found = self._find_glossed(text) if _GLOSS.search(text) else self._find(text)
        if self._bare_government is None or "정부" not in text:
            return found
        return [  # "중국 정부", "지방 정부": not the text's own government that bare 정부 names
            m
            for m in found
            if not (m.surface == "정부" and self._bare_government.search(text, 0, m.start))
        ]

    @cached_property
    def _bare_government(self) -> re.Pattern[str] | None:
        words = [
            w
            for lex in languages().values()
            for w in (*lex.data.names.country_prefixes, *lex.data.names.government_modifiers)
        ]
        return _alternation_before(words)

    def _find_glossed(self, text: str) -> list[Mention]:
        """Korean glosses a name in Latin letters in brackets (`어센드(Ascend) 910C`,
        `호퍼(Hopper)`): names are looked up in the text without the glosses too, and mapped back to
        it."""
        kept: list[int] = []  # offset in text of each character of the stripped text
        last = 0
        parts = []
        for gloss in _GLOSS.finditer(text):
            parts.append(text[last : gloss.start(1)])
            kept.extend(range(last, gloss.start(1)))
            last = gloss.end(1)
        parts.append(text[last:])
        kept.extend(range(last, len(text)))
        kept.append(len(text))
        stripped = "".join(parts)
        found = {(m.start, m.end): m for m in self._find(text)}
        for m in self._find(stripped):
            start, end = kept[m.start], kept[m.end - 1] + 1
            inside = [span for span in found if start <= span[0] and span[1] <= end]
            if any(s < end and start < e for s, e in found if (s, e) not in inside):
                continue  # it would cut through a name found in the text as written
            for span in inside:  # the longer name across a gloss wins ("어센드(Ascend) 910C")
                del found[span]
            found[(start, end)] = Mention(start, end, text[start:end], m.label, m.id, m.fuzzy)
        return sorted(found.values(), key=lambda m: m.start)

    def _find(self, text: str) -> list[Mention]:
        corrected, fuzzy_spans = self._corrected(text)
        found = [self._exact(text, m, fuzzy_spans) for m in self._pattern.finditer(corrected)]
        mentions = [
            m
            for m in found
            if m is not None
            and _boundaries_ok(corrected, m.start, m.end, self._particle_after)
            and not (m.label == "Firm" and _PRODUCT_CODE_AFTER.match(corrected, m.end))
            and not (m.label == "Country" and _CURRENCY_SIGN_AFTER.match(corrected, m.end))
        ]
        taken = [(m.start, m.end) for m in mentions]
        mentions += self._upper_case(text, taken)
        for token in _CAPITALISED_TOKEN.finditer(text):
            if self._near_miss_name(token.group(0)) is None or any(
                s < token.end() and token.start() < e for s, e in taken
            ):
                continue
            mention = self._near_miss(token)
            if mention:
                mentions.append(mention)
        return sorted(mentions, key=lambda m: m.start)

    def _upper_case(self, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """ "HUA HONG SEMI (01347.HK)": a name of two words or more written in capitals (a
        ticker line, a headline), its longest known lead."""
        found = []
        for run in _UPPER_RUN.finditer(text):
            if any(s < run.end() and run.start() < e for s, e in taken):
                continue
            words = list(re.finditer(r"\S+", run.group(0)))
            for j in range(len(words), 1, -1):
                end = run.start() + words[j - 1].end()
                name = self._words_folded.get(text[run.start() : end].casefold())
                if name is not None:
                    label, ident = self.names[name]
                    found.append(Mention(run.start(), end, text[run.start() : end], label, ident))
                    break
        return found

    def _corrected(self, text: str) -> tuple[str, list[tuple[int, int]]]:
        """The text with same-length near misses spelled right, so `Deekseek V3` finds the model."""
        spans: list[tuple[int, int]] = []
        chars: list[str] = []
        for token in _CAPITALISED_TOKEN.finditer(text):  # a misspelt name keeps its capital
            if token.group(0) in self.names:
                continue
            known = self._pattern.match(text, token.start())
            if known is not None and known.end() > token.end():
                continue  # "Hanguang 800": a longer known name opens with it, no misspelling
            name = self._near_miss_name(token.group(0))
            if name and len(name) == len(token.group(0)):
                chars = chars or list(text)
                chars[token.start() : token.end()] = list(name)
                spans.append((token.start(), token.end()))
        return ("".join(chars), spans) if spans else (text, spans)

    def _exact(
        self, text: str, match: re.Match[str], fuzzy_spans: list[tuple[int, int]]
    ) -> Mention | None:
        start, end = match.start("name"), match.end()
        name = match.group("name")
        label, ident = self.names[name]
        fuzzy = bool(fuzzy_spans) and any(s < end and start < e for s, e in fuzzy_spans)
        return Mention(start, end, text[start:end], label, ident, fuzzy)

    def _near_miss_name(self, token: str) -> str | None:
        if token not in self._miss_cache:
            self._miss_cache[token] = self._lookup_near_miss(token)
        return self._miss_cache[token]

    def _lookup_near_miss(self, token: str) -> str | None:
        if token.islower():
            return None  # "routers", "minimal", "congress": a common word, not a misspelt name
        word = token.casefold()
        if word in self._folded:
            return self._folded[word]
        for folded, name in self._fuzzy.get(word[0], ()):
            if abs(len(folded) - len(word)) <= 1 and within_one_edit(folded, word):
                return name
        return None

    def _near_miss(self, token: re.Match[str]) -> Mention | None:
        name = self._near_miss_name(token.group(0))
        if name is None:
            return None
        label, ident = self.names[name]
        return Mention(token.start(), token.end(), token.group(0), label, ident, fuzzy=True)


_Trie = dict[str, "_Trie"]  # a character to the names that continue with it; "" ends a name


_PLAIN_NAME = re.compile(r"[A-Za-z][A-Za-z-]+")  # a name a misspelling may stand for
_UPPER_RUN = re.compile(r"\b[A-Z][A-Z&.-]+(?:\s+[A-Z][A-Z&.-]+)+\b")


def _compile(names: dict[str, tuple[str, str]]) -> re.Pattern[str]:
    """One trie-shaped regex over all names: fast, and longest name first at each position."""
    trie: _Trie = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}
    # The Latin boundary sits inside the regex, so a failed boundary backtracks to a shorter name
    # instead of losing the mention; an English plural "s" may follow a name ending in a digit
    # or a capital ("H800s", "Hopper GPUs"), never one ending in a lowercase letter.
    # A leading class of first characters lets the engine skip most positions cheaply (3-4x).
    firsts = "".join(sorted({name[0] for name in names}))
    return re.compile(
        rf"(?=[{re.escape(firsts)}])(?<![A-Za-z0-9])(?P<name>"
        + _trie_regex(trie)
        + r")(?P<plural>(?<=[0-9A-Z])s)?(?![A-Za-z0-9]|\.\d)"
    )  # "V3" is no name inside "V3.2"


def _trie_regex(node: _Trie) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_CURRENCY_SIGN_AFTER = re.compile(r"\s?\$")  # "US $1.5 billion": a currency, not the country
_PRODUCT_CODE_AFTER = re.compile(
    r"-(?:[A-Za-z]+-)*[A-Za-z]*\d"
)  # "MiniMax-Text-01": a product, not the firm


def _boundaries_ok(text: str, start: int, end: int, particle_after: re.Pattern[str]) -> bool:
    if (
        start > 0
        and "\uac00" <= text[start] <= "\ud7a3"
        and "\uac00" <= text[start - 1] <= "\ud7a3"
    ):
        return False
    if end < len(text) and (text[end].isascii() and text[end].isalnum() or text[end] == "$"):
        return False  # inside a longer token, or a currency's prefix (`US$`, `HK$`)
    if (
        "\uac00" <= text[end - 1] <= "\ud7a3"
        and end < len(text)
        and "\uac00" <= text[end] <= "\ud7a3"
    ):
        return particle_after.match(text, end) is not None
    return True


def _has_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def within_one_edit(a: str, b: str) -> bool:
    """Is the Damerau-Levenshtein (optimal string alignment) distance of `a` and `b` at most one:
    the same, or one letter changed, added, dropped or two neighbours swapped? Linear: no table."""
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (
        i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    )


@lru_cache(maxsize=4)
def for_ontology(ontology: Ontology) -> Gazetteer:
    return Gazetteer(ontology)


def _alternation_before(words: list[str]) -> re.Pattern[str] | None:
    """Any of `words` ending right before a position (spaces aside)."""
    if not words:
        return None
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"(?:{alternatives})\s?$")
