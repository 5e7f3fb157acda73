"""Benchmarks, as whole-process wall times and ratios against a baseline measured in the same run.

    python -m bench.run [--docs 10000] [--big-docs 30000] [--runs 5] [--out bench/results]

Figures: cold and warm `kg load seeds/`; extraction MB/s on one core; load throughput of a
synthetic corpus (nodes/s, relationships/s) against FalkorDB's bulk loader on the same graph; the
write stage of a first load (extraction excluded) against the bulk loader in the same run;
unchanged reload against cold load; each pack's p50/p95; peak memory of a load; extraction
accuracy on the synthetic corpus.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-m", "kg"]


# Runs a command and reports the peak RSS of its own process tree (its largest process), which
# the parent's RUSAGE_CHILDREN cannot give: that is a high-water mark over every earlier child.
_PEAK = ("import resource,subprocess,sys;r=subprocess.run(sys.argv[1:]);"
         "sys.stderr.write('\\nPEAK_RSS_KIB=%d' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
         "sys.exit(r.returncode)")


def timed(command: list[str], **kwargs) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (KiB) of the command's process tree, stdout."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", _PEAK, *command], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, **kwargs)
    out, err = process.communicate()
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {err.strip()[-400:]}")
    peak = int(err.rsplit("PEAK_RSS_KIB=", 1)[1].strip())
    return elapsed, peak, out


def kg(data: Path, *args: str) -> tuple[float, int, str]:
    return timed([*KG, "--data-dir", str(data), *args])


def counts(data: Path) -> tuple[int, int]:
    _, _, out = kg(data, "cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json")
    _, _, rels = kg(data, "cypher", "MATCH ()-[r]->() RETURN count(r) AS n", "--format", "json")
    return json.loads(out)[0]["n"], json.loads(rels)[0]["n"]


def seeds_load(runs: int, work: Path) -> dict:
    cold = []
    for i in range(runs):
        cold.append(kg(work / f"seeds-{i}", "load", "seeds/")[0])
    warm = [kg(work / "seeds-0", "load", "seeds/")[0] for _ in range(runs)]
    return {"cold_median_s": statistics.median(cold), "warm_median_s": statistics.median(warm),
            "warm_over_cold": statistics.median(warm) / statistics.median(cold), "runs": runs}


def extraction_speed(corpus: Path, repeat: int = 1) -> dict:
    """CPU time of extraction alone (documents already read), pinned to one core."""
    code = ("import sys,time,json;from pathlib import Path;from kg import ontology;"
            "from kg.documents.reader import read_paths;from kg.extract import extract;o=ontology.load();"
            "docs=[d for d in read_paths([Path(sys.argv[1])]) if not isinstance(d, Exception)]*int(sys.argv[2]);"
            "extract(docs[0],o);t=time.process_time();[extract(d,o) for d in docs];"
            "e=time.process_time()-t;n=sum(len(d.text.encode()) for d in docs);"
            "print(json.dumps({'mb':n/1e6,'cpu_s':e,'mb_per_s':n/1e6/e}))")
    _, _, out = timed(["taskset", "-c", "0", sys.executable, "-c", code, str(corpus), str(repeat)])
    return json.loads(out)


def accuracy(corpus: Path) -> dict:
    """The synthetic corpus scored with kg.eval's one matching rule (in-sample: templates we wrote)."""
    code = ("import sys,json;from pathlib import Path;from kg import ontology;"
            "from kg.documents.reader import read_paths;from kg.extract import analyse;"
            "from kg.eval import Evaluation,GoldFact,score_facts,claims_of;o=ontology.load();r=Evaluation();"
            "exp={};[exp.setdefault(f['doc'],[]).append(f) for f in map(json.loads,open(sys.argv[1]+'/expected.jsonl'))]\n"
            "for d in read_paths([Path(sys.argv[1])]):\n"
            " facts=[GoldFact(kind=f['kind'],subject=f['subject'],object=f['object'],value=f['value'],unit=f['unit'])"
            " for f in exp.get(d.id,[])]\n"
            " score_facts(r,d.id,d.lang,facts,claims_of(analyse(d,o)))\n"
            "s=r.overall;print(json.dumps({'gold':s.gold,'extracted':s.claims,'matched':s.found,"
            "'precision':s.precision,'recall':s.recall}))")
    _, _, out = timed([sys.executable, "-c", code, str(corpus)])
    return json.loads(out)


