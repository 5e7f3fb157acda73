"""Dates as texts write them, with their precision, absolute or relative to the document's date.

`2023년 5월`, `May 15, 2023`, `2023-05-15`, `in 2021`: absolute. `지난해`, `last month`, `on
Tuesday`, `지난 9일`, `15일(현지시간)`, `in March`: resolved against the document date, to the
precision the words give (a year, a month, a day). Without a document date a relative date is still
found (its span is no quantity) but has no value. Month names are matched capitalised only, so `may`
and `march` are never months; an impossible date (`2023-02-30`, `13월`) has no value."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.scan import Screened, guarded

_PRECISION_LENGTH = {"year": 4, "month": 7, "day": 10}
_DIGIT = re.compile(r"\d")
_ISO_PROBE = re.compile(r"\d{4}[-/.]\s?\d")
_QUARTER_PROBE = guarded(re.compile(r"Q[1-4]|[1-4]Q|H[12]\b|quarter|fiscal|FY|분기", re.IGNORECASE))
_YEAR_PROBE = re.compile(r"(?:19|20)\d\d")  # what a bare year ("en") needs


@dataclass(frozen=True, slots=True)
class DateValue:
    start: int
    end: int
    date: (
        dt.date | None
    )  # None: a date the text gives but that cannot be placed (no anchor, impossible)
    precision: str  # year | month | day
    relative: bool = False

    @property
    def iso(self) -> str | None:
        return self.date.isoformat()[: _PRECISION_LENGTH[self.precision]] if self.date else None


def dates(
    sentence: str, lang: str = "en", anchor: dt.date | None = None, default_year: int | None = None
) -> list[DateValue]:
    """Every date in the sentence; `anchor` is the document's date (for relative dates)."""
    if anchor is None and default_year is not None:
        anchor = dt.date(default_year, 12, 31)
    return _finder(lang).find(sentence, anchor)


