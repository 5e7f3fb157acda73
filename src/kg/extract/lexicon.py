"""The extraction data: one lexicon per language (`loaders/patterns/<lang>.yaml`) and the metric
schema (`loaders/patterns/metrics.yaml`), validated with pydantic and compiled once.

A file with an unknown key, a wrong type or a regex that does not compile is refused as
`file:line: field 'x': message` (an InputError), before any document is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from kg import paths
from kg.errors import ReferenceDataError
from kg.extract.scan import Alternatives, Scanner, Screened
from kg.yamlfile import load_model

Qualifier = Literal["exact", "approx", "at_least", "at_most"]
Measure = Literal[
    "money",
    "count",
    "memory",
    "bandwidth",
    "compute",
    "tpp",
    "density",
    "percent",
    "gpu_hours",
    "duration",
    "multiple",
    "power",
    "throughput",
    "frequency",
    "bus_width",
    "area",
    "score",
    "node",
]
Label = Literal["Firm", "Person", "Agency", "Country", "Chip", "AIModel", "Regulation"]


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"regex does not compile: {exc}") from None
    return pattern


Regex = Annotated[str, AfterValidator(_compiles)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Currency(Strict):
    code: str
    before: list[Regex] = []
    after: list[Regex] = []


class SignReading(Strict):
    """A currency sign two currencies share (`¥`: yuan or yen) read as `code` in a document that
    names a word of `when` and none of `unless` (`Japan` and no `yuan`)."""

    sign: str
    code: str
    when: list[Regex]
    unless: list[Regex] = []


class Unit(Strict):
    unit: str
    measure: Measure
    words: list[Regex]
    factor: float = 1.0


class Counter(Strict):
    words: list[Regex]
    counted: str | None
    # with no counted noun, what the counter counts beside a cue group (`월 10만 장` beside
    # `생산능력`: wafers)
    by_cue: dict[str, str] = {}
    # the counter alone says what it counts, whatever noun follows (`128단 낸드플래시`: layers)
    fixed: bool = False
    # it counts machines or sites: a bare count with it borrows no noun another counter counted
    # (`웨이퍼 3만 장 … 2기 공장`)
    own_kind: bool = False
    # what the counter never counts, whatever noun stands near (`개`, `장`, `대` count things,
    # never people; `장` sheets, never the plant they size: `월 12만 장 규모의 공장`)
    never: list[str] = []


class Vague(Strict):
    words: list[Regex]
    value: float
    qualifier: Qualifier


class Fraction(Strict):
    """Words for a part of a whole, read as a percentage ("half of", "절반"), or for a multiple
    (`unit: times`: "doubled", "threefold"); without `value`, the pattern's groups `num` and
    `den` give it ("3분의 1")."""

    words: list[Regex]
    value: float | None = None
    unit: Literal["percent", "times"] = "percent"


class Numbers(Strict):
    words: dict[str, float] = {}
    words_and: list[str] = []  # joins number words after a hundred: "one hundred and six"
    scales: dict[str, float] = {}
    small_scales: dict[str, float] = {}
    vague: list[Vague] = []
    fractions: list[Fraction] = []
    currencies: list[Currency] = []
    sign_readings: list[SignReading] = []
    units: list[Unit] = []
    spec_before: list[Unit] = []
    # a qualifier that may stand between a number and its unit (`10여 년간`: more than ten years)
    between_number_and_unit: list[Regex] = []
    rate_before: list[Regex] = []  # "초당": a memory unit after the number is then a bandwidth
    # a count that is a rate's denominator (`$2 per 1,000 tokens`, `100만 토큰당 0.06위안`)
    denominator_before: list[Regex] = []
    denominator_after: list[Regex] = []
    # between two figures of one measure, a word that makes them one range (`2만 대에서 3만 대의`)
    # when the second is followed by what follows a range (not a change's target: `5%에서 10%로`)
    range_from_joiners: list[Regex] = []
    range_after: list[Regex] = []
    counters: list[Counter] = []
    counted: dict[str, list[Regex]] = {}
    not_after_words: list[Regex] = []
    not_before_words: list[Regex] = []
    # words that may open a bracket restating a figure in another currency or unit (`(한화 약 …)`)
    conversion_words: list[Regex] = []
    # words that say a bracket restates the figure before it in a currency (`115억(한화 약 …)`):
    # a bare number before one is a sum
    restated_in_words: list[Regex] = []
    # a word before a counted noun that makes it a part of a firm (`two business units`)
    part_modifiers: list[Regex] = []


class Relative(Strict):
    words: list[str]
    unit: Literal["year", "month", "day"]
    offset: int


class Dates(Strict):
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    year_before: list[Regex] = []
    # words after which a year-like number before a name is the name's year, not a count of it
    # (`the 2020 X9`, `its 2019 model`); numbers past `latest_year` stay counts
    year_of_name_before: list[Regex] = []
    latest_year: int = 2035
    relative: list[Relative] = []


class Modality(Strict):
    negation: list[Regex] = []
    hedge: list[Regex] = []
    report: list[Regex] = []
    condition: list[Regex] = []


class Names(Strict):
    person_titles: list[str] = []
    # titles that may close a compound word (`사무총장`, `IT장관`): the name stands before the word
    glued_titles: list[str] = []
    # the titles of a firm's officers, who speak for it: a figure an officer gives of revenue or
    # losses is the firm's (`최고경영자 게리 디커슨은 … 4억 달러의 타격`)
    officer_titles: list[str] = []
    # a word after which a name is a person but which names no one before it (`인텔 출신 왕젠궈`)
    affiliation_words: list[str] = []
    # what may join a title to the name after it (`CEO인 주이밍은`, `총괄을 지낸 장젠중이`)
    title_links: list[Regex] = []
    modifier_endings: list[
        str
    ] = []  # word endings that make a word describe, not name (`연루된`, `싱가포르인`)
    firm_appositives: list[
        str
    ] = []  # nouns a firm's name follows in apposition (`제조 업체 시게이트가`)
    # words before a title that say which holder, not who (`전 CEO`: the former one)
    title_modifiers: list[str] = []
    # class nouns a list of firms closes with (`A, B 등 해외 대기업`), besides those
    firm_class_nouns: list[str] = []
    person_after: list[Regex] = []
    firm_after: list[
        Regex
    ] = []  # verbs only a firm takes right after its name ("reported revenue")
    org_suffixes: list[str] = []
    agency_words: list[str] = []
    # endings that make an unknown word an agency with no country word before it (`위원회`, `지검`)
    agency_endings_alone: list[str] = []
    # a place's proper noun with one of these written on it names the place's government when it
    # acts, marked as a subject or acting "at its level" (`상하이시는`, `항저우시 차원에서`)
    city_words: list[str] = []
    # a capital letter standing for a name the report withholds (`A씨`, `B사`): person and firm
    withheld_person: list[str] = []
    withheld_firm: list[str] = []
    city_acting_after: list[Regex] = []
    given_names: list[str] = []
    cn_surnames: list[str] = []
    cn_given_name: Regex | None = None  # a given name before a Chinese surname ("Shiwei Yang")
    nationality_endings: list[str] = []  # `중국인`: a word of a nationality, before a name
    country_prefixes: list[str] = []
    # words that make a bare `정부` some other government than the text's own (`지방 정부`)
    government_modifiers: list[str] = []
    segment_nouns: list[str] = []
    possessor_nouns: list[
        str
        # "shares in X", "revenue of X": X owns the attribute
        # a capitalised run right before one of these names a segment, not a firm
    ] = []
    generic_subjects: list[
        Regex
    ] = []  # a clause whose subject holds one of these is about no named entity
    chip_words: list[
        Regex
    ] = []  # a new name holding one of these (or followed by one) is a chip or system
    model_words: list[Regex] = []  # ... an AI model
    # a tier word written after a model's version, part of its name, and its English spelling
    # for the model's id (`제미나이 3.1 프로`, `Gemini 3.1 Pro`: gemini-3-1-pro)
    model_tiers: dict[str, str] = {}
    head_nouns: list[
        Regex
    ] = []  # common nouns that may head a name's phrase (`엔비디아 측은`, `화웨이 그룹은`)
    # a name right after one of these names a site, not a firm (`12인치 칩 공장 SN1은`)
    facility_words: list[Regex] = []
    # the opening letters of a code of a period or number format, no product (`FY2025`, `FP16`)
    not_product_codes: list[Regex] = []
    # ... of which these name a maker's product right after its name (`Micron HBM4`)
    maker_product_codes: list[Regex] = []
    not_names: list[str] = []


class Sentences(Strict):
    abbreviations: list[str] = []


class QualifierWords(Strict):
    before: list[Regex] = []
    after: list[Regex] = []


class Attribution(Strict):
    after_source: list[Regex] = []
    sentence_topic: list[Regex] = []
    before_source: list[Regex] = []
    reporting_clause: dict[Literal["complement", "verb", "subject"], Regex] | None = None


class RelationRule(Strict):
    id: str
    kind: str
    metric: str
    triggers: list[Regex]
    subject: list[Label] = []
    subject_role: Literal[
        "topic",
        "marked_object",
        "nearest_trigger",
        "nearest_trigger_after",
        "nearest_trigger_before",
    ] = "topic"
    object: Label | None = None
    object_role: Literal["topic", "nearest_value", "marked", "after_trigger", "before_trigger"] = (
        "nearest_value"
    )
    object_marker: Regex | None = None
    edge: str | None = None
    date: Literal["optional", "required"] = "optional"
    variant: Literal["list_around_base", "list_after_base", "first_is_variant"] | None = None
    differences: dict[Regex, str] = {}


class LanguageFile(Strict):
    language: str
    sentences: Sentences = Sentences()
    numbers: Numbers = Numbers()
    dates: Dates = Dates()
    cues: dict[str, list[Regex]] = {}
    anaphors: dict[Label, list[Regex]] = {}
    # An anaphor opening with one of these points at the name mentioned last (`this chip`, `이 칩`),
    # not at the discourse's topic.
    demonstratives: list[Regex] = []
    # Words right before a duration that make it the time frame of the clause, not a figure
    # ("in the past six months", "향후 3년간").
    time_frame_before: list[Regex] = []
    # Words right before a date that make it the base of a comparison, not the fact's date
    # ("up 62% from a year earlier", "전년 대비").
    baseline_before: list[Regex] = []
    # Small word lists the clause rules read, by name: `maker_modifiers` ("-made": the name
    # before it
    # qualifies another), `auxiliaries` ("will", "plans to": between a new name and its verb),
    # `containment_verbs` ("include": negated, they deny what a figure holds, not the figure).
    clause_words: dict[str, list[Regex]] = {}
    enforcement_verbs: list[
        Regex
    ] = []  # charged, seized, 기소: the agency is no actor of the figures
    volume_nouns: list[
        Regex
    ] = []  # "생산량", "출하량": after a chip, a later count counts that chip
    news_report: list[Regex] = []  # "보도했다": a source reporting news is not its subject
    # a sentence that is page furniture, not the article's text (a related article's link with its
    # date glued on: `- 엔비디아, 2분기 순익 72% 감소…2022.08.25`): its figures are no facts
    page_furniture: list[Regex] = []
    baseline_after: list[Regex] = []  # "전년 대비", "지난해 같은 기간보다"
    modality: Modality = Modality()
    names: Names = Names()
    clause_breaks: list[Regex] = []
    topic_particles: list[str] = []
    attached_particles: list[
        str
    ] = []  # what may follow a name inside one word (Korean particles and endings)
    subject_particles: list[str] = []
    # Particles that mark an institution as the agent ("정부에서 규정한": 에서 after a body of
    # people)
    institution_subject_particles: list[str] = []
    possessive_particles: list[str] = []
    sentence_topic_particles: list[str] = []
    object_particles: list[str] = []
    oblique_particles: list[
        str
    ] = []  # a name marked with one of these is no subject (에, 에서, 로, 와, ...)
    # A negated comparison right after a figure bounds it rather than denies it (`를 넘지 않는`).
    comparison_negation: list[Regex] = []
    list_joiners: list[str] = []
    # words that close a list before its class noun (`A, B 등 대기업`, `A, B 등이`)
    list_closers: list[str] = []
    respectively: list[
        Regex
        # "각각", "respectively": a list's figures go to its names in order
        # what joins the names of a list (와, 과, 및)
    ] = []
    attribution: Attribution = Attribution()
    coordination: Regex | None = None
    qualifiers: dict[Qualifier, QualifierWords] = {}
    relations: list[RelationRule] = []


class Bounds(Strict):
    min: float
    max: float


class Metric(Strict):
    kind: str
    also: list[str] = []
    measure: Measure
    counted: list[str] = []
    units: list[str] = []  # for other measures: the units it takes (empty: any)
    cues: list[str]
    cue_labels: list[
        Label
    ] = []  # a name of this label in the clause counts as a cue ("1,024 H800 GPUs for 90 hours")
    default: bool = False
    # a change, read only where the figure is no level ("rose 12%", not "rose to 92.5%")
    change: bool = False
    secondary: bool = False
    generic: bool = (
        False  # its cues ("cost", "spent") yield to a specific metric's cue in the same clause
    )
    subject: list[Label] = Field(min_length=1)
    subject_name: Regex | None = (
        None  # the subject's name or id must match (a system: SuperPoD, NVL72)
    )
    named_subject: bool = (
        False  # its subject is named in the sentence, never only the discourse's topic
    )
    # with named_subject: a reporter the sentence names may be the subject (`G42 expects to run
    # 300 MW`, `Nvidia said 700,000 H200 chips are in stock`)
    reporter_subject: bool = False
    # the agency of an enforcement clause (`prosecutors charged five people`) is this figure's
    # subject; for other metrics it is the accused's figure, not the agency's
    enforcer: bool = False
    # Korean: the name marked as a recipient (에게) right before the figure is its subject (`X에게
    # 징역 5년을 구형`: the term is X's)
    subject_is_recipient: bool = False
    # an object the clause marks as the giver (`from Y`, `Y로부터`) is the subject, and the
    # subject the object (`X received an investment from Y`: Y invested in X)
    giver_subject: bool = False
    # the `clause_words` group marking the firm the money goes into (`led a round in X`, `X에 …
    # 펀딩 라운드를 주도`): that firm is the subject, the one who led it the object
    raiser_marks: str | None = None
    # labels its subject may take only when the sentence names it (an agency's share)
    named_labels: list[Label] = []
    # a later clause with no subject of its own may give the first clause's subject this figure
    continues: bool = True
    object: Label | None = None
    # the `clause_words` group that marks the object (before it in English, `stake in X`; after it
    # in Korean, `X 지분`): no marked name, no object
    object_marks: str | None = None
    recipient: list[Label] = []
    # the metric the recipient fills with the same figure (`sold 1,000 H20s to ByteDance`: ByteDance
    # acquired them)
    recipient_metric: str | None = None
    edge: str | None = None
    date: Literal["date", "as_of"] = "date"
    bounds: Bounds
    # a country that holds, buys or invests acts through its government: the claim is the
    # government's where the ontology names one (`cn-government` for `cn`)
    country_acts_through_government: bool = False


class MetricsFile(Strict):
    money_scale: dict[str, float]
    metrics: dict[str, Metric]


def _error(path: Path, line: int | None, field: str | None, reason: str) -> ReferenceDataError:
    return ReferenceDataError(path, line, field, reason)


_NAME_TAIL = re.compile(r"^(?:\s[A-Z][\w&-]*\.?)+(?=[\s,])")


def _alternation(
    items: list[str] | tuple[str, ...], flags: int = 0, escape: bool = False
) -> re.Pattern[str] | None:
    items = sorted(items, key=len, reverse=True)
    if not items:
        return None
    return re.compile("|".join(f"(?:{re.escape(x) if escape else x})" for x in items), flags)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """One language's words, compiled for the hot loops of extraction."""

    data: LanguageFile
    path: Path

    @property
    def code(self) -> str:
        return self.data.language

    @cached_property
    def cues(self) -> dict[str, re.Pattern[str]]:
        flags = re.IGNORECASE if self.code == "en" else 0
        return {
            group: re.compile("|".join(f"(?:{w})" for w in words), flags)
            for group, words in self.data.cues.items()
            if words
        }

    @cached_property
    def cue_scanner(self) -> Scanner[str]:
        """Every cue word of every group, found in one walk over a sentence (kg.extract.scan)."""
        return Scanner(
            [(w, group) for group, words in self.data.cues.items() for w in words],
            ignore_case=self.code == "en",
        )

    @cached_property
    def anaphors(self) -> dict[str, re.Pattern[str]]:
        flags = re.IGNORECASE if self.code == "en" else 0
        return {
            label: p
            for label, words in self.data.anaphors.items()
            if (p := _alternation(words, flags)) is not None
        }

    @cached_property
    def _clause_words(self) -> dict[str, re.Pattern[str]]:
        return {
            name: re.compile(f"(?:{'|'.join(words)})\\b", re.IGNORECASE)
            for name, words in self.data.clause_words.items()
            if words
        }

    def clause_word_at(self, group: str, text: str, at: int) -> int | None:
        """Where a word of the `clause_words` list `group` that stands at `at` ends, if one does."""
        pattern = self._clause_words.get(group)
        found = pattern.match(text, at) if pattern else None
        return found.end() if found else None

    def last_clause_word(self, group: str, text: str, start: int, end: int) -> re.Match[str] | None:
        """The last word of the `clause_words` list `group` between `start` and `end`."""
        pattern = self._clause_words.get(group)
        found = list(pattern.finditer(text, start, end)) if pattern else []
        return found[-1] if found else None

    @cached_property
    def _counters_by_cue(self) -> list[tuple[re.Pattern[str], dict[str, str]]]:
        return [
            (re.compile(f"(?:{'|'.join(c.words)})$"), c.by_cue)
            for c in self.data.numbers.counters
            if c.by_cue
        ]

    @cached_property
    def _own_kind_counters(self) -> re.Pattern[str]:
        words = [w for c in self.data.numbers.counters if c.own_kind for w in c.words]
        return re.compile(rf"({'|'.join(words) or '(?!)'})\s?$")

    def own_kind_counter(self, figure: str) -> str | None:
        """The counter of machines or sites that ends `figure` (`2기`, `1,000대`), if any."""
        found = self._own_kind_counters.search(figure)
        return found[1] if found else None

    def counter_never(self, figure: str) -> frozenset[str]:
        """What the counter that ends `figure` never counts."""
        return next(
            (frozenset(never) for pattern, never in self._counters_never if pattern.search(figure)),
            frozenset(),
        )

    @cached_property
    def _counters_never(self) -> list[tuple[re.Pattern[str], list[str]]]:
        return [
            (re.compile(rf"(?:{'|'.join(c.words)})\s?$"), c.never)
            for c in self.data.numbers.counters
            if c.never
        ]

    def counted_by_cue(self, figure: str, groups: Iterable[str]) -> str | None:
        """What a counter that ends `figure` counts beside one of the cue `groups`."""
        wanted = set(groups)
        for pattern, by_cue in self._counters_by_cue:
            if pattern.search(figure):
                for cue, counted in by_cue.items():
                    if cue in wanted:
                        return counted
        return None

    def word_after(self, group: str, text: str, at: int) -> bool:
        """Does a word of the `clause_words` list `group` stand at `at` (its entries carry their own
        leading space or hyphen)?"""
        return self.end_of_word_after(group, text, at) is not None

    def end_of_word_after(self, group: str, text: str, at: int) -> int | None:
        """Where the word of the list `group` that stands at `at` ends, or None."""
        pattern = self._clause_words.get(group)
        found = pattern.match(text, at) if pattern else None
        return found.end() if found else None

    @cached_property
    def _clause_words_before(self) -> dict[str, re.Pattern[str]]:
        return {
            name: re.compile(f"(?:{'|'.join(words)})\\s*$", re.IGNORECASE)
            for name, words in self.data.clause_words.items()
            if words
        }

    def word_before(self, group: str, text: str, at: int) -> bool:
        """Does a word of the `clause_words` list `group` end right before `at` (spaces aside)?"""
        pattern = self._clause_words_before.get(group)
        return bool(pattern and pattern.search(text, max(0, at - 24), at))

    def words_between(self, group: str, gap: str) -> bool:
        """Is `gap` nothing but words of the list `group` between spaces?"""
        pattern = self._clause_words.get(group)
        return bool(pattern and re.fullmatch(rf"(?:\s+{pattern.pattern})+\s+", gap, re.IGNORECASE))

    @cached_property
    def _list_joiner(self) -> re.Pattern[str]:
        joiners = self.data.list_joiners
        return re.compile(rf"\s?(?:{'|'.join(map(re.escape, joiners))})\s?" if joiners else "(?!)")

    @cached_property
    def list_separator(self) -> re.Pattern[str]:
        """Between the items of a written-out list: a joining mark, or a joining word between
        spaces (`A, B 및 C`); never a particle glued to a name (`와`), which Kiwi must read."""
        glued = set(self.data.attached_particles)
        parts = [
            rf"\s{re.escape(j)}\s" if _HANGUL_WORD.fullmatch(j) else re.escape(j)
            for j in self.data.list_joiners
            if j not in glued
        ]
        return re.compile(rf"(?:{'|'.join(sorted(parts, key=len, reverse=True)) or '(?!)'})\s?")

    @cached_property
    def list_closer(self) -> str:
        """The words that close a list, as a regex alternation (one that never matches if none)."""
        return "|".join(map(re.escape, self.data.list_closers)) or "(?!)"

    def joins_list(self, text: str, start: int, end: int) -> bool:
        """Does only a list's joining word stand between two names (`A, B`, `A와 B`)? Capitalised
        words right after the first (`Microsoft Corporation, ...`, `Alibaba Group and`) are still
        that name."""
        gap = _NAME_TAIL.sub("", text[start:end])
        suffix = self._org_suffix_tail
        if suffix is not None:
            gap = suffix.sub("", gap)  # `알리바바 그룹, 그리고 텐센트`
        return bool(self._list_joiner.fullmatch(gap))

    @cached_property
    def _org_suffix_tail(self) -> re.Pattern[str] | None:
        words = self.data.names.org_suffixes
        return re.compile(rf"^\s(?:{'|'.join(map(re.escape, words))})(?=[\s,])") if words else None

    @cached_property
    def page_furniture(self) -> re.Pattern[str] | None:
        return _alternation(self.data.page_furniture)

    @cached_property
    def enforcement_verbs(self) -> re.Pattern[str] | None:
        return _alternation(self.data.enforcement_verbs, re.IGNORECASE if self.code == "en" else 0)

    @cached_property
    def volume_nouns(self) -> re.Pattern[str] | None:
        words = self.data.volume_nouns
        flags = re.IGNORECASE if self.code == "en" else 0
        return re.compile(rf"\s?(?:{'|'.join(words)})", flags) if words else None

    @cached_property
    def after_facility_word(self) -> re.Pattern[str]:
        """Ends right before a name that names a site (`칩 공장 SN1은`)."""
        words = self.data.names.facility_words
        return re.compile(rf"(?:{'|'.join(words)})\s?$" if words else "(?!)")

    @cached_property
    def news_report(self) -> re.Pattern[str] | None:
        return _alternation(self.data.news_report, re.IGNORECASE if self.code == "en" else 0)

    @cached_property
    def baseline(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """Words before and after a date that make it a comparison's base."""
        flags = re.IGNORECASE if self.code == "en" else 0
        before, after = self.data.baseline_before, self.data.baseline_after
        return (
            re.compile(rf"(?:{'|'.join(before)})\s*$", flags) if before else None,
            re.compile(rf"(?:{'|'.join(after)})", flags) if after else None,
        )

    @cached_property
    def time_frame(self) -> re.Pattern[str] | None:
        flags = re.IGNORECASE if self.code == "en" else 0
        words = self.data.time_frame_before
        return re.compile(rf"(?:{'|'.join(words)})\s*(?:\S+\s+)?$", flags) if words else None

    @cached_property
    def demonstrative(self) -> re.Pattern[str] | None:
        flags = re.IGNORECASE if self.code == "en" else 0
        return _alternation(self.data.demonstratives, flags)

    @cached_property
    def any_anaphor(self) -> re.Pattern[str] | None:
        flags = re.IGNORECASE if self.code == "en" else 0
        return _alternation([w for words in self.data.anaphors.values() for w in words], flags)

    def modality(self, name: str) -> Screened | None:
        cached: dict[str, Screened | None] = self.__dict__.setdefault("_modality", {})
        if name not in cached:
            flags = re.IGNORECASE if self.code == "en" else 0
            pattern = _alternation(getattr(self.data.modality, name), flags)
            cached[name] = Screened(pattern) if pattern is not None else None
        return cached[name]

    @cached_property
    def possessor_nouns(self) -> re.Pattern[str] | None:
        words = self.data.names.possessor_nouns
        if not words:
            return None
        return re.compile(
            rf"\b(?:{'|'.join(map(re.escape, words))})\s+(?:of|in|at|for)\s+(?:the\s+)?$",
            re.IGNORECASE,
        )

    @cached_property
    def generic_subjects(self) -> Screened | None:
        pattern = _alternation(
            self.data.names.generic_subjects, re.IGNORECASE if self.code == "en" else 0
        )
        return Screened(pattern) if pattern is not None else None

    @cached_property
    def clause_breaks(self) -> re.Pattern[str] | None:
        return _alternation(self.data.clause_breaks)

    @cached_property
    def qualifiers(self) -> dict[str, dict[str, tuple[re.Pattern[str], ...]]]:
        # "before" words must end where the value starts: anchored here, once
        return {
            name: {
                "before": tuple(re.compile(f"(?:{x})$", re.IGNORECASE) for x in spec.before),
                "after": tuple(re.compile(x, re.IGNORECASE) for x in spec.after),
            }
            for name, spec in self.data.qualifiers.items()
        }

    @cached_property
    def respectively(self) -> re.Pattern[str] | None:
        return _alternation(self.data.respectively)

    @cached_property
    def comparison_negation(self) -> re.Pattern[str] | None:
        return _alternation(self.data.comparison_negation)

    @cached_property
    def qualifier_words(
        self,
    ) -> tuple[Alternatives[str], Alternatives[str], Alternatives[str]]:
        """A figure's qualifier words in one regex each: right before it, right after it (`^`), and
        in the few characters after it."""
        order = ("at_least", "at_most", "approx", "exact")
        specs = [
            (name, self.data.qualifiers[name]) for name in order if name in self.data.qualifiers
        ]
        before = [(f"(?:{x})$", name) for name, spec in specs for x in spec.before]
        anchored = [(x[1:], name) for name, spec in specs for x in spec.after if x.startswith("^")]
        loose = [(x, name) for name, spec in specs for x in spec.after if not x.startswith("^")]
        return (
            Alternatives(before, re.IGNORECASE),
            Alternatives(anchored, re.IGNORECASE),
            Alternatives(loose, re.IGNORECASE),
        )

    def particles(self, *kinds: str) -> str:
        """An alternation (a regex string) of the particles of these kinds (`subject`, `object`,
        `possessive`, `oblique`, `attached`), longest first; one that never matches when none."""
        words = {w for kind in kinds for w in getattr(self.data, f"{kind}_particles")}
        return (
            "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"
            if words
            else "(?!)"
        )

    @cached_property
    def subject_particles(self) -> re.Pattern[str] | None:
        return _alternation(self.data.subject_particles, escape=True)

    @cached_property
    def possessive(self) -> re.Pattern[str]:
        if self.code == "en":
            return re.compile(r"(?:'s|’s|'|’)(?![A-Za-z])")
        return re.compile("|".join(re.escape(p) for p in self.data.possessive_particles) or "(?!)")

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        return frozenset(self.data.sentences.abbreviations)

    @cached_property
    def not_names(self) -> frozenset[str]:
        return frozenset(self.data.names.not_names)


@lru_cache(maxsize=8)
def lexicon(code: str, directory: Path | None = None) -> Lexicon:
    directory = directory or paths.patterns_dir()
    path = directory / f"{code}.yaml"
    return Lexicon(
        load_model(path, LanguageFile, _error, missing="missing extraction lexicon"), path
    )


@lru_cache(maxsize=4)
def schema(directory: Path | None = None) -> MetricsFile:
    path = (directory or paths.patterns_dir()) / "metrics.yaml"
    return load_model(path, MetricsFile, _error, missing="missing metric schema")


def metrics(directory: Path | None = None) -> dict[str, Metric]:
    return schema(directory).metrics


def languages(directory: Path | None = None) -> dict[str, Lexicon]:
    """Every language lexicon: the files named by a language code (`en.yaml`, `ko.yaml`)."""
    return _languages(directory or paths.patterns_dir())


@lru_cache(maxsize=4)
def _languages(directory: Path) -> dict[str, Lexicon]:
    return {
        p.stem: lexicon(p.stem, directory)
        for p in sorted(directory.glob("*.yaml"))
        if re.fullmatch(r"[a-z]{2}", p.stem)
    }


def latin_codes(field: str) -> str:
    """The codes every language's file lists under `names.<field>` (`not_product_codes`,
    `maker_product_codes`), as one alternation: codes are Latin, written alike in any language's
    text (`FY2025`, `DDR5`)."""
    listed = [c for lex in languages().values() for c in getattr(lex.data.names, field)]
    return "|".join(dict.fromkeys(listed)) or "(?!)"


def for_document(lang: str | None) -> Lexicon:
    known = languages()
    return known.get(lang or "en") or known["en"]


_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