def real_text_speed(repeat: int = 10) -> dict:
    """bench.extraction on the dev split's real articles, per language, pinned to one core."""
    _, _, out = timed([sys.executable, "-m", "bench.extraction", "--repeat", str(repeat), "--json"])
    return json.loads(out)


def one_big_document(megabytes: int) -> dict:
    """One document of `megabytes` MB on a single line, made of the dev split's English and Korean
    text: extraction must keep the MB/s of small documents (work linear in the text)."""
    code = ("import sys,time,json;from pathlib import Path;from kg import ontology;"
            "from kg.documents.model import Document;from kg.documents.passages import split_passages;"
            "from kg.extract import extract;from bench.extraction import dev_texts;"
            "texts=[p.read_text(encoding='utf-8').split('---',2)[-1] for ps in dev_texts().values() for p in ps];"
            "unit=' '.join(' '.join(t.split()) for t in texts);n=int(float(sys.argv[1])*1e6);"
            "body=(unit+' ')*(n//len(unit.encode())+1);d=Document('big','big.md',body,'0','en',"
            "passages=split_passages('big',body));o=ontology.load();t=time.process_time();extract(d,o);"
            "e=time.process_time()-t;mb=len(body.encode())/1e6;"
            "print(json.dumps({'mb':mb,'cpu_s':e,'mb_per_s':mb/e}))")
    _, rss, out = timed(["taskset", "-c", "0", sys.executable, "-c", code, str(megabytes)])
    return {**json.loads(out.strip().splitlines()[-1]), "peak_rss_mb": rss / 1024}


def corpus_load(docs: int, work: Path, label: str, facts: int = 6) -> tuple[dict, Path]:
    corpus = work / f"corpus-{label}"
    timed([sys.executable, "-m", "bench.corpus", str(corpus), "--docs", str(docs), "--facts-per-doc", str(facts)])
    size = sum(p.stat().st_size for p in corpus.glob("*.md"))
    data = work / f"data-{label}"
    cold, rss, _ = kg(data, "load", str(corpus))
    nodes, rels = counts(data)
    warm, _, _ = kg(data, "load", str(corpus))
    return ({"documents": docs, "corpus_mb": size / 1e6, "nodes": nodes, "relationships": rels,
             "cold_s": cold, "nodes_per_s": nodes / cold, "relationships_per_s": rels / cold,
             "unchanged_reload_s": warm, "reload_over_cold": warm / cold, "peak_rss_mb": rss / 1024}, data)


def write_stage(corpus: Path, work: Path, label: str, bulk: bool = True) -> tuple[dict, Path]:
    """A cold load of the corpus through `pipeline.load` (what `kg load` calls) in its own process,
    with the time in the store's writes and in extraction as the load report counts them."""
    data = work / f"data-write-{label}"
    code = ("import sys,json;from pathlib import Path;from kg import pipeline;from kg.config import Settings;"
            "r=pipeline.load([Path(sys.argv[1])],Settings('embedded',Path(sys.argv[2]),False),bulk=sys.argv[3]=='1');"
            "print(json.dumps({'documents':r.changed,'write_s':r.seconds_writing,'extract_s':r.seconds_extracting}))")
    elapsed, _, out = timed([sys.executable, "-c", code, str(corpus), str(data), "1" if bulk else "0"])
    nodes, rels = counts(data)
    found = json.loads(out.strip().splitlines()[-1])
    return {**found, "path": "bulk" if bulk else "merge", "whole_s": elapsed, "nodes": nodes, "relationships": rels,
            "relationships_per_s": rels / found["write_s"]}, data


def write_stage_against_bulk(docs: int, work: Path, merge_too: bool = True) -> dict:
    """The write stage of a cold load (bulk path; and the MERGE path, the old write path) and
    falkordb-bulk-insert on the same graph, in one run."""
    corpus = work / "corpus-write"
    timed([sys.executable, "-m", "bench.corpus", str(corpus), "--docs", str(docs), "--facts-per-doc", "6"])
    found, data = write_stage(corpus, work, "bulk")
    ceiling = bulk_ceiling(data, work)
    result = {"bulk_path": found, "bulk_loader": ceiling, "ratio": ceiling["bulk_s"] / found["write_s"]}
    if merge_too:
        result["merge_path"], _ = write_stage(corpus, work, "merge", bulk=False)
        result["merge_ratio"] = ceiling["bulk_s"] / result["merge_path"]["write_s"]
    return result


