"""Criteria as data: comparisons of chip specs combined with all_of / any_of / not. No eval."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}


@dataclass(frozen=True)
class Compare:
    spec: str
    op: str
    value: Any


@dataclass(frozen=True)
class AllOf:
    items: tuple[Criterion, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Criterion, ...]


@dataclass(frozen=True)
class Not:
    item: Criterion


Criterion = Compare | AllOf | AnyOf | Not


def parse(raw: Mapping[str, Any]) -> Criterion:
    """Turn the YAML form into a criterion; ValueError names what is wrong."""
    if not isinstance(raw, Mapping) or len(raw) == 0:
        raise ValueError("a criterion must be a mapping")
    if "all_of" in raw:
        return AllOf(tuple(parse(x) for x in _list(raw["all_of"], "all_of")))
    if "any_of" in raw:
        return AnyOf(tuple(parse(x) for x in _list(raw["any_of"], "any_of")))
    if "not" in raw:
        return Not(parse(raw["not"]))
    if {"spec", "op", "value"} <= set(raw):
        if raw["op"] not in OPERATORS:
            raise ValueError(f"unknown operator {raw['op']!r}; use one of {' '.join(OPERATORS)}")
        return Compare(str(raw["spec"]), raw["op"], raw["value"])
    raise ValueError(f"a criterion needs all_of, any_of, not, or spec/op/value; got {sorted(raw)}")


def _list(value: Any, key: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{key} needs a non-empty list")
    return value


def evaluate(criterion: Criterion, specs: Mapping[str, Any]) -> tuple[bool, list[str]]:
    """Whether the specs meet the criterion, and the comparisons that decided it."""
    if isinstance(criterion, Compare):
        actual = specs.get(criterion.spec)
        if actual is None:
            return False, [f"{criterion.spec} unknown"]
        met = OPERATORS[criterion.op](actual, criterion.value)
        sign = criterion.op if met else _negate(criterion.op)
        return met, [f"{criterion.spec} {_fmt(actual)} {sign} {_fmt(criterion.value)}"]
    if isinstance(criterion, Not):
        met, why = evaluate(criterion.item, specs)
        return not met, why
    results = [evaluate(item, specs) for item in criterion.items]
    if isinstance(criterion, AllOf):
        met = all(m for m, _ in results)
        chosen = results if met else [r for r in results if not r[0]][:1]
    else:
        met = any(m for m, _ in results)
        chosen = [r for r in results if r[0]][:1] if met else results
    return met, [w for _, why in chosen for w in why]


def _negate(op: str) -> str:
    return {">=": "<", ">": "<=", "<=": ">", "<": ">=", "==": "!=", "!=": "=="}[op]


def _fmt(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return f"{int(value)}"
    return str(value)
