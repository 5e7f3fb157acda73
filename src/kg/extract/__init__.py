"""Extraction: from a document's passages to sourced facts, in stages that return plain values.

    sentences -> mentions (gazetteer + typed new names), dates, quantities, cues, source
              -> frames: per quantity its metric, subject, object, date, qualifier, modality
              -> relation rules: facts without a figure (variants, spin-offs, founding, ...)
    batch = extract(document, ontology.load())     # facts -> graph batch (the last stage)
    analysis = analyse(document, ontology.load())  # what each stage found, for `kg extract`

Nothing leaks across passages (paragraphs): sentences are split inside one; anaphors resolve
to the paragraph's salient entities first, then to the document's.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg import paths
from kg.documents.model import Document, Passage
from kg.documents.reader import detect_lang
from kg.extract import lexicon as lexicons
from kg.extract import tables, versions
from kg.extract.backrefs import BackReferences, People
from kg.extract.claims import ClaimDraft, Interpreter
from kg.extract.dates import DateValue, dates
from kg.extract.frames import Entity, Frame, FrameBuilder, Salience
from kg.extract.gazetteer import Gazetteer, Mention, for_ontology
from kg.extract.lexicon import Lexicon
from kg.extract.names import Name, slug
from kg.extract.names import finder as name_finder
from kg.extract.numbers import (
    Quantity,
    counted_from_before,
    last_counted,
)
from kg.extract.numbers import (
    finder as quantity_finder,
)
from kg.extract.patterns import languages
from kg.extract.sentences import sentences
from kg.extract.sources import finder as source_finder
from kg.graph import GraphBatch, NodeRef, Value
from kg.ontology import Ontology

EXTRACTOR_VERSION = "5"  # raise when a change of the code (not of data) changes what it finds
CANDIDATE_LABELS = ("Firm", "Person", "Agency", "AIModel")


@dataclass
class SentenceAnalysis:
    passage: Passage
    start: int  # offsets in the passage
    end: int
    text: str
    mentions: list[Mention]
    dates: list[DateValue] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    source: Entity | None = None
    frames: list[Frame] = field(default_factory=list)
    relations: list[ClaimDraft] = field(default_factory=list)


def analyse(document: Document, ontology: Ontology) -> list[SentenceAnalysis]:
    gazetteer = for_ontology(ontology)
    anchor = document.published
    interpreters: dict[str, Interpreter] = {}
    salience = Salience(families=_families(ontology))
    title_names = gazetteer.find(document.title or "")
    for m in title_names:  # what the headline names is what the article is about
        salience.note(Entity(m.label, m.id, m.surface), topical=True)
    salience.new_paragraph()
    found_names = {p.id: gazetteer.find(p.text) for p in document.passages}
    named_families = versions.families(
        (m for names in found_names.values() for m in names), ontology
    )
    for p in document.passages:  # "DeepSeek … V4": a model written by its code alone
        found_names[p.id] = sorted(
            found_names[p.id]
            + versions.version_mentions(p.text, found_names[p.id], named_families, ontology),
            key=lambda m: m.start,
        )
    reading = {p.id: _reading(p.text, document.lang) for p in document.passages}
    found_new, typed_names = _new_names(document, found_names, reading)
    headline = _title_new_names(document, title_names, typed_names)
    for entity in headline:
        salience.note(entity, topical=True)
    new_typed: dict[str, list[Mention]] = {}  # the headline's new names, where the body names them
    for (passage_id, _), names in found_new.items():
        new_typed.setdefault(passage_id, []).extend(
            m
            for n in names
            if (m := _as_typed_elsewhere(n, typed_names)).label
            and any(e.id == m.id for e in headline)
        )
    media = _reporters(ontology, ("media",))
    salience.main = _most_named(
        [
            m
            for m in names
            if not (m.label == "Firm" and m.id in media) and not _makers_mark(p.text, m, names)
        ]
        + new_typed.get(p.id, [])
        for p in document.passages
        for names in [found_names[p.id]]
    )  # a news house that publishes the page is never what it is about, nor is the maker named
    # on its products ("smuggled Nvidia GPUs"); a new name the headline gives counts as well
    out: list[SentenceAnalysis] = []
    signs: dict[str, dict[str, str]] = {}  # per language, read once the language is met
    proper = _proper_words(document)
    people = People()
    people.note(title_names)
    for passage in document.passages:
        salience.new_paragraph()
        lex, spans = reading[passage.id]
        numbers, builder, sources = (
            quantity_finder(lex.code),
            _frame_builder(lex, ontology),
            source_finder(lex),
        )
        relations = interpreters.setdefault(lex.code, Interpreter(languages()[lex.code], anchor))
        known = found_names[passage.id]
        previous, counted = "", None
        for start, end in spans:
            text = passage.text[start:end]
            inside = [_shifted(m, start) for m in known if start <= m.start and m.end <= end]
            new = [
                _as_typed_elsewhere(n, typed_names)
                for n in found_new[passage.id, start]
                if not _glossed(text, n, inside)
            ]
            new += _proper_first_word(text, inside + new, proper)
            # a new chip that extends a known family ("Ascend 960" over "Ascend") replaces it; a
            # firm a new name opens with ("Micron HBM4", "Tencent Hunyuan T1") stays mentioned
            nested = [m for m in inside if any(n.start <= m.start and m.end < n.end for n in new)]
            inside = [m for m in inside if m not in nested]
            mentions = inside + new
            short = backrefs(lex).find(text, mentions, people)  # "벨 CEO는", "Vell said"
            if short:
                mentions = [m for m in mentions if not any(_overlap(m, b) for b in short)]
                inside = [m for m in inside if m in mentions] + short
                mentions += short
            mentions.sort(key=lambda m: m.start)
            people.note(mentions)
            found = SentenceAnalysis(passage, start, end, text, mentions)
            found.dates = dates(text, lex.code, anchor)
            taken = (
                [(d.start, d.end) for d in found.dates]
                + [(m.start, m.end) for m in inside]
                + [(m.start, m.end) for m in new if m.label in _MODEL_NUMBERED]
            )  # "Ascend 960": no figure
            if lex.code not in signs:
                signs[lex.code] = _sign_currencies(document, lex)
            found.quantities = _read_signs(numbers.find(text, taken), signs[lex.code])
            if lex.code == "ko":
                found.quantities = counted_from_before(text, found.quantities, counted)
                counted = last_counted(found.quantities) or counted
            found.source = sources.find(text, mentions)
            typed = [m for m in mentions if m.label]
            _note_table_row(
                salience, text, mentions
            )  # untyped names too: a new chip heads a column
            if lex.page_furniture is not None and lex.page_furniture.search(text):
                out.append(found)  # a related article's link: names, but no facts, no topic
                continue
            if found.quantities:
                found.frames = builder.build(
                    text,
                    mentions,
                    found.quantities,
                    found.dates,
                    salience,
                    found.source,
                    builder.cues(text),
                )
            found.relations = relations.sentence_claims(
                text, [m for m in typed if not m.candidate], previous
            )
            _remember(salience, builder, text, typed, found.source)
            inner = _names_inside(
                mentions + [m for m in nested if m.label != "Firm"], gazetteer
            ) + [m for m in nested if m.label == "Firm"]
            if inner:
                found.mentions = sorted(mentions + inner, key=lambda m: m.start)
            for frame in found.frames:  # a new name a fact found its subject in is now salient too
                if frame.ok and frame.subject is not None and frame.subject.candidate:
                    salience.note(frame.subject, topical=True)
                if frame.ok and frame.subject is not None and frame.how == "ko-marked":
                    # "… 세운 비렌이 칩 1만 개를 팔았다. 매출은 …": the subject of a figure holds
                    # the paragraph from here, as a topic would
                    salience.note(frame.subject, topical=True, anchor=True)
            previous = text
            out.append(found)
    _drop_restatements(out)
    _governments_for_countries(out, ontology)
    return out


def _sign_currencies(document: Document, lex: Lexicon) -> dict[str, str]:
    """The currency a shared sign means in this document (`¥`: yen in a text about Japan that never
    writes yuan), by the language's sign readings."""
    text = f"{document.title or ''}\n{document.text}"
    return {
        r.sign: r.code
        for r in lex.data.numbers.sign_readings
        if any(re.search(w, text) for w in r.when) and not any(re.search(w, text) for w in r.unless)
    }


