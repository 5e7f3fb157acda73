"""Relation rules over one document's sentences: facts without a figure (variants, spin-offs,
founding, funding, releases, chips ordered or trained on without a count), with roles and quotes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kg.extract.candidates import Entity, candidate, marked_candidates
from kg.extract.dates import DateValue, dates
from kg.extract.gazetteer import Mention
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.numbers import Quantity
from kg.extract.patterns import Language, Rule

NEAR = 30  # characters between a value and the entity it counts
_LINK_TARGET = re.compile(r"^\]\([^)\s]*\)")


@dataclass
class ClaimDraft:
    rule: Rule
    quote: str
    subject: Entity
    object: Entity | None
    value: float | None
    qualifier: str
    date: DateValue | None
    source: Entity | None
    differences: str | None = None


@dataclass
class Sentence:
    text: str
    mentions: list[Mention]
    previous: str = ""
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)


class Interpreter:
    def __init__(self, language: Language, anchor: dt.date | None) -> None:
        self.lang = language
        self.anchor = anchor
        self.topics: dict[str, Entity] = {}

    def sentence_claims(
        self, text: str, mentions: list[Mention], previous: str
    ) -> list[ClaimDraft]:
        fired = (
            []
            if not self.lang.keyword_screen.search(text)
            else [r for r in self.lang.rules if r.may_fire(text) and r.triggers.search(text)]
        )
        looked_back = previous and any(
            r.may_fire(previous) and r.triggers.search(previous) for r in self.lang.look_back_rules
        )
        if not fired and not looked_back:
            plain = Sentence(text, mentions)
            if any(self._is_topic(text, m) for m in mentions):
                self._remember_topics(plain, self._source(plain))
            return []
        sentence = Sentence(text, mentions, previous, [], dates(text, self.lang.code, self.anchor))
        source = self._source(sentence)
        drafts: list[ClaimDraft] = []
        for rule in self.lang.rules:
            if rule in fired or (rule.look_back and looked_back):
                drafts.extend(self._apply(rule, sentence, source))
        self._remember_topics(sentence, source)
        return _distinct(drafts)

    # -- rules ---------------------------------------------------------------------------
    def _apply(self, rule: Rule, s: Sentence, source: Entity | None) -> list[ClaimDraft]:
        trigger = rule.triggers.search(s.text)
        if trigger is None and not (rule.look_back and rule.triggers.search(s.previous)):
            return []
        if rule.require_any and not rule.require_any.search(s.text):
            return []
        if rule.variant:
            return self._variants(rule, s, source, trigger)
        anchor = trigger.start() if trigger else 0
        values = self._values(rule, s)
        if values is None:
            return []
        if rule.object_role == "marked":
            return self._marked_objects(rule, s, source, anchor)
        drafts: list[ClaimDraft] = []
        for value in values:
            if value is not None and not self._owns(rule, s, value):
                continue
            at = value.start if value else anchor
            subject = self._subject(rule, s, anchor, source, exclude=None)
            if subject is None:
                continue
            obj = self._object(rule, s, at, source, exclude=subject) if rule.object else None
            if rule.object and obj is None:
                if rule.value == "optional_count" and value is not None:
                    obj = self._object(rule, s, anchor, source, exclude=subject, near=False)
                    value = None
                if obj is None and not _generic(rule, s.text, value):
                    continue
            date = self._date(s, value)
            if rule.date == "required" and date is None:
                continue
            qualifier = self._qualifier(s, value) if value else "exact"
            # "backed by Alibaba, Tencent and IDG Capital": a figureless fact holds for each name
            lex = lexicon(self.lang.code)
            objects = _coordinated(lex, s, obj) if obj is not None and value is None else [obj]
            drafts.extend(
                ClaimDraft(
                    rule,
                    s.text,
                    subject,
                    each,
                    value.value if value else None,
                    qualifier,
                    date,
                    source,
                )
                for each in objects
                if each is None or not _same_entity(each, subject)
            )
        return drafts

    def _values(self, rule: Rule, s: Sentence) -> list[Quantity | None] | None:
        if rule.value in ("none",):
            return [None]
        unit = "USD" if rule.value == "money" else "count"
        taken = [(d.start, d.end) for d in s.dates] + [(m.start, m.end) for m in s.mentions]
        found = [
            q
            for q in s.quantities
            if q.unit == unit and not any(a < q.end and q.start < b for a, b in taken)
        ]
        if not found:
            return [None] if rule.value == "optional_count" else None
        return list(found)

    def _object(
        self,
        rule: Rule,
        s: Sentence,
        at: int,
        source: Entity | None,
        exclude: Entity | None,
        near: bool = True,
    ) -> Entity | None:
        if rule.object_role == "topic":
            return self._subject_by_topic((rule.object or "",), s, at, source, exclude=exclude)
        lex = lexicon(self.lang.code)
        pool = [
            m
            for m in s.mentions
            if m.label == rule.object
            and not _same(m, exclude)
            # "H100 대신 H800을", "instead of the H100": the alternative is not what was used
            and not lex.word_after("alternative_after", s.text, m.end)
            and not lex.word_before("alternative_before", s.text, m.start)
        ]
        if rule.object_role == "after_trigger":
            pool = [m for m in pool if m.start >= at]
        elif rule.object_role == "before_trigger":
            pool = [m for m in pool if m.end <= at]
        if not pool:
            return None
        value = next((q for q in s.quantities if q.start == at), None)
        if value is not None:
            following = [m for m in pool if 0 <= m.start - value.end <= 6]  # "10,000개의 A100"
            if following:
                return _entity(following[0])
        best = min(pool, key=lambda m: _distance(m, at))
        if near and value is not None and _distance(best, at) > NEAR:
            return None
        return _entity(best)

    def _marked_objects(
        self, rule: Rule, s: Sentence, source: Entity | None, anchor: int
    ) -> list[ClaimDraft]:
        """One claim per object the text marks (e.g. every firm followed by 로부터); a new name
        so marked becomes a candidate."""
        assert rule.object_marker is not None and rule.object is not None
        marked = [
            (m.start, _entity(m))
            for m in s.mentions
            if m.label == rule.object and rule.object_marker.match(_after(s.text, m))
        ]
        marked = marked or marked_candidates(
            self.lang, rule.object, s.text, s.mentions, rule.object_marker
        )
        taken = {e.id for _, e in marked}
        drafts = []
        for at, obj in marked:
            unmarked = [m for m in s.mentions if m.id not in taken and not _same(m, source)]
            subject = self._subject_by_topic(
                rule.subject, Sentence(s.text, unmarked), at, source, obj, rule
            )
            date = self._date(s, None)
            if subject is not None and (date is not None or rule.date != "required"):
                drafts.append(ClaimDraft(rule, s.text, subject, obj, None, "exact", date, source))
        return drafts

    def _owns(self, rule: Rule, s: Sentence, value: Quantity) -> bool:
        """With several rules of one value kind in a sentence, a value goes to the nearest
        trigger."""
        rivals = [
            r
            for r in self.lang.rules
            if r.value == rule.value and r.kind == rule.kind and r is not rule
        ]
        mine = _trigger_distance(rule, s.text, value)
        return all(_trigger_distance(r, s.text, value) >= mine for r in rivals)

    def _subject(
        self, rule: Rule, s: Sentence, anchor: int, source: Entity | None, exclude: Entity | None
    ) -> Entity | None:
        pool = [
            m
            for m in s.mentions
            if m.label in rule.subject and not _same(m, exclude) and not _same(m, source)
        ]
        if rule.subject_role == "marked_object":
            object_marker = re.compile(
                rf"^[\"”’']?\s?{lexicon(self.lang.code).particles('object')}"
            )
            marked = [m for m in pool if object_marker.match(_after(s.text, m))]
            return _entity(marked[0]) if marked else None
        if rule.subject_role.startswith("nearest_trigger"):
            if rule.subject_role == "nearest_trigger_after":
                pool = [m for m in pool if m.start >= anchor]
            elif rule.subject_role == "nearest_trigger_before":
                pool = [m for m in pool if m.end <= anchor]
            if pool:
                return _entity(min(pool, key=lambda m: _distance(m, anchor)))
            return self._candidate(rule, s, anchor)
        return self._subject_by_topic(rule.subject, s, anchor, source, exclude, candidate_rule=rule)

    def _subject_by_topic(
        self,
        labels: tuple[str, ...],
        s: Sentence,
        anchor: int,
        source: Entity | None,
        exclude: Entity | None,
        candidate_rule: Rule | None = None,
    ) -> Entity | None:
        """In order: a mention before the trigger (the topic first), a new name there (English),
        the document's current topic, then any mention after the trigger."""
        pool = [
            m
            for m in s.mentions
            if m.label in labels and not _same(m, exclude) and not _same(m, source)
        ]
        trigger = candidate_rule.triggers.match(s.text, anchor) if candidate_rule else None
        inside = [m for m in pool if trigger and anchor <= m.start and m.end <= trigger.end()]
        if inside:  # "the training run of DeepSeek-V3 cost": the name inside the trigger
            return _entity(inside[0])
        before = [m for m in pool if m.end <= anchor]
        clause = [m for m in before if m.start >= self._clause_start(s.text, anchor)]
        for group in (clause, before):  # the trigger's own clause first, then the sentence
            topical = [m for m in group if self._is_topic(s.text, m)]
            if topical or group:
                return _entity((topical or group)[0])
        if candidate_rule is not None:
            new = self._candidate(candidate_rule, s, anchor)
            if new is not None:
                self.topics[new.label] = new
                return new
        for label in labels:
            remembered = self.topics.get(label)
            if remembered and remembered != exclude and remembered != source:
                return remembered
        after = [m for m in pool if self._is_topic(s.text, m)] or (
            pool if self.lang.code == "en" else []
        )
        return _entity(after[0]) if after else None

    def _clause_start(self, text: str, anchor: int) -> int:
        breaks = self.lang.clause_breaks
        return max((m.end() for m in breaks.finditer(text, 0, anchor)), default=0) if breaks else 0

    def _candidate(self, rule: Rule, s: Sentence, anchor: int) -> Entity | None:
        return candidate(self.lang, rule.subject, s.text, s.mentions, anchor)

    def _variants(
        self, rule: Rule, s: Sentence, source: Entity | None, trigger: re.Match[str] | None
    ) -> list[ClaimDraft]:
        chips = [m for m in s.mentions if m.label == "Chip"]
        if len(chips) < 2 or trigger is None:
            return []
        if rule.variant == "list_around_base":
            before = list({m.id: m for m in chips if m.end <= trigger.start()}.values())
            after = list({m.id: m for m in chips if m.start >= trigger.end()}.values())
            if not after:
                return []
            if (
                len(before) == len(after) > 1
            ):  # "A and B as cut-down versions of C and D", respectively
                pairs = [(v, b) for v, b in zip(before, after, strict=True) if v.id != b.id]
            else:
                pairs = [
                    (m, after[0]) for m in {m.id: m for m in chips if m.id != after[0].id}.values()
                ]
        elif rule.variant == "list_after_base":
            base = [m for m in chips if m.end <= trigger.start()]
            if not base:
                return []
            listed = {
                m.id: m for m in chips if 0 <= m.start - trigger.end() <= 24 and m.id != base[-1].id
            }
            earlier = [m for m in base if m.id != base[-1].id]  # "H20을 H100의 축소 버전으로"
            pairs = [(m, base[-1]) for m in listed.values()] or (
                [(earlier[-1], base[-1])] if earlier else []
            )
        else:
            pairs = (
                [(chips[0], next(m for m in chips[1:] if m.id != chips[0].id))]
                if any(m.id != chips[0].id for m in chips[1:])
                else []
            )
        differences = (
            "; ".join(text for pattern, text in rule.differences if pattern.search(s.text)) or None
        )
        return [
            ClaimDraft(
                rule, s.text, _entity(v), _entity(b), None, "exact", None, source, differences
            )
            for v, b in pairs
        ]

    # -- context -------------------------------------------------------------------------
    def _source(self, s: Sentence) -> Entity | None:
        """Whom the sentence credits: "X에 따르면" / "according to X" / "X estimates", else the
        subject of a reporting verb after the quoted clause ("…있다고 X는 추정한다"), else a
        name opening the sentence with a verb of belief later on ("X는 … 보고 있다")."""
        people = [m for m in s.mentions if m.label in ("Firm", "Person", "Agency")]
        for m in people:
            if any(p.match(s.text, m.end) for p in self.lang.attribution) or any(
                p.search(s.text, max(0, m.start - 20), m.start) for p in self.lang.before_source
            ):
                return _entity(m)
        reporter = self._reporter(s, people)
        if reporter is not None:
            return reporter
        for m in people:
            opens = m.start <= 3 or not s.text[: m.start].strip(" [(\"“'")
            if opens and any(p.match(s.text, m.end) for p in self.lang.topic_attribution):
                return _entity(m)
        return None

    def _reporter(self, s: Sentence, people: list[Mention]) -> Entity | None:
        clause = self.lang.reporting_clause
        if clause is None:
            return None
        verbs = list(clause["verb"].finditer(s.text))
        if not verbs:
            return None
        verb = verbs[-1].start()
        quoted_end = max(
            (m.end() for m in clause["complement"].finditer(s.text, 0, verb)), default=None
        )
        if quoted_end is None:
            return None
        found = [
            m
            for m in people
            if quoted_end <= m.start and m.end <= verb and clause["subject"].match(s.text, m.end)
        ]
        return _entity(found[-1]) if found else None

    def _is_topic(self, text: str, m: Mention) -> bool:
        if self.lang.code == "en":
            return m.start == 0 or text[: m.start].strip() in ("", "The", "the")
        marker = self.lang.topic_marker
        if marker is None:
            return False
        if text.startswith("](", m.end):
            return bool(marker.match(_after(text, m)))
        return bool(marker.match(text, m.end))

    def _remember_topics(self, s: Sentence, source: Entity | None) -> None:
        for m in s.mentions:
            if not _same(m, source) and self._is_topic(s.text, m):
                self.topics[m.label] = _entity(m)

    def _date(self, s: Sentence, value: Quantity | None) -> DateValue | None:
        usable = [
            d
            for d in s.dates
            if d.date is not None and (not value or not (value.start <= d.start < value.end))
        ]
        return usable[0] if usable else None

    def _qualifier(self, s: Sentence, q: Quantity) -> str:
        """The value's own qualifier, else that of a value it is coordinated with
        ("약 10,000개의 H800과 10,000개의 H100": both approximate)."""
        own = self._own_qualifier(s.text, q)
        if own is not None or self.lang.coordination is None:
            return own or "exact"
        earlier = [p for p in s.quantities if p.end <= q.start and p.unit == q.unit]
        if (
            earlier
            and q.start - earlier[-1].end <= 16
            and self.lang.coordination.search(s.text[earlier[-1].end : q.start])
        ):
            return self._own_qualifier(s.text, earlier[-1]) or "exact"
        return "exact"

    def _own_qualifier(self, text: str, q: Quantity) -> str | None:
        before, after = text[max(0, q.start - 12) : q.start], text[q.end : q.end + 16]
        for name in ("at_least", "at_most", "approx", "exact"):
            spec = self.lang.qualifiers.get(name, {})
            if any(p.search(before) for p in spec.get("before", ())):
                return name
            if any(
                p.search(after) if p.pattern.startswith("^") else p.search(after[:10])
                for p in spec.get("after", ())
            ):
                return name
        return None


