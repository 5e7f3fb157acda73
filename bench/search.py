"""`kg search` on the 10,000-document synthetic corpus: query latency, and what Korean stems add.

    python -m bench.search [--docs 10000] [--runs 20] [--out bench/results]

Writes the synthetic corpus (bench/corpus.py) plus PLANTED documents that tell of smuggled chips
(`smuggled ... H100`, `... 밀반입했다`), loads it all with `pipeline.load` (what `kg load` runs),
then, in one process against the loaded store, times `kg.search.search` for each query (p50 and p95
over RUNS runs) beside a baseline read measured in the same run (one passage by its indexed id),
and times the whole `kg search` command (process start, store start, query; median of 5) beside
`kg cypher` counting the documents (the same process and store start). It
also counts the planted Korean passages `밀반입` finds through `terms` (the stems) against the
text alone (`@text:`). Results go to `search.json`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from bench.corpus import generate
from bench.run import ROOT, kg, machine
from kg import pipeline, search
from kg.config import Settings
from kg.store import open_store

PLANTED = 20
EN = "# Customs case {n}\n\nProsecutors said a trading firm smuggled {q:,} H100 GPUs through Singapore in 2024.\n"
KO = "# 세관 사건 {n}\n\n검찰은 한 무역업체가 싱가포르를 거쳐 H100 GPU {q:,}개를 밀반입했다고 밝혔다.\n"
QUERIES = ("smuggled H100", "밀반입", "밀반입을", "bought H100", "구매했다", "규제의", "accelerators")
BASELINE = "MATCH (p:Passage {id: $id}) RETURN p.text AS text"


def plant(folder: Path) -> None:
    for n in range(PLANTED):
        template = KO if n % 2 else EN
        (folder / f"planted-{n:03d}.md").write_text(template.format(n=n, q=1000 + n), encoding="utf-8")


def timed(call, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - start)
    seconds.sort()
    return statistics.median(seconds) * 1000, seconds[int(0.95 * (len(seconds) - 1))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-search-") as tmp:
        corpus, data = Path(tmp) / "corpus", Path(tmp) / "data"
        sum(1 for _ in generate(corpus, args.docs))
        plant(corpus)
        settings = Settings("embedded", data, False)
        start = time.perf_counter()
        report = pipeline.load([corpus], settings)
        load_s = time.perf_counter() - start
        results: dict = {"machine": machine(), "docs": args.docs + PLANTED, "load_s": round(load_s, 1),
                         "loaded": report.changed, "queries": {}}
        with open_store(settings, schema=False) as store:
            passages = store.read("MATCH (p:Passage) RETURN count(p) AS n")[0]["n"]
            some = store.read("MATCH (p:Passage) RETURN p.id AS id LIMIT 1")[0]["id"]
            time.sleep(2)  # the full-text index of a graph that existed is built in the background
            base = timed(lambda: store.read(BASELINE, {"id": some}), args.runs)
            results.update(passages=passages, baseline_ms={"p50": round(base[0], 2), "p95": round(base[1], 2)})
            for q in QUERIES:
                hits = len(search.search(store, q, 10))
                p50, p95 = timed(lambda: search.search(store, q, 10), args.runs)
                results["queries"][q] = {"hits": hits, "p50_ms": round(p50, 2), "p95_ms": round(p95, 2),
                                         "p50_over_baseline": round(p50 / base[0], 1)}
            korean = "WITH node AS p MATCH (:Document)-[:HAS_PASSAGE]->(p) RETURN count(p) AS n"
            stems = store.read(search.FALKOR_SEARCH + " " + korean, {"query": "밀반입"})[0]["n"]
            text_only = store.read(search.FALKOR_SEARCH + " " + korean, {"query": "@text:밀반입"})[0]["n"]
            results["korean_planted"] = {"planted": PLANTED // 2, "found_with_terms": stems,
                                         "found_in_text_alone": text_only}
        whole = [kg(data, "search", "smuggled H100")[0] for _ in range(5)]
        counted = [kg(data, "cypher", "MATCH (d:Document) RETURN count(d) AS n")[0] for _ in range(5)]
        results["kg_search_command_s"] = round(statistics.median(whole), 2)
        results["kg_cypher_count_command_s"] = round(statistics.median(counted), 2)  # the same process and store start
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "search.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
