"""`kg forget` of one big document beside others: whole-process wall time, and what is left.

    python -m bench.forget [--claims 105000] [--out bench/results]

Writes one English article stating CLAIMS holdings (firms and chips of the ontology, a figure in
every sentence: about 4 MB for 100,000 claims) next to the seeds, loads both with `kg load`, then
times `kg forget` of the big document by its path and by its id (each on its own copy of the
store), and checks that no claim, passage or edge property of it is left: the graph after the
forget equals the graph of the seeds loaded alone. Results go to `forget.json`.

    python -m bench.forget --baseline REV [--baseline-timeout 900]

also measures the same forget with the kg of git revision REV (its source tree exported to a
temporary folder and run with PYTHONPATH), stopped after the timeout if it has not finished.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import tarfile
import random
import shutil
import tempfile
import time
from pathlib import Path

from bench.run import KG, ROOT, kg, machine
from kg import ontology
from kg.config import Settings
from kg.export.dump import dump_graph
from kg.store import open_store

SENTENCES_PER_PARAGRAPH = 20
SKIP_CHIPS = {"hopper", "ampere"}  # families, not chips


def write_article(path: Path, claims: int, seed: int = 7) -> int:
    """An article of `claims` distinct holding statements; returns its size in bytes."""
    onto = ontology.load()
    rng = random.Random(seed)
    firms = sorted(i.name for i in onto.individuals_of("Firm"))
    chips = sorted(i.name for i in onto.individuals_of("Chip") if i.id not in SKIP_CHIPS)
    with path.open("w", encoding="utf-8") as out:
        out.write("---\npublished: 2025-03-01\n---\n# Holdings, one by one\n")
        for i in range(claims):
            if i % SENTENCES_PER_PARAGRAPH == 0:
                out.write("\n\n")
            out.write(f"{rng.choice(firms)} holds {1000 + i:,} {rng.choice(chips)} GPUs. ")
        out.write("\n")
    return path.stat().st_size


def graph_of(data: Path) -> tuple[list, list]:
    with open_store(Settings("embedded", data, False)) as store:
        dump = dump_graph(store, ontology.load())
    return dump.nodes, dump.edges


def count(data: Path, cypher: str, *params: str) -> int:
    _, _, out = kg(data, "cypher", cypher, *params, "--format", "json")
    return json.loads(out)[0]["n"]


def baseline(revision: str, article: Path, work: Path, timeout: float) -> dict:
    """Load the seeds and the article with the kg of `revision`, then time its `kg forget PATH`."""
    tree = work / "baseline-src"
    tree.mkdir()
    archive = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True, check=True).stdout
    tarfile.open(fileobj=io.BytesIO(archive)).extractall(tree)
    env = {**os.environ, "PYTHONPATH": str(tree / "src"), "KG_HOME": str(tree)}
    data = work / "baseline-data"
    for target in (tree / "seeds", article):
        subprocess.run([*KG, "--data-dir", str(data), "load", str(target)], env=env, check=True,
                       capture_output=True, cwd=tree)
    start = time.perf_counter()
    try:
        subprocess.run([*KG, "--data-dir", str(data), "forget", str(article)], env=env, check=True,
                       capture_output=True, cwd=tree, timeout=timeout)
        finished = True
    except subprocess.TimeoutExpired:
        finished = False  # its server is stopped with the temporary folder's lock released below
        _stop_server(data)
    return {"revision": revision, "forget_s": time.perf_counter() - start, "finished": finished,
            "timeout_s": timeout}


def _stop_server(data: Path) -> None:
    """The embedded server the killed baseline left running (its pid is in the data dir)."""
    try:
        pid = int((data / "server.pid").read_text())
    except (OSError, ValueError):
        return
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=105_000, help="statements written (~96%% become claims)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--baseline", default="", help="a git revision to measure the same forget with")
    parser.add_argument("--baseline-timeout", type=float, default=900)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-forget-") as tmp:
        work = Path(tmp)
        article = work / "corpus" / "big-holdings.md"
        article.parent.mkdir()
        size = write_article(article, args.claims)
        seeds_only = work / "seeds-only"
        kg(seeds_only, "load", str(ROOT / "seeds"))
        loaded = work / "loaded"
        kg(loaded, "load", str(ROOT / "seeds"))
        load_s, load_rss, _ = kg(loaded, "load", str(article))
        doc = "MATCH (d:Document) UNWIND d.sources AS s WITH d, s WHERE s ENDS WITH 'big-holdings.md' "
        doc_id = json.loads(kg(loaded, "cypher", doc + "RETURN d.id AS id", "--format", "json")[2])[0]["id"]
        stated = count(loaded, "MATCH (:Document {id: $id})-[:HAS_PASSAGE]->()<-[:SOURCED_FROM]-(c:Claim) "
                               "RETURN count(c) AS n", "--param", f"id={doc_id}")
        relationships = count(loaded, "MATCH ()-[r]->() RETURN count(r) AS n")
        results = {"claims_written": args.claims, "claims_extracted": stated, "document_mb": size / 1e6,
                   "relationships_before": relationships, "load_s": load_s, "load_peak_rss_mb": load_rss / 1024}
        for how, target in (("path", str(article)), ("id", doc_id)):
            copy = work / f"forget-by-{how}"
            shutil.copytree(loaded, copy)
            start = time.perf_counter()
            _, rss, out = kg(copy, "forget", target)
            results[f"forget_by_{how}_s"] = time.perf_counter() - start
            results[f"forget_by_{how}_peak_rss_mb"] = rss / 1024
            results[f"forget_by_{how}_leaves_the_seeds_graph"] = graph_of(copy) == graph_of(seeds_only)
        if args.baseline:
            results["baseline"] = baseline(args.baseline, article, work, args.baseline_timeout)
        results["machine"] = machine()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "forget.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
