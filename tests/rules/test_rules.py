"""The rule engine derives controls from specs and thresholds alone (nothing hand-labelled)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import ontology
from kg.paths import reference_dir
from kg.reference import build_reference_batch
from kg.rules.criteria import evaluate, parse


def _controls(directory: Path | None = None) -> dict[tuple[str, str], dict]:
    batch = build_reference_batch(ontology.load(), directory)
    return {(e.src.id, e.dst.id): dict(e.props) for e in batch.edges if e.type == "CONTROLS"}


def test_october_2022_catches_a100_and_h100_but_not_the_china_variants() -> None:
    caught = {chip for (reg, chip) in _controls() if reg == "bis-2022-10-07"}
    assert {"a100", "h100"} <= caught and not caught & {"a800", "h800", "h20"}


def test_october_2023_catches_a800_and_h800_but_not_h20() -> None:
    caught = {chip for (reg, chip) in _controls() if reg == "bis-2023-10-17"}
    assert {"a800", "h800"} <= caught and "h20" not in caught


def test_april_2025_catches_h20_from_its_bandwidth() -> None:
    control = _controls()[("usg-2025-04-09-h20-mi308-licence", "h20")]
    assert "memory_bw_gbps 4000 >= 1400" in control["basis"]


def test_every_classification_names_its_clause_and_values() -> None:
    for (reg, chip), control in _controls().items():
        assert ":" in control["basis"] and control["status"], (reg, chip)
        assert ("named in the action" in control["basis"]) or any(
            op in control["basis"] for op in (">=", "<", "==")), (reg, chip)


def test_the_consumer_carve_out_holds() -> None:
    controls = _controls()
    assert ("bis-2023-10-17", "rtx-4090") in controls
    assert ("bis-2023-10-17", "rtx-4090d") not in controls


def test_the_2026_policy_changes_h200_status_without_decontrolling_it() -> None:
    controls = _controls()
    before = controls[("bis-2023-10-17", "h200")]
    after = controls[("bis-2026-01-15-h200-case-by-case", "h200")]
    assert before["status"] == "licence_required" and str(before["until"]) == "2026-01-15"
    assert after["status"] == "case_by_case" and after.get("until") is None
    assert ("bis-2026-01-15-h200-case-by-case", "b200") not in controls  # above the TPP limit


def test_changing_one_threshold_changes_the_derived_controls(tmp_path: Path) -> None:
    copy = tmp_path / "reference"
    shutil.copytree(reference_dir(), copy)
    regs = copy / "regulations.yaml"
    text = regs.read_text()
    assert "{spec: interconnect_gbps, op: \">=\", value: 600}" in text
    regs.write_text(text.replace("{spec: interconnect_gbps, op: \">=\", value: 600}",
                                 "{spec: interconnect_gbps, op: \">=\", value: 400}", 1))
    caught = {chip for (reg, chip) in _controls(copy) if reg == "bis-2022-10-07"}
    assert {"a800", "h800"} <= caught


@pytest.mark.parametrize("raw, specs, expected", [
    ({"spec": "tpp", "op": ">=", "value": 4800}, {"tpp": 4800}, True),
    ({"spec": "tpp", "op": ">=", "value": 4800}, {}, False),
    ({"all_of": [{"spec": "a", "op": ">", "value": 1}, {"spec": "b", "op": "<", "value": 2}]}, {"a": 2, "b": 1}, True),
    ({"any_of": [{"spec": "a", "op": ">", "value": 1}, {"spec": "b", "op": "<", "value": 2}]}, {"a": 0, "b": 3}, False),
    ({"not": {"spec": "x", "op": "==", "value": True}}, {"x": False}, True),
])
def test_criteria_evaluate_without_eval(raw, specs, expected) -> None:
    assert evaluate(parse(raw), specs)[0] is expected


def test_bad_criteria_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown operator"):
        parse({"spec": "tpp", "op": "=~", "value": 1})
    with pytest.raises(ValueError, match="needs all_of"):
        parse({"tpp": 1})
