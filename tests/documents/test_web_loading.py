"""Links and feeds: pages, a PDF and a feed served from 127.0.0.1 inside the test load with their
metadata, pages and claims; a second load is offline and changes nothing; a feed's rerun fetches
only its new items; every misbehaving server is one clear failure and nothing half-loaded."""

from __future__ import annotations

import io
from importlib.metadata import version
from pathlib import Path

import httpx
import pytest
from conftest import LocalSite, fixture_bytes
from pypdf import PdfReader, PdfWriter

from kg import pipeline
from kg.config import Settings
from kg.packs.run import run_pack
from kg.store import open_store
from kg.views.build import build_view

PAGE, KOREAN, PDF, FEED = "/news/kestrel.html", "/news/tencent-ko.html", "/reports/kestrel.pdf", "/feed.xml"


def _serve(site: LocalSite) -> dict[str, str]:
    return {
        PAGE: site.add(PAGE, body=fixture_bytes("kestrel-news.html")),
        KOREAN: site.add(KOREAN, body=fixture_bytes("tencent-ko.html"), content_type="text/html"),
        PDF: site.add(PDF, body=fixture_bytes("report.pdf"), content_type="application/pdf"),
        FEED: site.add(FEED, body=fixture_bytes("feed.xml").decode(), content_type="application/rss+xml"),
    }


def _documents(settings: Settings) -> dict[str, dict]:
    with open_store(settings) as store:
        rows = store.read("MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.url AS url, "
                          "d.sources AS sources, d.published AS published, d.author AS author, "
                          "d.fetched_at AS fetched_at, d.pages AS pages")
    return {row["sources"][0]: row for row in rows}


def _graph(settings: Settings) -> tuple[list, list]:
    with open_store(settings) as store:
        nodes = store.read("MATCH (n) RETURN labels(n)[0] AS l, n.id AS id, properties(n) AS p ORDER BY l, id")
        edges = store.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p "
                           "ORDER BY a, t, b")
    return nodes, edges


def test_a_page_and_a_pdf_load_from_their_urls_with_metadata_pages_and_claims(site: LocalSite,
                                                                              settings: Settings) -> None:
    urls = _serve(site)
    report = pipeline.load([], settings, urls=[urls[PAGE], urls[PDF]])
    assert report.ok and (report.fetched, report.changed) == (2, 2)
    docs = _documents(settings)
    page, pdf = docs[urls[PAGE]], docs[urls[PDF]]
    assert (page["title"], page["author"], str(page["published"])) == ("Kestrel Labs buys H800 GPUs", "Jordan Park",
                                                                         "2025-03-14")
    assert page["url"] == "https://fieldnotes.example/2025/03/kestrel-h800"  # the page's canonical link
    assert page["id"].rsplit("-", 1)[0] == "127.0.0.1-news-kestrel.html"  # host and path, then the text's hash
    assert page["fetched_at"].endswith("Z")
    assert (pdf["title"], pdf["pages"], str(pdf["published"]), pdf["url"]) == (
        "Kestrel Labs and the H800", 3, "2025-03-14", urls[PDF])
    rows = run_pack("provenance", {"id": "kestrel-labs"}, settings)[1]
    by_doc = {r["document"]: r for r in rows}
    assert by_doc[pdf["id"]]["page"] == 1 and by_doc[pdf["id"]]["url"] == urls[PDF]
    assert by_doc[page["id"]]["page"] is None and "4,000 H800" in by_doc[page["id"]]["quote"]
    pages = {name: {r["page"] for r in run_pack("provenance", {"id": name}, settings)[1] if r["document"] == pdf["id"]}
             for name in ("deepseek", "deepseek-v3")}
    # 2,048 H800 on page 2; on page 3 the Korean sentence's 10,000 H800 (a Korean passage in an
    # English PDF is read as Korean) and the $5.6 million
    assert pages == {"deepseek": {2, 3}, "deepseek-v3": {3}}
    # every fetch says who asks (kg's installed version, httpx's), and there were fetches
    agent = f"kg/{version('kg')} (export-control knowledge graph document reader; httpx/{httpx.__version__})"
    assert site.agents and set(site.agents) == {agent}, set(site.agents)


