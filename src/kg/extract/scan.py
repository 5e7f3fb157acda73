"""Find the matches of many small regexes in one pass, by the literal characters they start with.

Cue lexicons hold hundreds of short patterns (`\bbought\b`, `\bpurchas(?:e|ed)\b`, `구매`). Running
each over every sentence costs a scan per pattern; here each pattern is indexed by the first two
characters it must start with, the text is walked once (word starts for patterns that open with
`\b`, else positions of a possible first character), and a pattern is tried only where its two
characters stand. Patterns without such a literal start are run whole, as before."""

from __future__ import annotations

import importlib
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar

T = TypeVar("T")
_META = set(".^$*+?{}[]()|\\")
_WORD_PAIR = re.compile(r"\b\w\w")


def literal_start(pattern: str) -> tuple[bool, str]:
    """(opens with \\b, the literal characters every match starts with)."""
    i, word = 0, False
    while pattern.startswith("\\b", i):
        word, i = True, i + 2
    literal = ""
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern) and not pattern[i + 1].isalnum():
            ch, step = pattern[i + 1], 2  # an escaped punctuation mark is a literal
        elif ch in _META:
            break
        else:
            step = 1
        if i + step < len(pattern) and pattern[i + step] in "?*{":
            break  # an optional character ends the literal start
        literal += ch
        i += step
    if "|" in pattern and not _top_level_alternation_free(pattern):
        return word, ""
    return word, literal


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same regex behind a look-ahead for the characters a match can start with, so the engine
    skips other positions with one class test instead of trying every alternative there (`(?<!\\w)
    (?:seventeen|thirteen|...)`). Same matches, groups and flags; the regex as it was when its
    first characters cannot be told (a class such as `\\w`, a local flag, a possibly empty
    match)."""
    try:
        parsed = _PARSER.parse(pattern.pattern, pattern.flags)
    except re.error:
        return pattern
    firsts, empty = _firsts(list(parsed))
    if firsts is None or empty or not firsts:
        return pattern
    chars = "".join(re.escape(c) for c in sorted(firsts))
    try:
        return re.compile(f"(?=[{chars}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # e.g. a global inline flag that must open the regex
        return pattern


class Screened:
    """A regex behind two cheap screens: the substrings one of which every match contains (`half`,
    `third`, `doubl` for the fraction words), looked for with one case-sensitive alternation of
    plain words (re scans for those fast; over the lower-cased text where the regex ignores
    case), and the look-ahead of `guarded`. `search` and `finditer` find exactly what the
    regex finds; where no such substrings can be told, only the look-ahead screens."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = guarded(pattern)
        self.fold = bool(pattern.flags & re.IGNORECASE)
        keys = _required(pattern)
        if keys is not None and self.fold and not all(map(_folds_simply, keys)):
            keys = None  # case-folding beyond ASCII: no screen
        if keys is not None:  # "eight" is in every text "eighteen" is in: one look does
            keys = {k.lower() if self.fold else k for k in keys}
            keys = {k for k in keys if not any(o != k and o in k for o in keys)}
        self.keys = None if keys is None else sorted(keys)
        self._screen = None if self.keys is None else re.compile(_trie(self.keys))

    def _may_match(self, text: str, pos: int, endpos: int) -> bool:
        if self._screen is None:
            return True
        return self._screen.search(_folded(text) if self.fold else text, pos, endpos) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return (
            self.pattern.search(text, pos, endpos) if self._may_match(text, pos, endpos) else None
        )

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if self._may_match(text, pos, endpos):
            yield from self.pattern.finditer(text, pos, endpos)


def _trie(words: Iterable[str]) -> str:
    """The words as one trie-shaped alternation (`h(?:alf|undred)`): a search tries each next
    character once, not every word in turn (no word may contain another: a screen asks only
    whether one is there)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})

    def branch(node: dict[str, Any]) -> str:
        parts = [re.escape(ch) + branch(child) for ch, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")" if parts else ""

    return branch(root)


def _folds_simply(key: str) -> bool:
    """Every character ASCII or without case (Hangul, Han): IGNORECASE equates it with nothing
    that `_may_match`'s folding does not."""
    return all(c.isascii() or c.lower() == c.upper() == c for c in key)


