"""Quantities and money as texts write them, in Korean and English, normalised to base units.

`9억 4,400만 달러` -> 944,000,000 USD; `$5.5 million` -> 5,500,000 USD; `6,710억 개` ->
671,000,000,000; `671B parameters` -> 671,000,000,000. Malformed numbers yield nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KO_UNITS = {"조": 10**12, "억": 10**8, "만": 10**4, "천": 10**3}
EN_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6,
             "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "t": 10**12}
MAX_VALUE = 10**13  # beyond any chip count, parameter count or sum of money these texts state

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_KO_CHUNK = rf"(?:{_NUM})\s?[조억만천]"
_KO_AMOUNT = re.compile(rf"(?<![\d.,])(?P<num>(?:{_KO_CHUNK}\s?)+(?:{_NUM}(?![\d\s]*[조억만천]))?)(?P<bad>[조억만천,.]\d?)?")
_EN_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|[kKmMbBtT])\b"
_EN_AMOUNT = re.compile(
    rf"(?P<cur>\$|USD\s?|US\$\s?)?(?<![\d.,])(?P<num>{_NUM})(?:\s?(?P<scale>{_EN_SCALE}))?(?P<bad>[,.]\d)?"
)
_MONEY_AFTER = re.compile(r"^\s?(?:달러|dollars?\b|USD\b)(?:\s?\(미화\))?")
_WON_AFTER = re.compile(r"^\s?원")
_COUNTER_AFTER = re.compile(r"^\s?(?:개|명|대|장|여\s?개|여\s?명)")


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: float
    unit: str  # USD | KRW | count
    text: str


def quantities(sentence: str) -> list[Quantity]:
    """Every well-formed number in the sentence, with its unit where the text gives one."""
    found: list[Quantity] = []
    rejected: list[tuple[int, int]] = []
    for match in _KO_AMOUNT.finditer(sentence):
        if match.group("bad") or _inside_date_or_word(sentence, match.start(), match.end()):
            rejected.append((match.start(), match.end()))
            continue
        value = parse_korean(match.group("num"))
        if value is not None:
            found.append(_with_unit(sentence, match.start("num"), match.end("num"), value))
    taken = [(q.start, q.end) for q in found] + rejected
    for match in _EN_AMOUNT.finditer(sentence):
        if match.group("bad") or any(s <= match.start("num") < e for s, e in taken):
            continue
        value = parse_english(match.group("num"), match.group("scale"))
        if value is None or _inside_date_or_word(sentence, match.start("num"), match.end()):
            continue
        start = match.start("cur") if match.group("cur") else match.start("num")
        q = _with_unit(sentence, start, match.end(), value)
        if match.group("cur"):
            q = Quantity(q.start, q.end, q.value, "USD", q.text)
        found.append(q)
    return sorted((q for q in found if 0 < q.value <= MAX_VALUE), key=lambda q: q.start)


def parse_korean(text: str) -> float | None:
    """`9억 4,400만` -> 944000000; `10,000` -> 10000; None when malformed (`999조조`)."""
    total, last_unit = 0.0, None
    for num, unit in re.findall(rf"({_NUM})\s?([조억만천]?)", text.replace(" ", "")):
        value = _number(num)
        if value is None:
            return None
        if unit:
            scale = KO_UNITS[unit]
            if last_unit is not None and scale >= last_unit:
                return None  # units must fall: 억 then 만, never 만 then 억 or 조조
            total += value * scale
            last_unit = scale
        else:
            total += value
            last_unit = 1
    return total


def parse_english(num: str, scale: str | None) -> float | None:
    value = _number(num)
    if value is None:
        return None
    return value * EN_SCALES[scale.lower()] if scale else value


def _number(text: str) -> float | None:
    if "," in text and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _with_unit(sentence: str, start: int, end: int, value: float) -> Quantity:
    rest = sentence[end:]
    for pattern, unit in ((_MONEY_AFTER, "USD"), (_WON_AFTER, "KRW"), (_COUNTER_AFTER, "count")):
        m = pattern.match(rest)
        if m:
            return Quantity(start, end + m.end(), value, unit, sentence[start : end + m.end()])
    return Quantity(start, end, value, "count", sentence[start:end])


def _inside_date_or_word(sentence: str, start: int, end: int) -> bool:
    """Years, months, days, versions and model names are not quantities."""
    after = sentence[end : end + 2]
    before = sentence[max(0, start - 1) : start]
    if re.match(r"\s?(?:년|월|일|분기|배|%|시간|위|세|개월|주|x\b)", after):
        return True
    if before and (before.isalpha() and before.isascii() or before in "-_./"):
        return True  # H100, GPT-4, v3.5
    return bool(re.match(r"[A-Za-z]", sentence[end : end + 1])) and not re.match(
        rf"\s?{_EN_SCALE}", sentence[end:]
    )
