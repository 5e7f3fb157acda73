"""Extraction speed on real article text: MB per second of CPU time, per language, on one core.

    python -m bench.extraction [PATH ...] [--repeat N] [--json]

Default: the dev split of the real-article set (tests/gold/real/dev, texts re-filled into
tests/gold/real/texts/), each language on its own. Documents are read first (reading is not
extraction); then `extract()` runs over them `repeat` times, pinned to one core, timed with
process CPU time. Kiwi's per-sentence cache is emptied before every pass, so a repeat costs what
a new text of the same kind would. Peak RSS of the process is reported too.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "gold" / "real"


def dev_texts() -> dict[str, list[Path]]:
    by_lang: dict[str, list[Path]] = {}
    for recipe in sorted((REAL / "dev").glob("*.recipe.yaml")):
        ident = recipe.name.removesuffix(".recipe.yaml")
        text = REAL / "texts" / f"{ident}.md"
        if not text.exists():
            raise SystemExit(f"{text}: missing; re-fill tests/gold/real/texts/ from the recipes (see its README)")
        by_lang.setdefault(ident.split("-")[0], []).append(text)
    return by_lang


def measure(paths: list[Path], repeat: int = 10) -> dict[str, float | int | bool]:
    from kg import ontology
    from kg.documents.reader import read_paths
    from kg.extract import extract
    from kg.extract.korean import _kiwi, _tokens

    onto = ontology.load()
    docs = [d for d in read_paths(paths) if not isinstance(d, Exception)]
    if not docs:
        raise SystemExit(f"no readable documents under {', '.join(map(str, paths))}")
    start = time.process_time()
    for doc in docs:  # first pass: compiles patterns, builds the gazetteer, loads Kiwi if needed
        extract(doc, onto)
    first_pass = time.process_time() - start
    seconds, claims = 0.0, 0
    for _ in range(repeat):
        _tokens.cache_clear()
        start = time.process_time()
        claims += sum(sum(n.label == "Claim" for n in extract(d, onto).nodes) for d in docs)
        seconds += time.process_time() - start
    size = sum(len(d.text.encode("utf-8")) for d in docs) * repeat
    return {"documents": len(docs) * repeat, "mb": size / 1e6, "cpu_s": seconds, "mb_per_s": size / 1e6 / seconds,
            "claims": claims, "kiwi_loaded": _kiwi.cache_info().currsize > 0, "first_pass_cpu_s": first_pass,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def pin_to_one_core() -> None:
    """Run this process (and the workers it starts) on one core, where the OS allows it."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    pin_to_one_core()
    sets = {"given": args.paths} if args.paths else dev_texts()
    results = {name: measure(paths, args.repeat) for name, paths in sets.items()}
    if args.json:
        print(json.dumps(results))
        return
    for name, r in results.items():
        print(f"extraction ({name}): {r['mb_per_s']:.2f} MB/s on one core "
              f"({r['mb']:.2f} MB, {r['documents']} documents, {r['cpu_s']:.2f} s CPU, {r['claims']} claims; "
              f"Kiwi {'loaded' if r['kiwi_loaded'] else 'not loaded'}; peak RSS {r['peak_rss_mb']:.0f} MB)")


if __name__ == "__main__":
    main(sys.argv[1:])
