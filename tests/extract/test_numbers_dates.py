"""Numbers, money and dates as Korean and English texts write them."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from kg.extract.dates import dates
from kg.extract.numbers import parse_korean, quantities


@pytest.mark.parametrize("text, value, unit", [
    ("9억 4,400만 달러", 944_000_000, "USD"), ("1억 3,700만 달러", 137_000_000, "USD"),
    ("600만 달러", 6_000_000, "USD"), ("6,710억 개", 671_000_000_000, "count"), ("10,000개", 10_000, "count"),
    ("2,048개", 2_048, "count"), ("$5.5 million", 5_500_000, "USD"), ("$1.6B", 1_600_000_000, "USD"),
    ("USD 944 million", 944_000_000, "USD"), ("50,000", 50_000, "count"), ("2,048 H800s", 2_048, "count"),
    ("671B parameters", 671_000_000_000, "count"), ("5억 달러(미화)", 500_000_000, "USD"),
])
def test_quantities_normalise_to_base_units(text: str, value: float, unit: str) -> None:
    found = quantities(text)
    assert [(q.value, q.unit) for q in found][:1] == [(value, unit)]


@pytest.mark.parametrize("text", ["999조조 달러", "1,2,3 개", "12,34개", "999조 달러", "만억 개"])
def test_malformed_or_absurd_numbers_yield_nothing(text: str) -> None:
    assert quantities(text) == []


def test_years_versions_and_model_names_are_not_quantities() -> None:
    assert quantities("2021년 H100 GPT-4 v3") == []


@given(st.integers(min_value=1, max_value=9_999), st.integers(min_value=0, max_value=9_999))
def test_korean_numerals_round_trip(eok: int, man: int) -> None:
    text = f"{eok:,}억" + (f" {man:,}만" if man else "")
    assert parse_korean(text) == eok * 10**8 + man * 10**4


@given(st.integers(min_value=1, max_value=10**12))
def test_grouped_digits_round_trip(n: int) -> None:
    found = quantities(f"약 {n:,}개의 칩")
    assert [q.value for q in found] == [n]


@pytest.mark.parametrize("text, iso, precision", [
    ("2021년", "2021", "year"), ("2023년 5월", "2023-05", "month"), ("1월 7일", "2025-01-07", "day"),
    ("May 2023", "2023-05", "month"), ("January 7", "2025-01-07", "day"), ("2024-12-26", "2024-12-26", "day"),
    ("Jan. 7, 2025", "2025-01-07", "day"), ("in 2015", "2015", "year"),
])
def test_dates_keep_their_precision(text: str, iso: str, precision: str) -> None:
    found = dates(text, default_year=2025)
    assert [(d.iso, d.precision) for d in found] == [(iso, precision)]


@pytest.mark.parametrize("text", ["2023년 13월", "13월", "2월 30일", "February 30, 2024"])
def test_impossible_dates_yield_nothing(text: str) -> None:
    assert dates(text, default_year=2025) == []


@given(st.text(max_size=80))
def test_normalisers_never_crash(text: str) -> None:
    quantities(text)
    dates(text, default_year=2025)
