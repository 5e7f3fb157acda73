"""Extraction speed: MB of document text per second of CPU time on one core.

    python -m bench.extraction [PATH ...] [--repeat N] [--json]

Documents are read first (reading is not extraction); then `extract()` runs over them `repeat`
times, pinned to one core, timed with process CPU time. Defaults: the seeds and the own gold
texts (real article prose, where most sentences state no fact), 40 times over.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATHS = [ROOT / "seeds", ROOT / "tests" / "gold" / "own" / "texts"]


def measure(paths: list[Path], repeat: int = 40) -> dict[str, float | int | bool]:
    from kg import ontology
    from kg.documents.reader import read_paths
    from kg.extract import extract
    from kg.extract.korean import _kiwi

    onto = ontology.load()
    docs = [d for d in read_paths(paths) if not isinstance(d, Exception)]
    if not docs:
        raise SystemExit(f"no readable documents under {', '.join(map(str, paths))}")
    start = time.process_time()
    for doc in docs:  # first pass: compiles patterns, builds the gazetteer, loads Kiwi if needed
        extract(doc, onto)
    first_pass = time.process_time() - start
    start = time.process_time()
    claims = sum(sum(n.label == "Claim" for n in extract(d, onto).nodes) for _ in range(repeat) for d in docs)
    seconds = time.process_time() - start
    size = sum(len(d.text.encode("utf-8")) for d in docs) * repeat
    return {"documents": len(docs) * repeat, "mb": size / 1e6, "cpu_s": seconds, "mb_per_s": size / 1e6 / seconds,
            "claims": claims, "kiwi_loaded": _kiwi.cache_info().currsize > 0, "first_pass_cpu_s": first_pass}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT_PATHS)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    result = measure(args.paths, args.repeat)
    if args.json:
        print(json.dumps(result))
        return
    print(f"extraction: {result['mb_per_s']:.2f} MB/s on one core "
          f"({result['mb']:.2f} MB, {result['documents']} documents, {result['cpu_s']:.2f} s CPU, "
          f"{result['claims']} claims; Kiwi {'loaded' if result['kiwi_loaded'] else 'not loaded'}; "
          f"first pass incl. set-up {result['first_pass_cpu_s']:.2f} s CPU)")


if __name__ == "__main__":
    main(sys.argv[1:])
