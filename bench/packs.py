"""Pack latency on the seeds: load them into a fresh embedded store, run every pack N times.

    python -m bench.packs [--runs 20] [--out bench/results/packs.json]

Each figure is `store.read(pack, header defaults)` in this process against the loaded store,
after one unmeasured warm-up run (FalkorDB caches the plan of a query it has seen). The target
is a median under 100 ms per pack. Prints a markdown table and writes the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from kg import pipeline
from kg.config import Settings
from kg.packs import all_packs
from kg.paths import seeds_dir
from kg.store import open_store

TARGET_MS = 100.0
OUT = Path(__file__).resolve().parent / "results" / "packs.json"


def measure(settings: Settings, runs: int) -> dict[str, dict[str, float | int]]:
    figures: dict[str, dict[str, float | int]] = {}
    with open_store(settings, schema=False) as store:
        for pack in all_packs().values():
            rows = len(store.read(pack.cypher, pack.params))  # warm-up, and the answer's size
            times = sorted(_timed(store, pack.cypher, pack.params) for _ in range(runs))
            figures[pack.name] = {"median_ms": round(statistics.median(times), 2),
                                  "p95_ms": round(times[max(0, round(len(times) * 0.95) - 1)], 2),
                                  "max_ms": round(times[-1], 2), "rows": rows, "runs": runs}
    return figures


def _timed(store, cypher: str, params: dict) -> float:
    start = time.perf_counter()
    store.read(cypher, params)
    return (time.perf_counter() - start) * 1000


def table(figures: dict[str, dict[str, float | int]]) -> str:
    lines = ["| pack | rows | median ms | p95 ms | max ms | < 100 ms |", "|---|---:|---:|---:|---:|:---:|"]
    for name, f in figures.items():
        ok = "yes" if float(f["median_ms"]) < TARGET_MS else "**no**"
        lines.append(f"| `{name}` | {f['rows']} | {f['median_ms']:.1f} | {f['p95_ms']:.1f} | {f['max_ms']:.1f} | {ok} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-packs-") as work:
        settings = Settings("embedded", Path(work) / "data", False)
        report = pipeline.load([seeds_dir()], settings)
        figures = measure(settings, args.runs)
    print(table(figures))
    result = {"machine": {"cpu": platform.machine(), "cores": os.cpu_count(), "python": platform.python_version(),
                          "date": time.strftime("%Y-%m-%d %H:%M")},
              "workload": f"seeds ({report.changed} documents), embedded FalkorDB, header defaults",
              "target_median_ms": TARGET_MS, "packs": figures}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