def test_a_second_load_reads_the_kept_copies_offline_and_changes_nothing(site: LocalSite,
                                                                         settings: Settings) -> None:
    urls = _serve(site)
    wanted = [urls[PAGE], urls[KOREAN], urls[PDF]]
    assert pipeline.load([], settings, urls=wanted).changed == 3
    before = _graph(settings)
    site.stop()  # offline from here
    again = pipeline.load([], settings, urls=wanted)
    assert again.ok and (again.fetched, again.changed, again.skipped) == (0, 0, 3)
    assert _graph(settings) == before


def test_refresh_fetches_again_and_a_changed_page_replaces_its_old_text(site: LocalSite, settings: Settings) -> None:
    urls = _serve(site)
    pipeline.load([], settings, urls=[urls[PAGE]])
    old_id = _documents(settings)[urls[PAGE]]["id"]
    changed = fixture_bytes("kestrel-news.html").replace(b"4,000 H800", b"5,000 H800")
    site.add(PAGE, body=changed)
    assert pipeline.load([], settings, urls=[urls[PAGE]]).fetched == 0  # kept copy, old text
    report = pipeline.load([], settings, urls=[urls[PAGE]], refresh=True)
    assert (report.fetched, report.changed, report.replaced) == (1, 1, 1)
    docs = _documents(settings)
    assert list(docs) == [urls[PAGE]] and docs[urls[PAGE]]["id"] != old_id
    assert docs[urls[PAGE]]["id"].rsplit("-", 1)[0] == old_id.rsplit("-", 1)[0]  # same name, new text


def test_a_feed_loads_its_items_and_a_rerun_fetches_only_new_ones(site: LocalSite, settings: Settings) -> None:
    urls = _serve(site)
    first = pipeline.load([], settings, feeds=[urls[FEED]])
    assert first.ok and (first.fetched, first.changed) == (3, 3)
    docs = _documents(settings)
    assert set(docs) == {urls[PAGE], urls[KOREAN], urls[PDF]}
    korean = docs[urls[KOREAN]]  # EUC-KR page, its charset named only in the page
    assert korean["title"].startswith("텐센트, 지난해 H20") and str(korean["published"]) == "2025-03-17"
    rerun = pipeline.load([], settings, feeds=[urls[FEED]])
    assert (rerun.fetched, rerun.changed, rerun.skipped) == (0, 0, 3)
    assert site.hits[FEED] == 2 and all(site.hits[p] == 1 for p in (PAGE, KOREAN, PDF))
    note = site.add("/notes/brief.txt", content_type="text/plain; charset=utf-8",
                    body="# Brief\n\nDeepSeek holds 3,000 H20 GPUs, the firm said.\n")
    feed = fixture_bytes("feed.xml").decode().replace(
        "</channel>", f"<item><title>Brief</title><link>{note}</link>"
                      "<pubDate>Tue, 18 Mar 2025 08:00:00 GMT</pubDate></item></channel>")
    site.add(FEED, body=feed, content_type="application/rss+xml")
    third = pipeline.load([], settings, feeds=[urls[FEED]])
    assert (third.fetched, third.changed, third.skipped) == (1, 1, 3) and site.hits["/notes/brief.txt"] == 1
    assert str(_documents(settings)[note]["published"]) == "2025-03-18"  # a text without a date: the feed's


def _encrypted() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(fixture_bytes("report.pdf"))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _fifty_megabytes():
    chunk = b"<p>" + b"x" * (1024 * 1024 - 7) + b"</p>\n"
    for _ in range(50):
        yield chunk


EVIL = """<html><head><title>Evil page</title><script>document.title="pwned"; steal()</script></head>
<body onload="steal()"><article><h1 onmouseover="steal()">Kestrel Labs update</h1>
<p onclick="steal(document.cookie)">Kestrel Labs bought 1,500 H800 GPUs last year, the company said on Tuesday.</p>
<script>steal("inline")</script><img src="x" onerror="steal()"><a href="javascript:steal()">more</a>
<p>Analysts said the chips were shipped before the rules of October 2023 took effect in China.</p>
</article></body></html>"""

