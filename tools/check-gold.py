"""Check one gold file of the real-text set against its recipe and text, without extracting.

    python3 tools/check-gold.py tests/gold/real/test/<id>.gold.yaml [--texts tests/gold/real/texts]

Checks the annotation format of ../shared/EVALUATION.md: known keys and kinds, a value with a
unit, qualifiers, dates, and every `quote_anchor` a verbatim substring of the text of at most
14 words; every alias a verbatim substring. Prints one line per problem and exits 1 when any.
Annotators run it; it never runs the extractor.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

KINDS = {
    "holds_chips",
    "acquired_chips",
    "trained_on",
    "cost_or_spend",
    "chip_spec",
    "controls_chip",
    "chip_variant_of",
    "spun_off_from",
    "founded",
    "owns_or_backs",
    "released_model",
    "regulation_dated",
    "headcount",
    "other_event",
}
TYPES = {"firm", "person", "agency", "chip", "model"}
QUALIFIERS = {None, "exact", "approx", "at_least", "at_most"}
FACT_KEYS = {
    "id",
    "kind",
    "subject",
    "object",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "date",
    "as_of",
    "attribution",
    "quote_anchor",
    "date_text",
    "note",
}


def squash(text: str) -> str:
    return " ".join(text.split())


def problems(gold_path: Path, texts: Path) -> list[str]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    article = gold.get("id") or gold_path.name.removesuffix(".gold.yaml")
    recipe = gold_path.with_name(f"{article}.recipe.yaml")
    out: list[str] = []
    if not recipe.exists():
        out.append(f"no recipe {recipe}")
    text_path = texts / f"{article}.md"
    if not text_path.exists():
        return [*out, f"no text {text_path}"]
    body = squash(text_path.read_text(encoding="utf-8").split("---", 2)[-1])
    for entity in gold.get("entities") or []:
        if entity.get("type") not in TYPES:
            out.append(f"entity {entity.get('name')!r}: type {entity.get('type')!r}")
        for alias in entity.get("aliases_in_text") or []:
            if squash(str(alias)) not in body:
                out.append(f"entity {entity.get('name')!r}: alias {alias!r} not in the text")
    for number, fact in enumerate(gold.get("facts") or [], 1):
        where = f"fact {fact.get('id') or number}"
        for key in set(fact) - FACT_KEYS:
            out.append(f"{where}: unknown key {key!r}")
        if fact.get("kind") not in KINDS:
            out.append(f"{where}: kind {fact.get('kind')!r}")
        if not fact.get("subject"):
            out.append(f"{where}: no subject")
        if fact.get("value") is not None and not fact.get("unit"):
            out.append(f"{where}: a value needs a unit")
        if fact.get("value") is not None and not isinstance(fact["value"], (int, float)):
            out.append(f"{where}: value {fact['value']!r} is not a number")
        if fact.get("qualifier") not in QUALIFIERS:
            out.append(f"{where}: qualifier {fact.get('qualifier')!r}")
        for key in ("date", "as_of"):
            value = fact.get(key)
            if value is not None and not (
                isinstance(value, dict)
                and {"value", "precision"} <= set(value)
                and value["precision"] in ("year", "month", "day")
            ):
                out.append(f"{where}: {key} must be null or {{value, precision}}")
        anchor = fact.get("quote_anchor")
        if not anchor:
            out.append(f"{where}: no quote_anchor")
        elif squash(str(anchor)) not in body:
            out.append(f"{where}: quote_anchor not verbatim in the text")
        elif len(str(anchor).split()) > 14:
            out.append(f"{where}: quote_anchor longer than 14 words")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="+")
    parser.add_argument("--texts", type=Path, default=Path("tests/gold/real/texts"))
    args = parser.parse_args()
    bad = 0
    for path in args.gold:
        for problem in problems(path, args.texts):
            print(f"{path}: {problem}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
