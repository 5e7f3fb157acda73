"""Frames: for each quantity of a sentence, the fact it states, or why it states none.

A quantity's measure (and, for a count, the thing counted) narrows the metrics of the schema
(loaders/patterns/metrics.yaml) it can fill; the nearest cue word of the clause chooses among them
(`spent`, `bought`, `revenue`, `매출`, `구매`), else the measure's default metric. The subject is
found in the clause: a possessor (`Nvidia's`, `엔비디아의`), the grammatical subject (the name
before the verb; a name with `은/는/이/가`), an anaphor (`it`, `the company`, `이 회사`) resolved to
the most salient entity of the label the metric needs, a passive agent (`by X`), else, in a clause
that continues the sentence's first one, that clause's subject. Negated and conditional figures
yield no fact; hedged and reported ones are marked. Values outside the metric's bounds, and negative
amounts, are never facts. A frame without a typed subject or a metric is kept, with its reason, for
review (`kg extract`), never as a claim."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import overload

from kg.extract import tables
from kg.extract.candidates import Entity as Entity  # re-exported: kg.extract, sources
from kg.extract.dates import DateValue
from kg.extract.gazetteer import Mention
from kg.extract.korean import (
    adnominal_before,
    adnominal_clause_between,
    in_possessed_object,
    is_proper_name,
    linking_ending,
    marked_nouns,
    marked_proper_nouns,
    noun_at,
    time_clause_between,
)
from kg.extract.lexicon import Lexicon, Metric, latin_codes
from kg.extract.names import PRODUCT_CODE, slug
from kg.extract.numbers import OTHER_THING, Quantity
from kg.extract.scan import Screened, guarded

_PREPOSITIONS = frozenset(
    "of by in to from for with at on than into including like against over under about via "
    "toward towards between among as versus vs vs. per amid beyond across through behind after "
    "before since without during despite within throughout upon until following".split()
)
_LAST_WORDS = re.compile(r"([\w.]+)\s+(?:(the)\s+)?$")
_LIST_AFTER_WORD = re.compile(
    r"\b([\w.]+)\s+(?:the\s+)?(?:[A-Z][\w.&-]*,?\s+){1,4}(?:and|or)\s+$"
)  # the word before a list of names whose last member follows `and`


def _span(m: Mention) -> tuple[int, int]:
    return m.start, m.end


def _inside_apposition(text: str, m: Mention, pool: list[Mention]) -> bool:
    """`Tarnis, a server maker and Orvex's largest shareholder, posted …`: a name inside the
    phrase set off after another name describes that name and is no subject of its own."""
    return any(
        (apposed := _APPOSITION_EN.match(text, n.end)) is not None and m.end <= apposed.end()
        for n in pool
        if n.end < m.start
    )


def _after_preposition(text: str, at: int, only: tuple[str, ...] | None = None) -> bool:
    """Does a preposition (and perhaps "the"; one of `only`, if given) stand right before `at`?"""
    m = _LAST_WORDS.search(text, max(0, at - 24), at)
    if m is not None and m.group(1).lower() in ("and", "or"):  # "from NVIDIA and AMD"
        m = _LIST_AFTER_WORD.search(text, max(0, at - 60), at) or m
    return m is not None and m.group(1).lower() in (only or _PREPOSITIONS)


_REPORTING_EN = re.compile(
    r"\b(?:said|says|say|told|tells|believes?|believed|estimates?|estimated|reports?|reported|claims?|claimed|argues?|"
    r"argued|wrote|writes|thinks?|noted|added|disclosed|announced|stated|revealed|confirmed|"
    r"expects?|warned|(?:expected|forecast|projected|predicted)(?!\s+to\b)|forecasts|predicts|"
    r"projects|according to|cited|shows?|showed|found|alleges?|alleged|suggests?|suggested|"
    r"calculated)\b(?:\s+that\b)?",
    re.IGNORECASE,
)
_REPORTING_EN_SCREENED = Screened(_REPORTING_EN)  # the same, behind a screen of its words
# "the final training run of DeepSeek-V3 cost": the name after "of" in a definite noun phrase that
# opens the clause is its possessor, and so the subject
_EMBEDDED_SUBJECT_EN = re.compile(
    r"\s+(?:that\s+)?(?:the|a|an|these|those|two|three|four|five|several|some|many)\s+"
    r"(?:[a-z]+\s+){1,2}(?:[a-z]+ed|had|has|have|were|was|are|is|will|would|could|may|might)\b"
)
# what a generic subject ("Chinese firms", "애널리스트들은") stands for: it hides only subjects of
# these
_GENERIC_LABELS = frozenset({"Firm", "Person", "Country"})
_TOPIC_SUBJECTS = frozenset({"topic", "ko-topic"})  # the sentence names no subject at all
_DISCOURSE_SUBJECTS = frozenset(
    {"topic", "ko-topic", "reporter", "reporter-anaphor"}
)  # subjects the sentence does not name as the figure's own
_BUYER_CUES = frozenset({"acquire", "order", "smuggle", "rent"})  # what buyers do to chips
# what may stand before a headline's "TSMC, …": quotes, brackets, a section tag ("[아시아증시] ")
_QUOTED_NAME_KO = r"[‘'\"“](?P<name>[^‘’'\"“”\s][^‘’'\"“”]{0,23})[’'\"”]"  # ‘링-플러스’
_HEADLINE_TOPIC_KO = re.compile(r"[\s\"“‘'(]*(?:\[[^\]]{1,20}\]\s*)?[\s\[\"“‘'(]*")
_PERCENT_ITEM = r"[-+]?\d[\d.,]*\s?(?:%|퍼센트|percent)"
_LIST_OF_PERCENTS_AFTER = re.compile(rf"(?:,\s*{_PERCENT_ITEM})+")  # `10%`, then `, 20%`
_LIST_OF_PERCENTS_BEFORE = re.compile(rf"(?:{_PERCENT_ITEM},\s*)+$")  # `8%, ` before `15%`
_APPOSITION_EN = re.compile(
    r",\s+(?:a|an|the)\s[^,;]{1,60},\s*"
)  # "Zephyr Compute, a Florida company, shipped"
_COMPOUND_TAIL_EN = re.compile(r"(?:-[A-Za-z]+)+")  # "671-billion" + "-parameter", "72" + "-GPU"
_NOUN_PHRASE_GAP_EN = re.compile(
    r"(?:\s+[a-z][\w-]*){0,3}?(?:,\s+|\s+)?", re.IGNORECASE
)  # "model, ", " open-source "
_POSSESSIVE_ANAPHOR_EN = re.compile(r"(?:its|their|(?:the\s+)?\w+(?:'s|’s))\b", re.IGNORECASE)
_OF_POSSESSOR = re.compile(r"^\s*(?:the|a|an|its|their)\b[^,;]*?\bof\s+(?:the\s+)?$", re.IGNORECASE)
# "8,192 Ascend chips": counted, not a subject ("In 2025, AMD": a comma ends the number's phrase)
# a figure right before a name ("10,000 Nvidia GPUs"); a year is none ("In 2024 Alibaba and …")
_NUMBER_BEFORE = re.compile(
    r"(?<![\d.,])(?!(?:19|20)\d\d(?![\d.,]))\d(?:[\d.]|,\d)*\s*(?:[a-z-]+\s+){0,2}$"
)
_VERB_BEFORE = guarded(
    re.compile(
        r"\b(?:is|are|was|were|has|have|had|uses?|used|using|bought|buys|sold|sells|ordered|"
        r"includes?|including|features?|featuring|with|against|versus|surpasses|beats|"
        r"outperforms?)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$",
        re.IGNORECASE,
    )
)
_OWNS_FIGURE = re.compile(
    r"(?: [A-Z][A-Za-z]{1,12})?(?:'s|’s|')\s+(?:(?:about|around|roughly|nearly|over|some|planned|"
    r"estimated|reported|total|combined|latest|new|annual)\s+)?"
)
_NAME_TAIL_POSSESSIVE = re.compile(r" [A-Z][A-Za-z]{1,12}(?:'s|’s)(?![A-Za-z])")
# "- Data center revenue: "
_CODE_BEFORE = re.compile(r"[A-Za-z][A-Za-z-]*\d[A-Za-z0-9]*\s?$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\s")
_RELATIVE_OPENING = re.compile(r",\s(?:which|who)\s")  # a relative clause's opening
_LABEL_COLON = re.compile(r"\W*(?:[\w&/'’.()-]+\s){0,4}[\w&/'’.()-]+:\s")
_COMPARED_AT = guarded(
    re.compile(
        r"(?:\bversus|\bvs\.?|\bcompared (?:with|to)|\bagainst|\band|,)\s"
        r"(?P<name>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3})"
        r"(?:\s(?:at|of)|(?:'s|’s))\s(?:about\s|around\s|roughly\s)?$"  # "versus H100's 1,979"
    )
)

_RELATIVE_PRONOUN = re.compile(r",?\s?(?:which|that|who)\s?$", re.IGNORECASE)
_RELATIVE_ENDING = re.compile(
    r"(?:가진|갖춘|지닌|보유한|탑재한|기록한|달하는|넘는|넘긴|갖고\s?있는|인|된|한|[\uac00-\ud7a3]*던)\s"
)
_RELATIVE_BEFORE_HEAD = re.compile(
    _RELATIVE_ENDING.pattern + "$"
)  # the ending right before its head noun
_ACTORS = frozenset({"Agency", "Person"})
# a Latin word of a product's name: an acronym (`DGX`) or a code with a digit (`AI200`)
_CHIP_CODE = re.compile(r"[A-Z]{2,}[A-Za-z0-9-]*|[A-Z][A-Za-z-]*\d[\w-]*")
_PRODUCT_LEAD = re.compile(r"(?:(?:the|its|their)(?:\s+[\w-]+){0,3})?", re.IGNORECASE)
_RELATIVE_WHICH = re.compile(r"\b(?:which|who)\b", re.IGNORECASE)
_NEXT_WORD_KO = re.compile(r"\s[\uac00-\ud7a3A-Za-z0-9]+")
_GLOSS_AFTER = re.compile(r"\s?[(（][^()（）]{1,30}[)）]")
# a Korean word marked as a topic or subject (`미국에서는 `, `수요가 `)
_MARKED_WORD_KO = re.compile(r"[\uac00-\ud7a3A-Za-z0-9)](?:은|는|이|가)\s")
FAR = 120  # characters: a cue farther from the figure than this (weighted) does not govern it
TIE = 12  # characters: cues this much farther than the nearest still compete by specificity
_AGENT_EN = re.compile(r"^[^,;]{0,60}?\bby\s+(?:the\s+)?$", re.IGNORECASE)
_SUM_FOR_EN = re.compile(
    r"^\s+(?:for|per|a|each)\s+(?:the\s+|each\s+)?$", re.IGNORECASE
)  # "$5.6 million for X", "$12,000 per H20"
_PER_PART_BEFORE = re.compile(
    r"(?:\d[\d,]*\s?(?:개의|개|[×x*])|[×x*])\s?$"
)  # "16개의 2GB", "12 × 2GB", "8x 24GB": a count of parts, then one part's size
_RECIPIENT_MARK_KO = re.compile(r"(?:에게|에)(?:는)?\s")  # "삼성전자에 ", "네이버 클라우드에는 "
# "GPU ", "H20 칩 ", "약 ": no marked word, no 각각 (a list's shares are left to 'respectively')
_TOPIC_FIGURE_KO = re.compile(r"\s?에는\s")
_AUX_NEGATION_EN = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:was|were|is|are|has|have|had|did|does|do)(?:n't|\s+not)\b",
    re.IGNORECASE,
)


@dataclass
class Frame:
    quantity: Quantity
    metric: str | None = None
    unit: str | None = (
        None  # the quantity's unit, or the thing a count counts once the frame knows it
    )
    subject: Entity | None = None
    object: Entity | None = None
    recipient: Entity | None = None
    date: DateValue | None = None
    qualifier: str = "exact"
    status: str = "stated"
    source: Entity | None = None
    cue: str | None = None
    how: str | None = (
        None  # which way the subject was found (clause, anaphor, topic, ...): for review
    )
    reason: str | None = None  # why this frame states no fact (None: it does)

    @property
    def ok(self) -> bool:
        return self.reason is None


@dataclass
class Salience:
    """Who the discourse is about, per label: in the paragraph, and in the document."""

    paragraph: dict[str, Entity] = field(default_factory=dict)
    document: dict[str, Entity] = field(default_factory=dict)
    recent: dict[str, Entity] = field(default_factory=dict)
    main: dict[str, Entity] = field(
        default_factory=dict
    )  # per label, the entity the document names most
    currency: str | None = None  # the document's last currency ("… 989 million yuan … 276 million")
    counted: str | None = None  # the paragraph's last counted noun ("… 811,000 GPUs. … to 773,000")
    counter: str | None = None  # the counter of machines or sites it was counted with (`대`, `기`)
    # per label, the paragraph's last list of names in subject position ("Tencent and ByteDance
    # became …"): what a plural anaphor ("they", "the companies", "양사") points back at
    groups: dict[str, list[Entity]] = field(default_factory=dict)
    # a spec table's header (`| Spec | H20 | L20 |`): column -> the chip it names
    table: dict[int, Entity] = field(default_factory=dict)

    anchored: set[str] = field(default_factory=set)  # labels whose paragraph topic is 은/는-marked
    families: frozenset[str] = frozenset()  # chip families and architectures (kg:kind "family")

    def new_paragraph(self) -> None:
        self.paragraph.clear()
        self.recent.clear()
        self.anchored.clear()
        self.counted = None
        self.counter = None
        self.groups.clear()
        self.table.clear()

    def note(self, entity: Entity, topical: bool, anchor: bool = False) -> None:
        """`anchor`: a Korean topic (`무어스레드는`) holds the paragraph until another topic
        replaces it; a name marked only as a subject (`엔비디아 출신 엔지니어들이`) does not."""
        self.recent[entity.label] = entity
        if topical:
            if entity.id in self.families and (
                (held := self.paragraph.get(entity.label)) is not None
                and held.id not in self.families
            ):
                return  # "Architecture: Blackwell" under a chip's name: the chip stays the topic
            if anchor or entity.label not in self.anchored:
                self.paragraph[entity.label] = entity
            if anchor:
                self.anchored.add(entity.label)
            self.document[entity.label] = entity

    def resolve(self, labels: Sequence[str], paragraph_only: bool = False) -> Entity | None:
        # the paragraph's topic, else the entity the document names most, else its last topic;
        # a name merely mentioned last
        layers = (
            (self.paragraph, self.recent)
            if paragraph_only
            else (self.paragraph, self.main, self.document, self.recent)
        )
        for (
            label
        ) in labels:  # the metric's preferred label first, from the nearest layer that has one
            for layer in layers:
                if label in layer:
                    return self._variant_of(layer[label], layers)
        return None

    def _variant_of(self, found: Entity, layers: Sequence[dict[str, Entity]]) -> Entity:
        """A chip family the discourse holds (`ascend`) stands for the variant of it the discourse
        also holds (`ascend-910b`): a figure is a variant's, not a whole family's."""
        if found.label != "Chip":
            return found
        variants = [
            e
            for layer in layers
            if (e := layer.get("Chip")) is not None and e.id.startswith(found.id + "-")
        ]
        if variants or found.id not in self.families:
            return variants[0] if variants else found
        # "- Memory: 24 GB" under "Architecture: Blackwell": the chip the paragraph or the
        # document is about, not the architecture it was built on
        own = [
            e
            for layer in (self.paragraph, self.main)
            if (e := layer.get("Chip")) is not None and e.id not in self.families
        ]
        return own[0] if own else found


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    group: str


class FrameBuilder:
    """Frames for one language; `build(...)` runs once per sentence that holds a quantity."""

    _how: str | None = None  # how the last subject was found (`Frame.how`)

    def __init__(
        self,
        lex: Lexicon,
        metrics: dict[str, Metric],
        money_scale: dict[str, float] | None = None,
        reporters: frozenset[str] = frozenset(),
    ) -> None:
        self.lex = lex
        self.metrics = metrics
        self.money_scale = money_scale or {}
        self.reporters = (
            reporters  # firms that report figures (media, research houses), never their subject
        )
        self.en = lex.code == "en"

    @cached_property
    def _subject_marker(self) -> re.Pattern[str] | None:
        return self.lex.subject_particles

    @cached_property
    def _head_noun(self) -> re.Pattern[str]:
        """A common noun that may stand after a name as its head (`칩`, `시스템`, `업체`,
        `모델`)."""
        n = self.lex.data.names
        words = list(n.chip_words) + list(n.model_words) + list(n.head_nouns)
        return re.compile(rf"\s(?:{'|'.join(words)})") if words else re.compile("(?!)")

    @cached_property
    def _chip_word_after(self) -> re.Pattern[str]:
        words = [w for w in self.lex.data.names.chip_words if w.isascii() or len(w) > 1]
        return re.compile(rf"\s(?:{'|'.join(words)})(?![\w])" if words else "(?!)")

    def _maker_of_next(self, text: str, m: Mention, mentions: list[Mention]) -> bool:
        """A firm's name right before a chip's name or chip words is the maker of what follows,
        not a subject (`Nvidia A100 servers`, `Nvidia GPUs`, `엔비디아 AI 칩`, `AMD의 차세대
        GPU`; Korean puts up to two modifiers before the chip word), unless a figure's word follows
        the chips (`Nvidia H200 sales`, `바이두 AI 서버 투자 비용`: the firm's own)."""
        if m.label != "Firm":
            return False
        phrase = self._chip_word_after if self.en else self._chip_phrase_after
        at = m.end
        if not self.en and (possessive := self.lex.possessive.match(text, at)) is not None:
            at = possessive.end()  # "AMD의 차세대 GPU"
        word = phrase.match(text, at)
        chip = next((x for x in mentions if x.label == "Chip" and x.start == m.end + 1), None)
        end = word.end() if word else chip.end if chip else None
        if end is None:
            return False
        volume = self.lex.volume_nouns
        return not (volume is not None and volume.match(text, end) or self._cue_follows(text, end))

    def _bare_anaphor(self, m: Mention) -> bool:
        """A mention that is one of its label's anaphors (`정부`): it names no one by itself."""
        pattern = self.lex.anaphors.get(m.label)
        return pattern is not None and pattern.fullmatch(m.surface) is not None

    def _makers_product_subject(
        self,
        text: str,
        start: int,
        q: Quantity,
        found: Entity | None,
        labels: Sequence[str],
        mentions: list[Mention],
        salience: Salience,
    ) -> Entity | None:
        """ "Baidu's new inference chip is quick, running 8x faster …": the figure is the
        maker's chip's, the chip the paragraph is about, else no one's (not the maker's)."""
        if found is None or found.label != "Firm" or "Chip" not in labels:
            return found
        possessor = next(
            (
                m
                for m in mentions
                if m.id == found.id
                and start <= m.start < q.start
                and self.lex.word_after("makers_product_after", text, m.end)
            ),
            None,
        )
        if possessor is None:
            return found
        self._how = "makers-product"
        return salience.resolve(["Chip"], paragraph_only=True)

    def _cue_follows(self, text: str, at: int) -> bool:
        """Does a cue word (`투자`, `매출`) start right after `at`, past spaces?"""
        gap = len(text[at:]) - len(text[at:].lstrip())
        return at + gap in getattr(self, "_cue_starts", ())

    def _buying_at(self, text: str, at: int) -> bool:
        """Does a word of buying (`구매`, `주문`, `purchases`) follow at `at`?"""
        gap = len(text[at:]) - len(text[at:].lstrip())
        return any(
            s == at + gap and group in _BUYER_CUES
            for s, _, group in self.lex.cue_scanner.finditer(text[: at + gap + 12])
        )

    @cached_property
    def _product_word(self) -> re.Pattern[str]:
        """A word that opens with a chip word (`쿤룬2`) or is a firm name's suffix (`클라우드`)."""
        names = self.lex.data.names
        chips = "|".join(w for w in names.chip_words if w.isascii() or len(w) > 1) or "(?!)"
        suffixes = "|".join(map(re.escape, names.org_suffixes)) or "(?!)"
        return re.compile(rf"(?:{chips})(?:\s?[\dA-Za-z]|$)|(?:{suffixes})$")

    @cached_property
    def _chip_phrase_after(self) -> re.Pattern[str]:
        """A chip word after at most two modifiers (`엔비디아의 AI 칩`)."""
        words = self.lex.data.names.chip_words
        return re.compile(
            rf"\s(?:\S+\s){{0,2}}?(?:{'|'.join(words)})(?![A-Za-z0-9])" if words else "(?!)"
        )

    @cached_property
    def _title_after(self) -> re.Pattern[str] | None:
        titles = self.lex.data.names.person_titles
        return (
            re.compile(rf"\s?(?:{'|'.join(map(re.escape, sorted(titles, key=len, reverse=True)))})")
            if titles
            else None
        )

    @cached_property
    def _officer_words(self) -> str | None:
        """The officer titles of the lexicon as one alternation, longest first."""
        titles = self.lex.data.names.officer_titles
        return "|".join(map(re.escape, sorted(titles, key=len, reverse=True))) if titles else None

    @cached_property
    def _officer_after(self) -> re.Pattern[str]:
        """After a firm's name: the title of one of its officers (`엔비디아 CEO`)."""
        words = self._officer_words
        return re.compile(rf"\s?(?:{words})") if words else re.compile("(?!)")

    @cached_property
    def _oblique(self) -> re.Pattern[str]:
        return re.compile(rf"\s?{self.lex.particles('oblique')}(?![\uac00-\ud7a3])")

    @cached_property
    def _fronted_participle(self) -> re.Pattern[str]:
        """A participle phrase opening the sentence (`Despite adding 16,000 wafers, `), perhaps
        after a preposition of the language's list."""
        words = "|".join(self.lex.data.clause_words.get("participle_openers", [])) or "(?!)"
        return re.compile(rf"(?:(?:{words})\s+)?[A-Za-z]+ing\b(?:[^,;]|,(?=\d))*,\s")

    @cached_property
    def _part_of(self) -> re.Pattern[str]:
        """`of`, then the determiners of a whole a share is part of (`13% of all the X sales`)."""
        words = "|".join(self.lex.data.clause_words.get("part_of_determiners", [])) or "(?!)"
        return re.compile(rf"\s+of\s+(?:(?:{words})\s+)?(?=\S)", re.IGNORECASE)

    @cached_property
    def _fronted_phrase(self) -> re.Pattern[str]:
        """A phrase before the main clause's subject (`To match a B300 cluster, `, `Founded by X,
        `), past a heading's dash or colon; its openers are language data."""
        words = self.lex.data.clause_words.get("fronted_openers", [])
        openers = "|".join(words) or "(?!)"
        # the opener is a word of its own (`Beijing-based X,` opens no phrase)
        return re.compile(rf"(?:[^,;.]{{0,60}}?\s?[-–:]\s+)?(?:{openers})(?=\s)[^,;]*,\s")

    @cached_property
    def _verb_after_subject(self) -> re.Pattern[str]:
        """A verb right after a clause's first name (no plain plural noun: `Federal agencies`)."""
        words = self.lex.data.clause_words.get("subject_verbs", [])
        verbs = "|".join(words) or "(?!)"
        return re.compile(rf"\s+(?:[a-z]+ly\s+)?(?:{verbs})\b")

    @cached_property
    def _quoted_subject(self) -> re.Pattern[str]:
        """A quoted name marked as its clause's subject or topic (`‘링-플러스’는 `)."""
        return re.compile(rf"{_QUOTED_NAME_KO}{self.lex.particles('subject')}\s")

    @cached_property
    def _plural_anaphor(self) -> re.Pattern[str]:
        """An anaphor that points back at a list of names (`they`, `the companies`, `양사`)."""
        words = self.lex.data.clause_words.get("plural_anaphors", [])
        return re.compile(f"(?:{'|'.join(words)})", re.IGNORECASE) if words else re.compile("(?!)")

    @cached_property
    def _oblique_phrase(self) -> re.Pattern[str]:
        """An oblique particle after a name, or after the firm word that ends it (`엔플레임
        테크놀로지에`, `알리바바 그룹으로부터`)."""
        n = self.lex.data.names
        words = sorted({*n.org_suffixes, *n.head_nouns}, key=len, reverse=True)
        suffix = rf"(?:\s?(?:{'|'.join(map(re.escape, words))}))?" if words else ""
        return re.compile(rf"{suffix}\s?{self.lex.particles('oblique')}(?![\uac00-\ud7a3])")

    @cached_property
    def _marked_after(self) -> re.Pattern[str]:
        """A word that ends in a subject particle (`들이`, `업체는`, ` 기업들이`), right after a
        generic subject."""
        return re.compile(
            rf"\S*\s?(?:\S*?들)?{self.lex.particles('subject')}\s"
        )  # "빅테크 기업들이", not "시장 점유율은"

    @cached_property
    def _phrase_marker(self) -> re.Pattern[str]:
        return re.compile(
            rf"[,.]|{self.lex.particles('subject', 'possessive', 'object', 'oblique')}\s"
        )

    # -- the sentence ---------------------------------------------------------------------
    def cues(self, text: str) -> list[Cue]:
        """The cue words of a sentence; a phrase reads the word it contains (`sells for` is a
        price, not a sale), and so does a longer Korean word (`판매가` is a price, not a sale)."""
        found = [
            Cue(start, end, group) for start, end, group in self.lex.cue_scanner.finditer(text)
        ]
        return [
            c
            for c in found
            if not any(
                o.start <= c.start
                and c.end <= o.end
                and o.end - o.start > c.end - c.start
                and (" " in text[o.start : o.end].strip() or not self.en)
                for o in found
            )
        ]

    def build(
        self,
        text: str,
        mentions: list[Mention],
        quantities: list[Quantity],
        dates: list[DateValue],
        salience: Salience,
        source: Entity | None,
        cues: list[Cue],
    ) -> list[Frame]:
        """`mentions` may hold untyped new names (label ""): they fill a subject only right before
        the verb that governs the figure."""
        typed = [
            m for m in mentions if m.label and not (m.label == "Firm" and m.id in self.reporters)
        ]
        self._typed = typed
        self._reporting_firms = [
            m for m in mentions if m.label == "Firm" and m.id in self.reporters
        ]  # news and research houses the sentence names
        self._cue_starts = {c.start for c in cues}
        self._untyped = [m for m in mentions if not m.label]
        self._named = [
            (m.start, m.end) for m in mentions
        ]  # every name's span: no new name overlaps one
        self._quantities, self._text = quantities, text
        # "9,000 Ascend 950 chips, up to 20 EFLOPS": a chip a count counts is no later
        # figure's subject
        self._counted = {
            (m.start, m.end)
            for q in quantities
            if q.measure == "count"
            for m in [self._counted_mention(text, q, typed)]
            if m is not None
        }
        frames: list[Frame] = []
        self._previous_subject = None
        self._previous_at = -1  # where the figure that gave it ends
        self._last_counted: str | None = salience.counted
        self._last_counter: str | None = salience.counter
        grouped: list[tuple[Frame, list[Entity]]] = []
        earlier: Frame | None = None  # the sentence's last figure taken

        def reading(q: Quantity, metric: str | None, subject: Entity | None) -> Frame:
            """Another frame of the same figure, with its metric and subject already chosen."""
            extra = Frame(q)
            self._fill(
                extra, text, typed, quantities, dates, salience, source, cues, metric, subject
            )
            return extra

        for q in quantities:
            if q.converted:
                continue
            frame = Frame(q)
            self._group: list[Entity] | None = None
            # "Tokyo Electron took 44% of its revenue from China, Lam Research 42%": the first
            # clause's verb, left out, with a subject of its own (and both of "both A and B 36%")
            gapped = self._gapped_names(text, q, typed, earlier)
            self._fill(
                frame,
                text,
                typed,
                quantities,
                dates,
                salience,
                source,
                cues,
                forced=earlier.metric if gapped and earlier else None,
                subject=_entity(gapped[-1]) if gapped else None,
            )
            if gapped and frame.ok:
                frame.how = "gapped"
                frames += [replace(frame, subject=_entity(m)) for m in gapped[:-1]]
            if not frame.ok and earlier is not None and self._breaks_down(text, earlier, q):
                # "V3 was trained on 20,000 GPUs, including 12,000 H800 and 8,000 H20":
                # each part of the figure before is a fact of the same kind about the same subject
                for whole in [f for f in frames if f.ok and f.quantity is earlier.quantity]:
                    part = reading(q, whole.metric, whole.subject)
                    if part.ok:
                        part.how = "part"
                        frames.append(part)
            if frame.ok:
                earlier = frame
            frames.append(frame)
            if self._group and frame.ok and frame.subject == self._group[0]:
                grouped.append((frame, self._group))
            if q.measure == "count" and frame.unit not in (
                None,
                "people",
                "share",
                "entity",
                "country",
                OTHER_THING,
            ):
                self._last_counted = frame.unit
                self._last_counter = self.lex.own_kind_counter(q.text)
            if frame.ok:
                self._previous_subject = frame.subject
                self._previous_at = q.end
            for metric_id, named in self._secondary(frame, text, typed, cues) + self._received(
                frame
            ):
                extra = reading(q, metric_id, named)
                if extra.ok:
                    frames.append(extra)
        salience.counted = self._last_counted
        salience.counter = self._last_counter
        marker = self.lex.respectively
        if grouped and marker is not None and marker.search(text):
            for frame, members in grouped:  # "They bought 230,000 GPUs each", "양사는 각각"
                frames += [replace(frame, subject=m, how="each") for m in members[1:]]
        return self._respectively(text, typed, frames)

    def _breaks_down(self, text: str, earlier: Frame, q: Quantity) -> bool:
        """Does a breakdown word (`including`, `여기에는`) stand between the figure taken before
        and this count of the same measure?"""
        return (
            q.measure == earlier.quantity.measure == "count"
            and self._breakdown.search(text, earlier.quantity.end, q.start) is not None
        )

    @cached_property
    def _breakdown(self) -> re.Pattern[str]:
        words = self.lex.data.clause_words.get("breakdown_openers", [])
        return re.compile(rf"(?:{'|'.join(words)})" if words else "(?!)", re.IGNORECASE)

    def _respectively(self, text: str, mentions: list[Mention], frames: list[Frame]) -> list[Frame]:
        """ "알리바바와 바이트댄스는 각각 20만 개를", "A and B bought 5,000 and 8,000 GPUs
        respectively": the figures go to the names of the list in order, one figure to each name.
        Without the word, only figures that are themselves a list as long as the names' (`A and B
        booked 3 billion yuan and 4 billion yuan of sales`)."""
        marker = self.lex.respectively
        found = marker.search(text) if marker is not None else None
        if found is None and not self.en:
            return frames
        out = list(frames)
        by_subject: dict[tuple[str, str, str | None], list[Frame]] = {}
        for f in frames:
            if (
                f.ok
                and f.subject is not None
                and (
                    found is None
                    or self.en
                    or f.quantity.start >= found.start()
                    or found.start() == f.quantity.end  # "300억원씩"
                )
            ):
                by_subject.setdefault((f.subject.label, f.subject.id, f.metric), []).append(f)
        for (label, entity_id, _), group in by_subject.items():
            named = [
                m
                for m in mentions
                if (m.label, m.id) == (label, entity_id) and m.end <= group[0].quantity.start
            ]
            members = self._list_members(text, named[-1], mentions) if named else []
            if len(members) < 2:
                continue
            if found is None and not (
                len(group) == len(members)
                and self._figure_list(text, group)
                and self.lex.last_clause_word("joint_words", text, 0, len(text)) is None
            ):
                continue  # "A and B together spent X and Y": no pairing
            if self.lex.last_clause_word("joint_words", text, 0, len(text)) is not None:
                continue  # "A와 B가 공동으로 100억원씩": what they give together
            listed = {x.id for x in members}
            for f in group:  # "A와 B가 각각 투자했다": no name of the list is the others' object
                if f.object is not None and f.object.id in listed:
                    f.object = None
            if len(group) == len(members):
                for f, m in zip(group, members, strict=True):
                    f.subject, f.how = _entity(m), "respectively"
            elif len(group) == 1:
                for m in members[1:]:
                    out.append(replace(group[0], subject=_entity(m), how="respectively"))
        return out

    def _figure_list(self, text: str, group: list[Frame]) -> bool:
        """Are the figures one list (`3 billion yuan and 4 billion yuan`, `12%, 40% and
        80%`): each next to the one before, with only a comma or a list joiner between?"""
        joiner = self.lex.list_separator
        for a, b in itertools.pairwise(group):
            if not joiner.fullmatch(text[a.quantity.end : b.quantity.start].strip()):
                return False
        return True

    def coordinated(self, text: str, m: Mention, mentions: list[Mention]) -> list[Entity]:
        """The names of the list `m` heads in subject position (`Tencent and ByteDance
        became`, `알리바바와 바이두는`), or none."""
        members = self._list_members(text, m, mentions)
        if len(members) < 2 or members[0] is not m:
            return []
        subject = (
            self.topical(text, m, mentions) if self.en else self._marked_subject(text, members[-1])
        )
        return [_entity(x) for x in members] if subject else []

    def _list_members(self, text: str, m: Mention, mentions: list[Mention]) -> list[Mention]:
        """The names coordinated with `m` ("A, B와 C"), in order."""
        same = [x for x in mentions if x.label == m.label]
        i = same.index(m)
        first = last = i

        def joined(a: Mention, b: Mention) -> bool:
            return self.lex.joins_list(text, a.end, b.start)

        while first > 0 and joined(same[first - 1], same[first]):
            first -= 1
        while last + 1 < len(same) and joined(same[last], same[last + 1]):
            last += 1
        return same[first : last + 1]

    def _received(self, frame: Frame) -> list[tuple[str, Entity]]:
        """ "Nvidia will supply 18,000 chips to Humain": the recipient acquires what is supplied."""
        metric = self.metrics.get(frame.metric or "")
        if not frame.ok or metric is None or not metric.recipient_metric or frame.recipient is None:
            return []
        if frame.recipient.label != metric.recipient[0]:
            return []  # "exports of 5,000 H200s to China": a country is where they go
        return [(metric.recipient_metric, frame.recipient)]

    def _secondary(
        self, frame: Frame, text: str, mentions: list[Mention], cues: list[Cue]
    ) -> list[tuple[str, Entity]]:
        """Metrics marked `secondary` that the figure also fills: their cue and a name of their
        first subject label stand in its clause."""
        if not frame.ok:
            return []
        start, end = self.clause(text, frame.quantity.start, frame.quantity.end)
        found = []
        for mid, metric in self.metrics.items():
            if (
                not metric.secondary
                or mid == frame.metric
                or metric.measure != frame.quantity.measure
            ):
                continue
            has_cue = any(c.group in metric.cues and start <= c.start < end for c in cues)
            named = [m for m in mentions if m.label == metric.subject[0] and start <= m.start < end]
            if has_cue and named:
                found.append((mid, _entity(named[0])))
        return found

    def _fill(
        self,
        f: Frame,
        text: str,
        mentions: list[Mention],
        quantities: list[Quantity],
        dates: list[DateValue],
        salience: Salience,
        source: Entity | None,
        cues: list[Cue],
        forced: str | None = None,
        subject: Entity | None = None,
    ) -> None:
        q = f.quantity
        start, end = self.clause(text, q.start, q.end)
        if q.measure == "money" and not q.converted:
            salience.currency = q.unit
        elif self._amount_without_currency(q, start, end, cues, salience):
            q = f.quantity = replace(q, measure="money", unit=salience.currency or q.unit)
        chip = self._counted_chip(text, q, mentions)
        counted = q.counted or ("GPU" if chip is not None and q.measure == "count" else None)
        if counted is None and q.measure == "count":
            counted = self.lex.counted_by_cue(
                text[q.start : q.end], (c.group for c in cues if start <= c.start < end)
            )  # "월 10만 장의 생산능력": a sheet beside production is a wafer
        if (
            counted is None
            and q.measure == "count"
            and self.lex.own_kind_counter(q.text) in (None, self._last_counter)
            and tables.row_cells(text) is None  # a table row counts what its own label says
            and not (q.text.isdigit() and _CODE_BEFORE.search(text, 0, q.start))
        ):  # "DDR5 6400", "LPDDR5X 8533": a bare number after a product code is its grade
            counted = (
                self._last_counted
            )  # "H200을 100만 개 주문했지만, … 재고는 50만 개다": what was counted before (`1기가`
            # counts no sheets: another counter counts another thing)
        if q.measure == "count" and counted is None:
            f.reason = "a count of nothing the schema knows"
            return
        if q.measure == "memory" and _PER_PART_BEFORE.search(text, max(0, q.start - 12), q.start):
            f.reason = "the size of one of several parts"  # "16개의 2GB 메모리 칩", "12 × 2GB"
            return
        if counted == "layer" and self.lex.word_after("stack_products", text, q.end):
            f.reason = "a stack height naming a memory product"  # "12-layer HBM3E", "12단 HBM3E"
            return
        if q.measure == "count" and not float(q.value).is_integer():
            f.reason = "a count is a whole number"  # "밀도가 2.4에서 6.1 사이인 칩": no 6.1 chips
            return
        if self._negated(text, start, end, q):
            f.reason = "negated"
            return
        if self._conditional(text, start, end, q):
            f.reason = "conditional"
            return
        if self.lex.word_before("tolerance_marks", text, q.start):
            f.reason = "the tolerance of the figure before"  # "$43.0 billion, plus or minus 2%"
            return
        if q.vague:
            f.reason = "an order of magnitude, not a figure"  # "billions of dollars", "수십억 달러"
            return
        if (
            q.measure == "duration"
            and self.lex.time_frame is not None
            and self.lex.time_frame.search(text[max(0, q.start - 24) : q.start])
        ):
            f.reason = "a time frame, not a figure"  # "in the past six months", "향후 3년간"
            return
        if q.measure == "duration" and self.lex.word_after("record_after", text, q.end):
            f.reason = "the span of a record, not a figure"  # "20년 만에 최대 상승폭"
            return
        if q.measure == "duration" and self._frames_next_figure(text, q):
            f.reason = "a time frame, not a figure"  # "3년간 최대 4,800억 위안 투자"
            return
        readings = self._metrics(q, counted, start, end, cues, only=forced)
        if not readings:
            f.reason = "no cue says what this figure is"
            return
        if all(self.metrics[m].kind == "chip_spec" for m, _ in readings) and self.lex.word_before(
            "spec_baseline_marks", text, q.start
        ):
            f.reason = "the spec of the version the chip replaced"  # "16 GB (down from 24 GB)"
            return
        f.unit = counted if q.measure == "count" else q.unit
        if counted == OTHER_THING:
            if q.unit in (OTHER_THING, "count"):
                f.reason = "a count of nothing the schema knows"  # "두 개의 공장": no noun to name
                return
            f.unit = q.unit  # "160 cabinets": the thing it counts
        value = q.value * self.money_scale.get(q.unit, 1.0) if q.measure == "money" else q.value
        compared = self._compared(
            text, q, mentions
        )  # "versus Mistral at $9": a base with its own figure
        bases = [m for m in mentions if m is not compared and self._comparison_base(text, m)]
        candidates = [
            m
            for m in mentions
            if m not in bases and not any(self._possesses(text, m, b) for b in bases)
        ]  # "화웨이의 어센드 910B보다": the base's owner is no subject either
        # "CEO Gary Dickerson said … would cut $400 million": an officer speaks for the firm
        spoken_for = (  # not one charged: "공동창업자 … 밀수출한 혐의로 기소됐다" is the man's act
            {} if self._enforcement(text) else self._officers_firms(text, candidates, salience)
        )
        for metric_id, cue in readings[:3]:  # the best reading with a subject of its own label
            metric = self.metrics[metric_id]
            pool, speaker = candidates, source
            if spoken_for and "Person" not in metric.subject:
                pool = [spoken_for.get(m, m) for m in candidates]
                officer = next((m for m in candidates if source and m.id == source.id), None)
                if officer in spoken_for:
                    speaker = _entity(spoken_for[officer])
            f.metric, f.cue = metric_id, cue.group if cue else None
            if q.negative or not (metric.bounds.min <= value <= metric.bounds.max):
                f.reason = f"implausible value for {metric_id}"
                later = readings[readings.index((metric_id, cue)) + 1 : 3]
                if any(c is cue or q.measure != "count" for _, c in later):
                    # one cue, two metrics ("prices dropping to $0.28/M"): the value tells which;
                    # a share over 100% is a plain ratio ("R&D spending was 455% of revenue");
                    # a chip's 180 PFLOPS is no site's computing capacity (its measure's default);
                    # billions are no price when spending is the clause's other cue (a count too
                    # many for one verb is too many for the next)
                    continue
                return
            f.reason = None
            self._how = "secondary" if subject else None
            f.subject = subject or self._subject(
                text, start, end, q, cue, metric, pool, salience, speaker
            )
            f.how = self._how
            if (
                f.subject is not None
                and f.subject.label == "Firm"
                and f.subject.id in self.reporters
            ):
                # the discourse's topic is a news agency: it reports, the figure
                # is not its
                f.subject = None
            if (
                f.subject is not None
                and f.subject.label == "Agency"
                and metric.kind != "controls_chip"
                and not metric.enforcer
                and self._enforcement(text)
            ):
                # "법무부는 … 1억 6천만 달러어치를 밀수한 혐의로 기소했다": the accused's figure
                f.subject = None
            if (
                f.subject is not None
                and f.subject.label in metric.named_labels
                and f.how in _DISCOURSE_SUBJECTS | {"anaphor", "ko-anaphor"}
            ):
                f.subject = None  # "Cadence's shares fell 10%" on a page about BIS: not BIS's
            if f.subject is not None and f.how == "continuation" and not metric.continues:
                f.subject = None  # "…, slashing latency by 40%": a bare share is no first clause's
            if (
                f.subject is not None
                and metric.named_subject
                and f.how in (_TOPIC_SUBJECTS if metric.reporter_subject else _DISCOURSE_SUBJECTS)
            ):
                # "about 1.1 times more power": a comparison whose subject the sentence does
                # not name, unless it sets the discourse's product against another
                f.subject = self._compared_product(
                    text, start, end, metric, mentions, salience
                ) or self._growth_of_figure_before(start, f.subject)
            if (
                f.subject is not None
                and metric.subject_name
                and not re.search(metric.subject_name, f"{f.subject.name} {f.subject.id}")
            ):
                # "Kunlun chip will introduce super nodes with 1,000 cards": a
                # chip, no system
                f.subject = None
            if f.subject is not None:
                break
        if f.subject is None:
            f.metric, f.cue = readings[0][0], readings[0][1].group if readings[0][1] else None
            f.reason = "no subject of the right type"
            return
        if metric.object:
            f.object = (
                chip
                if metric.object == "Chip" and chip is not None
                else self._object(text, start, end, q, metric, mentions, f.subject)
            )
        # a name the clause marks as the real subject swaps places with the subject found:
        # "X received $5 million from Y" (Y gave it to X), "Y led a round in X" (X raised it)
        marks: list[Callable[[Mention], bool]] = []
        if metric.object and metric.giver_subject:
            marks.append(lambda m: self._giver(text, q, _entity(m), mentions))
        if (group := metric.raiser_marks) is not None:
            marks.append(lambda m: self._funding_target(text, q, m, group))
        for marked in marks:
            other = self._swapped_subject(mentions, metric, f.subject, start, end, marked)
            if other is not None:
                f.subject, f.object = other, f.subject
        if metric.recipient:
            f.recipient = self._recipient(text, q.end, end, metric, mentions, f.subject)
            if f.recipient is None and not self.en:
                # "삼성전자에 GPU 5만 장을 공급한다": Korean marks the recipient with 에 before
                # the figure
                before = self._recipients_before(
                    text, start, q.start, metric.recipient, mentions, f.subject.id
                )
                f.recipient = before[-1] if before else None
        f.date = self._date(dates, q, start, end)
        f.qualifier = q.qualifier or self._qualifier(text, q, quantities)
        f.status = self._status(text, start, end, source)
        f.source = source

    def predecessor(self, text: str, m: Mention) -> bool:
        """A product named as the predecessor of another (`the first-generation Gaudi`, `기존
        H100`): a comparison's old side, never the discourse's product."""
        if m.label not in ("Chip", "AIModel"):
            return False
        found = self.lex.last_clause_word("predecessors", text, max(0, m.start - 32), m.start)
        return found is not None and not text[found.end() : m.start].strip(" -")

    def _growth_of_figure_before(self, start: int, subject: Entity) -> Entity | None:
        """ "매출은 4억 위안으로 전년 대비 10배 급증했다": a multiple in the clause of a figure the
        discourse's subject was found for tells that figure's growth: the same subject's."""
        previous: Entity | None = getattr(self, "_previous_subject", None)
        return subject if previous == subject and self._previous_at > start else None

    def _new_product(self, text: str, start: int, end: int) -> Entity | None:
        """A new name that opens the clause (after a determiner or its maker's possessive) and
        stands right before a verb of having or delivering, perhaps past a product noun: the chip
        the clause's spec is about (`The BR100 delivers`, `Nvidia's DGX Spark packs`, `the Jetson
        Thor module delivers`)."""
        for m in getattr(self, "_untyped", []):
            if not (start <= m.start and m.end <= end) or self._not_product.match(m.surface):
                continue
            lead = text[start : m.start].strip(" \"“'(")
            if not (_PRODUCT_LEAD.fullmatch(lead) or self._makers_possessive(lead, start)):
                continue  # "The top-of-the-range BR100 comes with …": a determiner and modifiers
            noun = self._product_noun_after.match(text, m.end)
            if not (noun or PRODUCT_CODE.search(m.surface) or self._makers_possessive(lead, start)):
                continue  # "Kestrel Silicon offers 96GB": a name alone may be the maker's
            if self._spec_verb_after.match(text, noun.end() if noun else m.end):
                return Entity("Chip", m.id, m.surface, candidate=True)
        return None

    def _makers_possessive(self, lead: str, start: int) -> bool:
        """`Nvidia's` before a new name: a firm the ontology knows, as its owner."""
        return any(
            m.label == "Firm" and re.fullmatch(rf"{re.escape(m.surface)}['’]s", lead)
            for m in self._typed
            if m.start >= start
        )

    @cached_property
    def _product_noun_after(self) -> re.Pattern[str]:
        nouns = "|".join(self.lex.data.clause_words.get("product_nouns", [])) or "(?!)"
        return re.compile(rf"\s+(?:{nouns})\b")

    @cached_property
    def _spec_verb_after(self) -> re.Pattern[str]:
        verbs = "|".join(self.lex.data.clause_words.get("spec_verbs", [])) or "(?!)"
        helpers = "|".join(self.lex.data.clause_words.get("auxiliaries", [])) or "(?!)"
        # "The X9 delivers …", "The X9 can consume …", "The X9 typically draws …"
        return re.compile(rf"\s+(?:(?:{helpers})\s+)?(?:[a-z]+ly\s+)?(?:{verbs})\b")

    @cached_property
    def _format_code(self) -> re.Pattern[str]:
        """A period, a number format or a standard as a code (`FY2025`, `DDR5`): no name."""
        return re.compile(rf"(?:{latin_codes('not_product_codes')})-?\d*[A-Za-z]?")

    @cached_property
    def _not_product(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{latin_codes('not_product_codes')})")

    def _compared_product(
        self,
        text: str,
        start: int,
        end: int,
        metric: Metric,
        mentions: list[Mention],
        salience: Salience,
    ) -> Entity | None:
        """ "전작 대비 성능 3배", "15 times faster than the H100": a comparison set against a
        predecessor, or against another product of its kind the clause names, is about the
        product the discourse is about."""
        labels: list[str] = [label for label in ("Chip", "AIModel") if label in metric.subject]
        rivals = [
            m
            for m in mentions
            if start <= m.start < end
            and m.label in labels
            and (self._comparison_base(text, m) or self._comparison_base(text, m, skip="the "))
        ]
        if rivals:
            labels = [rivals[0].label]
        elif self.lex.last_clause_word("predecessors", text, start, end) is None:
            return None
        product = salience.resolve(labels)
        return None if product is None or any(b.id == product.id for b in rivals) else product

    def _amount_without_currency(
        self, q: Quantity, start: int, end: int, cues: list[Cue], salience: Salience
    ) -> bool:
        """ "its revenue was 989 million yuan … the profit of its main business reached 276
        million": a sum in millions with no unit of its own, governed by a money word, is in the
        currency the document used last."""
        if salience.currency is None or q.measure != "count" or q.counted is not None:
            return False
        if q.value < 1_000_000 or not self._scale_word.search(q.text):
            return False
        return any(start <= c.start and c.end <= end and c.group in self._money_cues for c in cues)

    @cached_property
    def _scale_word(self) -> re.Pattern[str]:
        scales = [w for w, v in self.lex.data.numbers.scales.items() if v >= 1_000_000]
        return re.compile("|".join(map(re.escape, scales)) or "(?!)", re.IGNORECASE)

    @cached_property
    def _money_cues(self) -> frozenset[str]:
        """The cue groups that govern money only (`revenue`, `spend`, `charge`, ...): not those a
        count or a duration shares (`trained on 15 trillion tokens` is no sum)."""
        money = {g for m in self.metrics.values() if m.measure == "money" for g in m.cues}
        shared = {
            g
            for m in self.metrics.values()
            if m.measure not in ("money", "percent")
            for g in m.cues
        }
        return frozenset(money - shared)

    def _frames_next_figure(self, text: str, q: Quantity) -> bool:
        """A duration right before a sum or a count (`3년간 최대 4,800억 위안`, `1년 동안 2억
        달러`) is the period of that figure, not a figure of its own."""
        return any(
            p.measure in ("money", "count")
            and 0 < p.start - q.end <= 12
            and not re.search(r"[,;.]", text[q.end : p.start])
            for p in getattr(self, "_quantities", [])
        )

    def _level(self, q: Quantity) -> bool:
        """Is the figure a level a change reaches or starts from (`rose to 92.5%`, `from 20%`,
        `13%로 떨어졌다`, `20%에서`), not the change itself?"""
        text = self._text
        before = _LIST_OF_PERCENTS_BEFORE.search(text, max(0, q.start - 60), q.start)
        after = _LIST_OF_PERCENTS_AFTER.match(text, q.end)
        # an item of a list shares the list's particle (`각각 10%, 20%에서`, `to 8%, 15%`)
        return self.lex.word_before(
            "level_before", text, before.start() if before else q.start
        ) or self.lex.word_after("level_after", text, after.end() if after else q.end)

    def _enforcement(self, text: str) -> bool:
        """Does the sentence tell of an enforcement act (charged, seized, 기소, 적발)? Its agency is
        then no actor of the figures it charges others with."""
        pattern = self.lex.enforcement_verbs
        return pattern is not None and pattern.search(text) is not None

    def _possesses(self, text: str, owner: Mention, owned: Mention) -> bool:
        """`화웨이의 어센드 910B`, `Nvidia's H20`: the owner's possessive right before the owned
        name."""
        found = self.lex.possessive.match(text, owner.end)
        return (
            found is not None and re.fullmatch(r"\s?", text[found.end() : owned.start]) is not None
        )

    def _comparison_base(self, text: str, m: Mention, skip: str = "") -> bool:
        """`DeepSeek R1 대비 8배`, `faster than Nvidia's H20`: the name a figure is compared with
        is never its subject (`skip`: a word allowed between, `than the H100`)."""
        before, after = self.lex.baseline
        at = m.start - len(skip) if skip and text[: m.start].endswith(skip) else m.start
        if not self.en and after is not None and self._base_after_head_nouns(text, m.end, after):
            return True
        return bool(
            after is not None
            and after.match(text, m.end)
            or before is not None
            and self.en
            and before.search(text, max(0, at - 24), at)
        )

    def _base_after_head_nouns(self, text: str, at: int, after: re.Pattern[str]) -> bool:
        """ "H100 기반 서버보다", "엔비디아 동급 제품 가격보다": up to three head nouns, none marked
        by a particle, between a name and the comparison word."""
        particles = tuple(self.lex.data.attached_particles)
        for _ in range(3):
            word = _NEXT_WORD_KO.match(text, at)
            if word is None:
                return False
            for end in range(word.start() + 2, word.end() + 1):  # `서버보다`: the word glued to it
                if after.match(text, end) and not text[word.start() : end].endswith(particles):
                    return True
            if word.group(0).endswith(particles):
                return False
            at = word.end()
        return False

    @cached_property
    def _other_topic_ko(self) -> re.Pattern[str]:
        """A word marked as a topic (`차이는`)."""
        return re.compile(rf"[\uac00-\ud7a3]{{2,}}{self.lex.particles('sentence_topic')}\s")

    # -- clause ---------------------------------------------------------------------------
    def clause(self, text: str, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end): between the clause breaks of the language."""
        if getattr(self, "_clause_text", None) is not text:
            breaks = self.lex.clause_breaks
            self._clause_text = text
            found = [(m.start(), m.end()) for m in breaks.finditer(text)] if breaks else []
            # "- Revenue: $39.3 billion": a short label before a colon names what follows
            self._breaks = [(a, b) for a, b in found if not _LABEL_COLON.fullmatch(text, 0, b)]
            # "capacity — excluding leased resources — had reached": an aside between two dashes
            # (short, no figure) leaves the clause whole
            dashes = [(a, b) for a, b in self._breaks if text[a:b].strip() in ("—", "–")]
            aside = {
                span
                for first, second in zip(dashes, dashes[1:], strict=False)
                if second[0] - first[1] <= 80 and not re.search(r"\d", text[first[1] : second[0]])
                for span in (first, second)
            }
            self._breaks = [span for span in self._breaks if span not in aside]
            # "SMIC's process, which uses multi-patterning, has a yield of 50%": a relative clause
            # set off by commas (no figure) sits inside the clause it describes
            self._breaks = [
                (a, b) for a, b in self._breaks if not self._embedded_relative(text, a, b)
            ]
        left = max((b for a, b in self._breaks if b <= start), default=0)
        right = min((a for a, b in self._breaks if a >= end), default=len(text))
        return left, right

    def _embedded_relative(self, text: str, start: int, end: int) -> bool:
        """Is the break at [start, end) a relative clause's opening comma (`, which`, `, who`)
        whose closing comma, past no figure, hands back to the main clause's verb?"""
        if not self.en or not _RELATIVE_OPENING.fullmatch(text, start, end):
            return False
        close = text.find(",", end, end + 120)
        return (
            close > 0
            and not re.search(r"\d", text[end:close])
            and self._verb_after_subject.match(text, close + 1) is not None
        )

    # -- metric ---------------------------------------------------------------------------
    def _metric(
        self,
        q: Quantity,
        counted: str | None,
        text: str,
        start: int,
        end: int,
        cues: list[Cue],
        only: str | None = None,
    ) -> tuple[str | None, Cue | None]:
        ranked = self._metrics(q, counted, start, end, cues, only)
        return ranked[0] if ranked else (None, None)

    def _metrics(
        self,
        q: Quantity,
        counted: str | None,
        start: int,
        end: int,
        cues: list[Cue],
        only: str | None = None,
    ) -> list[tuple[str, Cue | None]]:
        """The metrics the figure may fill, best first: those whose cue stands in its clause (the
        nearest first; cues side by side go to the more specific metric, listed first in the
        schema; a generic money word yields to a specific one), then its measure's default."""
        fitting = [
            (mid, m)
            for mid, m in self.metrics.items()
            if m.measure == q.measure
            and (q.measure != "count" or counted in m.counted)
            and (not m.units or q.unit in m.units)
            and (only is None or mid == only)
            and not (m.change and self._level(q))
        ]
        scored: list[tuple[float, int, str, Cue]] = []
        for order, (mid, metric) in enumerate(fitting):
            named = [
                Cue(m.start, m.end, f"@{m.label}")
                for m in getattr(self, "_typed", [])
                if m.label in metric.cue_labels
            ]
            near = [
                (self._cue_distance(c, q), c)
                for c in cues + named
                if (c.group in metric.cues or c.group[1:] in metric.cue_labels)
                and start <= c.start
                and c.end <= end
                and not (q.start <= c.start < q.end)
                and not self._governs_earlier(c, q)
                and not self._governs_later(c, q)
            ]
            near = [(d, c) for d, c in near if d <= FAR]
            if near:
                distance, cue = min(near, key=lambda x: x[0])
                scored.append((distance, order, mid, cue))
        ranked: list[tuple[str, Cue | None]] = []
        pool = scored
        while pool:
            specific = [s for s in pool if not self.metrics[s[2]].generic]
            candidates = specific if specific and q.measure == "money" else pool
            nearest = min(s[0] for s in candidates)
            best = min((s for s in candidates if s[0] <= nearest + TIE), key=lambda s: s[1])
            ranked.append((best[2], best[3]))
            pool = [s for s in pool if s is not best]
        ranked += [
            (mid, None) for mid, m in fitting if m.default and mid not in {r[0] for r in ranked}
        ]
        if not ranked and only is not None:
            ranked = [(mid, None) for mid, _ in fitting]  # a reading the caller already chose
        return ranked

    def _governs_later(self, cue: Cue, q: Quantity) -> bool:
        """English nouns govern what follows: a cue after the figure that opens another figure
        ("8,000 cards and capacity of 900 PFLOPS") is that figure's."""
        if not self.en or cue.start < q.end or not self._text[cue.start : cue.start + 1].isalpha():
            return False  # (not "Oracle's 30,000 and Baidu's 20,000 GPUs": an owner's mark)
        return any(
            p is not q
            and p.start >= cue.end
            and (
                self._text[cue.end : p.start].strip() in ("", ":")
                or self.lex.words_between("figure_openers", self._text[cue.end : p.start])
            )
            for p in getattr(self, "_quantities", [])
        )

    def _governs_earlier(self, cue: Cue, q: Quantity) -> bool:
        """Korean verbs follow what they govern: a cue between two figures ("4,800 TPP를 넘지 않는
        4,707 TPP") is the earlier one's when nearer to it, and one before both the nearer's."""
        if self.en or cue.end > q.start:
            return False
        same = [
            p for p in getattr(self, "_quantities", []) if p.measure == q.measure and p is not q
        ]
        if any(
            cue.end <= p.start
            and p.end <= q.start
            and re.fullmatch(r"\s?", self._text[cue.end : p.start])
            for p in same
        ):
            # "정한 4,800 TPP를 … 4,707 TPP": a verb right before a figure modifies that
            # one
            return True
        earlier = [p for p in same if p.end <= cue.start]
        return bool(earlier) and cue.start - earlier[-1].end < self._cue_distance(cue, q)

    def _cue_distance(self, cue: Cue, q: Quantity) -> float:
        if cue.end <= q.start:
            gap = q.start - cue.end
            return gap if self.en else gap * 1.5  # English verbs and nouns govern what follows
        gap = cue.start - q.end
        return gap * 1.5 if self.en else gap

    # -- subject --------------------------------------------------------------------------
    def _subject(
        self,
        text: str,
        start: int,
        end: int,
        q: Quantity,
        cue: Cue | None,
        metric: Metric,
        mentions: list[Mention],
        salience: Salience,
        source: Entity | None,
    ) -> Entity | None:
        column = self._table_column(text, q, salience)
        if column is not None and column.label in metric.subject:
            self._how = "table"  # "| Memory | 96 GB | 48 GB |" under "| Spec | H20 | L20 |"
            return column
        if cue is not None and cue.group == "penalty":
            named = [
                m
                for m in mentions + self._untyped
                if q.end < m.start < end
                and m.label in ("", *metric.subject)
                and (
                    self.lex.words_between("penalised_after", text[q.end : m.start])
                    or not text[q.end : m.start].strip()
                    and not text[m.end : cue.start].strip()
                )  # "a $30 million Acme settlement": the name between figure and penalty
            ]
            if named:  # "a civil penalty of $500,000 against GlobalFoundries": the one penalised
                self._how = "against"
                m = named[0]
                return Entity(
                    m.label or "Firm", m.id, m.surface, candidate=m.candidate or not m.label
                )
        if metric.subject_is_recipient and not self.en:
            given = self._recipients_before(text, start, q.start, metric.subject, mentions, None)
            if given:  # "검찰은 X에게 징역 5년을 구형했다": the term is X's
                self._how = "ko-recipient"
                return given[-1]
        found = self._grammatical_subject(
            text, start, end, q, cue, metric, mentions, salience, source
        )
        if (
            found is None
            and cue is not None
            and cue.group == "train"
            and "AIModel" in metric.subject
        ):
            trained = self._trained_model(text, start, end, cue, mentions)
            if trained is not None:  # "H800 칩 2천48개로 V3 모델을 학습시켰다": the model trained
                self._how = "trained"
                return trained
        return found

    def _table_column(self, text: str, q: Quantity, salience: Salience) -> Entity | None:
        """The chip a table's header names above the figure's column."""
        if not salience.table:
            return None
        cells = tables.row_cells(text)
        column = tables.column_of(cells, q.start) if cells else None
        return salience.table.get(column) if column is not None else None

    def _trained_model(
        self, text: str, start: int, end: int, cue: Cue, mentions: list[Mention]
    ) -> Entity | None:
        """The model a training verb takes as its object: right after it in English (`trained V3`),
        marked as the object right before it in Korean (`V3 모델을 학습시켰다`)."""
        models = [m for m in mentions if m.label == "AIModel" and start <= m.start and m.end <= end]
        if self.en:
            after = [
                m
                for m in models
                if 0 <= m.start - cue.end <= 12
                and re.fullmatch(
                    r"\s+(?:(?:its|their|the|a)\s+)?(?:new\s+)?", text[cue.end : m.start]
                )
            ]
            return _entity(after[0]) if after else None
        heads = "|".join(self.lex.data.names.model_words) or "(?!)"
        marked = re.compile(
            rf"(?:\s?(?:{heads}))?\s?{self.lex.particles('object')}\s"
        )  # "V3 모델을 "
        before = [
            m
            for m in models
            if m.end <= cue.start and cue.start - m.end <= 16 and marked.match(text, m.end)
        ]
        return _entity(before[-1]) if before else None

    def _grammatical_subject(
        self,
        text: str,
        start: int,
        end: int,
        q: Quantity,
        cue: Cue | None,
        metric: Metric,
        mentions: list[Mention],
        salience: Salience,
        source: Entity | None,
    ) -> Entity | None:
        labels = metric.subject
        bracketed = self._bracketed(text, q, labels, mentions)
        if bracketed is not None:
            self._how = "bracket"
            return bracketed
        previous: Entity | None = getattr(self, "_previous_subject", None)
        if (
            previous is not None
            and previous.label in labels
            and start > 0
            and self._fact_anaphor(text, start)
            and not any(m.label in labels and start <= m.start < q.start for m in mentions)
        ):
            # "… 매출을 올렸으며 이는 전체 매출의 13%": the figure before's subject
            self._how = "fact-anaphor"
            return previous
        sized = next(  # "the 96GB H20 GPU", "엔비디아의 46GB L20 GPU": the chip the size names;
            # "the 2GW Stargate UAE campus", "300MW of Stargate UAE": the site the power sizes
            (
                m
                for m in mentions
                if m.label in labels
                and m.start > q.end
                and (
                    q.measure in ("memory", "bandwidth", "power")
                    and not text[q.end : m.start].strip()
                    or (q.measure == "power" or q.measure == "money" and not self.en)
                    and self.lex.clause_word_at("figure_of", text, q.end) == m.start
                    and not m.candidate
                    and not self._maker_of_next(text, m, mentions)  # "6 GW of AMD GPUs"
                    and not self._bare_anaphor(m)  # "규모의 정부 자금": whose, said before
                )  # "3000억 달러 규모의 '스타게이트' 프로젝트": the project the sum sizes
            ),
            None,
        )
        if sized is not None:
            self._how = "sized"
            return _entity(sized)
        apposed = next(  # "Stargate UAE, a 2-gigawatt campus financed by MGX": what it sizes
            (
                m
                for m in mentions
                if self.en
                and m.label in labels
                and self.lex.clause_word_at("apposition_openers", text, m.end) == q.start
            ),
            None,
        )
        if apposed is not None:
            self._how = "apposed"
            return _entity(apposed)
        compared = self._compared(text, q, mentions)
        if (
            compared is not None
            and compared.label not in labels
            and text[compared.end : compared.end + 2] in ("'s", "’s")
        ):
            compared = None  # "versus Nvidia's 13.8 TB": the maker's; its product may be named
        if compared is not None:  # the figure is this name's, whatever the reading
            self._how = "compared"
            return _entity(compared) if compared.label in labels else None
        if self.en:
            found = self._subject_en(text, start, end, q, cue, labels, mentions, salience, source)
            found = self._officers_employer(text, start, found, labels, mentions, salience)
            found = self._makers_product_subject(text, start, q, found, labels, mentions, salience)
            topic = salience.paragraph.get(source.label) if source is not None else None
            if (
                (found is None or self._how == "topic" and topic is None)
                and source is not None
                and (topic is None or topic.id == source.id)
                and source.label in labels
                and source.id not in self.reporters
                and not self._names_anaphor(text, q.start, labels, start)
                and not self._generic_subject(text, start, q.start)
                and not self._third_party(text, source, mentions)
            ):  # "Revenue rose 12% to $3 billion, Nvidia said": a source on its own figures;
                # not "The company will pay $140 million, the department said"
                self._how = "self-report"
                return source
            return found
        if (
            source is not None
        ):  # "SemiAnalysis는 해당 기관이 … 있다고 보고 있다": the source is not the subject
            said = [
                m
                for m in mentions
                if (m.label, m.id) == (source.label, source.id) and m.end <= q.start
            ]
            others = [
                m
                for m in mentions
                if (m.label, m.id) != (source.label, source.id)
                and (not said or m.start >= said[0].end)
            ]  # names inside what the source says
            found = self._subject_ko(text, start, end, q, labels, others, salience, cue)
            if self._names_anaphor(text, q.start, labels) or (
                found is not None and self._how not in ("ko-topic", "ko-anchored")
            ):
                return found
            news = self.lex.news_report is not None and bool(
                self.lex.news_report.search(text, q.end)
            )
            if (
                said
                and source.label in labels
                and not news
                and self._marked_subject(text, said[0])
                and not self._overt_subject_ko(text, said[0].end, q.start)
            ):  # not "법무부는 존 리가 … 받았다고"
                # "캠브리콘은 매출이 … 늘었다고 밝혔다": a source on itself; not "FT는 … 보도했다"
                self._how = "ko-self-report"
                return source
            if found is not None and not news:
                # a press report's topic is no fallback: the sentence's own names
                # come first
                return found
        return self._subject_ko(text, start, end, q, labels, mentions, salience, cue)

    def _gapped_names(
        self, text: str, q: Quantity, typed: list[Mention], earlier: Frame | None
    ) -> list[Mention]:
        """The name right before a figure, after a gap opener (`…, Lam Research 42%, KLA 41%`),
        with the name a list joins to it (`, and both ASML and Applied Materials 36%`), when the
        sentence took a figure of the same measure before: a clause whose verb is left out."""
        if earlier is None or earlier.quantity.measure != q.measure or earlier.metric is None:
            return []
        named = [m for m in typed if m.end <= q.start and not text[m.end : q.start].strip()]
        if not named or named[-1].end == q.start:
            return []
        names = [named[-1]]
        partner = next(
            (
                m
                for m in typed
                if m.label == names[0].label
                and m.end < names[0].start
                and self.lex.joins_list(text, m.end, names[0].start)
            ),
            None,
        )
        if partner is not None:
            names.insert(0, partner)
        if earlier.quantity.end > names[0].start or not self.lex.word_before(
            "gap_openers", text, names[0].start
        ):
            return []
        return names

    @cached_property
    def _time_nouns(self) -> list[str]:
        return self.lex.data.clause_words.get("time_nouns", [])

    @cached_property
    def _officer_title(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        """A firm officer's title right before a name (`CEO Lisa Su`, `최고경영자 게리 디커슨은`)
        or right after it (`Lisa Su, AMD's chief executive`, `리사 수 CEO는`)."""
        words = self._officer_words
        if words is None:
            return None
        before = re.compile(rf"(?:^|[\s(])(?:{words})\s?$")
        after = re.compile(
            rf"(?:\s?,\s(?:the\s|its\s|[\w.&-]+(?:'s|’s)\s)?|\s)?(?:{words})(?![\w])"
        )
        return before, after

    def _officers_firms(
        self, text: str, mentions: list[Mention], salience: Salience
    ) -> dict[Mention, Mention]:
        """Each officer the sentence titles (`CEO Lisa Su`), as a mention of the firm: the firm the
        sentence names right before the title, else the paragraph's firm."""
        titles = self._officer_title
        if titles is None:
            return {}
        before, after = titles
        out: dict[Mention, Mention] = {}
        for m in mentions:
            if m.label != "Person" or not (
                before.search(text, max(0, m.start - 30), m.start) or after.match(text, m.end)
            ):
                continue
            firms = [n for n in mentions if n.label == "Firm" and n.end <= m.start]
            titled = after.match(text, m.end)
            of_firm = next(  # "Kai-Fu Lee, the founder and head of 01.ai"
                (
                    n
                    for n in mentions
                    if titled is not None
                    and n.label == "Firm"
                    and 0 <= n.start - titled.end() <= 30
                    and re.search(r"\b(?:of|at)\s+$", text[titled.end() : n.start])
                ),
                None,
            )
            firm: Entity | None
            if firms and m.start - firms[-1].end <= 30:
                firm = _entity(firms[-1])  # "Nvidia CEO Jensen Huang", "알리바바의 에디 우 CEO"
            elif of_firm is not None:
                firm = _entity(of_firm)
            else:
                firm = salience.resolve(["Firm"], paragraph_only=True) or salience.main.get("Firm")
            if firm is not None:
                out[m] = replace(m, label="Firm", id=firm.id, surface=firm.name)
        return out

    @cached_property
    def _exemplar(self) -> re.Pattern[str]:
        """ "leading chip makers like Cambricon are expected to …": a plural subject, then the link
        to its named example, at the end of the text searched."""
        links = "|".join(self.lex.data.clause_words.get("exemplar_links", [])) or "(?!)"
        return re.compile(rf"(?:^|[,;:]\s+)[\W]*(?:[A-Za-z-]+\s+){{0,5}}[a-z]+s\s+(?:{links})\s+$")

    def _pronoun_after(self, text: str, at: int) -> bool:
        """Does a subject pronoun follow a reporting verb (`said they bought`, `said that it
        had`)?"""
        gap = re.match(r"\s+(?:that\s+)?", text[at:])
        return gap is not None and self.lex.word_after("subject_pronouns", text, at + gap.end())

    def _fact_anaphor(self, text: str, start: int) -> bool:
        """Does the clause open with a word that points back at the figure before it (`이는`,
        `this represents`)?"""
        opening = start + len(text[start:]) - len(text[start:].lstrip())
        return self.lex.word_after("fact_anaphors", text, opening)

    def _compared(self, text: str, q: Quantity, mentions: list[Mention]) -> Mention | None:
        """In a comparison, the name just before `at` (`against Google at $12 and Mistral at
        $8`), or the name a compared figure is given for (`compared with 75 days for Acme`)."""
        at = (
            _COMPARED_AT.search(text, max(0, q.start - 60), q.start)
            or self._ranked_after.search(text, max(0, q.start - 60), q.start)
            if self.en
            else None
        )
        before = next((m for m in mentions if at is not None and m.start == at.start("name")), None)
        if before is not None or not self.lex.word_before("comparison_openers", text, q.start):
            return before
        link = self._comparison_owner_link.match(text, q.end)
        return next((m for m in mentions if link is not None and m.start == link.end()), None)

    @cached_property
    def _definite_before(self) -> re.Pattern[str]:
        """A definite determiner right before a figure (`the 145 kW consumed by …`)."""
        words = "|".join(self.lex.data.clause_words.get("definite_determiners", [])) or "(?!)"
        return re.compile(rf"\b(?:{words})\s+$", re.IGNORECASE)

    @cached_property
    def _ranked_after(self) -> re.Pattern[str]:
        """A ranking's next place: `followed by Acme with a 12 percent share`."""
        words = "|".join(self.lex.data.clause_words.get("ranked_after", [])) or "(?!)"
        links = "|".join(self.lex.data.clause_words.get("ranked_owner_links", [])) or "(?!)"
        return re.compile(
            rf"\b(?:{words})\s(?P<name>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){{0,3}})(?:{links})$"
        )

    @cached_property
    def _comparison_owner_link(self) -> re.Pattern[str]:
        words = self.lex.data.clause_words.get("comparison_owner_links", [])
        return re.compile("|".join(words) or "(?!)", re.IGNORECASE)

    def _bracketed(
        self, text: str, q: Quantity, labels: Sequence[str], mentions: list[Mention]
    ) -> Entity | None:
        """`SK하이닉스(54%)`, `Nvidia (34x)`: the name just before the bracket the figure opens."""
        head = text[max(0, q.start - 3) : q.start]
        if not re.search(r"[(（]\s?$", head):
            return None
        bracket = (
            q.start - len(head) + head.rfind("(")
            if "(" in head
            else q.start - len(head) + head.rfind("（")
        )
        for m in mentions:
            if m.label in labels and (
                0 <= bracket - m.end <= 1 or self._suffix_gap.fullmatch(text, m.end, bracket)
            ):  # also "Samsung Electronics Co (34%)": the name's firm suffix between
                self._how = "none"
                return _entity(m)
        return None

    @cached_property
    def _suffix_gap(self) -> re.Pattern[str]:
        """Only firm suffixes (`Co`, `Inc.`, `Ltd`) and spaces: what may stand between a name the
        gazetteer found and a bracket after it."""
        words = "|".join(map(re.escape, self.lex.data.names.org_suffixes)) or "(?!)"
        return re.compile(rf"(?:\s(?:{words})\.?,?)+\s?")

    def _officers_employer(
        self,
        text: str,
        start: int,
        found: Entity | None,
        labels: Sequence[str],
        mentions: list[Mention],
        salience: Salience,
    ) -> Entity | None:
        """ "The company's finance chief, Jane Roe, said she expected the share to fall to 20%": an
        officer the sentence introduces through a firm anaphor reports the firm's figure, when the
        metric prefers a firm to a person."""
        if (
            found is None
            or found.label != "Person"
            or "Firm" not in labels
            or labels.index("Firm") > labels.index("Person")
        ):
            return found
        person = next((m for m in mentions if m.id == found.id and m.start >= start), None)
        said = _REPORTING_EN.search(text, person.end) if person is not None else None
        if person is None or said is None or said.start() - person.end > 40:
            return found
        employer = self._anaphor(text, start, person.start, ["Firm"], salience, mentions)
        return employer or found

    def _subject_en(
        self,
        text: str,
        start: int,
        end: int,
        q: Quantity,
        cue: Cue | None,
        labels: Sequence[str],
        mentions: list[Mention],
        salience: Salience,
        source: Entity | None,
    ) -> Entity | None:
        head = min(q.start, cue.start) if cue is not None else q.start
        reporting = [m for m in _REPORTING_EN_SCREENED.finditer(text, start, head)]
        if (
            _GENERIC_LABELS & set(labels)
            and self._generic_before_names(text, start, q.start, mentions)
            and not (
                reporting
                and reporting[0].start() >= self._generic_end
                and not self._pronoun_after(text, reporting[0].end())
            )
        ):
            self._how = (
                "generic"  # "Chinese firms bought Nvidia chips worth $5 billion": no named subject;
            )
            return (
                None  # but "Analysts estimate Baidu's stake at …" only reports whose figure it is
            )
        region_start = start
        if reporting:
            region_start = reporting[-1].end()
        pool = [
            m
            for m in mentions
            if m.label in labels
            and region_start <= m.start
            and m.end <= q.start
            and (m.start, m.end) not in self._counted
            and not self.lex.word_after("maker_modifiers", text, m.end)
            and not self._maker_of_next(text, m, mentions)
        ]  # "the TSMC-made 910B", "Nvidia A100 servers": the maker modifies a name
        pool = [m for m in pool if not _inside_apposition(text, m, pool)]
        owner = [
            m
            for m in pool
            if self._possessive(text, m)
            and (owns := _OWNS_FIGURE.match(text, m.end)) is not None
            and owns.end() >= q.start
        ]
        # "Meta AI's 70,000 GPUs", "Nvidia's $5.5 billion charge": the possessor right
        # before the figure
        modified = self._modified_name(text, q, end, labels, mentions)
        if owner and (
            modified is None or labels.index(owner[-1].label) <= labels.index(modified.label)
        ):
            self._how = "owner"
            return _entity(owner[-1])
        if modified is not None:
            # "its 1.6-trillion-parameter V4-Pro model", "Acme's 7-billion-parameter Foo-1": the
            # name the compound modifies, when the metric prefers its kind to the possessor's
            self._how = "compound"
            return modified
        if self._definite_before.search(text, max(0, q.start - 12), q.start):
            agent = self._agent(text, q, end, labels, mentions)
            if agent is not None:  # "the 145 kW consumed by the GB200": the figure's own agent
                self._how = "agent"
                return agent
        whole = self._whole_after(text, q, end, labels, salience, mentions)
        if (
            whole is not None
        ):  # "over half of Nvidia's revenue", "13% of its sales": the whole's owner
            self._how = "part-of"
            return whole
        fronted = self._fronted_participle.match(text)
        if (
            fronted is not None and q.end <= fronted.end()
        ):  # "Despite adding 16,000 wafers, SMIC kept ...":
            main = [m for m in mentions if m.label in labels and 0 <= m.start - fronted.end() <= 4]
            if main:  # a fronted participle's subject is the main clause's
                self._how = "participle"
                return _entity(main[0])
        trailing = self.lex.last_clause_word("trailing_participles", text, region_start, q.start)
        if trailing is not None and not any(m.start >= trailing.end() for m in pool):
            opener = self._fronted_phrase.match(text, region_start)
            main = [
                m
                for m in pool
                if (opener is None or m.start >= opener.end())
                and m.end <= trailing.start()
                and not _after_preposition(text, m.start)
            ]
            main = [
                m for m in main if not any(self._owns(text, m, x) for x in main if x is not m)
            ]  # "Meta's Llama 3 took 40 days, using 8,192 GPUs": the model, not its owner
            if main:  # "Microsoft became the largest buyer, purchasing 485,000 GPUs": Microsoft
                self._how = "participle"
                return _entity(self._head_of_list(text, main[0], mentions))
        owners = {
            (m.start, m.end)
            for m in pool
            for x in mentions
            if x.label in labels and x.start < q.start and self._owns(text, m, x)
        }
        pool = [
            m for m in pool if (m.start, m.end) not in owners
        ]  # "Nvidia's H200 carries …": the H200 does
        chosen = self._first_by_label(
            [
                m
                for m in pool
                if not _after_preposition(text, m.start)
                or self._possessive(text, m)
                and _after_preposition(text, m.start, only=("of",))
                or _OF_POSSESSOR.match(text[region_start : m.start])
                or self._attribute_of(text, m)
                or self._exemplar.search(text[region_start : m.start])
            ],
            labels,
            closest_to=head,
        )
        if chosen is not None:
            self._how = "clause"
            return _entity(self._head_of_list(text, chosen, mentions))
        antecedent = self._relative_antecedent(text, start, labels, mentions)
        if antecedent is not None:
            self._how = "relative"
            return antecedent
        anaphor = self._anaphor(text, region_start, head, labels, salience, mentions)
        if anaphor is not None:
            self._how = "anaphor"
            return anaphor
        agent = self._agent(text, q, end, labels, mentions)
        if agent is not None:
            self._how = "agent"
            return agent
        if cue is not None and "Firm" in labels:
            new = [
                m
                for m in getattr(self, "_untyped", [])
                if region_start <= m.start
                and m.end <= cue.start
                and not _after_preposition(text, m.start, ("by",))  # "a fund run by Orvex has"
                and (
                    cue.start - m.end <= 2
                    or _APPOSITION_EN.fullmatch(text[m.end : cue.start])
                    or self.lex.words_between("auxiliaries", text[m.end : cue.start])
                    or not text[region_start : m.start].strip(" \"“'(")
                    and self._verb_after_subject.match(text, m.end)
                    and not any(m.end <= x.start < cue.start for x in mentions if x.label)
                )
            ]  # "Humain will deploy"; "Lumora pleaded guilty and agreed to pay"
            if new:  # "Kestrel Silicon bought 4,000 H20 GPUs": a new name right before the verb
                self._how = "new-name"
                return Entity("Firm", new[-1].id, new[-1].surface, candidate=True)
        if "Chip" in labels:
            product = self._new_product(text, region_start, q.start)
            if product is not None:  # "The BR100 delivers 1,024 TFLOPS": a new chip's spec
                self._how = "new-name"
                return product
        opener = self._fronted_phrase.match(text)
        main_at = opener.end() if opener is not None and opener.end() <= start else 0
        if start > main_at:  # a later clause without a subject of its own continues the first main
            # clause's (past a fronted phrase: "Founded by X, Acme priced ..., which raised ...")
            first_start, first_end = self.clause(text, main_at, main_at)
            first = [
                m
                for m in mentions
                if m.label in labels
                and main_at <= m.start
                and m.end <= first_end
                and self.topical(text, m, mentions)
            ]
            if first:
                self._how = "continuation"
                return _entity(self._first_by_label(first, labels, closest_to=first_end))
        if reporting and not _EMBEDDED_SUBJECT_EN.match(text, reporting[-1].end(), head):
            # "SMIC reported a 58% rise": the reporter is the subject when its clause
            # names no other;
            # "prosecutors said the men smuggled $160 million": the men did, not the prosecutors
            before = [
                m
                for m in mentions
                if m.label in labels
                and start <= m.start
                and m.end <= reporting[-1].start()
                and self.topical(text, m, mentions)
            ]
            if before:
                self._how = "reporter"
                return _entity(
                    self._first_by_label(before, labels, closest_to=reporting[-1].start())
                )
            anaphor = self._anaphor(text, start, reporting[-1].start(), labels, salience, mentions)
            if anaphor is not None:  # "the company claimed to have over 21,000 GPUs"
                self._how = "reporter-anaphor"  # the sentence names it, by an anaphor
                return anaphor
        if (
            not any(
                m.label in labels and not _after_preposition(text, m.start) and m.start < end
                for m in mentions
            )
            and not (
                self._generic_subject(text, region_start, q.start)
                or self._other_thing_opens(text, region_start, q.start, labels)
                or self._named_other_subject(
                    text,
                    start
                    if reporting and not _EMBEDDED_SUBJECT_EN.match(text, reporting[-1].end(), head)
                    else region_start,
                    q.start,
                    labels,
                    mentions,
                )
            )
            and not any(  # "Zorvath aims to open a foundry, with a $9 billion plant": a new
                m.candidate  # name opens the sentence as its subject, its later clauses are its too
                and not m.label
                and main_at <= m.start <= main_at + 4
                and self._verb_after_subject.match(text, m.end) is not None
                for m in getattr(self, "_untyped", [])
            )
        ):  # "84 percent from China": an oblique is no subject
            self._how = "topic"
            # the sentence names no one: it is about the discourse's topic, of the kind an
            # anaphor opening the clause says ("The government has pledged 500 billion yen")
            opening = self._opening_anaphor_label(text, region_start, labels)
            if opening == "Regulation" and "Agency" in labels:
                return salience.resolve([opening, "Agency"])  # a rule not named is its maker's
            return salience.resolve([opening] if opening else labels)
        return None

    def _opening_anaphor_label(self, text: str, start: int, labels: Sequence[str]) -> str | None:
        """The one label whose anaphors (and no other label's) open the clause at `start`
        (`the government`, not `it`)."""
        begin = start + len(text[start:]) - len(text[start:].lstrip())
        matched = [
            label
            for label in labels
            if (pattern := self.lex.anaphors.get(label)) is not None and pattern.match(text, begin)
        ]
        return matched[0] if len(matched) == 1 else None

    def _subject_ko(
        self,
        text: str,
        start: int,
        end: int,
        q: Quantity,
        labels: Sequence[str],
        mentions: list[Mention],
        salience: Salience,
        cue: Cue | None = None,
    ) -> Entity | None:
        wholes = {
            (m.start, m.end)
            for m in mentions
            for p in getattr(self, "_quantities", [])
            if p.measure in ("percent", "multiple")
            and 0 <= p.start - m.end <= 2
            and self._possessive(text, m)
        }
        before = [
            m
            for m in mentions
            if m.label in labels
            and m.end <= q.start
            and (m.start, m.end) not in wholes  # "SK하이닉스의 1.4%": the whole a share is of
            and not self.lex.word_after("stake_object", text, m.end)
        ]  # "쿤룬신 지분 59%": what is owned
        possessors = [
            m
            for m in before
            if self._possessive(text, m) and self._possessor_governs(text, m, q, cue)
        ]
        marked = [m for m in before if self._marked_subject(text, m)]
        # "미국 정부는 H20 판매액의 15%를 받는다": the owner of the whole a share is taken from
        # yields to the clause's marked subject
        owners_of_whole = {
            (m.start, m.end)
            for m in possessors
            if q.measure == "percent" and self._whole_of.fullmatch(text, m.end, q.start)
        }
        if marked and any(x not in owners_of_whole for x in map(_span, marked)):
            possessors = [m for m in possessors if (m.start, m.end) not in owners_of_whole]
        subjects = [m for m in mentions if self._marked_subject(text, m)]
        own = start > 0 and any(start <= m.start and m.end <= q.start for m in subjects)
        # the sentence's generic subject, unless this clause has a subject of its own; or
        # the clause's
        if (
            _GENERIC_LABELS & set(labels)
            and (
                not own
                and self._generic_before_names(text, 0, q.start, subjects)
                or start > 0
                and self._generic_before_names(text, start, q.start, subjects)
            )
            and not any(m.start >= self._generic_end for m in possessors)
        ):
            # "중국 업체들은 40억 달러 규모의 …": the subject is no one the text names;
            self._how = "generic"
            return (
                None  # "애널리스트들은 … AMD의 점유율이 20%에서": the embedded clause names its own
            )
        topics = [m for m in marked if self._topic_marked(text, m)]
        # "화홍은 SMIC가 … 발표한 지 며칠 만에 12억 달러": a subject inside a time clause that
        # closed before the figure is not its subject
        inside = [
            m
            for m in possessors + marked
            if m.start >= start
            and (m in topics or not time_clause_between(text, m.end, q.start, self._time_nouns))
            and (
                m in topics
                or not self._embedded_under_topic(
                    text, m, q, [t for t in topics if t.start >= start]
                )
            )
        ]
        owner = next((m for m in before if self._owns_figure_ko(text, m, q)), None)
        if owner is not None:  # "GPT-4의 약 1조 개": the name owning the figure itself
            self._how = "ko-owner"
            return _entity(owner)
        for group in (
            inside,
            topics,  # a clause without a subject continues the sentence's topic (은/는) ...
            possessors + marked,
        ):  # ... else the nearest subject of the sentence
            if group and group is not inside and group is not topics:
                opening = self._anaphoric_topic(text, labels, salience, mentions, group)
                if opening is not None:  # "이 회사는 A가 투자했으며, … 1만개를 확보한"
                    self._how = "ko-anaphor"
                    return opening
            if group:
                chosen = self._first_by_label(group, labels, closest_to=q.start)
                closer = (
                    self._new_name_ko(text, q.start, labels, mentions, after=chosen.end)
                    if chosen
                    else None
                )
                if (
                    closer is not None
                ):  # "AMD … 화얼타이가 1.02%": a new name marked nearer the figure
                    self._how = "ko-new-name"
                    return closer
                if chosen is not None and self._overt_subject_ko(text, chosen.end, q.start):
                    self._how = (
                        "ko-overt"  # "법무부는 존 리가 … 받았다고": the nearer subject is no entity
                    )
                    return None
                self._how = "ko-marked"
                return _entity(self._head_of_list(text, chosen, mentions) if chosen else None)
        anaphor = self._anaphor(text, 0, q.start, labels, salience, mentions)
        if anaphor is not None:
            self._how = "ko-anaphor"
            return anaphor
        near = [
            m
            for m in before
            if m.start >= start
            and not self._ends_in_oblique_or_example(text, m, mentions)
            and not self._modifies_a_name(text, m, mentions)
            and not self._heads_a_compound_ko(text, m, q)
        ]
        if near:
            self._how = "ko-near"
            return _entity(self._first_by_label(near, labels, closest_to=q.start))
        new = self._new_name_ko(text, q.start, labels, mentions)
        if new is not None:
            self._how = "ko-new-name"
            return new
        later = self._relative_head(text, q, end, labels, mentions)
        if later is not None:
            self._how = "ko-relative"
            return later
        scrambled = self._subject_after_object_ko(text, q, end, labels, mentions)
        if scrambled is not None:  # "GPU 1만 개를 텐센트가 샀다": an object fronted before
            self._how = "ko-scrambled"  # its clause's subject
            return scrambled
        if (
            not any(
                m.label in labels
                and not self._oblique.match(text, m.end)
                and (m.start, m.end) not in wholes
                and not (m.start >= q.end and self._possessive(text, m))
                and m.start < end  # "…를 유치했으며 A와 B도 투자했다": the next clause's names
                for m in mentions
            )  # "1000억원을 투자해 리벨리온의 NPU …": a possessor after the figure is no subject
            and not self._generic_subject(text, 0, q.start)
            and not self._overt_subject_ko(text, 0, q.start)
            and not self._system_subject_ko(text, start, q)
            and not any(
                m.label in _ACTORS and m.label not in labels and self._marked_subject(text, m)
                for m in mentions
                if start <= m.start and m.end <= q.start
            )  # "정부가 … GPU 1만 장을 공급": the clause's subject is an actor of another kind (a
            # marked chip or country is the figure's product or market, not its subject)
        ):  # "중국 내 판매": a place, no subject
            found = salience.resolve(labels)  # Korean drops a subject the discourse already gives
            anchored = (
                found is not None
                and found.label in salience.anchored
                and salience.paragraph.get(found.label) == found
                and not _MARKED_WORD_KO.search(text, start, q.start)
            )  # not "한편 미국에서는 전력 수요가 …": a clause with a topic or subject of its own
            # the paragraph's 은/는-marked topic holds the later clauses that name no subject
            # ("X는 … 기업이다. 2030년까지 2기가와트로 늘린다"): a subject the text gives
            self._how = "ko-anchored" if anchored else "ko-topic"
            return found
        return None

    def _subject_after_object_ko(
        self, text: str, q: Quantity, end: int, labels: Sequence[str], mentions: list[Mention]
    ) -> Entity | None:
        """The figure is marked as the object (`1만 개를`) and the next name, marked as the
        subject, follows it in the clause: Korean fronts objects freely."""
        if not self._object_mark_after.match(text, q.end):
            return None
        after = [m for m in mentions if q.end <= m.start < end]
        if after and after[0].label in labels and self._marked_subject(text, after[0]):
            return _entity(after[0])
        return None

    @cached_property
    def _object_mark_after(self) -> re.Pattern[str]:
        """Right after a figure: its object particle (`3을`), perhaps after its counted noun."""
        return re.compile(rf"(?:\s?[\uac00-\ud7a3A-Za-z]{{1,6}})?{self.lex.particles('object')}\s")

    def _anaphoric_topic(
        self,
        text: str,
        labels: Sequence[str],
        salience: Salience,
        mentions: list[Mention],
        marked: list[Mention],
    ) -> Entity | None:
        """A topic-marked anaphor that opens the sentence before any marked name (`이 회사는 …`):
        the sentence is about what it points back to, not about a name a later clause marks."""
        first = min(m.start for m in marked)
        for label in labels:
            pattern = self.lex.anaphors.get(label)
            opening = pattern.match(text, len(text) - len(text.lstrip())) if pattern else None
            if (
                opening is not None
                and opening.end() <= first
                and re.match(self.lex.particles("sentence_topic"), text[opening.end() :])
            ):
                return self._anaphor(text, 0, opening.end(), labels, salience, mentions)
        return None

    def _embedded_under_topic(
        self, text: str, m: Mention, q: Quantity, topics: list[Mention]
    ) -> bool:
        """`오픈AI는 AMD가 내년 출시 예정인 MI450 칩을 기반으로 1GW급 시설을`: a name marked
        as a subject after the sentence's topic, whose clause closes as a relative clause before
        the figure, is the subject of that relative clause only."""
        return any(t.end <= m.start for t in topics) and adnominal_clause_between(
            text, m.end, q.start
        )

    @cached_property
    def _counted_noun(self) -> re.Pattern[str]:
        """A noun the language counts things with (`코어`, `직원`, `GPU`)."""
        nouns = [n for words in self.lex.data.numbers.counted.values() for n in words]
        return re.compile(rf"(?:{'|'.join(nouns)})" if nouns else "(?!)", re.IGNORECASE)

    def _overt_subject_ko(self, text: str, start: int, end: int) -> bool:
        """The clause names a subject of its own that is no known entity, so the discourse's topic
        is not its subject: an unknown proper noun (`웬델 웡은`) or a firm or person noun someone
        possesses (`쉬의 회사는`, `그의 변호사는`)."""
        known = [  # a name with its own head noun (`클라우드매트릭스 384 슈퍼노드는`)
            (m.start, head.end() if (head := self._head_noun.match(text, m.end)) else m.end)
            for m in self._typed
            if not m.candidate
        ]
        cue_starts: set[int] = getattr(self, "_cue_starts", set())
        for s, e, tag, form in marked_nouns(text, start, end):
            if any(a <= s < b or s <= a < e for a, b in known):
                continue
            if any(s <= c < e for c in cue_starts):
                continue  # "클라우드 수익은": a figure's noun (a cue), no name
            if self._counted_noun.match(form) and (
                self._possessed(text, s) or self.lex.word_before("number_of_nouns", text, e)
            ):  # "H20의 코어는", "코어 수는": what the figure counts, no name (`이 칩은` is one)
                continue
            possessed_noun = self._possessed(text, s) and form in self._agent_nouns
            if tag == "NNP" or possessed_noun or self._pointed_thing(text, s, form):
                return True
        return False

    def _other_thing_opens(self, text: str, start: int, end: int, labels: Sequence[str]) -> bool:
        """ "The chip will be installed in a 500 MW data centre", "This method cuts memory use by
        75%": the clause opens with a noun phrase that points at a thing of another kind (an
        anaphor of another label, or a demonstrative before a noun no firm anaphor names), so the
        discourse's topic is not its subject."""
        begin = start + len(text[start:end]) - len(text[start:end].lstrip())
        opener = self.lex.clause_word_at("clause_openers", text, begin)
        begin = opener if opener is not None else begin
        if self.lex.word_after("fact_anaphors", text, begin):
            return False  # "This represents 13% of sales" points back at the figure before
        if self.lex.word_after("thing_subjects", text, begin):
            return True  # "The project involves buying 740 servers": the project's, not a firm's
        for label, pattern in self.lex.anaphors.items():
            m = pattern.match(text, begin, end)
            if m is not None and " " in m.group(0).strip():
                return label not in labels
        pointing = self.lex.demonstrative
        return bool(
            pointing is not None
            and (m := pointing.match(text, begin, end)) is not None
            and re.match(r"\s+[a-z]", text[m.end() : end])
            and (
                self.lex.word_after("plural_demonstratives", text, m.start())
                or not self.lex.word_after("verbs_after_demonstrative", text, m.end())
            )
        )

    def _third_party(self, text: str, source: Entity, mentions: list[Mention]) -> bool:
        """The source is described as one reporting on others (`according to data provider X`),
        where the sentence names it."""
        return any(
            m.id == source.id and self.lex.word_before("third_party_before", text, m.start)
            for m in [*mentions, *getattr(self, "_untyped", [])]
        )

    def _ends_in_oblique_or_example(self, text: str, m: Mention, mentions: list[Mention]) -> bool:
        """The list a name closes is marked oblique (`알리바바 그룹으로부터`), or gives examples
        of a group (`알리바바·텐센트 등 대형 기업`): no clause's subject."""
        end = self._list_members(text, m, mentions)[-1].end
        return bool(
            self._oblique_phrase.match(text, end) or self.lex.word_after("example_marks", text, end)
        )

    def _system_subject_ko(self, text: str, start: int, q: Quantity) -> bool:
        """The figure's clause marks a known system as its subject and counts other chips (`NVL72는
        … 블랙웰 GPU를 72대 탑재하고`): the system's parts, no holding of the discourse's firm."""
        if q.measure != "count":
            return False
        chips = [m for m in self._typed if m.label == "Chip" and start <= m.start < q.start]
        return any(
            not m.candidate
            and self._marked_subject(text, m)
            and any(x.id != m.id and x.start > m.end for x in chips)
            for m in chips
        )

    def _pointed_thing(self, text: str, start: int, form: str) -> bool:
        """ "이 칩은", "이 지침은": a demonstrative points at a thing that is no firm or person;
        what the clause says is about that thing (its anaphor, if any, is resolved before)."""
        pointing = self.lex.demonstrative
        if pointing is None or form in self._agent_nouns:
            return False
        return self._pointing_phrase.search(text, max(0, start - 24), start) is not None

    @cached_property
    def _pointing_phrase(self) -> re.Pattern[str]:
        """A demonstrative, then at most two modifiers before the noun (`이 최신 AI 칩은`)."""
        pointing = self.lex.demonstrative
        words = pointing.pattern if pointing is not None else "(?!)"
        return re.compile(rf"(?<![\w])(?:{words})\s(?:[\w.-]+\s){{0,2}}$")

    @cached_property
    def _agent_nouns(self) -> frozenset[str]:
        names = self.lex.data.names
        return frozenset(names.firm_appositives) | frozenset(names.person_titles)

    def _named_other_subject(
        self, text: str, start: int, stop: int, labels: Sequence[str], mentions: list[Mention]
    ) -> bool:
        """ "The Commerce Department announced $310 million in penalties": the clause names its
        subject, of a type the metric does not take, so the figure is not the discourse topic's."""
        return any(
            m.label is not None
            and (m.label not in labels or m in reporting)
            and start <= m.start
            and m.end <= stop
            and not _after_preposition(text, m.start)
            and self._verb_after_subject.match(text, m.end) is not None
            for reporting in [getattr(self, "_reporting_firms", [])]
            for m in [*mentions, *reporting]
        )  # also "Bernstein raised its forecast to …": a research house's own figure

    def _relative_antecedent(
        self, text: str, start: int, labels: Sequence[str], mentions: list[Mention]
    ) -> Entity | None:
        """ "the Ascend 910C, which delivers 0.8 petaflops": a relative clause's subject is the
        name it follows."""
        pronoun = _RELATIVE_PRONOUN.search(text, max(0, start - 9), start)
        if pronoun is None:
            return None
        before = [
            m
            for m in mentions
            if m.label in labels
            and m.end <= pronoun.start()
            and (
                pronoun.start() - m.end <= 1
                or self._head_noun_only.fullmatch(text, m.end, pronoun.start())
            )
        ]
        return (
            _entity(before[-1]) if before else None
        )  # also "MiniMax-Text-01 model, which contains"

    @cached_property
    def _head_noun_only(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{self._head_noun.pattern})s?")

    def _relative_head(
        self, text: str, q: Quantity, end: int, labels: Sequence[str], mentions: list[Mention]
    ) -> Entity | None:
        """ "73.5 테라플롭스의 성능을 가진 RTX 4090D는": the figure sits in a relative clause whose
        head, marked as the subject, follows it (no comma between: `…조달할 예정이며, 이는 앞서
        상장한 X보다` names X in a clause of its own)."""
        for m in mentions:
            if "," in text[q.end : m.start]:
                continue
            if (
                m.label in labels
                and q.end <= m.start < end
                and self._marked_subject(text, m)
                and _RELATIVE_ENDING.search(text[q.end : m.start])
            ):
                return _entity(m)
            if (
                m.label in labels
                and q.end <= m.start < end
                and (
                    _RELATIVE_BEFORE_HEAD.search(text[q.end : m.start])
                    or adnominal_before(text, m.start)  # "60% 이상을 기록하는 TSMC는"
                )
            ):
                return _entity(
                    m
                )  # "개당 2만 7천 달러에 달하는 H200 칩을": the head right after the clause
        return None

    def _generic_before_names(
        self, text: str, start: int, end: int, mentions: list[Mention]
    ) -> bool:
        """A generic subject ("Chinese firms", "업계는") opens the clause before any name does."""
        pattern = self.lex.generic_subjects
        if pattern is None:
            return False
        if self.en and (fronted := self._fronted_phrase.match(text, start)) is not None:
            start = max(start, min(fronted.end(), end))  # "According to industry tracker X, …"
        first = min((m.start for m in mentions if start <= m.start < end), default=end)
        anaphor = (
            self.lex.any_anaphor.search(text, start, first)
            if self.lex.any_anaphor is not None
            else None
        )
        if anaphor is not None:
            first = min(
                first, anaphor.start()
            )  # "The company beat analyst expectations": the anaphor is the subject
        found = self._generic_match(text, start, end)
        if (
            not found or found.start() > first
        ):  # "China's AI market": a generic phrase may hold a name
            return False
        self._generic_end = found.end()
        marked = None if self.en else self._marked_after.match(text[found.end() : found.end() + 8])
        # "중국 빅테크 기업들이" is generic; "중국 빅테크 알리바바가" names its subject
        return self.en or (marked is not None and found.end() + marked.end() <= first)

    def _generic_subject(self, text: str, start: int, end: int) -> bool:
        """ "Global semiconductor sales rose", "업계는": the clause is about no one the text
        names."""
        return self._generic_match(text, start, end) is not None

    def _generic_match(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """The first generic phrase in [start, end) that is no possessor (`analysts'
        expectations of $17 billion`: the figure is still the firm's)."""
        pattern = self.lex.generic_subjects
        if pattern is None:
            return None
        for found in pattern.finditer(text, start, end):
            if not (self.en and _POSSESSIVE_AFTER.match(text, found.end())):
                return found
        return None

    def _modifies_a_name(self, text: str, m: Mention, mentions: list[Mention]) -> bool:
        """ "미국 반도체 기업 엔비디아", "미국 대통령": a name that only qualifies the name or title
        after it."""
        if self._title_after is not None and self._title_after.match(text, m.end):
            return True
        if self._maker_of_next(text, m, mentions):
            return True  # "엔비디아 GPU 400개를", "엔비디아 AI 칩": the maker qualifies the chips
        if self.lex.word_after("origin_words", text, m.end):
            return True  # "저장대 출신 엔지니어 3명": where the people come from
        return any(
            0 < x.start - m.end <= 12
            and " " in text[m.end : x.start + 1]
            and not self._phrase_marker.search(text[m.end : x.start])
            for x in mentions
        )

    def _new_name_ko(
        self, text: str, end: int, labels: Sequence[str], mentions: list[Mention], after: int = 0
    ) -> Entity | None:
        """A proper noun the gazetteer does not know, marked as subject or possessor (Kiwi)."""
        label = next((x for x in labels if x in ("Firm", "AIModel")), None)
        if label is None:
            return self._new_chip_ko(text, end, mentions, after) if "Chip" in labels else None
        markers = self.lex.particles("subject", "possessive")
        taken = [(m.start, m.end) for m in mentions] + getattr(self, "_named", [])
        taken += [
            (q.start, q.end)
            for q in getattr(self, "_quantities", [])
            if q.measure != "count" or q.counted is not None
        ]  # a figure's unit is no name (`200 PFLOPs의`); a bare number may be one's (`이톈 710`)
        if after and not re.search(rf"[\uac00-\ud7a3]{{2,}}{markers}\s", text[after:end]):
            return (
                None  # no marked word between the known subject and the figure: Kiwi is not asked
            )
        clause_start, _ = self.clause(text, end, end)
        quoted = [
            m
            for m in self._quoted_subject.finditer(text, 0, end)
            if m.start() >= max(after, clause_start)
            and not any(a < m.end("name") and m.start("name") < b for a, b in taken)
        ]  # marked as the clause's subject or topic, not a possessor (`‘왕자영요’의 성과로`)
        if quoted:  # "‘링-플러스’는 2900억 개 파라미터": Korean quotes a name it introduces
            word = quoted[-1].group("name").strip()
            return Entity(label, slug(word), word, candidate=True)

        def wanted(s: int, e: int, w: str) -> bool:  # asked before Kiwi is
            # not a head noun (`클라우드매트릭스 384 슈퍼노드는`), a product or a suffix (`쿤룬2는`,
            # `클라우드의`)
            return (
                s >= after
                and not any(a < e and s < b for a, b in taken)
                and not self._head_noun.fullmatch(f" {w}")
                and not self._product_word.match(w)
                and not self._counted_noun.fullmatch(w)  # `매개변수는`: what a figure counts
                and not self._format_code.fullmatch(w)  # `DDR5는`: a standard, no name
                and not self.lex.after_facility_word.search(text, max(0, s - 12), s)
            )

        found = marked_proper_nouns(
            text,
            end,
            markers,
            self.lex.not_names,
            frozenset(self.lex.data.names.org_suffixes),
            wanted,
        )
        if not found:
            return None
        s, e, word = found[-1]
        return Entity(label, slug(word), word, candidate=True)

    def _new_chip_ko(
        self, text: str, end: int, mentions: list[Mention], after: int = 0
    ) -> Entity | None:
        """A new name of one to three words that opens the figure's clause as its topic or subject:
        the chip a spec is about when its words are a Latin code (`DGX 스파크는`) or proper nouns
        (`젯슨 토르는`), not a description (`이 제품은`, `GPU 하나당 가격이`)."""
        clause_start, _ = self.clause(text, end, end)
        opening = self._chip_opening_ko.match(text, clause_start, end)
        if opening is None:
            return None
        s, e = opening.span("name")
        taken = [(m.start, m.end) for m in mentions] + getattr(self, "_named", [])
        if s < after or any(a < e and s < b for a, b in taken):
            return None
        words = [w[0] for w in re.finditer(r"\S+", opening["name"])]
        if any(
            w in self.lex.not_names
            or self._counted_noun.fullmatch(w)
            or not w.isascii()
            and self._head_noun_only.fullmatch(f" {w}")  # a chip word may open one: `DGX`
            for w in words
        ):
            return None  # a counted or head noun describes: it names nothing
        coded = any(_CHIP_CODE.fullmatch(w) for w in words) or (
            len(words) > 1 and re.fullmatch(r"\d{2,4}[A-Za-z]{0,3}", words[-1]) is not None
        )  # "타이산 780X": a name and its model number
        spans = [m.span() for m in re.finditer(r"\S+", opening["name"])]
        proper = all(is_proper_name(text, s + a, s + b) for a, b in spans)
        if not (coded or proper):
            return None
        return Entity("Chip", slug(opening["name"]), opening["name"], candidate=True)

    @cached_property
    def _chip_opening_ko(self) -> re.Pattern[str]:
        word = r"(?:[A-Za-z][A-Za-z0-9-]*|[\uac00-\ud7a3]{2,6})"
        code = r"(?:\d{2,4}[A-Za-z]{0,3})"  # "타이산 780X의 메모리는": a word and its model number
        return re.compile(
            rf"[\s\"“‘'(]*(?P<name>{word}(?:\s(?:{word}|{code})){{0,2}})"
            rf"(?:의\s[\uac00-\ud7a3]{{2,6}})?(?:{self.lex.particles('subject')})\s"
        )

    def _owns_figure_ko(self, text: str, m: Mention, q: Quantity) -> bool:
        """`GPT-4의 약 1조 개`: the name is the figure's possessor, nothing but 의 (and an
        approximation word) between them."""
        gap = text[m.end : q.start]
        qualifier = self.lex.qualifier_words[0].search(gap)
        if qualifier is not None:
            gap = gap[: qualifier[0].start()]  # `약 `, `최대 `
        if q.measure == "percent":  # `캠브리콘 매출의 98%`: a share of the name's whole
            if self._whole_gap_ko.fullmatch(gap) is not None:
                return True
            stake = self._words_ko("holder_stake")  # `오라클의 지분 32.27%를 매각`: its stake
            return bool(stake.fullmatch(gap) and self._words_ko("holder_verbs").search(text))
        if q.measure != "count":  # `H100의 2배`, `매출의 15%` (no name): a baseline or a whole
            return False
        return self._possessive_gap.fullmatch(gap) is not None

    def _words_ko(self, group: str) -> re.Pattern[str]:
        """One `clause_words` list as a regex (one that never matches when the list is empty)."""
        return re.compile("|".join(self.lex.data.clause_words.get(group, [])) or "(?!)")

    @cached_property
    def _whole_gap_ko(self) -> re.Pattern[str]:
        """Between a name and a share of its whole: `의 매출의 `, ` 중국 매출 중 `."""
        wholes = "|".join(self.lex.data.clause_words.get("whole_nouns", [])) or "(?!)"
        return re.compile(rf"(?:{self.lex.particles('possessive')})?(?:{wholes})")

    @cached_property
    def _possessive_gap(self) -> re.Pattern[str]:
        return re.compile(rf"{self.lex.particles('possessive')}\s?")

    def _first_by_label(
        self, pool: list[Mention], labels: Sequence[str], closest_to: int
    ) -> Mention | None:
        """The mention of the most preferred label nearest `closest_to`; a known name before a new
        one."""
        for label in labels:
            group = [m for m in pool if m.label == label]
            known = [m for m in group if not m.candidate]
            if group:
                return min(known or group, key=lambda m: abs(closest_to - m.end))
        return None

    def _possessive(self, text: str, m: Mention) -> bool:
        """`Nvidia's`, `Meta AI's`, `엔비디아의`; and in Korean a name compounded with a cue noun
        (`캄브리콘 출하량`)."""
        if self.lex.possessive.match(text, m.end):
            return True
        if self.en:
            return bool(_NAME_TAIL_POSSESSIVE.match(text, m.end))
        gap = 1 if text[m.end : m.end + 1] == " " else 0
        return m.end + gap in getattr(self, "_cue_starts", ())

    def _heads_a_compound_ko(self, text: str, m: Mention, q: Quantity) -> bool:
        """`KT 포럼에서`: an unmarked name before a noun that closes an oblique phrase (a place, a
        means) modifies it and is no subject of a figure after it."""
        if text[m.end : m.end + 1] != " ":
            return False
        found = noun_at(text, m.end + 1)
        if found is None or m.end + 1 + len(found[0]) >= q.start:
            return False
        noun, after = found
        if self._time_word_ko.fullmatch(noun):
            return False  # "엔비디아 지난해 매출 …": a headline's subject, then a time
        if in_possessed_object(text, m.end + 1, q.start):
            return True  # "X 심사단의 인가를 조건으로 하는 N대": in a clause of its own
        # "KT 포럼에서", "B30 환경에서": a phrase of place or means; but "엔비디아 점유율은 40%",
        # "X 모델 개발에 쓴 돈은": the name owns the clause's subject
        return after == "JKB"

    @cached_property
    def _time_word_ko(self) -> re.Pattern[str]:
        words = self.lex.data.clause_words.get("time_words", [])
        return re.compile(rf"(?:{'|'.join(words) or '(?!)'})")

    @cached_property
    def _list_closer(self) -> re.Pattern[str]:
        return re.compile(rf"\s?(?:{self.lex.list_closer})(?:의\s?[\uac00-\ud7a3]+)?")

    def _marked_subject(self, text: str, m: Mention) -> bool:
        """Korean: the name carries a subject or topic particle, also after 등 closing a list
        ("A, B, C 등이")."""
        marker = self._subject_marker
        if marker is None:
            return False
        if _HEADLINE_TOPIC_KO.fullmatch(text[: m.start]) and text[m.end : m.end + 1] == ",":
            return True  # "TSMC, 화웨이 칩 생산 의혹에 10억달러 벌금 위기": a headline's topic
        after = self._list_closer.match(text, m.end)
        if marker.match(text, after.end() if after else m.end):
            return True
        gloss = _GLOSS_AFTER.match(text, m.end)
        if gloss and marker.match(text, gloss.end()):
            return True  # "과학기술정보통신부(과기정통부)는": the particle after the name's gloss
        titled = self._officer_after.match(text, m.end) if m.label == "Firm" else None
        if titled:  # "젠슨 황 엔비디아 최고경영자(CEO)는": the firm acts through its officer
            gloss = _GLOSS_AFTER.match(text, titled.end())
            if marker.match(text, gloss.end() if gloss else titled.end()):
                return True
        if m.label == "Agency" and re.match(
            rf"{self.lex.particles('institution_subject')}\s\S*(?:한|했|하는|하며|하고)",
            text[m.end : m.end + 16],
        ):
            return True  # "정부에서 규정한": an institution acting, not a place ("백악관에서 열린")
        # "클라우드매트릭스 384 슈퍼노드는": the name's own head noun; a firm's is a firm noun
        # ("엔비디아 GPU는" is the maker's product, not the firm)
        pattern = self._firm_head_noun if m.label == "Firm" else self._head_noun
        head = pattern.match(text, m.end)
        return head is not None and bool(marker.match(text, head.end()))

    @cached_property
    def _whole_of(self) -> re.Pattern[str]:
        """One or two words, then a possessive particle, before a share (`H20 판매액의 15%`)."""
        return re.compile(
            rf"\s?(?:[\uac00-\ud7a3A-Za-z]+\s?){{1,2}}(?:{self.lex.possessive.pattern})\s?"
        )

    @cached_property
    def _firm_head_noun(self) -> re.Pattern[str]:
        names = self.lex.data.names
        words = [*names.head_nouns, *names.org_suffixes]  # `텐센트 홀딩스는`
        return re.compile(rf"\s?(?:{'|'.join(words)})") if words else re.compile("(?!)")

    @cached_property
    def _phrase_end(self) -> re.Pattern[str]:
        """The first particle that closes the phrase a possessor opens (`엔비디아의 최신 칩을`)."""
        return re.compile(
            rf"[\uac00-\ud7a3A-Za-z0-9)](?:(?P<subject>{self.lex.particles('subject')})|"
            rf"(?P<object>{self.lex.particles('object')})|(?P<oblique>{self.lex.particles('oblique')}))"
            rf"(?=[\s,.])"
        )

    def _possessor_governs(self, text: str, m: Mention, q: Quantity, cue: Cue | None) -> bool:
        """Korean `X의`: X owns the figure when what it possesses is the figure, the figure's cue or
        a subject (`엔비디아의 매출은`), not when it sits in an object (`엔비디아의 첨단칩을
        사용한`)."""
        first = [
            p
            for p in getattr(self, "_quantities", [])
            if p.measure == q.measure
            and m.end < p.start < q.start
            and re.fullmatch(r"\s?(?:에서|부터)\s?", text[p.end : q.start])
        ]
        q = (
            first[0] if first else q
        )  # "1223위안에서 1835위안으로": the pair goes with its first figure
        possessive = self.lex.possessive.match(text, m.end)
        chips = (
            self._chip_phrase_after.match(text, possessive.end())
            if m.label == "Firm" and possessive is not None
            else None
        )
        if chips is not None and (
            self._buying_at(text, chips.end()) or cue is not None and cue.group in _BUYER_CUES
        ):
            return False  # "엔비디아의 AI 칩 구매에": the maker of the chips others buy, no buyer
        if q.start - m.end <= 3 or (cue is not None and 0 <= cue.start - m.end <= 8):
            return True
        closed = self._phrase_end.search(text, m.end, min(len(text), m.end + 24))
        if closed is None:
            return True
        if 0 <= q.start - closed.end() <= 2:
            # "캠브리콘 목표주가를 1223위안에서": the figure is what the possessed noun takes
            return True
        return closed.lastgroup not in ("object", "oblique")

    def topic_marked(self, text: str, m: Mention) -> bool:
        """Korean: is the name marked as the sentence's topic (`은/는`, a headline's `X,`)?"""
        return not self.en and self._topic_marked(text, m)

    def _topic_marked(self, text: str, m: Mention) -> bool:
        if _HEADLINE_TOPIC_KO.fullmatch(text[: m.start]) and text[m.end : m.end + 1] == ",":
            return True
        return bool(
            re.match(
                rf"(?:\s\S+)?{self.lex.particles('sentence_topic')}\s", text[m.end : m.end + 12]
            )
        )

    def _head_of_list(self, text: str, m: Mention, mentions: list[Mention]) -> Mention:
        """ "바이두, 바이트댄스, 텐센트 등이": a figure about a list of names is given to its
        first."""
        earlier = [x for x in mentions if x.label == m.label and x.end <= m.start]
        fronted = self._fronted_phrase.match(text)
        if fronted is not None and fronted.end() <= m.start:
            # "Founded by engineers from Intel, Acme ...": the comma closes a fronted phrase
            earlier = [x for x in earlier if x.start >= fronted.end() or x.start == fronted.start()]
        while earlier and self.lex.joins_list(text, earlier[-1].end, m.start):
            m = earlier.pop()
        return m

    def _modified_name(
        self, text: str, q: Quantity, end: int, labels: Sequence[str], mentions: list[Mention]
    ) -> Entity | None:
        """A figure written as a compound modifier ("a 671B-parameter model, DeepSeek-V3", "its
        72-GPU NVL72 rack") is about the name it modifies: the next name of its noun phrase."""
        compound = _COMPOUND_TAIL_EN.match(text, q.end)
        if q.measure != "count" or compound is None:
            return None
        after = [m for m in mentions if m.label in labels and compound.end() <= m.start < end]
        if after and _NOUN_PHRASE_GAP_EN.fullmatch(text[compound.end() : after[0].start]):
            return _entity(after[0])
        return None

    def _whole_after(
        self,
        text: str,
        q: Quantity,
        end: int,
        labels: Sequence[str],
        salience: Salience,
        mentions: list[Mention],
    ) -> Entity | None:
        """A part of a whole ("half of Nvidia's sales", "13% of its revenue") is about the whole's
        possessor, named or an anaphor."""
        if q.measure != "percent":
            return None
        of = self._part_of.match(text, q.end, end)
        if of is None:
            return None
        named = [
            m
            for m in mentions
            if m.start == of.end()
            and m.label in labels
            and (self._possessive(text, m) or self.lex.word_after("whole_nouns", text, m.end))
        ]
        if named and named[0].label == "Country":
            # "Cambricon held 3% of China's market": a country's market is the whole,
            # not the owner
            return None
        if (
            named
            and named[0].label == "Chip"
            and any(
                m.label == "Chip" and m.end <= q.start and self.topical(text, m, mentions)
                for m in mentions
            )
        ):  # "The Ascend 910C gives 60% of the H100's performance": the base of a comparison
            return None
        if named:
            return _entity(named[0])
        return (
            self._anaphor(text, of.start(), min(end, of.end() + 20), labels, salience, mentions)
            if _POSSESSIVE_ANAPHOR_EN.match(text, of.end())
            else None
        )

    def _anaphor(
        self,
        text: str,
        start: int,
        end: int,
        labels: Sequence[str],
        salience: Salience,
        mentions: list[Mention],
    ) -> Entity | None:
        """An anaphor between start and end (`it`, `its`, `the company`, `이 회사`), resolved to a
        name earlier in the sentence in subject position, else to the discourse's salient entity."""
        for label in labels:
            pattern = self.lex.anaphors.get(label)
            if pattern is None:
                continue
            found = [
                m
                for m in pattern.finditer(text, start, end)
                if not (
                    self.en
                    and _after_preposition(text, m.start())
                    and not re.search(r"(?:'s|’s|\bits|\btheir)\b", m.group(0))
                )
                and not self._possessed(text, m.start())
            ]
            if not found:
                continue
            at = found[-1].start()
            earlier = [
                m
                for m in mentions
                if m.label == label and m.end <= at and self.topical(text, m, mentions)
            ]
            word = found[-1].group(0)
            if not earlier and self._nearer_antecedent(text, word, at, label, mentions):
                continue  # "Nvidia said its China sales …": `its` is Nvidia's, no agency's
            if (
                not earlier
                and self.en
                and re.fullmatch(r"(?i)its|their", word.strip())
                and any(
                    r.end <= at and self._verb_after_subject.match(text, r.end)
                    for r in getattr(self, "_reporting_firms", [])
                )
            ):
                continue  # "Bernstein raised its forecast to …": the analyst's own figure
            pointing = self.lex.demonstrative is not None and self.lex.demonstrative.match(
                found[-1].group(0)
            )
            if (
                pointing or label == "Chip"
            ):  # "L20 GPU를 … 이 칩이", "With the A100, … the GPU's": the one named last
                earlier = [m for m in mentions if m.label == label and m.end <= at] or earlier
            group = salience.groups.get(label)
            if not earlier and group and self._plural_anaphor.match(text, at):
                self._group = group  # "They bought 230,000 GPUs each": every member did
                return group[0]
            resolved = (
                _entity(earlier[-1])
                if earlier
                else (
                    salience.recent.get(label)
                    if pointing and label in salience.recent
                    else salience.resolve([label])
                )
            )
            if resolved is None and label == "Regulation" and "Agency" in labels:
                # "BIS said the rule would add 140 entities": a rule the text does not name is
                # its maker's, the agency the sentence (else the discourse) names
                makers = [m for m in mentions if m.label == "Agency"]
                resolved = _entity(makers[0]) if makers else salience.resolve(["Agency"])
            if resolved is not None:
                return resolved
        return None

    def _nearer_antecedent(
        self, text: str, word: str, at: int, label: str, mentions: list[Mention]
    ) -> bool:
        """Does a name of another label that the same anaphor could point at (`it`, `its`) stand
        earlier in the sentence? Then the anaphor is that name's, not a `label` of the
        discourse."""
        others = {
            other
            for other, pattern in self.lex.anaphors.items()
            if other != label and pattern.fullmatch(word)
        }
        return any(
            m.label in others and m.end <= at and self.topical(text, m, mentions) for m in mentions
        )

    def _possessed(self, text: str, at: int) -> bool:
        """`쉬의 회사는`: a noun someone else possesses is that one's, not the discourse's
        entity."""
        before = text[max(0, at - 4) : at].rstrip()
        return any(
            before.endswith(p) and len(before) > len(p) for p in self.lex.data.possessive_particles
        )

    def _attribute_of(self, text: str, m: Mention) -> bool:
        """ "Shares in MetaX", "the revenue of SMIC": the name after an attribute noun and a
        preposition owns the attribute."""
        nouns = self.lex.possessor_nouns
        return nouns is not None and bool(nouns.search(text, max(0, m.start - 40), m.start))

    def _names_anaphor(self, text: str, end: int, labels: Sequence[str], start: int = 0) -> bool:
        named = getattr(self, "_named", [])
        return any(  # not a word a known name holds (`정부는` when the text's own government)
            not any(a <= m.start() and m.end() <= b for a, b in named)
            for label in labels
            if (p := self.lex.anaphors.get(label)) is not None
            for m in p.finditer(text, start, end)
        )

    def topical(self, text: str, m: Mention, mentions: Sequence[Mention] = ()) -> bool:
        """Is the mention in subject position: English, not inside a prepositional phrase;
        Korean, marked as subject or topic (or possessor)."""
        if mentions and self._head_of_list(text, m, list(mentions)) is not m:
            # "against Hygon, Nvidia, AMD, and Qualcomm": a list's later names are no
            # topics
            return False
        if self.en:
            if any(self._owns(text, m, x) for x in mentions):
                # "the Department of Commerce's Bureau of Industry and Security":
                # the bureau is
                return False
            if self._possessive(text, m):  # "Nvidia's sales rose", not "powered by Nvidia's chips"
                return not _after_preposition(text, m.start) or _after_preposition(
                    text, m.start, only=("of",)
                )
            start, _ = self.clause(text, m.start, m.end)
            opener = self._fronted_phrase.match(text, start)
            if opener is not None and opener.end() <= m.start:
                start = opener.end()  # "Founded by staff of Intel, Acme ...": Acme opens it
            head = text[start : m.start]
            if any(
                x.label == m.label
                and start <= x.start
                and x.end <= m.start
                and not self._owns(text, x, m)
                for x in mentions
            ):
                # the clause's first name of a kind is its topic, not a later one
                # in a list
                return False
            return (
                not _after_preposition(text, m.start)
                and not _NUMBER_BEFORE.search(head)
                and not _VERB_BEFORE.search(head)
            )
        return self._marked_subject(text, m) or self._possessive(text, m)

    def _owns(self, text: str, owner: Mention, m: Mention) -> bool:
        """`owner` is a possessive right before the name `m` ("Commerce's BIS")."""
        return (
            owner.end < m.start <= owner.end + 4
            and self._possessive(text, owner)
            and bool(re.fullmatch(r"(?:'s|’s|'|’)\s", text[owner.end : m.start]))
        )

    def _agent(
        self, text: str, q: Quantity, end: int, labels: Sequence[str], mentions: list[Mention]
    ) -> Entity | None:
        """A passive agent after the figure ("bought by X"), or the one a sum is for ("$5.6 million
        for X")."""
        for m in mentions:
            if (
                m.label in labels
                and q.end <= m.start < end
                and (
                    _AGENT_EN.match(text[q.end : m.start])
                    or (q.measure == "money" and _SUM_FOR_EN.match(text[q.end : m.start]))
                )
            ):
                return _entity(m)
        return None

    # -- object, recipient ----------------------------------------------------------------
    def _counted_chip(self, text: str, q: Quantity, mentions: list[Mention]) -> Entity | None:
        return _entity(self._counted_mention(text, q, mentions))

    def _counted_mention(self, text: str, q: Quantity, mentions: list[Mention]) -> Mention | None:
        """The chip a count counts: named in its noun phrase (`10,000 A100 GPUs`, `2,048 H800s`,
        `1만 개의 A100`) or just before it (`H20 칩 100만 개`, `H800 2,048개`)."""
        if q.measure not in ("count", "money"):
            return None
        chips = [m for m in mentions if m.label == "Chip"]
        after = [
            m
            for m in chips
            if 0 <= m.start - q.end <= (24 if self.en else 12)
            and re.fullmatch(r"[\s\w.'’-]*", text[q.end : m.start])
            and not re.search(r"\b(?:and|or|to|from|than|with|for)\b|[,;]", text[q.end : m.start])
        ]
        if after:
            return after[0]
        if not self.en:
            before = [
                m
                for m in chips
                if 0 <= q.start - m.end <= 10 and not re.search(r"[,.]", text[m.end : q.start])
            ]
            if before:
                return before[-1]
        volume = self.lex.volume_nouns
        counted = [
            m
            for m in chips
            if volume is not None
            and m.end <= q.start
            and volume.match(text, m.end)
            and not re.search(r"[,.;]", text[m.end : q.start])
        ]
        if counted and q.measure == "count" and q.counted is None:
            return counted[
                -1
            ]  # "어센드 910C 생산량은 올해 약 60만 개", "H20 shipments fell to 100,000"
        if q.measure == "money" and self.en:
            of = [
                m
                for m in chips
                if 0 <= m.start - q.end <= 30
                and re.match(r"^\s+(?:worth\s+)?of\b", text[q.end : m.start])
            ]
            if of:
                return of[0]
        return None

    def _object(
        self,
        text: str,
        start: int,
        end: int,
        q: Quantity,
        metric: Metric,
        mentions: list[Mention],
        subject: Entity,
    ) -> Entity | None:
        pool = [
            m
            for m in mentions
            if m.label == metric.object and start <= m.start and m.end <= end and m.id != subject.id
        ]
        if metric.object_marks:  # "a 12% stake in Tarnis", "타르니스 지분 12%"
            group = metric.object_marks
            pool = [
                m
                for m in pool
                if (
                    self.lex.word_before(group, text, m.start)
                    if self.en
                    else self.lex.word_after(group, text, m.end)
                )
            ]
            # on the figure's side of its marker: after it in English (`Microsoft, an investor in
            # OpenAI, has a 5% stake in Anthropic`), before it in Korean
            near = [m for m in pool if (m.start >= q.end if self.en else m.end <= q.start)]
            pool = near or pool
        if metric.object == "Chip" and metric.measure == "count":
            return None  # a count names its chip in its own noun phrase or not at all
        if not pool:
            return None
        return _entity(min(pool, key=lambda m: min(abs(m.start - q.end), abs(q.start - m.end))))

    @staticmethod
    def _swapped_subject(
        mentions: list[Mention],
        metric: Metric,
        subject: Entity,
        start: int,
        end: int,
        marked: Callable[[Mention], bool],
    ) -> Entity | None:
        """The first other name of the clause, of a label the metric's subject takes, that
        `marked` says is the real subject (the giver, the firm a round goes into)."""
        return next(
            (
                _entity(m)
                for m in mentions
                if m.label in metric.subject
                and m.id != subject.id
                and start <= m.start < end
                and marked(m)
            ),
            None,
        )

    def _funding_target(self, text: str, q: Quantity, m: Mention, group: str) -> bool:
        """Is `m` the firm the figure's round goes into: marked by `group` and next to the
        figure (`a $1 billion round in X`, `X에 10억 달러 규모의`), with no clause between (not
        `X, which invested in Y, raised`, `Y에 이어 … 유치했다`)?"""
        if self.en:
            gap = text[q.end : m.start]
            return (
                m.start > q.end
                and len(gap) <= 40
                and not re.search(r"[,;]", gap)
                and self.lex.word_before(group, text, m.start)
            )
        marked = self.lex.end_of_word_after(group, text, m.end)
        return marked is not None and not text[marked : q.start].strip()

    def _giver(self, text: str, q: Quantity, entity: Entity, mentions: list[Mention]) -> bool:
        """Does the clause mark the name as the giver of what its subject receives (`received a $5
        million investment from Y`, after the figure; `Y로부터 … 받았다`)? Not without a verb of
        receiving: `bought a stake from Y` buys from a seller."""
        words = self.lex.data.clause_words.get("receiving_verbs", [])
        if not words or not re.search("|".join(words), text, re.IGNORECASE):
            return False
        return any(
            m.id == entity.id
            and (
                m.start > q.end
                and self.lex.word_before("giver_before", text, m.start)
                or self.lex.word_after("giver_after", text, m.end)
            )
            for m in mentions
        )

    def _recipients_before(
        self,
        text: str,
        start: int,
        at: int,
        labels: Sequence[str],
        mentions: list[Mention],
        other_than: str | None,
    ) -> list[Entity]:
        """The name marked with 에/에게 right before a Korean figure (`삼성전자에 GPU 5만 장을`,
        `네이버 클라우드에는 6만 장`): at most two words between."""
        marked = [
            m
            for m in mentions
            if m.label in labels
            and start <= m.start
            and m.end <= at
            and m.id != other_than
            and _RECIPIENT_MARK_KO.match(text, m.end)
        ]
        if not marked:
            return []
        mark = _RECIPIENT_MARK_KO.match(text, marked[-1].end)
        assert mark is not None
        close = self._near_gap_ko(text[mark.end() : at])
        return [_entity(marked[-1])] if close else []

    @cached_property
    def _marked_word_end(self) -> re.Pattern[str]:
        return re.compile(rf"{self.lex.particles('subject', 'object', 'possessive')}$")

    def _near_gap_ko(self, gap: str) -> bool:
        """At most two words, none marked as a subject, object or possessor and no 각각 (a list's
        shares are left to the respectively rule): `GPU `, `H20 칩 `, `약 `."""
        words = gap.split()
        return len(words) <= 2 and not any(
            w == "각각" or self._marked_word_end.search(w) for w in words
        )

    def _recipient(
        self,
        text: str,
        q_end: int,
        end: int,
        metric: Metric,
        mentions: list[Mention],
        subject: Entity,
    ) -> Entity | None:
        for m in mentions:
            if m.label in metric.recipient and q_end <= m.start < end and m.id != subject.id:
                gap = text[q_end : m.start]
                if (self.en and re.search(r"\bto\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$", gap)) or (
                    not self.en and re.match(r"(?:에|에게|로|으로)", text[m.end : m.end + 3])
                ):
                    return _entity(m)
        return None

    # -- date, qualifier, modality --------------------------------------------------------
    def _date(self, dates: list[DateValue], q: Quantity, start: int, end: int) -> DateValue | None:
        before, after = self.lex.baseline
        usable = [
            d
            for d in dates
            if d.date is not None
            and not (  # "up 62% from a year earlier": the base
                before is not None
                and before.search(self._text[max(0, d.start - 24) : d.start])
                or after is not None
                and after.match(self._text, d.end)
            )
        ]
        in_clause = [d for d in usable if start <= d.start < end]
        pool = in_clause or usable
        if not pool:
            return None
        return min(pool, key=lambda d: min(abs(d.start - q.end), abs(q.start - d.end)))

    def _qualifier(self, text: str, q: Quantity, quantities: list[Quantity]) -> str:
        own = self._own_qualifier(text, q)
        if own is not None:
            return own
        coordination = self.lex.data.coordination
        earlier = [p for p in quantities if p.end <= q.start and p.unit == q.unit]
        if (
            coordination
            and earlier
            and q.start - earlier[-1].end <= 16
            and re.search(coordination, text[earlier[-1].end : q.start])
        ):
            return self._own_qualifier(text, earlier[-1]) or "exact"
        return "exact"

    def _own_qualifier(self, text: str, q: Quantity) -> str | None:
        before, anchored, loose = self.lex.qualifier_words
        found = (
            before.search(text[max(0, q.start - 16) : q.start])
            or anchored.match(text[q.end : q.end + 16])
            or loose.search(text[q.end : q.end + 10])
        )
        return found[1] if found else None

    def _spans(self, text: str, kind: str) -> list[tuple[int, int]]:
        """Where the sentence holds a word of one modality (negation, hedge, report, condition)."""
        if getattr(self, "_modal_text", None) is not text:
            self._modal_text = text
            self._modal: dict[str, list[tuple[int, int]]] = {}
        if kind not in self._modal:
            pattern = self.lex.modality(kind)
            self._modal[kind] = (
                [(m.start(), m.end()) for m in pattern.finditer(text)]
                if pattern is not None
                else []
            )
        return self._modal[kind]

    def _any(self, text: str, kind: str, start: int, end: int) -> bool:
        return any(start <= a and b <= end for a, b in self._spans(text, kind))

    def _negated(self, text: str, start: int, end: int, q: Quantity) -> bool:
        """A negation in the figure's clause denies it, unless it belongs to the bound the figure
        carries (`not more than 5,000`, `1만 개에 못 미치는`, `4,800 TPP를 넘지 않는`)."""
        bounds = self._bound_spans(text, q)
        negations = [
            (a, b)
            for a, b in self._spans(text, "negation")
            if not any(s <= a and b <= e for s, e in bounds)
        ]
        if self.en:
            aux = _AUX_NEGATION_EN.match(text[q.end : end])
            if aux is not None and not any(
                q.end <= a and b <= q.end + aux.end() for a, b in negations
            ):
                aux = None  # "GPUs do not require a licence": a bound, no negation (language data)
            contains = aux is not None and self.lex.word_after(
                "containment_verbs", text, q.end + aux.end()
            )
            return any(
                start <= a and b <= q.start and not _RELATIVE_WHICH.search(text, b, q.start)
                for a, b in negations
            ) or (
                aux is not None and not contains
            )  # "its $5 million bill does not cover research": it stands; "is not far behind
            # Micron, which holds 16%": the relative clause asserts its own figure
        if _TOPIC_FIGURE_KO.match(text, q.end):
            # "500만달러에는 … 포함되지 않았다": the figure is given; the negation is about the
            # rest
            return False
        after = [a for a, b in negations if q.end <= a and b <= end]
        if not after:
            return False
        if self._other_topic_ko.search(text, q.end + 1, after[0]):
            return False  # "164달러 수준으로 … 큰 차이는 없다": the negation is another topic's
        linked = linking_ending(
            text, q.end, after[0]
        )  # "4,000GB/s로 낮춰 … 넘지 않도록": the next predicate's
        return linked is None

    def _bound_spans(self, text: str, q: Quantity) -> list[tuple[int, int]]:
        before, anchored, _ = self.lex.qualifier_words
        found: list[tuple[re.Match[str] | None, str | None] | None] = [
            before.search(text, max(0, q.start - 16), q.start),
            anchored.match(text, q.end),
        ]
        comparison = self.lex.comparison_negation
        if comparison is not None:
            found.append((comparison.match(text, q.end), None))
        return [m[0].span() for m in found if m is not None and m[0] is not None]

    def _conditional(self, text: str, start: int, end: int, q: Quantity) -> bool:
        return (
            self._any(text, "condition", start, end)
            if self.en
            else self._any(text, "condition", q.end, end)
        )

    def _status(self, text: str, start: int, end: int, source: Entity | None) -> str:
        if self._any(text, "hedge", start, end):
            return "hedged"
        if source is not None or self._spans(text, "report"):
            return "reported"
        return "stated"


@overload
def _entity(m: Mention) -> Entity: ...
@overload
def _entity(m: Mention | None) -> Entity | None: ...
def _entity(m: Mention | None) -> Entity | None:
    if m is None:
        return None
    return Entity(m.label, m.id, m.surface, getattr(m, "candidate", False))
