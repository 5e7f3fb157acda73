"""Dates as texts write them, with their precision: `2023년 5월`, `1월 7일`, `May 2023`, ISO."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_KO = re.compile(
    r"(?<!\d)(?:(?P<y>\d{4})\s?년(?:\s?(?P<m>\d{1,2})\s?월(?:\s?(?P<d>\d{1,2})\s?일)?)?"
    r"|(?P<m2>\d{1,2})\s?월(?:\s?(?P<d2>\d{1,2})\s?일)?)"
)
_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?!\d)")
_EN = re.compile(
    r"\b(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
    r"(?:\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y>\d{4}))?\b",
    re.IGNORECASE,
)
_EN_YEAR = re.compile(r"\b(?:in|since|by|from|during|until|of)\s+(?P<y>(?:19|20)\d{2})\b")


@dataclass(frozen=True, slots=True)
class DateValue:
    start: int
    end: int
    date: dt.date
    precision: str  # year | month | day

    @property
    def iso(self) -> str:
        return self.date.isoformat()[: {"year": 4, "month": 7, "day": 10}[self.precision]]


def dates(sentence: str, default_year: int | None = None) -> list[DateValue]:
    found: list[DateValue] = []
    for pattern in (_ISO, _KO, _EN, _EN_YEAR):
        for match in pattern.finditer(sentence):
            if match.end() == match.start() or any(d.start <= match.start() < d.end for d in found):
                continue
            value = _from_match(match, default_year)
            if value:
                found.append(DateValue(match.start(), match.end(), *value))
    return sorted(found, key=lambda d: d.start)


def _from_match(match: re.Match[str], default_year: int | None) -> tuple[dt.date, str] | None:
    groups = dict(match.groupdict())
    groups["m"] = groups.get("m") or groups.get("m2")
    groups["d"] = groups.get("d") or groups.get("d2")
    year = int(groups["y"]) if groups.get("y") else default_year
    month = MONTHS.get(groups["mon"].lower().rstrip(".")) if groups.get("mon") else (
        int(groups["m"]) if groups.get("m") else None)
    day = int(groups["d"]) if groups.get("d") else None
    if year is None or not (1900 <= year <= 2100):
        return None
    if groups.get("mon") is None and groups.get("m") is None and day is not None:
        return None  # "7일" alone is a duration as often as a date
    if groups.get("y") is None and month is None:
        return None
    try:
        value = dt.date(year, month or 1, day or 1)
    except ValueError:
        return None  # 13월, 2월 30일
    return value, "day" if day else "month" if month else "year"