def _generic(rule: Rule, text: str, value: Quantity | None) -> bool:
    """A value counting a thing the text does not name ("10,000개 이상의 GPU", "50,000 GPUs"):
    the claim is kept without an object (and so without a direct edge)."""
    return bool(value and rule.generic_object and rule.generic_object.match(text, value.end))


def _distinct(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """One claim per fact and sentence, when two rules read the same fact ("is a cut-down
    version of" is both a variant list and a comparison); the one naming differences stays."""
    kept: dict[tuple[str, str, str | None, float | None], ClaimDraft] = {}
    for d in drafts:
        key = (d.rule.kind, d.subject.id, d.object.id if d.object else None, d.value)
        if key not in kept or (d.differences and not kept[key].differences):
            kept[key] = d
    return list(kept.values())


def _after(text: str, m: Mention) -> str:
    """What follows a mention, past the target of a markdown link around it."""
    if not text.startswith("](", m.end):
        return text[m.end : m.end + 12]
    return _LINK_TARGET.sub("", text[m.end : m.end + 300], count=1)


def _trigger_distance(rule: Rule, text: str, value: Quantity) -> int:
    distances = [
        0
        if t.start() <= value.start and value.end <= t.end()
        else min(abs(t.end() - value.start), abs(t.start() - value.end))
        for t in rule.triggers.finditer(text)
    ]
    return min(distances) if distances else 10**6


def _distance(m: Mention, at: int) -> int:
    return min(abs(m.start - at), abs(m.end - at))


def _entity(m: Mention) -> Entity:
    return Entity(m.label, m.id, m.surface)


def _same(m: Mention, e: Entity | None) -> bool:
    return e is not None and m.label == e.label and m.id == e.id


def _coordinated(lex: Lexicon, s: Sentence, first: Entity) -> list[Entity]:
    """`first` and the names of its label listed right after it ("A, B and C", "A와 B")."""
    same = [m for m in s.mentions if m.label == first.label]
    at = next((i for i, m in enumerate(same) if m.id == first.id), None)
    if at is None:
        return [first]
    found = [first]
    for before, after in zip(same[at:], same[at + 1 :], strict=False):
        if not lex.joins_list(s.text, before.end, after.start):
            break
        found.append(_entity(after))
    return found


def _same_entity(a: Entity, b: Entity) -> bool:
    return (a.label, a.id) == (b.label, b.id)
