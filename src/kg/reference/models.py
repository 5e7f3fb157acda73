"""The reference data files' shapes (pydantic): what a chip, regulation, firm and event record
holds."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(Record):
    sources: list[str] = Field(min_length=1)
    confidence: Literal["high", "medium", "low", "unconfirmed"] | None = None
    note: str | None = None

    @field_validator("sources")
    @classmethod
    def _urls(cls, value: list[str]) -> list[str]:
        for url in value:
            if not re.match(r"^https?://\S+$", url):
                raise ValueError(f"not a URL: {url!r}")
        return value


class PartialDate(Record):
    date: str
    precision: Literal["year", "month", "day"]

    @field_validator("date")
    @classmethod
    def _shape(cls, value: str) -> str:
        if not _PARTIAL.match(value):
            raise ValueError("use YYYY, YYYY-MM or YYYY-MM-DD")
        parts = [int(p) for p in value.split("-")] + [1, 1]
        dt.date(parts[0], parts[1], parts[2])  # raises for 13th months
        return value

    @property
    def first_day(self) -> dt.date:
        parts = [int(p) for p in self.date.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])


class Chip(Sourced):
    id: str
    vendor: str
    family: str | None = None
    released: PartialDate
    market: Literal["global", "china"]
    designed_for_datacenter: bool
    fp16_tflops: float | None = None
    fp8_tflops: float | None = None
    tpp: float | None = None
    tpp_basis: str | None = None
    die_area_mm2: float | None = None
    performance_density: float | None = None
    interconnect_gbps: float | None = None
    memory_gb: float | None = None
    memory_bw_tbps: float | None = None
    variant_of: str | None = None
    differences: str | None = None

    def specs(self) -> dict[str, Any]:
        """What the rule engine compares; bandwidths also in GB/s (memory in TB/s x 1000)."""
        specs: dict[str, Any] = {
            k: getattr(self, k)
            for k in (
                "tpp",
                "performance_density",
                "interconnect_gbps",
                "designed_for_datacenter",
                "memory_gb",
            )
        }
        if self.memory_bw_tbps is not None:
            specs["memory_bw_gbps"] = round(self.memory_bw_tbps * 1000, 3)
            specs["total_bw_gbps"] = specs["memory_bw_gbps"] + (self.interconnect_gbps or 0)
        specs["released"] = self.released.first_day
        return {k: v for k, v in specs.items() if v is not None}


class Clause(Record):
    clause: str
    status: str
    when: dict[str, Any] | None = None
    named: list[str] = []
    applies_to: Literal["any", "controlled"] = "any"


class Regulation(Sourced):
    id: str
    name: str
    authority: str
    kind: Literal["rule", "is-informed-letter", "rescission", "licence-policy"]
    announced: dt.date
    published: dt.date | None = None
    effective: dt.date
    effective_confidence: str | None = None
    citation: str | None = None
    citation_confidence: str | None = None
    targets: list[str] = Field(min_length=1)
    amends: list[str] = []
    rescinds: list[str] = []
    controls: list[Clause] = []


class Firm(Sourced):
    id: str
    kind: str | None = None
    country: str | None = None
    funded_by: str | None = None


class Country(Record):
    id: str
    code: str = Field(pattern=r"^[A-Z]{2}$")


class Event(Sourced):
    id: str
    kind: str
    date: PartialDate
    description: str
    involves: dict[str, list[str]] = {}


class ChipsFile(Record):
    chips: list[Chip]


class RegulationsFile(Record):
    regulations: list[Regulation]


class FirmsFile(Record):
    firms: list[Firm]
    countries: list[Country] = []


class EventsFile(Record):
    events: list[Event]
