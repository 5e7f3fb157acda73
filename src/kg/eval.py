"""Score extraction against gold annotations: the one matching rule of ../shared/EVALUATION.md,
used by `kg eval`, the tests and the benchmark alike.

A gold fact is found when a claim has the same value (within the tolerance of
loaders/patterns/scoring.yaml), the same unit (after the table there maps annotators' words
onto base units), a kind its metric maps to (metrics.yaml), and its subject resolves to the
gold subject, or its object to the gold object. Precision counts every numeric claim that
matches no gold fact. Entity linking: a gold entity counts when one of its `aliases_in_text` is
linked as a mention (a known entity, or a candidate of the right type).

Layout read: `<dir>/**/<id>.gold.yaml`, its recipe `<id>.recipe.yaml` beside it, and the text
`texts/<id>.md` in the nearest folder above that holds `texts/` (re-filled from the recipes; see
tests/gold/real/README.md). A gold file may name its text with `document:` instead.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from kg import ontology, paths
from kg.documents.reader import read_document
from kg.errors import InputError, ReferenceDataError
from kg.extract import SentenceAnalysis, analyse, lexicon
from kg.extract.names import slug
from kg.extract.numbers import singular
from kg.yamlfile import load_model


class GoldEntity(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str
    type: str
    aliases_in_text: list[str] = []


class GoldFact(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str = ""
    kind: str
    subject: str
    object: str | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    date: dict[str, Any] | None = None
    as_of: dict[str, Any] | None = None
    quote_anchor: str | None = None


class GoldFile(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str | None = None
    document: str | None = None
    entities: list[GoldEntity] = []
    facts: list[GoldFact] = []


class Scoring(BaseModel):
    model_config = ConfigDict(extra="forbid")
    units: dict[str, list[str]]
    factors: dict[str, tuple[str, float]] = {}
    types: dict[str, str]
    tolerance: float


@dataclass
class Score:
    gold: int = 0
    found: int = 0  # gold facts a claim matches
    claims: int = 0  # numeric claims
    right: int = 0  # numeric claims that match a gold fact

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.claims if self.claims else 1.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.found += other.found
        self.claims += other.claims
        self.right += other.right


@dataclass
class Miss:
    article: str
    fact: GoldFact


@dataclass
class Spurious:
    article: str
    claim: dict[str, Any]


@dataclass
class Evaluation:
    articles: int = 0
    by_kind: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_lang: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    relations: Score = field(default_factory=Score)  # gold facts without a value
    entities: dict[str, Score] = field(
        default_factory=lambda: defaultdict(Score)
    )  # per language: gold, found
    missed: list[Miss] = field(default_factory=list)
    spurious: list[Spurious] = field(default_factory=list)
    details: Score = field(
        default_factory=Score
    )  # matched facts whose qualifier and date agree (gold, found)
    unlinked: list[tuple[str, GoldEntity]] = field(default_factory=list)

    @property
    def overall(self) -> Score:
        total = Score()
        for s in self.by_lang.values():
            total.add(s)
        return total

    @property
    def linking(self) -> Score:
        total = Score()
        for s in self.entities.values():
            total.add(s)
        return total


@dataclass(frozen=True)
class Article:
    id: str
    lang: str
    gold: GoldFile
    text_path: Path


def evaluate(gold_dir: Path) -> Evaluation:
    result = Evaluation()
    for article in articles(gold_dir):
        score_article(result, article)
    return result


def articles(gold_dir: Path) -> list[Article]:
    files = sorted(gold_dir.rglob("*.gold.yaml"))
    if not files:
        raise InputError(f"{gold_dir}: no gold files (*.gold.yaml)")
    return [_article(path) for path in files]


def _article(path: Path) -> Article:
    gold = load_model(path, GoldFile, ReferenceDataError, missing="missing gold file")
    ident = gold.id or path.name.removesuffix(".gold.yaml")
    recipe_path = path.with_name(f"{ident}.recipe.yaml")
    recipe = yaml.safe_load(recipe_path.read_text(encoding="utf-8")) if recipe_path.exists() else {}
    if gold.document:
        text = (path.parent / gold.document).resolve()
    else:
        text = _texts_dir(path) / f"{ident}.md"
    if not text.exists():
        raise InputError(
            f"{text}: article text missing",
            hint="re-fill texts/ from the recipes (tests/gold/real/README.md)",
        )
    return Article(ident, recipe.get("lang") or "", gold, text)


def _texts_dir(path: Path) -> Path:
    for parent in path.parents:
        if (parent / "texts").is_dir():
            return parent / "texts"
    return path.parent / "texts"


def score_article(result: Evaluation, article: Article) -> None:
    document = read_document(article.text_path)
    lang = article.lang or document.lang
    analysis = analyse(document, ontology.load())
    aliases = {e.name: tuple(e.aliases_in_text) for e in article.gold.entities}
    score_facts(result, article.id, lang, article.gold.facts, claims_of(analysis), aliases)
    _score_linking(result, article, lang, analysis)


def score_facts(
    result: Evaluation,
    article: str,
    lang: str,
    facts: list[GoldFact],
    claims: list[dict[str, Any]],
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> None:
    """The one matching rule, applied to one article's gold facts and extracted claims;
    `aliases`: per gold entity, the names the article writes it with."""
    result.articles += 1
    used: set[int] = set()
    for fact in facts:
        hits = [i for i, c in enumerate(claims) if matches(fact, c, aliases)]
        if fact.value is None:
            result.relations.gold += 1
            result.relations.found += bool(hits)
            continue
        kind, by_lang = result.by_kind[fact.kind], result.by_lang[lang]
        kind.gold += 1
        by_lang.gold += 1
        if hits:
            kind.found += 1
            by_lang.found += 1
            used.update(hits)
            result.details.gold += 1
            result.details.found += _details_agree(fact, claims[hits[0]])
        else:
            result.missed.append(Miss(article, fact))
    for i, claim in enumerate(claims):
        if claim["value"] is None:
            continue
        kind = claim["kinds"][0]
        result.by_kind[kind].claims += 1
        result.by_lang[lang].claims += 1
        if i in used:
            result.by_kind[kind].right += 1
            result.by_lang[lang].right += 1
        else:
            result.spurious.append(Spurious(article, claim))


def claims_of(analysis: list[SentenceAnalysis]) -> list[dict[str, Any]]:
    """The facts extraction found, as the scoring compares them: kinds (from the metric), value,
    unit, names."""
    metrics = lexicon.metrics()
    out = []
    for s in analysis:
        for f in s.frames:
            if f.ok:
                assert f.metric is not None and f.subject is not None  # what `ok` means
                m = metrics[f.metric]
                out.append(
                    {
                        "kinds": [m.kind, *m.also],
                        "metric": f.metric,
                        "value": f.quantity.value,
                        "value_max": f.quantity.value_max,
                        "unit": f.unit,
                        "subject": f.subject.id,
                        "subject_name": f.subject.name,
                        "object": f.object.id if f.object else None,
                        "object_name": f.object.name if f.object else None,
                        "how": f.how,
                        "qualifier": f.qualifier,
                        "date": f.date.iso if f.date else None,
                        "quote": s.text,
                    }
                )
        for d in s.relations:
            out.append(
                {
                    "kinds": [d.rule.kind],
                    "metric": d.rule.metric,
                    "value": None,
                    "unit": None,
                    "subject": d.subject.id,
                    "subject_name": d.subject.name,
                    "object": d.object.id if d.object else None,
                    "object_name": d.object.name if d.object else None,
                    "qualifier": d.qualifier,
                    "date": d.date.iso if d.date else None,
                    "quote": s.text,
                }
            )
    return out


def matches(
    fact: GoldFact, claim: dict[str, Any], aliases: Mapping[str, Sequence[str]] | None = None
) -> bool:
    if fact.kind not in claim["kinds"]:
        return False
    if fact.value is not None:
        gold_unit, gold_scale = _base(fact.unit)
        gold_value = fact.value * gold_scale
        claim_unit, claim_scale = _base(claim["unit"])
        values = [
            v * claim_scale for v in (claim["value"], claim.get("value_max")) if v is not None
        ]  # a range matches either end
        if not any(abs(v - gold_value) <= scoring().tolerance * abs(gold_value) for v in values):
            return False
        if not _same_unit(gold_unit, claim_unit):
            return False
    elif claim["value"] is not None:
        return False
    known = aliases or {}
    subject_ok = _same_entity(
        fact.subject, claim["subject"], claim["subject_name"], known.get(fact.subject, ())
    )
    object_ok = fact.object is not None and _same_entity(
        fact.object, claim["object"], claim["object_name"], known.get(fact.object, ())
    )
    return subject_ok or object_ok


def _base(word: str | None) -> tuple[str | None, float]:
    """A unit as its base unit and the factor to it (`TB` -> GB, 1000; `years` -> months, 12),
    for gold and claim alike."""
    for key in (word, unit(word)):
        if key in scoring().factors:
            base, factor = scoring().factors[key]
            return base, factor
    return unit(word), 1.0


def unit(word: str | None) -> str | None:
    """A unit as the table names it; a counted thing the table does not list in the singular
    (`funding rounds` -> `funding round`), as annotators write things either way."""
    if word is None:
        return None
    table = _unit_table()
    key = word.strip().lower()
    if key in table:
        return table[key]
    words = [singular(w) if _PLURAL.fullmatch(w) else w for w in key.split()]
    return table.get(" ".join(words), " ".join(words)) if words else word.strip()


_PLURAL = re.compile(r"[a-z-]{2,}[^su\W]s|[a-z-]{2,}ies")


def _same_unit(gold: str | None, claim: str | None) -> bool:
    """The same unit, or the same head noun: a kind of thing the table counts is that thing
    (`CPU cores` and `cores`), and things the table does not list are named by their last word
    (`rare earth element` and `element`)."""
    if gold == claim:
        return True
    if gold is not None and claim is not None:
        if claim == unit(gold.split()[-1]) or gold == unit(claim.split()[-1]):
            return True  # `CPU cores` and `cores`: a kind of a base unit's thing is that thing
    bases = set(scoring().units)
    return (
        gold is not None
        and claim is not None
        and gold not in bases
        and claim not in bases
        and gold.split()[-1:] == claim.split()[-1:]
    )


def _same_entity(
    gold_name: str, claim_id: str | None, claim_name: str | None, written: Sequence[str] = ()
) -> bool:
    """Does the claim's subject resolve to the gold entity: its ontology id, or a new name as the
    text writes it (the gold's name, or a name the article writes the entity with: `링-플러스`
    for Ling-Plus)?"""
    if claim_id is None:
        return False
    ids = resolve(gold_name)
    if claim_id in ids:
        return True
    if claim_name is None:
        return False
    if _norm(claim_name) in {_norm(a) for a in written}:
        return True
    # a new name as the text writes it may lack the vendor the annotator added
    # ("Atlas 950 SuperPoD")
    found, wanted = _norm(claim_name), _norm(gold_name)
    return found == wanted or (
        len(found) >= 4 and (wanted.endswith(found) or found.endswith(wanted))
    )


@lru_cache(maxsize=4096)
def resolve(name: str) -> frozenset[str]:
    """The ids a gold name may stand for: the ontology individual it names, else (`NVIDIA RTX
    5090D`: a chip named with its maker, as the annotation rules ask) the individual the name
    names after its maker's name, else its slug."""
    found = _named(name)
    if not found:
        maker, _, rest = name.partition(" ")
        if rest and any(i.label == "Firm" for i in _individuals(maker)):
            found = {i.id for i in _individuals(rest) if i.label in ("Chip", "AIModel")}
    return frozenset(found or {slug(name)})


