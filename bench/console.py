"""What the console adds to a pack: `kg serve`'s HTTP round trip against the in-process path
`kg query` takes, on the seeds, measured in the same run.

    python -m bench.console [--runs 20] [--out bench/results/console.json]

For each pack (header defaults): the median of `run_pack_on(store, …)` in this process (entity
resolution and the read, what `kg query` does after its start-up), then, with the store released
to a `kg serve` subprocess, the median of `POST /api/pack` over HTTP on 127.0.0.1 (the JSON
payload with the table and the styled graph included). One warm-up run each, unmeasured.
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.run import machine
from kg import pipeline
from kg.config import Settings
from kg.packs import all_packs
from kg.packs.run import run_pack_on
from kg.paths import seeds_dir
from kg.store import open_store

OUT = Path(__file__).resolve().parent / "results" / "console.json"


def _median_ms(work, runs: int) -> float:
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def direct(settings: Settings, runs: int) -> dict[str, float]:
    with open_store(settings, schema=False) as store:
        return {name: _median_ms(lambda: run_pack_on(store, name, {}), runs) for name in all_packs()}


def over_http(settings: Settings, runs: int) -> dict[str, float]:
    process = subprocess.Popen([sys.executable, "-m", "kg", "--data-dir", str(settings.data_dir), "serve"],
                               stdout=subprocess.PIPE, text=True)
    try:
        found = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=(\S+)", process.stdout.readline())  # type: ignore[union-attr]
        if not found:
            raise SystemExit("kg serve printed no URL")
        with httpx.Client(base_url=found.group(1), headers={"X-KG-Token": found.group(2)}, timeout=60) as client:
            def call(name: str) -> None:
                client.post("/api/pack", json={"name": name, "params": {}}).raise_for_status()
            return {name: _median_ms(lambda: call(name), runs) for name in all_packs()}
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-console-") as work:
        settings = Settings("embedded", Path(work) / "data", False)
        pipeline.load([seeds_dir()], settings)
        inside, http = direct(settings, args.runs), over_http(settings, args.runs)
    rows = {name: {"direct_ms": inside[name], "console_ms": http[name],
                   "ratio": round(http[name] / inside[name], 2) if inside[name] else None} for name in inside}
    print("| pack | in-process ms | console (HTTP) ms | ratio |\n|---|---:|---:|---:|")
    for name, row in rows.items():
        print(f"| `{name}` | {row['direct_ms']:.1f} | {row['console_ms']:.1f} | {row['ratio']} |")
    result = {"machine": machine(), "workload": "seeds, embedded FalkorDB, header defaults, median of --runs",
              "packs": rows}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
