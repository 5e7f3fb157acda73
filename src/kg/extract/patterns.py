"""Relation rules (facts without a figure: variants, spin-offs, founding, funding, releases),
built from the `relations` section of each language's lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg import paths
from kg.extract.lexicon import Lexicon, RelationRule
from kg.extract.lexicon import languages as lexicon_languages
from kg.extract.scan import Screened


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    metric: str
    triggers: re.Pattern[str]
    subject: tuple[str, ...] = ()
    subject_role: str = "topic"
    object: str | None = None
    object_role: str = "nearest_value"
    object_marker: re.Pattern[str] | None = (
        None  # with object_role "marked": what follows each object
    )
    generic_object: re.Pattern[str] | None = (
        None  # after a value, a word that stands for no named object
    )
    value: str = "none"
    unit: str | None = None
    edge: str | None = None
    date: str = "optional"
    look_back: int = 0
    require_any: re.Pattern[str] | None = None
    variant: str | None = None
    differences: tuple[tuple[re.Pattern[str], str], ...] = ()
    keywords: tuple[str, ...] | None = None  # a text holding none of these cannot fire the rule

    def may_fire(self, text: str) -> bool:
        return self.keywords is None or any(k in text for k in self.keywords)


@dataclass(frozen=True)
class Language:
    code: str
    rules: tuple[Rule, ...]
    topic_particles: tuple[str, ...]
    attribution: tuple[re.Pattern[str], ...]
    topic_attribution: tuple[re.Pattern[str], ...] = ()
    before_source: tuple[
        re.Pattern[str], ...
    ] = ()  # anchored at the end: what directly precedes a source
    not_names: frozenset[str] = frozenset()
    org_suffixes: frozenset[str] = (
        frozenset()
    )  # common nouns that end an organisation's name (대학교)
    clause_breaks: re.Pattern[str] | None = None  # where a clause with its own subject may start
    coordination: re.Pattern[str] | None = (
        None  # joins two values: the second shares the first's qualifier
    )
    reporting_clause: dict[str, re.Pattern[str]] | None = None  # complement, verb, subject
    qualifiers: dict[str, dict[str, tuple[re.Pattern[str], ...]]] = field(default_factory=dict)

    @property
    def keyword_screen(self) -> Screened:
        """One regex a sentence must match for any rule to fire: every rule's required words,
        or its whole trigger where it has none. Most sentences fail it in one scan."""
        if "_keyword_screen" not in self.__dict__:
            words = sorted(
                {k for r in self.rules for k in (r.keywords or ())}, key=len, reverse=True
            )
            parts = [re.escape(w) for w in words] + [
                f"(?:{r.triggers.pattern})" for r in self.rules if r.keywords is None
            ]
            object.__setattr__(self, "_keyword_screen", Screened(re.compile("|".join(parts))))
        cached: Screened = self.__dict__["_keyword_screen"]
        return cached

    @property
    def look_back_rules(self) -> tuple[Rule, ...]:
        cached = self.__dict__.get("_look_back_rules")
        if cached is None:
            cached = tuple(r for r in self.rules if r.look_back)
            object.__setattr__(self, "_look_back_rules", cached)
        return cached

    @property
    def topic_marker(self) -> re.Pattern[str] | None:
        """What follows a name that is the sentence's topic (Korean particles), as one regex."""
        if "_topic_marker" not in self.__dict__:
            marker = re.compile(
                "|".join(re.escape(p) for p in sorted(self.topic_particles, key=len, reverse=True))
            )
            object.__setattr__(self, "_topic_marker", marker if self.topic_particles else None)
        cached: re.Pattern[str] | None = self.__dict__["_topic_marker"]
        return cached


def _regex(items: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{x})" for x in items))


def required_literal(pattern: str) -> str | None:
    """The longest run of plain characters every match of `pattern` must contain (outside any
    group, class or escape), or None when there is none worth checking."""
    runs, current, depth, i = [], "", 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            runs.append(current)
            current, i = "", i + 2
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if depth > 0 or ch in "()[]{}.*+?|^$":
            runs.append(current)
            current = ""
            if ch in "?*" or (ch == "{" and depth == 0):
                runs[-1] = runs[-1][:-1]  # the character before an optional quantifier is optional
        else:
            current += ch
        i += 1
    runs.append(current)
    if "|" in pattern.replace("\\|", ""):
        return None
    best = max(runs, key=len)
    return best if len(best.strip()) >= 2 else None


def _keywords(items: list[str]) -> tuple[str, ...] | None:
    literals = [required_literal(item) for item in items]
    words = tuple(x for x in literals if x is not None)
    return None if len(words) < len(literals) else words


def _rule(raw: RelationRule) -> Rule:
    return Rule(
        id=raw.id,
        kind=raw.kind,
        metric=raw.metric,
        triggers=_regex(raw.triggers),
        subject=tuple(raw.subject),
        subject_role=raw.subject_role,
        object=raw.object,
        object_role=raw.object_role,
        object_marker=re.compile(raw.object_marker) if raw.object_marker else None,
        edge=raw.edge,
        date=raw.date,
        variant=raw.variant,
        differences=tuple((re.compile(k), v) for k, v in raw.differences.items()),
        keywords=_keywords(raw.triggers),
    )


def load_language(lex: Lexicon) -> Language:
    """The relation rules of a language's lexicon, with the words they read sentences with."""
    raw = lex.data
    reporting = raw.attribution.reporting_clause
    return Language(
        code=raw.language,
        rules=tuple(_rule(r) for r in raw.relations),
        topic_particles=tuple(raw.topic_particles),
        attribution=tuple(re.compile(x) for x in raw.attribution.after_source),
        topic_attribution=tuple(re.compile(x) for x in raw.attribution.sentence_topic),
        before_source=tuple(re.compile(f"(?:{x})$", re.I) for x in raw.attribution.before_source),
        not_names=frozenset(raw.names.not_names),
        org_suffixes=frozenset(raw.names.org_suffixes),
        reporting_clause={k: re.compile(v) for k, v in reporting.items()} if reporting else None,
        coordination=re.compile(raw.coordination) if raw.coordination else None,
        clause_breaks=_regex(raw.clause_breaks) if raw.clause_breaks else None,
        qualifiers=lex.qualifiers,
    )


@lru_cache(maxsize=8)
def languages(directory: Path | None = None) -> dict[str, Language]:
    return {code: load_language(lex) for code, lex in lexicon_languages(directory).items()}


def files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or paths.patterns_dir()).glob("*.yaml"))
