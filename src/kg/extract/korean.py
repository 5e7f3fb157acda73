"""Korean proper nouns the gazetteer does not know, told apart from common words by Kiwi.

Kiwi (kiwipiepy; its model ships in the wheel, no download) costs a few seconds to load, so it is
loaded only the first time a sentence needs it: an unknown word where a rule needs a firm and
the text names none (opening the sentence with a subject particle, or marked as the object, e.g.
`칭화대학교에서 분사했다`), or where a negation follows a figure and its scope is in question.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

_WORD = r"[\uac00-\ud7a3A-Za-z0-9·&-]{2,20}?"
_NAME_TAGS = ("NNP", "SL", "SN")


@lru_cache(maxsize=1)
def _kiwi() -> Any | None:
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        return None
    return Kiwi()


@lru_cache(maxsize=256)
def _tokens(sentence: str) -> tuple[Any, ...]:
    kiwi = _kiwi()
    return (
        tuple(kiwi.tokenize(sentence)) if kiwi is not None else ()
    )  # the whole sentence is context


def opening_proper_noun(
    sentence: str,
    not_names: frozenset[str],
    suffixes: frozenset[str] = frozenset(),
    markers: str = "(?!)",
) -> tuple[int, int, str] | None:
    """(start, end, name) of a proper noun that opens the sentence as its subject (`markers`: the
    language's subject particles, as a regex alternation), if any."""
    match = re.match(rf"\s*[\"“'\[(]?({_WORD}){markers}\s", sentence)
    if not match or match.group(1) in not_names:
        return None
    return _proper_noun(sentence, match.start(1), match.end(1), suffixes)


def proper_nouns_before(
    sentence: str, marker: str, not_names: frozenset[str], suffixes: frozenset[str] = frozenset()
) -> list[tuple[int, int, str]]:
    """Proper nouns directly followed by `marker` (a regex, e.g. `에서|로부터`)."""
    found = []
    for match in re.finditer(rf"(?<![\uac00-\ud7a3A-Za-z0-9])({_WORD})(?={marker})", sentence):
        span = (
            None
            if match.group(1) in not_names
            else _proper_noun(sentence, match.start(1), match.end(1), suffixes)
        )
        if span:
            found.append(span)
    return found


def marked_proper_nouns(
    sentence: str,
    end: int,
    markers: str,
    not_names: frozenset[str],
    suffixes: frozenset[str] = frozenset(),
    wanted: Callable[[int, int, str], bool] = lambda start, end, word: True,
) -> list[tuple[int, int, str]]:
    """Proper nouns before `end` that a subject, topic or possessive particle marks (`캄브리콘은`,
    `무어스레드의`), nearest last; Kiwi is asked only when such a word exists (and is `wanted`)."""
    found = []
    for match in re.finditer(
        rf"(?<![\uac00-\ud7a3A-Za-z0-9])({_WORD})(?=(?:{markers})[\s,])", sentence[:end]
    ):
        if match.group(1) in not_names or not wanted(*match.span(1), match.group(1)):
            continue
        span = _proper_noun(sentence, match.start(1), match.end(1), suffixes)
        if span:
            found.append(span)
    return found


def _proper_noun(
    sentence: str, start: int, end: int, suffixes: frozenset[str]
) -> tuple[int, int, str] | None:
    """A name: a proper noun (or a word Kiwi lacks) first, then proper nouns, Latin letters,
    digits or an organisation word (`칭화` + `대학교`); Kiwi must split the word exactly there."""
    head = [t for t in _tokens(sentence) if start <= t.start < end]
    word = sentence[start:end]
    if (
        not head
        or head[0].tag not in ("NNP", "SL")
        and not unknown_noun(head[0])  # a word Kiwi lacks, read as a common noun (`벨모라는`)
        or "".join(t.form for t in head) != word
    ):
        return None
    if any(
        t.tag not in _NAME_TAGS and not (t.tag == "NNG" and t.form in suffixes or unknown_noun(t))
        for t in head
    ):
        return None
    return start, end, word


def linking_ending(sentence: str, start: int, end: int) -> int | None:
    """Where the first predicate after `start` ends with a linking ending (`제한해`, `낮춰`,
    `사들이고`): a connective ending (EC) after a verb that no auxiliary verb continues (`넘지 않`,
    `사들이고 있`), so what follows is the next predicate."""
    tokens = [t for t in _tokens(sentence) if start <= t.start]
    for before, token, after in zip(tokens, tokens[1:], tokens[2:] + [None], strict=False):
        if token.start >= end:
            break
        if (
            token.tag == "EC"
            and before.tag in ("VV", "VA", "XSV", "XSA", "VX", "EP")
            and (after is None or after.tag != "VX")
        ):
            at: int = token.start
            return at
    return None


def adnominal_before(sentence: str, at: int) -> bool:
    """Whether the word right before `at` (a space between) ends a relative clause: a verb or an
    adjective with an adnominal ending (ETM: `기록하는`, `차지한`, `넘을`), whatever the verb."""
    before = sentence[max(0, at - 2) : at].rstrip()
    if not before or not _may_end_adnominal(before[-1]):
        return False  # no syllable an adnominal ending leaves (Kiwi not asked)
    tokens = [t for t in _tokens(sentence) if t.start + t.len <= at]
    if not tokens or not sentence[tokens[-1].start + tokens[-1].len : at].isspace():
        return False
    return bool(tokens[-1].tag == "ETM")


def adnominal_clause_between(sentence: str, start: int, end: int) -> bool:
    """Whether a relative clause closes between `start` and `end`: a predicate with an
    adnominal ending (ETM) and the noun it modifies (`출시 예정인 MI450`, `공급하는 칩`): a
    subject marked before it is that clause's, not the sentence's."""
    if not any(_may_end_adnominal(ch) for ch in sentence[start:end]):
        return False  # no syllable an adnominal ending leaves (Kiwi not asked)
    tokens = [t for t in _tokens(sentence) if start <= t.start < end]
    return any(
        a.tag == "ETM" and b.tag.startswith(("NN", "SL"))
        for a, b in zip(tokens, tokens[1:], strict=False)
    )


def _may_end_adnominal(syllable: str) -> bool:
    """A Hangul syllable with the final ㄴ or ㄹ, or 던: what an adnominal ending leaves."""
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and (code % 28 in (4, 8) or syllable == "던")


def time_clause_between(sentence: str, start: int, end: int, time_nouns: Sequence[str]) -> bool:
    """Whether a time clause closes between `start` and `end`: a verb's adnominal ending, then a
    noun of time (`발표한 지 며칠 만에`, `인수한 뒤`; the lexicon's `time_nouns`): its subject is
    not the main clause's."""
    words = set(time_nouns)
    if not any(f" {w}" in sentence[start:end] for w in words):
        return False  # no noun of time at all (Kiwi not asked)
    tokens = [t for t in _tokens(sentence) if start <= t.start < end]
    return any(a.tag == "ETM" and b.form in words for a, b in zip(tokens, tokens[1:], strict=False))


def is_proper_name(sentence: str, start: int, end: int, unknown_ok: bool = False) -> bool:
    """`존 리`, `왕웨이`, `휴메인`: nouns only, the first a proper noun, split by Kiwi exactly at
    the span's ends (a title before a common noun, `사장 자리`, is no name)."""
    tokens = [t for t in _tokens(sentence) if start <= t.start < end]
    if not tokens or tokens[0].start != start or tokens[-1].start + tokens[-1].len != end:
        return False
    first = tokens[0].tag == "NNP" or unknown_ok and unknown_noun(tokens[0])
    if not first and len(tokens) > 1 and len(tokens[0].form) == 1:  # `왕 후이웬`: a surname of
        second = tokens[1]  # one syllable, read as a common noun, before a given name
        first = second.tag == "NNP" or unknown_ok and unknown_noun(second)
    # Kiwi may cut a foreign name it lacks into a proper noun and a numeral (`메이` `투`)
    return first and all(
        t.tag in ("NNP", "NNG") or i and t.tag == "NR" for i, t in enumerate(tokens)
    )


def unknown_noun(token: Any) -> bool:
    """A noun Kiwi's dictionary lacks (`화얼타이`, `웬델`): Kiwi gives such words its placeholder
    morpheme (id 2 for NNG, 3 for NNP); in news they are mostly foreign names written in Hangul."""
    return token.tag in ("NNG", "NNP") and token.id <= _UNKNOWN_MORPHEME_ID and len(token.form) >= 2


_UNKNOWN_MORPHEME_ID = 3  # kiwipiepy 0.24: the ids of the NNG and NNP placeholders


def common_noun_ends(sentence: str, start: int, end: int) -> bool:
    """The span's last word is a common noun of two syllables or more (`합스부르크 질병`): a term,
    not a person's name (a one-syllable surname such as `우` may be read as one)."""
    tokens = [t for t in _tokens(sentence) if start <= t.start < end]
    return bool(tokens) and tokens[-1].tag == "NNG" and len(tokens[-1].form) >= 2


def marked_nouns(sentence: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Nouns in [start, end) that carry a subject particle (JKS) or the topic particle 은/는, as
    (start, end, tag, form): where a clause names its subject (`웡은`, `쉬의 회사는`, `이들이`). A
    noun after a proper noun is read as part of the name (`웬델 웡은`: NNP)."""
    if len("".join(sentence[start:end].split())) < 2:
        return []  # a noun and its particle take two characters (Kiwi is not asked)
    tokens = [t for t in _tokens(sentence) if start <= t.start < end]
    found = []
    for i, noun in enumerate(tokens):
        if noun.tag not in ("NNG", "NNP", "NP"):
            continue
        j, form, at = i + 1, noun.form, noun.start + noun.len
        if j < len(tokens) and tokens[j].tag == "XSN" and tokens[j].start == at:  # `이들`
            form, at, j = form + tokens[j].form, at + tokens[j].len, j + 1
        particle = tokens[j] if j < len(tokens) else None
        if (
            particle is None
            or particle.start != at
            or not (particle.tag == "JKS" or particle.tag == "JX" and particle.form in ("은", "는"))
        ):
            continue
        name = tokens[i - 1] if i > 0 and tokens[i - 1].tag == "NNP" else None
        if name is not None and noun.start - (name.start + name.len) <= 1:
            found.append((name.start, at, "NNP", sentence[name.start : at]))
        else:
            named = unknown_noun(noun) and (
                particle.tag == "JKS" or not sentence[: noun.start].strip(" \"“‘'[(")
            )  # "잉취커지가 0.34%", a sentence's "모라비스는 …": a name Kiwi lacks
            found.append((noun.start, at, "NNP" if named else noun.tag, form))
    return found


def _tokens_from(sentence: str, at: int) -> tuple[list[Any], int | None]:
    """The sentence's Kiwi tokens and the index of the one that starts at `at`, if any."""
    tokens = list(_tokens(sentence))
    return tokens, next((i for i, t in enumerate(tokens) if t.start == at), None)


def noun_at(sentence: str, at: int) -> tuple[str, str] | None:
    """The common or proper noun Kiwi reads starting at `at` (`포럼` in `KT 포럼에서`), with its
    suffixes, and the tag of the token after it (`JKB`: an oblique particle), if any."""
    tokens, i = _tokens_from(sentence, at)
    if i is None or tokens[i].tag not in ("NNG", "NNP"):
        return None
    form, j = tokens[i].form, i + 1
    while j < len(tokens) and tokens[j].tag == "XSN":  # `점유` + `율`
        form, j = form + tokens[j].form, j + 1
    return form, tokens[j].tag if j < len(tokens) else ""


def in_possessed_object(sentence: str, at: int, end: int) -> bool:
    """Do the nouns from `at` possess an object or an oblique of a relative clause that closes
    before `end` (`심사단의 인가를 조건으로 하는 N대`)? A name before them sits in that clause."""
    tokens, i = _tokens_from(sentence, at)
    if i is None:
        return False

    def nouns(j: int) -> int:
        while j < len(tokens) and tokens[j].tag in ("NNG", "NNP", "XSN", "SL"):
            j += 1
        return j

    j = nouns(i)
    if j == i or j >= len(tokens) or tokens[j].tag != "JKG":
        return False
    k = nouns(j + 1)
    if not (j + 1 < k < len(tokens) and tokens[k].tag in ("JKO", "JKB")):
        return False
    return any(t.tag == "ETM" and t.start < end for t in tokens[k + 1 :])


def particle_ends(sentence: str, end: int) -> bool:
    """Does a particle end at `end` (`공장을`), not a noun's last syllable (`추가`, `국가`)? With no
    Kiwi, a particle's letters are taken as one."""
    if _kiwi() is None:
        return True
    return any(t.tag.startswith("J") and t.start + t.len == end for t in _tokens(sentence))


def noun_phrase(sentence: str, start: int, end: int) -> bool:
    """Is [start, end) nouns only (with their modifiers, numbers and foreign words), no verb or
    ending: `반도체·수퍼컴퓨터 관련 기업`, not `샀지만 재고`?"""
    tokens = [t for t in _tokens(sentence) if start <= t.start < end]
    return bool(tokens) and all(t.tag[0] in "NSX" or t.tag == "MM" for t in tokens)
