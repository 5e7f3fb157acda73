"""Extraction speed now against a git revision, in one run: for speed work on a shared, noisy machine.

    python -m bench.extraction_ab REV [--passes 20] [--json]

Two worker processes, the working tree and REV's tree (`git archive`, as bench.same_extraction
does), each read the dev split's texts (bench.extraction's default: never the test split) and
extract them once (patterns compiled, Kiwi loaded); then they run one pass over one language's
documents in turn, alternating which goes first, pinned to the same core, each pass timed with
its process's CPU time (Kiwi's sentence cache emptied before each, as bench.extraction does).
Noise from other work on the machine falls on both alike: the figures are the best and median
pass of each and the median of the paired ratios (REV's time over the working tree's).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.extraction import dev_texts, pin_to_one_core
from bench.same_extraction import ROOT, export

# run inside each tree: reads paths as JSON on its first line, then one language per line
_WORKER = """
import json, sys, time
from pathlib import Path
from kg import ontology
from kg.documents.reader import read_paths
from kg.extract import extract
try:
    from kg.extract.korean import _tokens
except ImportError:
    _tokens = None
onto = ontology.load()
sets = {lang: [d for d in read_paths([Path(p) for p in ps]) if not isinstance(d, Exception)]
        for lang, ps in json.loads(sys.stdin.readline()).items()}
for docs in sets.values():
    for d in docs:
        extract(d, onto)
print(json.dumps({lang: sum(len(d.text.encode()) for d in docs) for lang, docs in sets.items()}), flush=True)
for line in sys.stdin:
    if _tokens is not None:
        _tokens.cache_clear()
    start = time.process_time()
    for d in sets[line.strip()]:
        extract(d, onto)
    print(time.process_time() - start, flush=True)
"""


def compare(tree: Path, passes: int) -> dict[str, dict[str, float]]:
    texts = {lang: [str(p) for p in paths] for lang, paths in dev_texts().items()}
    workers, sizes = {}, {}
    for name, root in (("baseline", tree), ("now", ROOT)):
        env = {"PYTHONPATH": str(root / "src"), "PATH": "/usr/bin:/bin"}
        worker = subprocess.Popen([sys.executable, "-c", _WORKER], cwd=root, env=env, text=True,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert worker.stdin is not None and worker.stdout is not None
        worker.stdin.write(json.dumps(texts) + "\n")
        worker.stdin.flush()
        line = worker.stdout.readline()
        if not line:
            raise SystemExit(f"{root}: the worker stopped before its first pass")
        workers[name], sizes = worker, json.loads(line)
    seconds: dict[tuple[str, str], list[float]] = {}
    for i in range(passes):
        for lang in texts:
            for name in ("baseline", "now") if i % 2 == 0 else ("now", "baseline"):
                worker = workers[name]
                assert worker.stdin is not None and worker.stdout is not None
                worker.stdin.write(lang + "\n")
                worker.stdin.flush()
                seconds.setdefault((name, lang), []).append(float(worker.stdout.readline()))
    for worker in workers.values():
        assert worker.stdin is not None
        worker.stdin.close()
        worker.wait()
    return {lang: _figures(sizes[lang] / 1e6, seconds[("baseline", lang)], seconds[("now", lang)])
            for lang in texts}


def _figures(mb: float, baseline: list[float], now: list[float]) -> dict[str, float]:
    return {"mb": mb, "passes": len(now),
            "now_best_mb_per_s": mb / min(now), "now_median_mb_per_s": mb / statistics.median(now),
            "baseline_best_mb_per_s": mb / min(baseline),
            "baseline_median_mb_per_s": mb / statistics.median(baseline),
            "ratio_of_best": min(baseline) / min(now),
            "median_paired_ratio": statistics.median(b / n for b, n in zip(baseline, now, strict=True))}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    parser.add_argument("--passes", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    pin_to_one_core()  # the workers' too
    with tempfile.TemporaryDirectory() as tmp:
        export(args.revision, Path(tmp))
        results = compare(Path(tmp), args.passes)
    if args.json:
        print(json.dumps(results))
        return
    for lang, r in results.items():
        print(f"extraction ({lang}, {r['mb']:.2f} MB a pass, {r['passes']} passes each): "
              f"now {r['now_best_mb_per_s']:.3f} MB/s best, {r['now_median_mb_per_s']:.3f} median; "
              f"{args.revision} {r['baseline_best_mb_per_s']:.3f} best, {r['baseline_median_mb_per_s']:.3f} median; "
              f"{r['ratio_of_best']:.2f}x (best), {r['median_paired_ratio']:.2f}x (median of paired passes)")


if __name__ == "__main__":
    main(sys.argv[1:])