def bulk_ceiling(data: Path, work: Path) -> dict:
    """The same nodes (id, name) and relationships, loaded by falkordb-bulk-insert into a new graph."""
    from kg import ontology
    from kg.config import Settings
    from kg.export.dump import dump_graph
    from kg.store import open_store
    from kg.store.embedded import EmbeddedServer

    settings = Settings("embedded", data, False)
    with open_store(settings, schema=False) as store:
        dump = dump_graph(store, ontology.load())
    folder = work / "bulk-csv"
    folder.mkdir(exist_ok=True)
    shutil.rmtree(work / "bulk-data", ignore_errors=True)  # a new graph every time
    node_files, rel_files = {}, {}
    for label, ident, props in dump.nodes:
        node_files.setdefault(label, []).append([f"{label}:{ident}", ident, str(props.get("name", ""))])
    for rel, sl, s, dl, d, _ in dump.edges:
        rel_files.setdefault(rel, []).append([f"{sl}:{s}", f"{dl}:{d}"])
    args = []
    for label, rows in node_files.items():
        path = folder / f"{label}.csv"
        _write_csv(path, ["_key", "id", "name"], rows)
        args += ["-N", label, str(path)]
    for rel, rows in rel_files.items():
        path = folder / f"{rel}.csv"
        _write_csv(path, ["src", "dst"], rows)
        args += ["-R", rel, str(path)]
    server = EmbeddedServer(work / "bulk-data")
    (work / "bulk-data").mkdir(exist_ok=True)
    server.start()
    try:
        binary = str(Path(sys.executable).with_name("falkordb-bulk-insert"))
        elapsed, _, _ = timed([binary, "bulk", "-u", f"unix://{server.socket_path}", "--id-type", "STRING", *args])
    finally:
        server.stop()
    return {"nodes": len(dump.nodes), "relationships": len(dump.edges), "bulk_s": elapsed,
            "nodes_per_s": len(dump.nodes) / elapsed, "relationships_per_s": len(dump.edges) / elapsed}


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


def dry_run_memory(work: Path, megabytes: int) -> dict:
    """Peak memory of reading and extracting a corpus of that size (streamed, nothing written)."""
    corpus = work / "corpus-memory"
    docs = megabytes * 1_000_000 // 4_000
    timed([sys.executable, "-m", "bench.corpus", str(corpus), "--docs", str(docs), "--facts-per-doc", "40"])
    size = sum(p.stat().st_size for p in corpus.glob("*.md"))
    elapsed, rss, _ = kg(work / "data-memory", "load", "--dry-run", str(corpus))
    return {"corpus_mb": size / 1e6, "documents": docs, "seconds": elapsed, "peak_rss_mb": rss / 1024,
            "mb_per_s": size / 1e6 / elapsed}


def pack_latency(data: Path, runs: int, packs_dir: Path | None = None, timeout_s: float = 0) -> dict:
    """p50/p95 of each pack with its header defaults (after one unmeasured run, which also gives
    the answer's size). With `timeout_s`, a pack slower than that once is reported as such."""
    from kg.config import Settings
    from kg.packs import all_packs
    from kg.store import open_store

    found: dict = {}
    with open_store(Settings("embedded", data, False)) as store:  # schema on: the indexes packs use
        for pack in all_packs(packs_dir).values():
            start = time.perf_counter()
            try:
                rows = len(store._graph.ro_query(pack.cypher, pack.params, timeout=int(timeout_s * 1000) or None).result_set)
            except Exception as exc:  # noqa: BLE001 - the server's timeout error
                found[pack.name] = {"timed_out_s": timeout_s, "error": str(exc)[:100]}
                continue
            if timeout_s and time.perf_counter() - start > timeout_s:
                found[pack.name] = {"timed_out_s": timeout_s}
                continue
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                store.read(pack.cypher, pack.params)
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            found[pack.name] = {"p50_ms": statistics.median(times), "p95_ms": times[max(0, int(len(times) * 0.95) - 1)],
                                "rows": rows}
    return found