def _named(name: str) -> set[str]:
    return {i.id for i in _individuals(name)}


def _individuals(name: str) -> tuple[ontology.Individual, ...]:
    wanted = _norm(name)
    return tuple(
        individual
        for individual in ontology.load().individuals.values()
        if any(_norm(n) == wanted for names in individual.names.values() for n in names)
    )


def _norm(name: str) -> str:
    return re.sub(r"[\s\-_.·]+", "", name.casefold())


def _details_agree(fact: GoldFact, claim: dict[str, Any]) -> bool:
    if fact.qualifier and fact.qualifier != claim["qualifier"]:
        return False
    when = fact.date or fact.as_of
    if when and when.get("value"):
        return str(when["value"]) == (claim["date"] or "")
    return True


def _score_linking(
    result: Evaluation, article: Article, lang: str, analysis: list[SentenceAnalysis]
) -> None:
    types = scoring().types
    mentions = [m for s in analysis for m in s.mentions if m.label]
    for entity in article.gold.entities:
        label = types.get(entity.type)
        if label is None or label == "Country":
            continue
        score = result.entities[lang]
        score.gold += 1
        ids = resolve(entity.name)
        aliases = {_norm(a) for a in entity.aliases_in_text} | {_norm(entity.name)}
        linked = any(
            m.label == label
            and (
                m.id in ids
                or _norm(m.surface) in aliases
                or any(
                    len(a) >= 4
                    and len(_norm(m.surface)) >= 4
                    and (a in _norm(m.surface) or _norm(m.surface) in a)
                    for a in aliases
                )
            )
            for m in mentions
        )
        if linked:
            score.found += 1
        else:
            result.unlinked.append((article.id, entity))


@lru_cache(maxsize=1)
def scoring() -> Scoring:
    return load_model(
        paths.patterns_dir() / "scoring.yaml",
        Scoring,
        ReferenceDataError,
        missing="missing scoring table",
    )


@lru_cache(maxsize=1)
def _unit_table() -> dict[str, str]:
    return {alias.lower(): base for base, aliases in scoring().units.items() for alias in aliases}


def kinds(evaluation: Evaluation) -> Iterable[str]:
    return sorted(evaluation.by_kind)
