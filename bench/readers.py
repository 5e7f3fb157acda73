"""Document readers alone (no extraction, no store): HTML pages and PDFs per second.

    python -m bench.readers [--seconds 3] [--out bench/results/readers.json]

Each reader runs in this one process over the test fixtures (the team's own pages and PDF) and
over larger inputs built from them: a page of 60 paragraphs with navigation, scripts and ads
around them, and a PDF of 30 pages (the 3-page fixture appended ten times with pypdf). The
baseline, measured in the same run, is reading the same text as a Markdown file; pdfminer.six
(when installed: `pip install -e '.[bench]'`) and pypdf's layout mode read the same PDFs, as
the alternatives measured when pypdf's plain mode was chosen.
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import time
from pathlib import Path
from typing import Callable

from kg.documents.reader import read_document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "documents" / "fixtures"
OUT = ROOT / "bench" / "results" / "readers.json"


def _rate(work: Callable[[], object], seconds: float) -> float:
    """Calls per second, over at least `seconds` (one warm-up call first: imports, caches)."""
    work()
    done, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds or done < 3:
        work()
        done += 1
    return done / elapsed


def _big_page() -> bytes:
    def paragraph(i: int) -> str:
        return (f"<p>Kestrel Labs bought {i + 1},000 H800 GPUs in {1990 + i}, the company said on Tuesday, and "
                f"analysts who track market number {i} said the count limits what it can train. 딥시크는 엔비디아 "
                f"H800 GPU {i + 1}만 개를 보유하고 있다고 밝혔다.</p>\n")

    chrome = "<nav>" + " | ".join(f"<a href='/s{i}'>Section {i}</a>" for i in range(40)) + "</nav>"
    body = "".join((f"<h2>Part {i}</h2>\n" if i % 5 == 0 else "") + paragraph(i) for i in range(60))
    return (f"<html><head><title>Long page</title><script>{'var x = 1;' * 2000}</script></head><body>{chrome}"
            f"<div class='ad'>Advertisement</div><article><h1>Long page</h1>{body}</article>"
            f"<footer>{'Copyright. ' * 50}</footer></body></html>").encode()


def _big_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for _ in range(10):
        writer.append(PdfReader(FIXTURES / "report.pdf"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _pdfminer(path: Path) -> Callable[[], object] | None:
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LTTextContainer
    except ImportError:
        return None
    return lambda: [[e.get_text() for e in page if isinstance(e, LTTextContainer)] for page in extract_pages(path)]


def _pypdf_layout(path: Path) -> Callable[[], object]:
    from pypdf import PdfReader

    return lambda: [p.extract_text(extraction_mode="layout") for p in PdfReader(path).pages]


def measure(seconds: float, work_dir: Path) -> dict[str, object]:
    inputs = {
        "html fixture (en)": FIXTURES / "kestrel-news.html",
        "html fixture (ko, EUC-KR)": FIXTURES / "tencent-ko.html",
        "pdf fixture (3 pages)": FIXTURES / "report.pdf",
    }
    work_dir.mkdir(parents=True, exist_ok=True)
    (work_dir / "long.html").write_bytes(_big_page())
    (work_dir / "long.pdf").write_bytes(_big_pdf())
    inputs["html, 60 paragraphs in page chrome"] = work_dir / "long.html"
    inputs["pdf, 30 pages"] = work_dir / "long.pdf"
    rows: dict[str, object] = {}
    for name, path in inputs.items():
        doc = read_document(path)
        markdown = work_dir / f"{path.stem}.md"
        markdown.write_text(doc.text, encoding="utf-8")
        per_second = _rate(lambda: read_document(path), seconds)
        baseline = _rate(lambda: read_document(markdown), seconds)
        row = {"bytes": path.stat().st_size, "documents_per_s": round(per_second, 1),
               "pages_per_s": round(per_second * doc.pages, 1) if doc.pages else None,
               "same_text_as_markdown_per_s": round(baseline, 1), "ratio_to_markdown": round(per_second / baseline, 4),
               "passages": len(doc.passages)}
        if path.suffix == ".pdf":
            row["pypdf_layout_mode_per_s"] = round(_rate(_pypdf_layout(path), seconds), 1)
            miner = _pdfminer(path)
            row["pdfminer_per_s"] = round(_rate(miner, seconds), 1) if miner else None
        rows[name] = row
    return {"machine": f"{platform.machine()}, {platform.python_version()}", "readers": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per figure (default 3 s)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-readers"))
    args = parser.parse_args()
    result = measure(args.seconds, args.work)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    for name, row in result["readers"].items():  # type: ignore[union-attr]
        print(f"{name}: {json.dumps(row, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