class DateFinder:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        d = lex.data.dates
        self.months = d.months
        self.weekdays = d.weekdays
        months = "|".join(sorted(map(re.escape, d.months), key=len, reverse=True)) or "(?!)"
        year_before = "|".join(d.year_before) or "(?!)"
        self.patterns: list[tuple[re.Pattern[str], str]] = [
            (
                re.compile(
                    r"\b(?:Q[1-4]|[1-4]Q|H[12])(?![\w])\s?(?:(?:FY)?\s?(?P<y>\d{4}))?"
                    r"|(?:first|second|third|fourth)[ -]quarter(?: of (?P<y2>\d{4}))?"
                    r"|(?:(?P<y3>\d{4})\s?년\s?)?[1-4]\s?분기|(?:fiscal|FY)\s?(?P<y4>\d{4})",
                    re.IGNORECASE,
                ),
                "quarter",
            ),
            (
                re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?(?![\d-])"),
                "iso",
            ),
            (re.compile(r"(?<!\d)(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)"), "iso"),
            (
                re.compile(r"(?<!\d)(?P<y>\d{4})\.\s?(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})\.?(?!\d)"),
                "iso",
            ),
            (
                re.compile(
                    rf"\b(?P<mon>{months})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?(?![\d,]\d)"
                ),
                "en_month",
            ),
            (
                re.compile(
                    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{months})\.?(?:,?\s+(?P<y>\d{{4}}))?\b"
                ),
                "en_month",
            ),
            (re.compile(rf"\b(?P<mon>{months})\.?,?\s+(?P<y>\d{{4}})\b"), "en_month"),
            (re.compile(rf"(?i:\b(?:{year_before})\s+)(?P<mon>{months})\b"), "en_month"),
            (
                re.compile(
                    rf"(?:(?i:\b(?:{year_before}))\s+|^\s*|\(|,\s)(?P<y>(?:19|20)\d{{2}})(?!\d|,\d|\.\d|%|\s?(?:년|GPU|chip|unit|server|people|employee))"
                ),
                "en",
            ),
            (
                re.compile(
                    r"(?<!\d)(?P<y>\d{4})\s?년(?:\s?(?P<m>\d{1,2})\s?월(?:\s?(?P<d>\d{1,2})\s?일)?)?"
                    r"|(?P<past>지난\s?)?(?P<future>오는\s?)?(?<!\d)(?P<m2>\d{1,2})\s?월(?:\s?(?P<d2>\d{1,2})\s?일)?"
                ),
                "ko",
            ),
            (
                re.compile(
                    r"(?P<past>지난\s?)?(?P<future>오는\s?)?(?<![\d.,])(?P<d3>[12]?\d|3[01])\s?일(?=\s?\(현지\s?시간\)|\s?(?:오전|오후|새벽|밤)|(?:\s?(?:에|부터|까지|자|께|,|\)))|\s|$)(?!\s?(?:간|동안|이내|만에|만이|안에|내에|내로|째|뒤|후))"
                ),
                "ko_day",
            ),
        ]
        korean = lex.code == "ko"
        self.patterns = [
            (p, k)
            for p, k in self.patterns
            if not (k.startswith("ko") and not korean) and not (k == "en_month" and not d.months)
        ]
        self.relative_words = {
            w.lower(): (r.unit, r.offset) for r in lex.data.dates.relative for w in r.words
        }
        by_length = sorted(self.relative_words, key=len, reverse=True)
        self.relative = Screened(
            re.compile(
                rf"(?<![\w])(?:{'|'.join(map(re.escape, by_length))})(?![\w])",
                re.IGNORECASE,
            )
            if self.relative_words
            else re.compile("(?!)")
        )
        self._month_probe = Screened(re.compile(rf"\b(?:{months})\b")) if d.months else None
        self._weekday_probe = "day" if lex.code == "en" else "요일"
        days = "|".join(map(re.escape, self.weekdays)) or "(?!)"
        self.weekday = re.compile(rf"(?:\b(?:on|last|this|since|until|by)\s+)?(?P<wd>{days})\b")
        self._last: tuple[str, dt.date | None, tuple[DateValue, ...]] = ("", None, ())

    def find(self, text: str, anchor: dt.date | None) -> list[DateValue]:
        if self._last[:2] == (text, anchor):  # the relation rules ask about the same sentence
            return list(self._last[2])
        found = self._find(text, anchor)
        self._last = (text, anchor, tuple(found))
        return found

    def _find(self, text: str, anchor: dt.date | None) -> list[DateValue]:
        found: list[DateValue] = []
        digits = _DIGIT.search(text) is not None
        months = self._month_probe is not None and self._month_probe.search(text) is not None
        for pattern, kind in self.patterns:
            if not (digits or kind == "en_month" and months) or kind == "en_month" and not months:
                continue  # every absolute date has digits, but "in March"; month names need a month
            if (
                kind == "iso"
                and not _ISO_PROBE.search(text)
                or kind == "quarter"
                and not _QUARTER_PROBE.search(text)
                or kind == "en"
                and not _YEAR_PROBE.search(text)
                or kind == "ko"  # a year or a month: 년 or 월; a day: 일
                and "년" not in text
                and "월" not in text
                or kind == "ko_day"
                and "일" not in text
            ):
                continue
            for m in pattern.finditer(text):
                if m.end() > m.start() and not _overlaps(m.start(), m.end(), found):
                    value = self._absolute(m, kind, anchor)
                    if value is not None:
                        found.append(value)
        for m in self.relative.finditer(text):
            if not _overlaps(m.start(), m.end(), found):
                unit, offset = self.relative_words[m.group(0).lower()]
                found.append(
                    DateValue(
                        m.start(), m.end(), _shifted(anchor, unit, offset), unit, relative=True
                    )
                )
        if self._weekday_probe not in text:
            return sorted(found, key=lambda d: d.start)
        for m in self.weekday.finditer(text):
            if not _overlaps(m.start(), m.end(), found):
                day = None
                if anchor is not None:
                    back = (anchor.weekday() - self.weekdays[m.group("wd")]) % 7
                    day = anchor - dt.timedelta(days=back)
                found.append(DateValue(m.start(), m.end(), day, "day", relative=True))
        return sorted(found, key=lambda d: d.start)

    def _absolute(self, m: re.Match[str], kind: str, anchor: dt.date | None) -> DateValue | None:
        g = {k: v for k, v in m.groupdict().items() if v}
        start = m.start("y") if kind.startswith("en") and "y" in g and "mon" not in g else m.start()
        if kind == "quarter":
            year = next((int(g[k]) for k in ("y", "y2", "y3", "y4") if k in g), None)
            last = _period_end(m.group(0))  # a quarter or half is dated by its last month
            if year is None and anchor is not None and last:
                first = last - (5 if re.match(r"H[12]", m.group(0), re.IGNORECASE) else 2)
                year = (
                    anchor.year if first <= anchor.month else anchor.year - 1
                )  # "3분기": the latest begun
            if not year or not 1900 <= year <= 2100:
                return DateValue(m.start(), m.end(), None, "year")
            return DateValue(
                m.start(),
                m.end(),
                dt.date(year, last, 1) if last else dt.date(year, 1, 1),
                "month" if last else "year",
            )
        year = int(g["y"]) if "y" in g else None
        month = (
            self.months.get(g["mon"]) if "mon" in g else int(g.get("m") or g.get("m2") or 0) or None
        )
        day = int(g.get("d") or g.get("d2") or g.get("d3") or 0) or None
        relative = year is None
        if kind == "ko_day":
            if anchor is None:
                return DateValue(start, m.end(), None, "day", relative=True)
            month, year = anchor.month, anchor.year
            if day is not None and day > anchor.day and "future" not in g:
                month, year = (12, year - 1) if month == 1 else (month - 1, year)
        elif year is None:
            if anchor is None:
                return DateValue(start, m.end(), None, "day" if day else "month", relative=True)
            year = anchor.year
            if month and month > anchor.month and "future" not in g:
                year -= 1  # "in March", written in January: last March
        value = _date(year, month, day)
        return DateValue(
            start, m.end(), value, "day" if day else "month" if month else "year", relative
        )


_QUARTER_NUMBER = guarded(
    re.compile(
        r"Q([1-4])|([1-4])Q|([1-4])\s?분기|(first|second|third|fourth)[ -]quarter|H([12])\b",
        re.IGNORECASE,
    )
)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _period_end(text: str) -> int | None:
    m = _QUARTER_NUMBER.search(text)
    if not m:
        return None
    if m.group(5):
        return 6 * int(m.group(5))
    n = next((g for g in m.groups()[:3] if g), None)
    quarter = int(n) if n else _ORDINAL[m.group(4).lower()]
    return 3 * quarter


def _date(year: int, month: int | None, day: int | None) -> dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month or 1, day or 1)
    except ValueError:
        return None  # 13월, 2023-02-30


def _shifted(anchor: dt.date | None, unit: str, offset: int) -> dt.date | None:
    if anchor is None:
        return None
    if unit == "year":
        return dt.date(anchor.year + offset, 1, 1)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + offset
        return dt.date(index // 12, index % 12 + 1, 1)
    return anchor + dt.timedelta(days=offset)


def _overlaps(start: int, end: int, found: list[DateValue]) -> bool:
    return any(d.start < end and start < d.end for d in found)


@lru_cache(maxsize=8)
def _finder(lang: str) -> DateFinder:
    return DateFinder(lexicon(lang))
