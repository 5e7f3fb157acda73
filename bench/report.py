"""Turn bench/results/latest.json into the markdown table of bench/README.md.

    python -m bench.report [bench/results/latest.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def rows(r: dict) -> list[tuple[str, str, str, str]]:
    m = r["machine"]
    s, c, b, x, a = r["seeds"], r["corpus"], r["bulk"], r["extraction"], r["accuracy"]
    out = [
        ("cold `kg load seeds/` (store start included), median of %d" % s["runs"], f"{s['cold_median_s']:.2f} s", "2 seed documents", ""),
        ("warm reload of the seeds / cold", f"{s['warm_median_s']:.2f} s ({s['warm_over_cold']:.2f}x)", "2 seed documents", "process start dominates"),
        ("extraction speed, one core", f"{x['mb_per_s']:.2f} MB/s", f"{x['mb']:.1f} MB synthetic text (a fact in every sentence)", "target >= 2 MB/s"),
        ("extraction accuracy vs recorded facts (in-sample: our templates)", f"P {a['precision']:.3f} / R {a['recall']:.3f}", f"{a['gold']} facts", "kg.eval's matching rule"),
        ("load throughput (cold, whole process)", f"{c['nodes_per_s']:.0f} nodes/s, {c['relationships_per_s']:.0f} rels/s",
         f"{c['documents']} docs, {c['nodes']} nodes, {c['relationships']} rels", ""),
        ("FalkorDB bulk loader, same nodes/edges (ceiling)", f"{b['nodes_per_s']:.0f} nodes/s, {b['relationships_per_s']:.0f} rels/s",
         f"{b['nodes']} nodes, {b['relationships']} rels", ""),
        ("kg load / bulk loader", f"{c['relationships_per_s'] / b['relationships_per_s']:.3f}x (rels)",
         "same graph", "target >= 0.5x"),
        ("unchanged reload / cold load", f"{c['reload_over_cold']:.3f}x ({c['unchanged_reload_s']:.1f} s / {c['cold_s']:.1f} s)",
         f"{c['documents']} docs", "target <= 0.05x"),
        ("peak RSS of a load", f"{c['peak_rss_mb']:.0f} MB", f"{c['corpus_mb']:.1f} MB corpus", ""),
    ]
    if "write_stage" in r:
        w = r["write_stage"]
        p, k = w["bulk_path"], w["bulk_loader"]
        merge = w.get("merge_path")
        old = (f"; MERGE path {merge['write_s']:.1f} s ({w['merge_ratio']:.2f}x)" if merge else "")
        out.insert(7, ("write stage of a first load / bulk loader", f"{w['ratio']:.2f}x ({p['write_s']:.1f} s / {k['bulk_s']:.1f} s)",
                       f"{p['documents']} docs, {p['nodes']} nodes, {p['relationships']} rels; extraction {p['extract_s']:.0f} s apart{old}",
                       "target >= 0.3x"))
    if "extraction_seeds" in r:
        e = r["extraction_seeds"]
        out.insert(4, ("extraction speed, one core, real articles", f"{e['mb_per_s']:.2f} MB/s",
                       f"the 2 seeds x 40 ({e['mb']:.1f} MB)", "target >= 2 MB/s"))
    for lang, e in sorted(r.get("extraction_real", {}).items()):
        target = {"en": "target >= 1 MB/s", "ko": "target >= 0.3 MB/s"}.get(lang, "")
        out.insert(5, (f"extraction speed, one core, real articles ({lang})", f"{e['mb_per_s']:.2f} MB/s",
                       f"dev split x10 ({e['mb']:.2f} MB); peak RSS {e['peak_rss_mb']:.0f} MB", target))
    if "big_document" in r:
        g = r["big_document"]
        out.insert(5, ("extraction speed, one document on one line", f"{g['mb_per_s']:.2f} MB/s",
                       f"{g['mb']:.0f} MB (dev text); peak RSS {g['peak_rss_mb']:.0f} MB", "same MB/s as small documents"))
    if "memory" in r:
        mem = r["memory"]
        out.append(("peak RSS, streaming read + extract (--dry-run)", f"{mem['peak_rss_mb']:.0f} MB",
                    f"{mem['corpus_mb']:.0f} MB corpus, {mem['documents']} docs", "target < 1 GB"))
    if "big" in r:
        g = r["big"]
        out.append(("load throughput at scale", f"{g['nodes_per_s']:.0f} nodes/s, {g['relationships_per_s']:.0f} rels/s",
                    f"{g['documents']} docs, {g['nodes']} nodes, {g['relationships']} rels", ""))
        out.append(("peak RSS of that load", f"{g['peak_rss_mb']:.0f} MB", f"{g['corpus_mb']:.1f} MB corpus", ""))
    for key, label in (("packs_seeds", "seeds"), ("packs_main", "main"), ("packs_big", "big")):
        for name, t in sorted(r.get(key, {}).items()):
            graph = {"seeds": "seed graph", "main": f"{r['corpus']['relationships']} rels",
                     "big": f"{r.get('packs_big_relationships', r.get('big', {}).get('relationships'))} rels"}[label]
            target = "target median < 100 ms" if label == "seeds" else "target p50 < 200 ms"
            out.append((f"pack `{name}` p50 / p95", f"{t['p50_ms']:.1f} / {t['p95_ms']:.1f} ms", graph, target))
    base = r.get("packs_big_baseline")
    if base:
        for name, t in sorted(base["packs"].items()):
            value = (f"{t['p50_ms']:.1f} / {t['p95_ms']:.1f} ms" if "p50_ms" in t
                     else f"over {t['timed_out_s']:.0f} s (stopped)")
            out.append((f"pack `{name}` p50 / p95 at {base['revision']} (baseline, same store and run)", value,
                        f"{r['packs_big_relationships']} rels", ""))
    header = f"Measured {m['date']} on {m['cores']} cores ({m['cpu']}), Python {m['python']}."
    return [("_" + header + "_", "", "", "")] + out


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("results") / "latest.json")
    r = json.loads(path.read_text())
    print("| figure | value | workload | note |\n|---|---|---|---|")
    for row in rows(r):
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
