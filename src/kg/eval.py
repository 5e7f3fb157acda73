"""`kg eval`: precision and recall of extraction against hand-made gold annotations.

A gold file (YAML) names its document and lists the facts a careful reader finds in it:
kind, subject, object, value, unit, qualifier, date, quote. An extracted claim matches a gold
fact with the same kind, subject and object and (when given) the same value within 0.5% and the
same unit;
each gold fact matches at most one claim.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg import ontology
from kg.documents.reader import read_document
from kg.errors import InputError
from kg.extract import extract


@dataclass
class Score:
    gold: int = 0
    extracted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


@dataclass
class Evaluation:
    by_kind: dict[str, Score] = field(default_factory=dict)
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)
    # matched facts whose qualifier or date (where the gold gives one) the claim gets wrong
    details_wrong: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    @property
    def overall(self) -> Score:
        total = Score()
        for s in self.by_kind.values():
            total.gold, total.extracted, total.matched = (total.gold + s.gold, total.extracted + s.extracted,
                                                           total.matched + s.matched)
        return total


def evaluate(gold_dir: Path) -> Evaluation:
    files = sorted(gold_dir.rglob("*.yaml"))
    if not files:
        raise InputError(f"{gold_dir}: no gold files (*.yaml)")
    onto = ontology.load()
    result = Evaluation()
    for path in files:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        document = (path.parent / spec["document"]).resolve()
        claims = [dict(n.props) for n in extract(read_document(document), onto).nodes if n.label == "Claim"]
        _score(result, spec.get("facts") or [], claims)
    return result


def _score(result: Evaluation, gold: list[dict[str, Any]], claims: list[dict[str, Any]]) -> None:
    unmatched = list(claims)
    for fact in gold:
        score = result.by_kind.setdefault(fact["kind"], Score())
        score.gold += 1
        hit = next((c for c in unmatched if _matches(fact, c)), None)
        if hit is None:
            result.missed.append(fact)
            continue
        unmatched.remove(hit)
        if not _details_agree(fact, hit):
            result.details_wrong.append((fact, hit))
        score.matched += 1
    for claim in claims:
        result.by_kind.setdefault(claim["kind"], Score()).extracted += 1
    result.spurious.extend(unmatched)


def _matches(fact: dict[str, Any], claim: dict[str, Any]) -> bool:
    if (fact["kind"], fact["subject"], fact.get("object")) != (claim["kind"], claim.get("subject"), claim.get("object")):
        return False
    value = fact.get("value")
    if fact.get("unit") and claim.get("unit") and fact["unit"] != claim["unit"]:
        return False
    if value is None:
        return True
    found = claim.get("value")
    return found is not None and abs(found - float(value)) <= 0.005 * abs(float(value))


def _details_agree(fact: dict[str, Any], claim: dict[str, Any]) -> bool:
    if fact.get("qualifier") and fact["qualifier"] != claim.get("qualifier"):
        return False
    if fact.get("date"):
        as_of = claim.get("as_of")
        stated = f"{as_of.isoformat()[:{'year': 4, 'month': 7}.get(claim.get('as_of_precision'), 10)]}" if as_of else None
        return stated == str(fact["date"])
    return True


def kinds(evaluation: Evaluation) -> Counter[str]:
    return Counter({k: s.gold for k, s in evaluation.by_kind.items()})
