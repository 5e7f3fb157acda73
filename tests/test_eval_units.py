"""`kg eval` compares a claim with a gold fact in base units, on both sides: a span written in
years against one in months, a per-pin rate in gigabits against a stored GB/s."""

from __future__ import annotations

import pytest

from kg.eval import GoldFact, matches


def _claim(value: float, unit: str, subject: str = "samsung-electronics") -> dict:
    return {"kinds": ["chip_spec", "other_event"], "value": value, "unit": unit, "subject": subject,
            "subject_name": None, "object": None, "object_name": None}


@pytest.mark.parametrize(("gold", "claim", "same"), [
    ((12, "months"), (1, "years"), True),
    ((2, "years"), (24, "months"), True),
    ((12, "months"), (1, "months"), False),
    ((9.6, "Gbps"), (1.2, "GB/s"), True),
    ((9.6, "Gbps"), (9.6, "GB/s"), False),
])
def test_units_meet_in_their_base_unit_on_both_sides(gold, claim, same) -> None:
    fact = GoldFact(kind="other_event", subject="Samsung Electronics", value=gold[0], unit=gold[1])
    assert matches(fact, _claim(*claim)) is same


@pytest.mark.parametrize(("gold", "claim", "same"), [
    ("rare earth elements", "element", True),   # a counted thing named by its head noun
    ("funding rounds", "round", True),
    ("categories", "category", True),
    ("patents", "cabinet", False),
    ("GPUs", "chip", True),                      # the table's base units stay as they were
    ("servers", "GPU", False),
    ("data centres", "center", True),
    ("CPU cores", "cores", True),                # a kind of a counted base unit is that unit
    ("cores", "GPU cores", True),
    ("CPU cores", "GPU", False),
])
def test_a_counted_thing_meets_its_singular_and_its_head_noun(gold, claim, same) -> None:
    fact = GoldFact(kind="other_event", subject="Samsung Electronics", value=12, unit=gold)
    assert matches(fact, _claim(12, claim)) is same
