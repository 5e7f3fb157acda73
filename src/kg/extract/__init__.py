"""Extraction: mentions, quantities, dates and claims from a document, as a GraphBatch.

    batch = extract(document, ontology.load())
"""

from __future__ import annotations

import hashlib

from kg import paths
from kg.documents.model import Document, Passage
from kg.extract.claims import ClaimDraft, Entity, Interpreter
from kg.extract.gazetteer import Mention, for_ontology
from kg.extract.patterns import languages
from kg.extract.sentences import sentences
from kg.graph import GraphBatch, NodeRef
from kg.ontology import Ontology

EXTRACTOR_VERSION = "1"
DATE_PROPERTY = {"HOLDS": "as_of", "ACQUIRED": "date", "SPUN_OFF_FROM": "date", "TRAINED_ON": None}


def extract(document: Document, ontology: Ontology) -> GraphBatch:
    gazetteer = for_ontology(ontology)
    language = languages().get(document.lang) or languages()["en"]
    year = document.published.year if document.published else None
    interpreter = Interpreter(language, year)
    batch = GraphBatch()
    for passage in document.passages:
        mentions = gazetteer.find(passage.text)
        _add_mentions(batch, passage, mentions)
        previous = ""
        for start, end in sentences(passage.text):
            inside = [_shift(m, start) for m in mentions if start <= m.start and m.end <= end]
            text = passage.text[start:end]
            for draft in interpreter.sentence_claims(text, inside, previous):
                _add_claim(batch, document, passage, draft)
            previous = text
    return batch


def fingerprint() -> str:
    """Changes when the ontology, the patterns or the extractor change: re-extract then."""
    digest = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for path in sorted(paths.ontology_dir().glob("*.ttl")) + sorted(paths.patterns_dir().glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _shift(m: Mention, offset: int) -> Mention:
    return Mention(m.start - offset, m.end - offset, m.surface, m.label, m.id, m.fuzzy)


def _add_mentions(batch: GraphBatch, passage: Passage, mentions: list[Mention]) -> None:
    seen: set[tuple[str, str]] = set()
    for m in mentions:
        if (m.label, m.id) not in seen:
            seen.add((m.label, m.id))
            batch.add_edge("MENTIONS", NodeRef("Passage", passage.id), NodeRef(m.label, m.id), surface=m.surface)


def _ref(batch: GraphBatch, entity: Entity) -> NodeRef:
    if entity.candidate:
        return batch.add_node(entity.label, entity.id, name=entity.name, status="candidate", aliases=[entity.name])
    return NodeRef(entity.label, entity.id)


def _add_claim(batch: GraphBatch, document: Document, passage: Passage, d: ClaimDraft) -> None:
    rule = d.rule
    key = "|".join(str(x) for x in (passage.id, rule.id, d.subject.id, d.object.id if d.object else "",
                                     d.value, d.quote))
    claim_id = "claim-" + hashlib.sha256(key.encode()).hexdigest()[:16]
    date = d.date.date if d.date else None
    precision = d.date.precision if d.date else None
    name = " ".join(str(x) for x in (d.subject.name, rule.metric.replace("_", " "),
                                     d.object.name if d.object else "", _fmt(d.value)) if x)
    claim = batch.add_node(
        "Claim", claim_id, name=name, kind=rule.kind, metric=rule.metric, value=d.value, unit=rule.unit,
        qualifier=d.qualifier, as_of=date, as_of_precision=precision, quote=d.quote, lang=document.lang,
        extractor=rule.id, subject=d.subject.id, object=d.object.id if d.object else None,
        differences=d.differences,
    )
    batch.add_edge("SOURCED_FROM", claim, NodeRef("Passage", passage.id))
    subject = _ref(batch, d.subject)
    batch.add_edge("ABOUT", claim, subject)
    obj = _ref(batch, d.object) if d.object else None
    if obj:
        batch.add_edge("ABOUT", claim, obj)
    if d.source:
        batch.add_edge("ATTRIBUTED_TO", claim, _ref(batch, d.source))
    if rule.edge and obj:
        props = {"claims": [claim_id], "quantity": d.value, "qualifier": d.qualifier if d.value else None,
                 "differences": d.differences}
        date_key = DATE_PROPERTY.get(rule.edge, "date")
        if date_key and date:
            props[date_key] = date
        batch.add_edge(rule.edge, subject, obj, **props)


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"