BAD = [  # (path, route, the reason's words)
    ("/gone", {"status": 404, "content_type": "text/html", "body": "<p>gone</p>"}, "HTTP 404 Not Found"),
    ("/oops", {"status": 500, "content_type": "text/html", "body": "<p>oops</p>"}, "HTTP 500 Internal Server Error"),
    ("/slow", {"delay": 3.0, "body": "<p>late</p>"}, "timed out after 1 s"),
    ("/loop-a", {"status": 302, "headers": {"Location": "{base}/loop-b"}}, "too many redirects"),
    ("/loop-b", {"status": 302, "headers": {"Location": "{base}/loop-a"}}, "too many redirects"),
    ("/huge", {"body": _fifty_megabytes}, "larger than 20 MB"),
    ("/picture.png", {"content_type": "image/png", "body": b"\x89PNG\r\n\x1a\n" * 20},
     "content type image/png is not HTML, PDF, plain text or Markdown"),
    ("/locked.pdf", {"content_type": "application/pdf", "body": _encrypted()}, "encrypted PDF"),
    ("/scan.pdf", {"content_type": "application/pdf", "body": fixture_bytes("scanned.pdf")}, "without a text layer"),
    ("/cut.pdf", {"content_type": "application/pdf", "body": fixture_bytes("report.pdf")[:6000]},
     "broken or truncated PDF"),
]


def test_every_misbehaving_server_is_one_clear_failure_and_the_rest_loads(
        site: LocalSite, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_FETCH_TIMEOUT", "1")
    urls = _serve(site)
    bad = {path: site.add(path, **route) for path, route, _ in BAD}
    evil = site.add("/evil.html", body=EVIL)
    not_a_feed = site.add("/not-a-feed", body="<html><body><p>Just a page, no feed.</p></body></html>")
    asked = [url for path, url in bad.items() if path != "/loop-b"]  # /loop-b is only redirected to
    report = pipeline.load([], settings, urls=[urls[PAGE], *asked, evil], feeds=[not_a_feed])
    failed = dict(report.failed)
    for path, _, reason in BAD:
        if path != "/loop-b":
            assert reason in failed.pop(bad[path]), (path, report.failed)
    assert "not an RSS or Atom feed" in failed.pop(not_a_feed)
    assert failed == {}
    assert set(_documents(settings)) == {urls[PAGE], evil}  # nothing half-loaded
    with open_store(settings) as store:
        texts = [r["t"] for r in store.read("MATCH (p:Passage) RETURN p.text AS t")]
        quotes = [r["q"] for r in store.read("MATCH (c:Claim) RETURN c.quote AS q")]
    assert any("1,500 H800" in q for q in quotes)
    assert not any(word in t for t in texts for word in ("steal", "pwned", "onclick", "onerror", "javascript"))
    view = tmp_path / "v.html"
    build_view(settings, view, entity="kestrel-labs", depth=1)
    assert "steal" not in view.read_text() and "pwned" not in view.read_text()


def test_an_unreachable_feed_falls_back_to_its_kept_copy_with_a_warning(site: LocalSite, settings: Settings) -> None:
    urls = _serve(site)
    assert pipeline.load([], settings, feeds=[urls[FEED]]).changed == 3
    site.stop()
    offline = pipeline.load([], settings, feeds=[urls[FEED]])
    assert offline.ok and (offline.fetched, offline.changed, offline.skipped) == (0, 0, 3)
    [(where, warning)] = offline.warnings
    assert where == urls[FEED] and warning.startswith("cannot fetch: ConnectError") and "read the copy fetched at" in warning


def test_forgetting_a_url_removes_its_document_and_a_dry_run_writes_nothing(site: LocalSite,
                                                                           settings: Settings) -> None:
    urls = _serve(site)
    dry = pipeline.load([], settings, urls=[urls[PAGE]], dry_run=True)
    assert dry.ok and dry.changed == 1 and dry.claims > 0
    with open_store(settings) as store:
        assert store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 0
    pipeline.load([], settings, urls=[urls[PAGE], urls[PDF]])
    gone = pipeline.forget(urls[PAGE], settings)
    assert gone.remaining == 0 and set(_documents(settings)) == {urls[PDF]}


def test_fetches_to_one_host_are_at_most_two_at_a_time(site: LocalSite, settings: Settings) -> None:
    pages = [site.add(f"/slow/{i}.txt", content_type="text/plain", delay=0.4,
                      body=f"# Note {i}\n\nDeepSeek holds {i + 1},000 H800 GPUs.\n") for i in range(6)]
    report = pipeline.load([], settings, urls=pages)
    assert report.ok and report.fetched == 6 and site.most_busy == 2