def _read_signs(found: list[Quantity], signs: dict[str, str]) -> list[Quantity]:
    """A sum written with a shared sign takes the currency the document gives that sign."""
    if not signs:
        return found
    return [
        replace(q, unit=signs[q.text[0]]) if q.measure == "money" and q.text[:1] in signs else q
        for q in found
    ]


@lru_cache(maxsize=8)
def backrefs(lex: Lexicon) -> BackReferences:
    return BackReferences(lex)


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _governments_for_countries(analysis: list[SentenceAnalysis], ontology: Ontology) -> None:
    """`인도는 GPU 3만8000개를 배치하고`, `China invested $100 billion`: a country that holds, buys
    or invests acts through its government, where the ontology names one (`in-government`)."""
    metrics = lexicons.metrics()
    for s in analysis:
        for f in s.frames:
            subject, metric = f.subject, metrics.get(f.metric or "")
            if (
                f.ok
                and subject is not None
                and subject.label == "Country"
                and metric is not None
                and metric.country_acts_through_government
                and "Agency" in metric.subject
            ):
                government = ontology.individual("Agency", f"{subject.id}-government")
                if government is not None:
                    f.subject = Entity("Agency", government.id, government.name)


_TWELVE_LETTERS = re.compile(r"(?:[\W\d_]*+[^\W\d_]){12}")  # any script's letters, 12 of them
# firms that report, list or approve figures (news, research houses, stock exchanges), never
# their subject; kg:kind in the ontology
_REPORTER_KINDS = ("media", "research", "exchange")


