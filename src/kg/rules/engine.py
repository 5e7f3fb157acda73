"""Derive which regulation controls which chip, from when, until when, with which status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kg.rules.criteria import Criterion, evaluate


@dataclass(frozen=True)
class Clause:
    clause: str
    status: str
    when: Criterion | None = None
    named: tuple[str, ...] = ()
    applies_to: str = (
        "any"  # "controlled": a licence policy that changes the status of controlled chips
    )


@dataclass(frozen=True)
class Rule:
    id: str
    effective: dt.date
    targets: tuple[str, ...]
    clauses: tuple[Clause, ...]
    rescinds: tuple[str, ...] = ()


@dataclass
class Control:
    regulation: str
    chip: str
    basis: str
    status: str
    start: dt.date
    until: dt.date | None = None
    until_reason: str | None = None


def derive_controls(rules: Iterable[Rule], chips: Mapping[str, Mapping[str, Any]]) -> list[Control]:
    """Walk the rules in date order; a later policy or rescission closes what it replaces."""
    rules = sorted(rules, key=lambda r: (r.effective, r.id))
    targets = {r.id: set(r.targets) for r in rules}
    controls: list[Control] = []
    for rule in rules:
        for earlier in controls:
            if earlier.regulation in rule.rescinds and earlier.until is None:
                earlier.until, earlier.until_reason = rule.effective, f"rescinded by {rule.id}"
        for clause in rule.clauses:
            for chip_id, specs in sorted(chips.items()):
                basis = _caught(clause, chip_id, specs)
                if basis is None:
                    continue
                open_controls = [
                    c
                    for c in controls
                    if c.chip == chip_id
                    and c.until is None
                    and targets[c.regulation] & targets[rule.id]
                ]
                if clause.applies_to == "controlled":
                    if not open_controls:
                        continue
                    for c in open_controls:
                        c.until, c.until_reason = rule.effective, f"status changed by {rule.id}"
                if any(c.regulation == rule.id and c.chip == chip_id for c in controls):
                    continue  # one edge per rule and chip: the first clause that catches it
                start = max(
                    rule.effective, specs.get("released") or rule.effective
                )  # caught once it exists
                controls.append(
                    Control(rule.id, chip_id, f"{clause.clause}: {basis}", clause.status, start)
                )
    return controls


def _caught(clause: Clause, chip_id: str, specs: Mapping[str, Any]) -> str | None:
    if chip_id in clause.named:
        return "named in the action"
    if clause.when is None:
        return None
    met, why = evaluate(clause.when, specs)
    return ", ".join(why) if met else None