def packs_at_revision(revision: str, work: Path) -> Path:
    """The query packs as they were at a git revision (the baseline measured beside them)."""
    folder = work / f"packs-{revision}"
    folder.mkdir(exist_ok=True)
    names = subprocess.run(["git", "ls-tree", "--name-only", revision, "queries/"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    for name in (n for n in names if n.endswith(".cypher")):
        text = subprocess.run(["git", "show", f"{revision}:{name}"], cwd=ROOT, check=True, capture_output=True,
                              text=True).stdout
        (folder / Path(name).name).write_text(text, encoding="utf-8")
    return folder


def machine() -> dict:
    return {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
            "python": platform.python_version(), "date": time.strftime("%Y-%m-%d")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--big-docs", type=int, default=0, help="a second corpus for the 1M-relationship figures")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--memory-mb", type=int, default=0, help="size of the corpus for the peak-memory figure")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--big-doc-mb", type=int, default=20, help="size of the one-line document of the big-doc figure")
    parser.add_argument("--pack-data", type=Path, help="big-packs: a loaded store (e.g. from the big step's corpus)")
    parser.add_argument("--baseline", default="", help="big-packs: also time the packs of this git revision")
    parser.add_argument("--only", default="",
                        help="comma-separated: seeds,memory,seed-packs,main,write,big,big-packs,real,big-doc,accuracy (default: all)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.only:
        return partial(args)
    results: dict = {"machine": machine()}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        results["seeds"] = seeds_load(args.runs, work)
        print(json.dumps(results["seeds"]), flush=True)
        results["corpus"], data = corpus_load(args.docs, work, "main")
        print(json.dumps(results["corpus"]), flush=True)
        results["extraction"] = extraction_speed(work / "corpus-main")
        results["extraction_seeds"] = extraction_speed(ROOT / "seeds", repeat=40)
        results["accuracy"] = accuracy(work / "corpus-main")
        results["bulk"] = bulk_ceiling(data, work)
        results["write_stage"] = write_stage_against_bulk(args.docs, work)
        results["packs_main"] = pack_latency(data, args.runs * 4)
        if args.memory_mb:
            results["memory"] = dry_run_memory(work, args.memory_mb)
            print(json.dumps(results["memory"]), flush=True)
        if args.big_docs:
            results["big"], big = corpus_load(args.big_docs, work, "big", facts=12)
            print(json.dumps(results["big"]), flush=True)
            results["packs_big"] = pack_latency(big, args.runs * 4)
    (args.out / "latest.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


def partial(args: argparse.Namespace) -> None:
    """Re-measure some figures and merge them into latest.json."""
    path = args.out / "latest.json"
    results = json.loads(path.read_text()) if path.exists() else {"machine": machine()}
    wanted = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        if "seeds" in wanted:
            results["seeds"] = seeds_load(args.runs, work)
            results["extraction_seeds"] = extraction_speed(ROOT / "seeds", repeat=40)
        if "memory" in wanted:
            results["memory"] = dry_run_memory(work, args.memory_mb or 100)
        if "main" in wanted:
            results["corpus"], _ = corpus_load(args.docs, work, "main")
        if "write" in wanted:
            results["write_stage"] = write_stage_against_bulk(args.docs, work)
            print(json.dumps(results["write_stage"]), flush=True)
        if "big" in wanted:
            results["big"], big = corpus_load(args.big_docs or 16500, work, "big", facts=12)
            results["packs_big"] = pack_latency(big, args.runs * 2)
        if "big-packs" in wanted:  # the packs now and at a baseline revision, on one loaded store, in one run
            data = args.pack_data
            results["packs_big"] = pack_latency(data, args.runs * 2)
            if args.baseline:
                results["packs_big_baseline"] = {"revision": args.baseline, "packs": pack_latency(
                    data, args.runs * 2, packs_at_revision(args.baseline, work), timeout_s=60)}
            _, _, out = kg(data, "cypher", "MATCH ()-[r]->() RETURN count(r) AS n", "--format", "json")
            results["packs_big_relationships"] = json.loads(out)[0]["n"]
        if "real" in wanted:
            results["extraction_real"] = real_text_speed()
        if "big-doc" in wanted:
            results["big_document"] = one_big_document(args.big_doc_mb)
        if "accuracy" in wanted:
            timed([sys.executable, "-m", "bench.corpus", str(work / "acc"), "--docs", "2000"])
            results["accuracy"] = accuracy(work / "acc")
        if "seed-packs" in wanted:
            kg(work / "seed-packs", "load", "seeds/")
            results["packs_seeds"] = pack_latency(work / "seed-packs", args.runs * 4)
    results["machine"]["partial_rerun"] = sorted(set(results["machine"].get("partial_rerun", [])) | wanted)
    path.write_text(json.dumps(results, indent=2))
    print(json.dumps({k: results[k] for k in results if k in ("seeds", "memory", "packs_seeds", "extraction_seeds")},
                     indent=2))


if __name__ == "__main__":
    main()
