"""HTML views in headless Chromium: they render the nodes the query returned, load nothing from
outside, and run none of the markup or script that documents contain."""

from __future__ import annotations

import json
import re
import subprocess
from html import unescape as html_unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg import pipeline
from kg.config import Settings
from kg.errors import UsageError
from kg.views.build import build_view

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--virtual-time-budget=8000", "--window-size=1400,900"]


@pytest.fixture
def browse(chromium: str, tmp_path: Path):
    """Open a page in headless chromium; its stdout (the DOM with --dump-dom)."""
    def run(page: Path, *extra: str) -> str:
        done = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra,
                               page.as_uri()], capture_output=True, text=True, timeout=90)
        return done.stdout
    return run


def _graph_data(html: str) -> dict:
    return json.loads(re.search(r'id="graph-data">(.*?)</script>', html, re.S).group(1))


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.loaded.append(value)


def test_the_deepseek_neighbourhood_renders_with_its_nodes(seeded_settings: Settings, tmp_path: Path,
                                                           browse) -> None:
    page = tmp_path / "d.html"
    counts = build_view(seeded_settings, page, pack="neighborhood", params={"id": "deepseek"})
    html = page.read_text()
    parser = _Resources()
    parser.feed(html)
    assert parser.loaded == [] and "<link" not in html
    for name in ("DeepSeek", "High-Flyer", "H800", "H100", "A100"):
        assert f'"label": "{name}"' in html
    data = _graph_data(html)
    documents = [n for n in data["nodes"] if n["title"].startswith("Document:")]
    firms = [n for n in data["nodes"] if n["title"].startswith("Firm:")]
    assert documents and firms  # the source documents are drawn, and no bigger than a firm, caption outside
    assert all(d["shape"] not in ("database", "box") and d["size"] <= max(f["size"] for f in firms)
               for d in documents)
    assert all(len(n["label"]) <= 30 for n in data["nodes"]) and data["options"]["nodes"]["font"]["size"] >= 14
    dom = browse(page, "--dump-dom")
    rendered = re.search(r'data-node-count="(\d+)"', dom)
    assert rendered and int(rendered.group(1)) == counts["nodes"] > 10
    again = browse(page, "--dump-dom")  # the layout is seeded: the same picture every time
    layout = re.search(r'data-layout="([^"]+)"', dom)
    assert layout and len(json.loads(html_unescape(layout.group(1)))) == counts["nodes"]
    assert re.search(r'data-layout="([^"]+)"', again).group(1) == layout.group(1)
    ARTIFACTS.mkdir(exist_ok=True)
    browse(page, f"--screenshot={ARTIFACTS / 'deepseek-neighbourhood.png'}")
    assert (ARTIFACTS / "deepseek-neighbourhood.png").stat().st_size > 10_000


def test_the_timeline_view_lists_dated_items(seeded_settings: Settings, tmp_path: Path, browse) -> None:
    page = tmp_path / "t.html"
    counts = build_view(seeded_settings, page, pack="timeline", params={"id": "deepseek"})
    dom = browse(page, "--dump-dom")
    assert counts["rows"] > 3 and dom.count("<li") == counts["rows"]
    assert 'data-date="2023-05-01">2023-05<' in dom  # a month-precision date shows as the month
    assert "(year)" not in dom and "(month)" not in dom


def test_a_pack_of_ids_is_drawn_as_the_subgraph_of_those_ids(seeded_settings: Settings, tmp_path: Path) -> None:
    page = tmp_path / "c.html"
    counts = build_view(seeded_settings, page, pack="controls-by-rule")
    html = page.read_text()
    data = _graph_data(html)
    labels = {n["label"] for n in data["nodes"]}
    assert {"H100", "A100", "H800", "bis-2022-10-07"} <= labels and counts["nodes"] == len(data["nodes"])
    controls = [e for e in data["edges"] if e["title"].startswith("CONTROLS")]
    # so many CONTROLS edges are drawn without a label each (the legend names them): no pile of labels
    assert len(controls) >= 10 and not any("label" in e for e in controls)
    assert f"CONTROLS ×{len(controls)}" in html
    with pytest.raises(UsageError, match="nothing|no nodes"):
        build_view(seeded_settings, tmp_path / "x.html", cypher="RETURN 1 AS one")


