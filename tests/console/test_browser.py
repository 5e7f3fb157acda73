"""The console in a real browser (Playwright driving Debian's chromium): a typed query drawn as a
graph and a table, a pack run from its form with the rows `kg query` prints, a claim's quote on
click, graph text that is markup run nowhere, and no request off 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest
from console_helpers import EVIL_NAME, Console

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


class Watched:
    """A page and everything it did: requests, dialogs, errors, CSP reports."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extras")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, console: Console) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    watched = Watched(context.new_page())
    watched.page.goto(console.url)
    watched.page.wait_for_selector("body[data-state=idle]", state="attached", timeout=30_000)
    yield watched
    assert all(url.startswith(console.base + "/") for url in watched.requests), watched.requests
    assert watched.errors == [] and watched.dialogs == []
    context.close()


def _run_and_wait(page: Any, action: Any) -> dict:
    page.evaluate("document.getElementById('graph').removeAttribute('data-node-count')")
    action()
    page.wait_for_function("() => document.body.dataset.state === 'idle' && "
                           "(document.getElementById('graph').dataset.nodeCount !== undefined || "
                           "document.getElementById('status').className === 'error')", timeout=60_000)
    return page.evaluate("window.kgConsole.result")


def _type_query(page: Any, cypher: str) -> None:
    page.click("#editor .cm-content")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(cypher)
    page.keyboard.press("Escape")  # close the completion list