# re's IGNORECASE matches these with ASCII letters (its _casefix and simple lower case); any other
# character that str.lower() makes an ASCII letter is one already
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_ODD_CASES = re.compile("[\u0130\u0131\u017f\u212a]")
_last_folded = ("", "")  # the sentence last folded: several screens ask about the same one


def _folded(text: str) -> str:
    """The text lower-cased, with what re's IGNORECASE takes for ASCII letters as ASCII."""
    global _last_folded
    last = _last_folded
    if last[0] is text:
        return last[1]
    folded = (text.translate(_TO_ASCII) if _ODD_CASES.search(text) else text).lower()
    _last_folded = (text, folded)
    return folded


def _required(pattern: re.Pattern[str]) -> set[str] | None:
    """Substrings one of which every match of `pattern` contains (3 characters or more; or fewer
    beyond ASCII or with a mark such as `~`), or None."""
    try:
        parsed = _PARSER.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    return _required_in(list(parsed))


def _required_in(items: list[Any]) -> set[str] | None:
    candidates: list[set[str]] = []
    run = ""
    for op, av in items + [("END", None)]:
        name = str(op)
        if name == "LITERAL":
            run += chr(av)
            continue
        if name in _ZERO_WIDTH:
            continue  # consumes nothing: the literals either side are adjacent in the text
        if len(run) >= 3 or any(not c.isascii() or not (c.isalnum() or c.isspace()) for c in run):
            candidates.append({run})
        run = ""
        inner: set[str] | None = None
        if name == "SUBPATTERN" and not (av[1] or av[2]):
            inner = _required_in(list(av[3]))
        elif name == "IN" and all(str(o) == "LITERAL" and v > 127 for o, v in av):
            inner = {chr(v) for _, v in av}  # `않|없` parsed as a class: either character
        elif name == "BRANCH":
            alternatives = [_required_in(list(branch)) for branch in av[1]]
            if all(a is not None for a in alternatives):
                inner = set().union(*(a for a in alternatives if a is not None))
        if inner:
            candidates.append(inner)
    return min(candidates, key=len) if candidates else None


_PARSER: Any = importlib.import_module("re._parser")
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def _firsts(items: list[Any]) -> tuple[set[str] | None, bool]:
    """(the characters a match of this sequence can start with, or None if any; can it be empty)."""
    found: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            return found | {chr(av)}, False
        if name == "IN":
            chars = _class_chars(av)
            return (None, False) if chars is None else (found | chars, False)
        if name == "SUBPATTERN":
            if av[1] or av[2]:  # a local flag (?i:...)
                return None, False
            inner, empty = _firsts(list(av[3]))
        elif name == "ATOMIC_GROUP":
            inner, empty = _firsts(list(av))
        elif name == "BRANCH":
            inner, empty = set(), False
            for branch in av[1]:
                chars, branch_empty = _firsts(list(branch))
                if chars is None:
                    return None, False
                inner |= chars
                empty = empty or branch_empty
        elif name in _REPEATS:
            inner, empty = _firsts(list(av[2]))
            empty = empty or av[0] == 0
        else:  # any character, a negated literal, a back-reference, ...
            return None, False
        if inner is None:
            return None, False
        found |= inner
        if not empty:
            return found, False
    return found, True


def _class_chars(av: list[Any]) -> set[str] | None:
    chars: set[str] = set()
    for op, value in av:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(value))
        elif name == "RANGE" and value[1] - value[0] <= 512:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        else:  # a negation, a category (\\w, \\s), a wide range
            return None
    return chars


def _top_level_alternation_free(pattern: str) -> bool:
    depth, escaped = 0, False
    for ch in pattern:
        if escaped:
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            return False
    return True