def _passage_lang(text: str, document_lang: str | None) -> str | None:
    """The passage's own language when it has words enough to tell, else its document's."""
    enough = _TWELVE_LETTERS.match(text, 0, 2000) is not None  # no list of every letter
    return detect_lang(text) if enough else document_lang


@lru_cache(maxsize=8)
def _reporters(ontology: Ontology, kinds: tuple[str, ...] = _REPORTER_KINDS) -> frozenset[str]:
    return frozenset(i.id for i in ontology.individuals_of("Firm") if i.kind in kinds)


@lru_cache(maxsize=8)
def _families(ontology: Ontology) -> frozenset[str]:
    return frozenset(i.id for i in ontology.individuals_of("Chip") if i.kind == "family")


@lru_cache(maxsize=8)
def _frame_builder(lex: Lexicon, ontology: Ontology) -> FrameBuilder:
    """One builder per language and ontology: its compiled patterns outlive a document."""
    reporters = _reporters(ontology)
    return FrameBuilder(lex, lexicons.metrics(), lexicons.schema().money_scale, reporters)


_MODEL_NUMBERED = {"Chip", "AIModel"}  # new names whose digits are a model number


def _drop_restatements(analysis: list[SentenceAnalysis]) -> None:
    """A sum the text gives in a second currency in brackets (`CNY7.6 billion (US$1.07 billion)`) is
    one fact, in its first currency: the same second-currency figure elsewhere (a headline) states
    no new fact."""
    seconds = {(q.unit, round(q.value, 2)) for s in analysis for q in s.quantities if q.converted}
    if not seconds:
        return
    for s in analysis:
        for f in s.frames:
            if (
                f.ok
                and f.quantity.measure == "money"
                and (f.quantity.unit, round(f.quantity.value, 2)) in seconds
            ):
                f.reason = "the same sum as a figure given in another currency"


