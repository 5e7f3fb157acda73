"""Load the declarative extraction patterns (loaders/patterns/<lang>.yaml) into rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from kg import paths
from kg.errors import InputError

VALUE_KINDS = {"count", "money", "none", "optional_count"}
ROLES = {"topic", "marked_object", "nearest_trigger", "nearest_trigger_after", "nearest_trigger_before",
         "nearest_value", "marked", "after_trigger", "before_trigger"}


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
    object_marker: re.Pattern[str] | None = None  # with object_role "marked": what follows each object
    generic_object: re.Pattern[str] | None = None  # after a value, a word that stands for no named object
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
    before_source: tuple[re.Pattern[str], ...] = ()  # anchored at the end: what directly precedes a source
    not_names: frozenset[str] = frozenset()
    org_suffixes: frozenset[str] = frozenset()  # common nouns that end an organisation's name (대학교)
    clause_breaks: re.Pattern[str] | None = None  # where a clause with its own subject may start
    coordination: re.Pattern[str] | None = None  # joins two values: the second shares the first's qualifier
    reporting_clause: dict[str, re.Pattern[str]] | None = None  # complement, verb, subject
    qualifiers: dict[str, dict[str, tuple[re.Pattern[str], ...]]] = field(default_factory=dict)

    @property
    def keyword_screen(self) -> re.Pattern[str]:
        """One regex a sentence must match for any rule to fire: every rule's required words,
        or its whole trigger where it has none. Most sentences fail it in one scan."""
        if "_keyword_screen" not in self.__dict__:
            words = sorted({k for r in self.rules for k in (r.keywords or ())}, key=len, reverse=True)
            parts = [re.escape(w) for w in words] + [f"(?:{r.triggers.pattern})" for r in self.rules if r.keywords is None]
            object.__setattr__(self, "_keyword_screen", re.compile("|".join(parts)))
        return self.__dict__["_keyword_screen"]

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
            marker = re.compile("|".join(re.escape(p) for p in sorted(self.topic_particles, key=len, reverse=True)))
            object.__setattr__(self, "_topic_marker", marker if self.topic_particles else None)
        return self.__dict__["_topic_marker"]


def _regex(items: list[str], where: str) -> re.Pattern[str]:
    try:
        return re.compile("|".join(f"(?:{x})" for x in items))
    except re.error as exc:
        raise InputError(f"{where}: bad regular expression: {exc}") from None


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
    return None if any(x is None for x in literals) else tuple(literals)  # type: ignore[arg-type]


def _rule(raw: dict, where: str) -> Rule:
    value = raw.get("value", "none")
    if value not in VALUE_KINDS:
        raise InputError(f"{where}: rule {raw.get('id')}: value must be one of {sorted(VALUE_KINDS)}")
    for key in ("subject_role", "object_role"):
        if key in raw and raw[key] not in ROLES:
            raise InputError(f"{where}: rule {raw.get('id')}: {key} must be one of {sorted(ROLES)}")
    return Rule(
        id=raw["id"], kind=raw["kind"], metric=raw["metric"],
        triggers=_regex(raw["triggers"], where), subject=tuple(raw.get("subject", ())),
        subject_role=raw.get("subject_role", "topic"), object=raw.get("object"),
        object_role=raw.get("object_role", "nearest_value"), value=value, unit=raw.get("unit"),
        object_marker=re.compile(raw["object_marker"]) if raw.get("object_marker") else None,
        generic_object=_regex([raw["generic_object"]], where) if raw.get("generic_object") else None,
        edge=raw.get("edge"), date=raw.get("date", "optional"), look_back=int(raw.get("look_back", 0)),
        require_any=_regex(raw["require_any"], where) if raw.get("require_any") else None,
        variant=raw.get("variant"),
        differences=tuple((re.compile(k), v) for k, v in (raw.get("differences") or {}).items()),
        keywords=_keywords(raw["triggers"]),
    )


def _reporting(raw: dict | None, where: str) -> dict[str, re.Pattern[str]] | None:
    if not raw:
        return None
    return {key: _regex([raw[key]], f"{where}: reporting_clause") for key in ("complement", "verb", "subject")}


def load_language(path: Path) -> Language:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        quals = {
            # "before" patterns must end where the value starts: anchored here, once
            name: {"before": tuple(re.compile(f"(?:{x})$") for x in spec.get("before", ())),
                   "after": tuple(re.compile(x) for x in spec.get("after", ()))}
            for name, spec in (raw.get("qualifiers") or {}).items()
        }
        return Language(
            code=raw["language"], rules=tuple(_rule(r, str(path)) for r in raw["rules"]),
            topic_particles=tuple(raw.get("topic_particles", ())),
            attribution=tuple(re.compile(x) for x in raw.get("attribution", {}).get("after_source", ())),
            topic_attribution=tuple(re.compile(x) for x in raw.get("attribution", {}).get("sentence_topic", ())),
            before_source=tuple(re.compile(f"(?:{x})$", re.I)
                                for x in raw.get("attribution", {}).get("before_source", ())),
            not_names=frozenset(raw.get("not_names") or ()),
            org_suffixes=frozenset(raw.get("org_suffixes") or ()),
            reporting_clause=_reporting(raw.get("attribution", {}).get("reporting_clause"), str(path)),
            coordination=_regex([raw["coordination"]], str(path)) if raw.get("coordination") else None,
            clause_breaks=_regex(raw["clause_breaks"], str(path)) if raw.get("clause_breaks") else None,
            qualifiers=quals,
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
        raise InputError(f"{path}: cannot load extraction patterns: {exc}") from None


@lru_cache(maxsize=8)
def languages(directory: Path | None = None) -> dict[str, Language]:
    directory = directory or paths.patterns_dir()
    found = {}
    for path in sorted(directory.glob("*.yaml")):
        language = load_language(path)
        found[language.code] = language
    return found


def files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or paths.patterns_dir()).glob("*.yaml"))