def as_text(value: Any) -> str:
    """A value as the table shows it (dom.js asText): JSON for lists and maps, as JavaScript prints numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _table(page: Any) -> tuple[list[str], list[list[str]]]:
    head = page.eval_on_selector_all("#table th", "cells => cells.map(c => c.textContent)")
    rows = page.eval_on_selector_all("#table tbody tr",
                                     "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    return head, rows


def test_a_typed_query_is_drawn_as_a_graph_and_as_a_table(page: Watched, console: Console) -> None:
    with console.client() as client:
        expected = client.post("/api/query", json={"cypher": "MATCH (f:Firm)-[:HOLDS]->(c:Chip) "
                               "RETURN count(DISTINCT f) + count(DISTINCT c) AS nodes, count(*) AS rows",
                               "params": {}}).json()["rows"][0]
    _type_query(page.page, "MATCH (f:Firm)-[h:HOLDS]->(c:Chip) RETURN f, h, c")
    result = _run_and_wait(page.page, lambda: page.page.keyboard.press("Control+Enter"))
    assert len(result["rows"]) == expected["rows"] > 2
    assert page.page.get_attribute("#graph", "data-node-count") == str(expected["nodes"])
    assert page.page.locator("#graph canvas").count() == 1
    page.page.click("#show-table")
    head, rows = _table(page.page)
    assert head == ["f", "h", "c"] and len(rows) == expected["rows"]
    assert page.page.is_hidden("#graph") and page.page.is_visible("#table")


def test_the_editor_completes_the_graphs_labels(page: Watched) -> None:
    _type_query(page.page, "")
    page.page.keyboard.type("MATCH (n:Fi")
    page.page.wait_for_selector(".cm-tooltip-autocomplete", timeout=10_000)
    assert "Firm" in page.page.text_content(".cm-tooltip-autocomplete")


def test_a_pack_run_from_its_form_gives_the_rows_kg_query_prints(page: Watched,
                                                                 expected_holdings: list[dict]) -> None:
    page.page.click(".pack-title[data-pack='firm-holdings']")
    page.page.fill("#pack-firm-holdings-id", "DeepSeek")
    result = _run_and_wait(page.page, lambda: page.page.click("form[data-pack='firm-holdings'] button[type=submit]"))
    assert result["rows"] == expected_holdings
    page.page.click("#show-table")
    head, rows = _table(page.page)
    assert head == list(expected_holdings[0])
    assert rows == [[as_text(row[c]) for c in head] for row in expected_holdings]
    assert "pack firm-holdings" in page.page.text_content("#history")


def _click_node(page: Any, node_id: str) -> None:
    point = page.evaluate("id => window.kgConsole.drawn.position(id)", node_id)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#panel:not([hidden])", timeout=10_000)


def test_clicking_a_claim_shows_its_quote_and_document(page: Watched, console: Console) -> None:
    cypher = ("MATCH (c:Claim)-[:SOURCED_FROM]->(:Passage) WHERE c.quote CONTAINS 'H800' "
              "RETURN c ORDER BY c.id LIMIT 1")
    result = _run_and_wait(page.page, lambda: page.page.evaluate("q => window.kgConsole.runQuery(q, {})", cypher))
    claim = result["graph"]["nodes"][0]
    _click_node(page.page, claim["id"])
    page.page.wait_for_selector("#panel .claim .quote", timeout=10_000)
    assert page.page.text_content("#panel .claim .quote") == claim["props"]["quote"]
    assert "Document:" in page.page.text_content("#panel .claim")
    page.page.click("#panel .passage-link")
    assert claim["props"]["quote"] in page.page.text_content("#panel .passage-text")


def test_graph_text_that_is_markup_is_shown_as_text_and_runs_nowhere(page: Watched, console: Console) -> None:
    cypher = ("MATCH (f:Firm {id: 'evil-firm'}) OPTIONAL MATCH (d:Document)-[h:HAS_PASSAGE]->(p:Passage) "
              "WHERE d.title CONTAINS 'pwned' RETURN f, d, h, p")
    result = _run_and_wait(page.page, lambda: page.page.evaluate("q => window.kgConsole.runQuery(q, {})", cypher))
    evil = next(n for n in result["graph"]["nodes"] if n["props"].get("name") == EVIL_NAME)
    document = next(n for n in result["graph"]["nodes"] if "Document" in n["labels"])
    _click_node(page.page, evil["id"])
    assert EVIL_NAME in page.page.text_content("#panel h3")
    _click_node(page.page, document["id"])
    assert "pwned" in page.page.text_content("#panel")
    page.page.click("#show-table")
    assert EVIL_NAME in page.page.text_content("#table") and "pwned" in page.page.text_content("#table")
    page.page.click("#show-graph")
    claim = _run_and_wait(page.page, lambda: page.page.evaluate("q => window.kgConsole.runQuery(q, {})", (
        "MATCH (c:Claim)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document) WHERE d.title CONTAINS 'pwned' "
        "RETURN c LIMIT 1")))["graph"]["nodes"][0]
    _click_node(page.page, claim["id"])
    page.page.wait_for_selector("#panel .claim .quote", timeout=10_000)
    assert "pwned" in page.page.text_content("#panel .claim")  # the document's title, as text
    assert page.page.locator("#panel a").count() == 0  # its javascript: address is no link
    assert page.page.title() == "kg console"
    assert page.page.locator("#injected").count() == 0 and page.page.locator("img").count() == 0
    assert page.page.locator("#panel script, #table script").count() == 0
    assert not any(url.split("?")[0].endswith("/x") for url in page.requests)


def test_results_export_as_csv_and_json(page: Watched) -> None:
    cypher = ("MATCH (f:Firm) WITH f ORDER BY f.id LIMIT 5 RETURN f.id AS id, f.name AS name "
              "UNION ALL RETURN '=HYPERLINK(\"http://x\")' AS id, '-1' AS name")
    result = _run_and_wait(page.page, lambda: page.page.evaluate("q => window.kgConsole.runQuery(q, {})", cypher))
    with page.page.expect_download() as csv_download:
        page.page.click("#export-csv")
    lines = Path(csv_download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,name" and len(lines) == 1 + len(result["rows"]) == 7
    assert lines[-1] == '"\'=HYPERLINK(""http://x"")",\'-1'  # a spreadsheet runs neither cell
    with page.page.expect_download() as json_download:
        page.page.click("#export-json")
    assert json.loads(Path(json_download.value.path()).read_text(encoding="utf-8")) == result["rows"]


def test_the_history_reruns_an_earlier_query(page: Watched) -> None:
    first = "MATCH (c:Chip) RETURN c.id AS id ORDER BY id LIMIT 3"
    second = "MATCH (f:Firm) RETURN f.id AS id ORDER BY id LIMIT 2"
    _run_and_wait(page.page, lambda: page.page.evaluate("q => window.kgConsole.runQuery(q, {})", first))
    _run_and_wait(page.page, lambda: page.page.evaluate("q => window.kgConsole.runQuery(q, {})", second))
    entries = page.page.locator("#history li button")
    assert entries.count() >= 2 and second in entries.nth(0).get_attribute("title")
    result = _run_and_wait(page.page, lambda: entries.nth(1).click())
    assert len(result["rows"]) == 3 and page.page.evaluate("window.kgConsole.editor.getValue()") == first


def test_a_screenshot_for_the_readme(browser: Any, seeded_settings: Any) -> None:
    """On the seeds alone (docs/kg-serve.png is a copy of it): a pack run from its form, a claim open."""
    from console_helpers import start_console, stop_console

    console = start_console(seeded_settings.data_dir)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = Watched(context.new_page())
        page.page.goto(console.url)
        page.page.wait_for_selector("body[data-state=idle]", state="attached", timeout=30_000)
        page.page.click(".pack-title[data-pack='neighborhood']")
        page.page.fill("#pack-neighborhood-id", "deepseek")
        page.page.fill("#pack-neighborhood-depth", "1")
        result = _run_and_wait(page.page,
                               lambda: page.page.click("form[data-pack='neighborhood'] button[type=submit]"))
        assert "$id" in page.page.evaluate("window.kgConsole.editor.getValue()")  # the pack's Cypher is shown
        claim = next(n for n in result["graph"]["nodes"] if "Claim" in n["labels"] and n["caption"] == "chips_held")
        _click_node(page.page, claim["id"])
        page.page.wait_for_selector("#panel .claim .quote", timeout=10_000)
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "console.png"))
        assert (ARTIFACTS / "console.png").stat().st_size > 20_000
        assert page.errors == [] and all(url.startswith(console.base + "/") for url in page.requests)
    finally:
        context.close()
        assert stop_console(console) == 0