def test_conflicting_claims_are_drawn_side_by_side_each_with_its_document(seeded_settings: Settings,
                                                                         tmp_path: Path, browse) -> None:
    page = tmp_path / "conflicts.html"
    counts = build_view(seeded_settings, page, pack="claims-conflicts")
    dom = browse(page, "--dump-dom")
    groups = re.findall(r'<section class="conflict">(.*?)</section>', dom, re.S)
    assert counts["claims"] > 3 and len(groups) >= 2
    for group in groups:
        claims = re.findall(r'<div class="claim">(.*?)</div>', group, re.S)
        figures = re.findall(r'<span class="figure">([^<]*)</span>', group)
        assert len(claims) >= 2 and len(set(figures)) >= 2  # the figures that disagree, next to each other
        assert all(re.search(r'<span class="document">[^<]+</span>', c) for c in claims)
    assert "6,000,000 USD" in dom and "5,500,000 USD" in dom  # figures as a reader writes them


def test_markup_and_script_in_documents_run_nowhere(tmp_path: Path, browse) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    payload = ('<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'
               '</script><b id="injected">x</b>')
    (corpus / "evil.md").write_text(
        f"---\ntitle: {json.dumps(payload)}\n---\n# {payload}\n\nDeepSeek holds 500 H800 GPUs. {payload}\n")
    settings = Settings("embedded", tmp_path / "data", False)
    assert pipeline.load([corpus], settings).changed == 1
    page = tmp_path / "evil.html"
    counts = build_view(settings, page, entity="deepseek", depth=1)
    html = page.read_text()
    assert counts["nodes"] > 3 and "pwned" in html
    dom = browse(page, "--dump-dom")
    assert "<title>pwned" not in dom and 'id="injected"' not in dom
    assert re.search(r'data-node-count="\d+"', dom), "the page's own script must still run"


HANGUL_PROBE = """<script>
(function () {
  // Draw two different Hangul syllables in the page's own font stack: real glyphs differ,
  // the boxes a font without Hangul falls back to ("tofu") are identical.
  var face = getComputedStyle(document.body).fontFamily;
  function ink(text) {
    var canvas = document.createElement("canvas");
    canvas.width = 96; canvas.height = 96;
    var context = canvas.getContext("2d");
    context.font = "64px " + face;
    context.fillText(text, 8, 76);
    return canvas.toDataURL();
  }
  var a = ink("\\ub525"), b = ink("\\uc2dc"), blank = ink(" ");
  document.body.dataset.hangul = (a !== b && a !== blank) ? "glyphs" : "tofu";
  document.body.dataset.face = face;
})();
</script>
</body>"""


def test_korean_names_in_a_view_render_as_hangul_glyphs_not_boxes(tmp_path: Path, browse) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ko.md").write_text("---\ntitle: 딥시크 보유 현황\n---\n딥시크는 엔비디아 H800 GPU 1만 개를 보유하고 있다.\n")
    settings = Settings("embedded", tmp_path / "data", False)
    assert pipeline.load([corpus], settings).changed == 1
    page = tmp_path / "ko.html"
    build_view(settings, page, entity="deepseek", depth=1)
    html = page.read_text()
    assert '"label": "딥시크 보유 현황"' in html
    assert re.search(r'body \{ font-family: "Noto Sans CJK KR", [^;]*"Apple SD Gothic Neo", "Malgun Gothic"', html)
    data = _graph_data(html)
    for part in ("nodes", "edges"):  # canvas labels too
        assert data["options"][part]["font"]["face"].startswith('"Noto Sans CJK KR", ')
    probe = tmp_path / "ko-probe.html"
    probe.write_text(html.replace("</body>", HANGUL_PROBE))
    dom = browse(probe, "--dump-dom")
    assert 'data-hangul="glyphs"' in dom, re.findall(r'data-(?:hangul|face)="[^"]*"', dom)
    ARTIFACTS.mkdir(exist_ok=True)
    browse(page, f"--screenshot={ARTIFACTS / 'korean-view.png'}")
    assert (ARTIFACTS / "korean-view.png").stat().st_size > 10_000