def extract(document: Document, ontology: Ontology) -> GraphBatch:
    batch = GraphBatch()
    fits = _edge_check(ontology)
    mentioned: dict[str, set[tuple[str, str]]] = {}
    for s in analyse(document, ontology):
        seen = mentioned.setdefault(s.passage.id, set())
        for m in s.mentions:
            if m.label and (m.label, m.id) not in seen:
                seen.add((m.label, m.id))
                if m.candidate:
                    _candidate_node(batch, Entity(m.label, m.id, m.surface, True))
                batch.add_edge(
                    "MENTIONS",
                    NodeRef("Passage", s.passage.id),
                    NodeRef(m.label, m.id),
                    surface=m.surface,
                )
        numeric = set()
        for frame in s.frames:
            if frame.ok:
                assert frame.subject is not None  # a frame is ok only once it has a subject
                numeric.add(
                    (frame.metric, frame.subject.id, frame.object.id if frame.object else None)
                )
                _add_frame(batch, document, s, frame, fits)
        for draft in s.relations:
            if (
                draft.rule.metric,
                draft.subject.id,
                draft.object.id if draft.object else None,
            ) not in numeric:
                _add_relation(batch, document, s, draft, fits)
    return batch


def fingerprint() -> str:
    """Changes when the ontology, the lexicons or the extractor change: re-extract then."""
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for path in sorted(paths.ontology_dir().glob("*.ttl")) + sorted(
        paths.patterns_dir().glob("*.yaml")
    ):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# -- stages' glue ----------------------------------------------------------------------------
def _shifted(m: Mention, offset: int) -> Mention:
    return Mention(m.start - offset, m.end - offset, m.surface, m.label, m.id, m.fuzzy)


# a capitalised word after a lower-case word: a proper noun the document writes mid-sentence
# (alone: not the first word of a longer name, "the Federal Register")
_MID_SENTENCE_CAPITAL = re.compile(
    r"(?<=[a-z,;] )([A-Z][a-z]{2,}(?:[A-Z][a-z]+)*)\b(?!['’-])(?!\s+[A-Z])"
)
_FIRST_WORD = re.compile(r"[\s\"“'(]*([A-Z][a-z]{2,}(?:[A-Z][a-z]+)*)\s+[a-z]")


def _proper_words(document: Document) -> frozenset[str]:
    """Words the document writes capitalised in mid-sentence (`… said Cadence`): where one opens a
    sentence it is that name too, not a capitalised common word."""
    found = {m.group(1) for p in document.passages for m in _MID_SENTENCE_CAPITAL.finditer(p.text)}
    calendar = lexicons.languages()["en"].data.dates
    return frozenset(found - set(calendar.months) - set(calendar.weekdays))


def _proper_first_word(text: str, taken: list[Mention], proper: frozenset[str]) -> list[Mention]:
    """`Cadence agreed to pay …`: a sentence's first word that the document also writes as a
    proper noun mid-sentence is a new name (untyped), unless a known name covers it."""
    first = _FIRST_WORD.match(text)
    if first is None or first.group(1) not in proper:
        return []
    start, end = first.span(1)
    if any(m.start < end and start < m.end for m in taken):
        return []
    return [Mention(start, end, first.group(1), "", slug(first.group(1)), candidate=True)]


# a known name that opens with another's: the maker in a chip's (`NVIDIA H800`), the president in
# an administration's (`도널드 트럼프 행정부`)
_NAMED_INSIDE = {"Chip": "Firm", "AIModel": "Firm", "Agency": "Person"}


