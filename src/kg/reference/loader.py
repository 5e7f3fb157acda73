"""Read and check the reference YAML files; a bad file is refused with its file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel

from kg import paths
from kg.errors import ReferenceDataError
from kg.ontology import Ontology
from kg.reference import models
from kg.rules.criteria import parse
from kg.yamlfile import load_model

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Reference:
    chips: list[models.Chip]
    regulations: list[models.Regulation]
    firms: list[models.Firm]
    countries: list[models.Country]
    events: list[models.Event]


def load(ontology: Ontology, directory: Path | None = None) -> Reference:
    directory = directory or paths.reference_dir()
    chips = _load_file(directory / "chips.yaml", models.ChipsFile)
    regulations = _load_file(directory / "regulations.yaml", models.RegulationsFile)
    firms = _load_file(directory / "firms.yaml", models.FirmsFile)
    events = _load_file(directory / "events.yaml", models.EventsFile)
    ref = Reference(
        chips.chips, regulations.regulations, firms.firms, firms.countries, events.events
    )
    _check_ids(ref, ontology, directory)
    return ref


def _load_file(path: Path, model: type[M]) -> M:
    return load_model(path, model, ReferenceDataError, missing="missing reference file")


def _check_ids(ref: Reference, ontology: Ontology, directory: Path) -> None:
    """Every id must name an individual of the ontology, of the right class."""

    def need(label: str, ident: str | None, file: str, field: str, record_id: str) -> None:
        if ident is not None and ontology.individual(label, ident) is None:
            path = directory / file
            node = yaml.compose(path.read_text(encoding="utf-8"))
            raise ReferenceDataError(
                path,
                _find_line(node, record_id),
                field,
                f"unknown {label.lower()} id '{ident}' (not in ontology/individuals.ttl)",
            )

    for chip in ref.chips:
        need("Chip", chip.id, "chips.yaml", "id", chip.id)
        need("Firm", chip.vendor, "chips.yaml", "vendor", chip.id)
        need("Chip", chip.variant_of, "chips.yaml", "variant_of", chip.id)
    for reg in ref.regulations:
        need("Regulation", reg.id, "regulations.yaml", "id", reg.id)
        for country in reg.targets:
            need("Country", country, "regulations.yaml", "targets", reg.id)
        for other in reg.amends + reg.rescinds:
            need("Regulation", other, "regulations.yaml", "amends/rescinds", reg.id)
        for clause in reg.controls:
            for chip_id in clause.named:
                need("Chip", chip_id, "regulations.yaml", "controls.named", reg.id)
            if clause.when is not None:
                try:
                    parse(clause.when)
                except ValueError as exc:
                    path = directory / "regulations.yaml"
                    raise ReferenceDataError(
                        path,
                        _find_line(yaml.compose(path.read_text()), reg.id),
                        "controls.when",
                        str(exc),
                    ) from None
    for firm in ref.firms:
        need("Firm", firm.id, "firms.yaml", "id", firm.id)
        need("Country", firm.country, "firms.yaml", "country", firm.id)
        need("Firm", firm.funded_by, "firms.yaml", "funded_by", firm.id)
    for known in ref.countries:
        need("Country", known.id, "firms.yaml", "countries.id", known.id)
    for event in ref.events:
        for label, ids in event.involves.items():
            ontology.label(label)
            for ident in ids:
                need(label, ident, "events.yaml", "involves", event.id)


def _find_line(node: Any, record_id: str) -> int | None:
    """The line of the record whose `id` is record_id."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                if key.value == "id" and getattr(value, "value", None) == record_id:
                    return int(key.start_mark.line) + 1
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return None
