"""Repeated stories and the derived-edge rule on a loaded corpus, now against a baseline, in one run.

    python -m bench.corpus /tmp/c --docs 10000 && kg --data-dir /tmp/d load /tmp/c
    python -m bench.curation --data /tmp/d --baseline 9ca8926   # results/curation.json

- stories: the reads and grouping `kg.stories.recompute` does (no write), with `kg.stories` now and
  as it was at the baseline revision, alternating;
- the derived-edge rule over every HOLDS, ACQUIRED and TRAINED_ON edge, with and without its
  rejected-claim filter (it writes the same values again), alternating. Medians.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from kg import ontology, stories
from kg.config import Settings
from kg.store import derived, open_store

ROOT = Path(__file__).resolve().parents[1]
FILTER = " WHERE coalesce(c.review, '') <> 'rejected'"


def stories_at(revision: str, work: Path) -> ModuleType:
    path = work / "stories_baseline.py"
    path.write_text(subprocess.run(["git", "show", f"{revision}:src/kg/stories.py"], cwd=ROOT, check=True,
                                   capture_output=True, text=True).stdout, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("stories_baseline", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def grouped(store: Any, module: ModuleType) -> dict[str, str]:
    """What `module.recompute` computes, without its write."""
    candidates = store.read(module.CANDIDATES)
    ids = sorted({t["passage"] for row in candidates for t in row["told"]})
    texts = {r["id"]: r["text"] or "" for r in store.read(module.PASSAGES, {"ids": ids})} if ids else {}
    if not hasattr(module, "SIGNATURES"):
        return module.stories(candidates, texts)
    both = sorted({t["passage"] for row in candidates if len({t.get("lang") for t in row["told"]} - {None}) > 1
                   for t in row["told"]})
    signatures = ({r["id"]: module.signature(r) for r in store.read(module.SIGNATURES, {"ids": both})}
                  if both else {})
    return module.stories(candidates, texts, signatures)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True, help="a loaded store's data dir")
    parser.add_argument("--baseline", required=True, help="the git revision of kg.stories to compare with")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "curation.json")
    args = parser.parse_args()
    onto = ontology.load()
    rule = derived.recompute_all(onto, {"HOLDS": ["Firm"], "ACQUIRED": ["Firm"], "TRAINED_ON": ["AIModel"]})
    unfiltered = [(query.replace(FILTER, ""), params) for query, params in rule]
    times: dict[str, list[float]] = {"stories": [], "stories_baseline": [], "rule": [], "rule_unfiltered": []}
    in_a_story: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as work, open_store(Settings("embedded", args.data, False)) as store:
        baseline = stories_at(args.baseline, Path(work))
        for _ in range(args.runs):
            for name, module in (("stories", stories), ("stories_baseline", baseline)):
                start = time.perf_counter()
                found = grouped(store, module)
                times[name].append(time.perf_counter() - start)
                in_a_story[name] = len(found)
            for name, statements in (("rule", rule), ("rule_unfiltered", unfiltered)):
                start = time.perf_counter()
                store.run_statements(statements)
                times[name].append(time.perf_counter() - start)
        edges = store.read("MATCH (:Firm)-[r:HOLDS|ACQUIRED]->() RETURN count(r) AS n")[0]["n"]
    result = {k: {"median_s": statistics.median(v), "runs": v} for k, v in times.items()}
    result["claims_in_a_story"] = in_a_story
    result["holds_acquired_edges"] = edges
    result["baseline"] = args.baseline
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(json.dumps({k: v.get("median_s", v) if isinstance(v, dict) else v for k, v in result.items()}, indent=1))


if __name__ == "__main__":
    main()