def _names_inside(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """The firm or person a known name opens with (`NVIDIA H800`, `조 바이든 행정부`), as a
    mention of its own: the sentence names it too. Added after the sentence's facts are read, so
    it never competes for a subject."""
    out = []
    for m in mentions:
        inner = _NAMED_INSIDE.get(m.label)
        if inner is None or m.candidate or " " not in m.surface:
            continue
        cut = m.surface.rfind(" ")
        while cut > 0:
            found = gazetteer.find(m.surface[:cut])
            if len(found) == 1 and found[0].label == inner and found[0].end == cut:
                out.append(replace(found[0], start=m.start, end=m.start + cut))
                break
            cut = m.surface.rfind(" ", 0, cut)
    return out


def _reading(text: str, document_lang: str | None) -> tuple[Lexicon, list[tuple[int, int]]]:
    """A passage's language words and sentence spans. A passage in another language than its
    document (a Korean page in an English PDF, an English quote in a Korean article) is read
    with its own language's words."""
    known_languages = lexicons.languages()
    lang = _passage_lang(text, document_lang) or "en"
    lex = known_languages.get(lang) or known_languages["en"]
    return lex, list(sentences(text, lex.abbreviations))


def _new_names(
    document: Document,
    found_names: dict[str, list[Mention]],
    reading: dict[str, tuple[Lexicon, list[tuple[int, int]]]],
) -> tuple[dict[tuple[str, int], list[Mention]], dict[str, str]]:
    """Every sentence's new names (by passage id and sentence start), and the type the document
    gives each new name where some sentence tells it: one name, one sense per document."""
    found: dict[tuple[str, int], list[Mention]] = {}
    votes: dict[str, Counter[str]] = {}
    for passage in document.passages:
        lex, spans = reading[passage.id]
        names = name_finder(lex.code)
        known = found_names[passage.id]
        for start, end in spans:
            text = passage.text[start:end]
            inside = [_shifted(m, start) for m in known if start <= m.start and m.end <= end]
            new = [_candidate(x) for x in names.find(text, inside)]
            found[passage.id, start] = new
            for n in new:
                if n.label:
                    votes.setdefault(n.id, Counter())[n.label] += 1
    return found, {name: count.most_common(1)[0][0] for name, count in votes.items()}


def _as_typed_elsewhere(mention: Mention, typed: dict[str, str]) -> Mention:
    """A new name the document types in one sentence has that type where it stands alone ("the
    MTT S5000 GPU" …, "MTT S5000 specifications include …"), before or after."""
    if mention.label or mention.id not in typed:
        return mention
    return replace(mention, label=typed[mention.id])


def _candidate(name: Name) -> Mention:
    """A typed new name is a candidate mention; an untyped one (label "") is offered to frames
    only as the subject right before a verb ("Kestrel Silicon bought ...")."""
    return Mention(
        name.start,
        name.end,
        name.surface,
        name.label or "",
        name.id or slug(name.surface),
        candidate=True,
    )


@lru_cache(maxsize=1)
def _makers_product() -> re.Pattern[str]:
    """A chip noun (every language's counted `GPU` words) right after a name, past a possessive."""
    nouns = [
        w for lex in lexicons.languages().values() for w in lex.data.numbers.counted.get("GPU", [])
    ]
    return re.compile(rf"(?:'s|’s|의)?\s?(?:[A-Z][\w-]*\s)?(?:{'|'.join(nouns) or '(?!)'})\b")


def _makers_mark(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """A firm named as the maker on a product (`Nvidia GPUs`, `Nvidia's H100s`, `엔비디아 칩`)."""
    if m.label != "Firm":
        return False
    if _makers_product().match(text, m.end):
        return True
    return any(
        n.label == "Chip"
        and 0 < n.start - m.end <= 3
        and text[m.end : n.start] in (" ", "'s ", "’s ", "의 ")
        for n in mentions
    )


def _title_new_names(
    document: Document, known: list[Mention], typed: dict[str, str]
) -> list[Entity]:
    """The new names an English headline gives (`Inside the DGX Spark`), typed there or in the
    body: what the article is about, as a known name there is."""
    title = document.title or ""
    if not title or (_passage_lang(title, document.lang) or document.lang) != "en":
        return []
    names = name_finder("en").find(title, known)
    found = (_as_typed_elsewhere(_candidate(n), typed) for n in names)
    return [Entity(m.label, m.id, m.surface, True) for m in found if m.label]


def _most_named(mentions_per_passage: Iterable[list[Mention]]) -> dict[str, Entity]:
    """Per label, the entity the document names most often (ties: the first named): twice at
    least, or a firm named once when it is the only firm the document names."""
    counts: dict[tuple[str, str], int] = {}
    first: dict[tuple[str, str], Mention] = {}
    for mentions in mentions_per_passage:
        for m in mentions:
            counts[(m.label, m.id)] = counts.get((m.label, m.id), 0) + 1
            first.setdefault((m.label, m.id), m)
    best: dict[str, Entity] = {}
    for key in sorted(counts, key=lambda k: -counts[k]):  # stable: ties keep document order
        label = key[0]
        alone = label == "Firm" and sum(1 for k in counts if k[0] == label) == 1
        if label not in best and (counts[key] >= 2 or alone):
            m = first[key]
            best[label] = Entity(m.label, m.id, m.surface, m.candidate)
    return best


def _glossed(text: str, name: Mention, known: list[Mention]) -> bool:
    """ "Semiconductor Manufacturing International (SMIC)": a new name glossed by a known one in
    brackets is that entity, not a new one."""
    after = text[name.end : name.end + 3]
    return after.startswith((" (", "(")) and any(
        m.start - name.end <= 2 and m.start > name.end and text[m.end : m.end + 1] == ")"
        for m in known
    )


def _note_table_row(salience: Salience, text: str, mentions: list[Mention]) -> None:
    """A table's header row that names a chip (or a model) in each of its columns holds for the
    rows below it; a line that is no table row ends the table."""
    cells = tables.row_cells(text)
    if cells is None:
        if not tables.is_rule(text):
            salience.table.clear()
        return
    below = bool(salience.table)
    header = tables.header_columns(text, cells, mentions, "Chip", below) or tables.header_columns(
        text, cells, mentions, "AIModel", below
    )  # `| Spec | H20 | L20 |`, `| Test | DeepSeek-V3 | Llama 3 |`
    if header is not None:
        salience.table = {
            i: Entity(m.label, m.id, m.surface, m.candidate) for i, m in header.items()
        }


def _remember(
    salience: Salience,
    builder: FrameBuilder,
    text: str,
    mentions: list[Mention],
    source: Entity | None,
) -> None:
    """Entities the sentence names become salient; those in subject position become its topics
    (a news or research house never does, whether it reports, "Reuters reported", or compiles,
    "스트리트어카운트가 집계한"; "according to X" stands after a preposition)."""
    for m in mentions:
        if builder.predecessor(text, m):
            continue  # "build upon the first-generation Gaudi. It features …": not what `it` is
        entity = Entity(m.label, m.id, m.surface, m.candidate)
        members = builder.coordinated(text, m, mentions)
        if members:
            salience.groups[m.label] = members  # "Tencent and ByteDance became …": a group
        reporter = entity.label == "Firm" and entity.id in builder.reporters
        topical = (
            builder.topical(text, m, mentions)
            and not reporter
            and not _makers_mark(text, m, mentions)  # "The Nvidia chips went …": the chips did
        )
        salience.note(entity, topical, anchor=topical and builder.topic_marked(text, m))


def _candidate_node(batch: GraphBatch, entity: Entity) -> NodeRef:
    return batch.add_node(
        entity.label, entity.id, name=entity.name, status="candidate", aliases=[entity.name]
    )


def _ref(batch: GraphBatch, entity: Entity) -> NodeRef:
    return _candidate_node(batch, entity) if entity.candidate else NodeRef(entity.label, entity.id)


def _claim_id(*parts: object) -> str:
    return "claim-" + hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:16]


def _edge_check(ontology: Ontology) -> Callable[[str, Entity, Entity], bool]:
    """Does a direct edge of this type fit these labels (its domain and range in the ontology)?"""

    def fits(edge: str, src: Entity, dst: Entity) -> bool:
        return ontology.relationship(edge).fits(src.label, dst.label)

    return fits


def _add_frame(
    batch: GraphBatch,
    document: Document,
    s: SentenceAnalysis,
    f: Frame,
    fits: Callable[[str, Entity, Entity], bool],
) -> None:
    assert f.metric is not None  # a frame is ok only once it has a metric
    metric = lexicons.metrics()[f.metric]
    q = f.quantity
    assert f.subject is not None
    claim_id = _claim_id(
        s.passage.id, f.metric, f.subject.id, f.object.id if f.object else "", q.value, s.text
    )
    date_key = metric.date
    date = f.date.date if f.date else None
    name = " ".join(
        x
        for x in (
            f.subject.name,
            f.metric.replace("_", " "),
            f.object.name if f.object else "",
            _fmt(q.value),
            f.unit if f.unit != "count" else "",
        )
        if x
    )
    props: dict[str, Value] = {
        "kind": metric.kind,
        "metric": f.metric,
        "value": q.value,
        "value_max": q.value_max,
        "unit": f.unit,
        "qualifier": f.qualifier,
        "status": f.status,
        date_key: date,
        f"{date_key}_precision": f.date.precision if f.date and date else None,
        "quote": s.text,
        "lang": document.lang,
        "extractor": f"frame:{f.cue or 'default'}",
        "subject": f.subject.id,
        "object": f.object.id if f.object else None,
        "recipient": f.recipient.id if f.recipient else None,
    }
    claim = batch.add_node("Claim", claim_id, name=name, **props)
    _link_claim(batch, claim, s, f.subject, f.object, f.source)
    if f.recipient is not None:
        batch.add_edge("ABOUT", claim, _ref(batch, f.recipient))
    if metric.edge and f.object is not None and fits(metric.edge, f.subject, f.object):
        # only the claim's id: the store derives the edge's figures and dates from its claims
        batch.add_edge(
            metric.edge, _ref(batch, f.subject), _ref(batch, f.object), claims=[claim_id]
        )


def _add_relation(
    batch: GraphBatch,
    document: Document,
    s: SentenceAnalysis,
    d: ClaimDraft,
    fits: Callable[[str, Entity, Entity], bool],
) -> None:
    rule = d.rule
    claim_id = _claim_id(
        s.passage.id, rule.id, d.subject.id, d.object.id if d.object else "", d.quote
    )
    date = d.date.date if d.date else None
    name = " ".join(
        x
        for x in (d.subject.name, rule.metric.replace("_", " "), d.object.name if d.object else "")
        if x
    )
    claim = batch.add_node(
        "Claim",
        claim_id,
        name=name,
        kind=rule.kind,
        metric=rule.metric,
        qualifier=d.qualifier,
        status="reported" if d.source else "stated",
        as_of=date,
        as_of_precision=d.date.precision if d.date and date else None,
        quote=d.quote,
        lang=document.lang,
        extractor=rule.id,
        subject=d.subject.id,
        object=d.object.id if d.object else None,
        differences=d.differences,
    )
    source = (
        Entity(d.source.label, d.source.id, d.source.name, d.source.candidate) if d.source else None
    )
    subject = Entity(d.subject.label, d.subject.id, d.subject.name, d.subject.candidate)
    obj = (
        Entity(d.object.label, d.object.id, d.object.name, d.object.candidate) if d.object else None
    )
    _link_claim(batch, claim, s, subject, obj, source)
    if rule.edge and obj is not None and fits(rule.edge, subject, obj):
        batch.add_edge(rule.edge, _ref(batch, subject), _ref(batch, obj), claims=[claim_id])


def _link_claim(
    batch: GraphBatch,
    claim: NodeRef,
    s: SentenceAnalysis,
    subject: Entity,
    obj: Entity | None,
    source: Entity | None,
) -> None:
    batch.add_edge("SOURCED_FROM", claim, NodeRef("Passage", s.passage.id))
    batch.add_edge("ABOUT", claim, _ref(batch, subject))
    if obj is not None:
        batch.add_edge("ABOUT", claim, _ref(batch, obj))
    if source is not None:
        batch.add_edge("ATTRIBUTED_TO", claim, _ref(batch, source))


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"
