"""Reference knowledge as a GraphBatch: every named individual, the curated facts, derived
controls."""

from __future__ import annotations

import json
from pathlib import Path

from kg.graph import GraphBatch, NodeRef
from kg.ontology import Ontology
from kg.reference import loader, models
from kg.rules import criteria, engine


def build_reference_batch(ontology: Ontology, directory: Path | None = None) -> GraphBatch:
    ref = loader.load(ontology, directory)
    batch = GraphBatch()
    for individual in ontology.individuals.values():
        batch.add_node(
            individual.label, individual.id, name=individual.name, aliases=individual.aliases
        )
    for chip in ref.chips:
        _chip(batch, chip)
    for firm in ref.firms:
        _firm(batch, firm)
    for country in ref.countries:
        batch.add_node("Country", country.id, code=country.code)
    for regulation in ref.regulations:
        _regulation(batch, regulation)
    for control in engine.derive_controls(rules(ref), {c.id: c.specs() for c in ref.chips}):
        batch.add_edge(
            "CONTROLS",
            NodeRef("Regulation", control.regulation),
            NodeRef("Chip", control.chip),
            basis=control.basis,
            status=control.status,
            **{"from": control.start},
            until=control.until,
            until_reason=control.until_reason,
        )
    for event in ref.events:
        _event(batch, event)
    return batch


def rules(ref: loader.Reference) -> list[engine.Rule]:
    return [
        engine.Rule(
            r.id,
            r.effective,
            tuple(r.targets),
            tuple(
                engine.Clause(
                    c.clause,
                    c.status,
                    criteria.parse(c.when) if c.when else None,
                    tuple(c.named),
                    c.applies_to,
                )
                for c in r.controls
            ),
            tuple(r.rescinds),
        )
        for r in ref.regulations
    ]


def _chip(batch: GraphBatch, chip: models.Chip) -> None:
    specs = chip.model_dump(
        exclude={"id", "vendor", "released", "sources", "variant_of", "differences", "note"}
    )
    ref = batch.add_node(
        "Chip",
        chip.id,
        vendor=chip.vendor,
        released=chip.released.first_day,
        released_precision=chip.released.precision,
        sources=chip.sources,
        **specs,
    )
    batch.add_edge("MADE_BY", ref, NodeRef("Firm", chip.vendor))
    if chip.variant_of:
        batch.add_edge(
            "VARIANT_OF",
            ref,
            NodeRef("Chip", chip.variant_of),
            differences=chip.differences,
            sources=chip.sources,
        )


def _firm(batch: GraphBatch, firm: models.Firm) -> None:
    ref = batch.add_node(
        "Firm", firm.id, kind=firm.kind, country=firm.country, sources=firm.sources
    )
    if firm.country:
        batch.add_edge("BASED_IN", ref, NodeRef("Country", firm.country), sources=firm.sources)
    if firm.funded_by:
        batch.add_edge("FUNDED_BY", ref, NodeRef("Firm", firm.funded_by), sources=firm.sources)


def _regulation(batch: GraphBatch, reg: models.Regulation) -> None:
    criteria_text = json.dumps(
        [c.model_dump(exclude_defaults=True) for c in reg.controls], ensure_ascii=False
    )
    ref = batch.add_node(
        "Regulation",
        reg.id,
        name=reg.name,
        authority=reg.authority,
        kind=reg.kind,
        announced=reg.announced,
        published=reg.published,
        effective=reg.effective,
        citation=reg.citation,
        criteria=criteria_text,
        sources=reg.sources,
        confidence=reg.confidence,
    )
    for country in reg.targets:
        batch.add_edge("TARGETS", ref, NodeRef("Country", country))
    for other in reg.amends:
        batch.add_edge("AMENDS", ref, NodeRef("Regulation", other))
    for other in reg.rescinds:
        batch.add_edge("RESCINDS", ref, NodeRef("Regulation", other))


def _event(batch: GraphBatch, event: models.Event) -> None:
    ref = batch.add_node(
        "Event",
        event.id,
        name=event.description[:80],
        kind=event.kind,
        date=event.date.first_day,
        date_precision=event.date.precision,
        description=event.description,
        sources=event.sources,
        confidence=event.confidence,
    )
    for label, ids in event.involves.items():
        for ident in ids:
            batch.add_edge("INVOLVES", ref, NodeRef(label, ident))