class Scanner(Generic[T]):
    def __init__(self, items: list[tuple[str, T]], ignore_case: bool = False) -> None:
        self.fold = ignore_case
        flags = re.IGNORECASE if ignore_case else 0
        self.at_words: dict[str, list[tuple[re.Pattern[str], T]]] = defaultdict(list)
        self.anywhere: dict[str, list[tuple[re.Pattern[str], T]]] = defaultdict(list)
        self.whole: list[tuple[Screened, T]] = []  # run whole, behind their screens
        for source, payload in items:
            compiled = re.compile(source, flags)
            word, literal = literal_start(source)
            key = literal[:2].lower() if ignore_case else literal[:2]
            if len(key) < 2 or key[0].isspace():
                self.whole.append((Screened(compiled), payload))
            elif word and key[0].isalnum():
                self.at_words[key].append((compiled, payload))
            else:
                self.anywhere[key].append((compiled, payload))
        firsts = sorted(
            {k[0] for k in self.anywhere}
            | ({k[0].upper() for k in self.anywhere} if ignore_case else set())
        )
        self._firsts = (
            re.compile("[" + "".join(re.escape(c) for c in firsts) + "]") if firsts else None
        )
        self._first_chars = frozenset(firsts)
        # where the two characters of an `anywhere` key stand (keys of one length: a trie)
        lower_firsts = "".join(map(re.escape, sorted({k[0] for k in self.anywhere})))
        self._keys_at = (
            re.compile(f"(?=[{lower_firsts}])(?={_trie(self.anywhere)})") if self.anywhere else None
        )
        # word starts and their first two characters; a dict says which patterns may start there
        self._word_starts = _WORD_PAIR if self.at_words else None

    def finditer(self, text: str) -> Iterator[tuple[int, int, T]]:
        folded = text.lower() if self.fold else text
        if self._word_starts is not None:
            at_words = self.at_words
            for m in self._word_starts.finditer(folded):
                candidates = at_words.get(m.group())
                if candidates:
                    yield from self._try(text, m.start(), candidates)
        if self._firsts is not None and self._keys_at is not None:
            if len(folded) == len(text):  # the places of the keys in one scan, not every first
                first = self._first_chars
                starts = (
                    m.start() for m in self._keys_at.finditer(folded) if text[m.start()] in first
                )
            else:
                starts = (m.start() for m in self._firsts.finditer(text))
            for at in starts:
                yield from self._try(text, at, self.anywhere.get(folded[at : at + 2], ()))
        for pattern, payload in self.whole:
            for m in pattern.finditer(text):
                yield m.start(), m.end(), payload

    @staticmethod
    def _try(
        text: str, at: int, candidates: Iterable[tuple[re.Pattern[str], T]]
    ) -> Iterator[tuple[int, int, T]]:
        for pattern, payload in candidates:
            m = pattern.match(text, at)
            if m and m.end() > at:
                yield at, m.end(), payload


class Alternatives(Generic[T]):
    """Several regexes as one: `match(text, pos)` gives the first (in list order) that matches at
    pos, with its payload, in one call instead of one call per pattern."""

    def __init__(
        self, items: Sequence[tuple[str, T]], flags: int = 0, prefix: str = "", suffix: str = ""
    ) -> None:
        self.payloads = [payload for _, payload in items]
        body = "|".join(f"(?P<a{i}>{source})" for i, (source, _) in enumerate(items))
        self.screened = Screened(
            re.compile(f"{prefix}(?:{body}){suffix}" if body else "(?!)", flags)
        )  # `search` looks for the words a match needs first; `match` tries the one place
        self.pattern = self.screened.pattern

    def match(self, text: str, pos: int = 0) -> tuple[re.Match[str], T] | None:
        m = self.pattern.match(text, pos)
        return (m, self.payloads[int(m.lastgroup[1:])]) if m and m.lastgroup else None

    def search(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> tuple[re.Match[str], T] | None:
        m = self.screened.search(text, pos, len(text) if endpos is None else endpos)
        return (m, self.payloads[int(m.lastgroup[1:])]) if m and m.lastgroup else None
