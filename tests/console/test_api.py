"""The console's HTTP side, against a real `kg serve`: the token, other origins, writes, runaway
queries, limits, parameters, and packs that answer exactly as `kg query` does."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import httpx
import pytest

from console_helpers import SERVE_ROWS, SERVE_TIMEOUT, Console, kg, start_console, stop_console

COUNT = "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships"


def _counts(console: Console) -> dict:
    with console.client() as client:
        return client.post("/api/query", json={"cypher": COUNT, "params": {}}).json()["rows"][0]


def test_nothing_answers_without_the_token(console: Console) -> None:
    with httpx.Client(base_url=console.base, timeout=30) as bare:
        for path in ("/", "/?token=wrong", "/static/console.js", "/static/licences.txt", "/api/schema",
                     "/api/packs"):
            answer = bare.get(path)
            assert answer.status_code == 403 and "token" in answer.text, path
        refused = bare.post("/api/query", json={"cypher": "MATCH (n) RETURN n", "params": {}})
        assert refused.status_code == 403
        # the page's cookie opens the page's own files, but never the API (a form on another site
        # would send the cookie, never the header)
        page = bare.get(f"/?token={console.token}")
        assert page.status_code == 200 and bare.cookies
        assert bare.get("/static/console.js").status_code == 200
        assert bare.get("/api/schema").status_code == 403
    with console.client() as client:
        assert client.get("/api/schema").status_code == 200


def test_requests_from_another_origin_or_host_are_refused(console: Console) -> None:
    query = {"cypher": "MATCH (n) RETURN count(n) AS n", "params": {}}
    with console.client(Origin="http://evil.example") as client:
        answer = client.post("/api/query", json=query)
        assert answer.status_code == 403 and "another origin" in answer.text
    with console.client(**{"Sec-Fetch-Site": "cross-site"}) as client:
        assert client.post("/api/query", json=query).status_code == 403
    with console.client(Host="evil.example") as client:  # DNS rebinding: a foreign name for 127.0.0.1
        assert client.get("/api/schema").status_code == 403
    with console.client(Origin=console.base) as client:
        assert client.post("/api/query", json=query).status_code == 200


def test_every_page_answer_carries_a_strict_content_security_policy(console: Console) -> None:
    with httpx.Client(base_url=console.base, timeout=30) as client:
        page = client.get(f"/?token={console.token}")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self';" in policy and "unsafe" not in policy
    assert "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["referrer-policy"] == "no-referrer" and page.headers["x-content-type-options"] == "nosniff"
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'content="{nonce}"' in page.text
    # no inline script, nothing from elsewhere
    assert "<script>" not in page.text and "http" not in page.text.replace("http-equiv", "")


@pytest.mark.parametrize("cypher", [
    "CREATE (n:Firm {id: 'new', name: 'New'}) RETURN n",
    "MATCH (n:Firm {id: 'deepseek'}) DETACH DELETE n",
    "MATCH (n:Firm {id: 'deepseek'}) SET n.name = 'x' RETURN n",
    "MERGE (n:Firm {id: 'deepseek'}) RETURN n",
    "CALL db.idx.fulltext.createNodeIndex('Firm', 'name')",
    "MATCH (n) CALL { WITH n DELETE n } RETURN 1",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
])
def test_a_write_is_refused_with_one_clear_line_and_changes_nothing(console: Console, cypher: str) -> None:
    before = _counts(console)
    with console.client() as client:
        answer = client.post("/api/query", json={"cypher": cypher, "params": {}})
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert "refused" in error and "read-only" in error and "\n" not in error
    assert _counts(console) == before


def test_the_store_itself_refuses_a_write_that_got_past_the_check(console_store: Path) -> None:
    """The second wall: reads go as GRAPH.RO_QUERY, which FalkorDB refuses to run as a write."""
    from kg.config import Settings
    from kg.errors import QueryError
    from kg.store import open_store

    # the console holds the store: ask for it through a second server on a copy would need the
    # lock; the wall is the store's own, so check it on an empty store of its own
    settings = Settings("embedded", console_store.parent / "second-wall", False)
    with open_store(settings) as store:
        with pytest.raises(QueryError, match="read-only"):
            store.read("CREATE (n:Firm {id: 'sneaky'}) RETURN n")


def test_a_query_that_would_run_for_minutes_is_stopped_at_the_time_limit(console: Console) -> None:
    before = _counts(console)
    started = time.monotonic()
    with console.client() as client:
        answer = client.post("/api/query", json={"cypher": "MATCH (a), (b), (c), (d) RETURN count(*) AS n",
                                                 "params": {}})
        waited = time.monotonic() - started
        assert answer.status_code == 408 and "time limit" in answer.json()["error"]
        assert waited < SERVE_TIMEOUT + 10  # the store's limit, plus the console's grace at most
        assert client.get("/api/schema").status_code == 200  # the server goes on
    assert _counts(console) == before


def test_rows_past_the_row_limit_are_cut_and_said_to_be(console: Console) -> None:
    with console.client() as client:
        body = client.post("/api/query", json={"cypher": "UNWIND range(1, 5000) AS x RETURN x", "params": {}}).json()
    assert len(body["rows"]) == SERVE_ROWS and body["truncated"] is True
    assert body["rows"][:3] == [{"x": 1}, {"x": 2}, {"x": 3}]


def test_values_json_cannot_say_are_sent_as_text(console: Console) -> None:
    with console.client() as client:
        answer = client.post("/api/query", json={"cypher": "RETURN 0.0 / 0.0 AS nan, 1.0 / 0.0 AS inf, 1.5 AS x",
                                                 "params": {}})
    assert answer.status_code == 200 and answer.json()["rows"] == [{"nan": "nan", "inf": "inf", "x": 1.5}]


def test_parameters_are_passed_as_parameters_never_spliced(console: Console) -> None:
    cypher = "MATCH (f:Firm) WHERE f.id = $id RETURN f.name AS name"
    with console.client() as client:
        found = client.post("/api/query", json={"cypher": cypher, "params": {"id": "deepseek"}}).json()
        assert found["rows"] == [{"name": "DeepSeek"}]
        sneaky = client.post("/api/query", json={"cypher": cypher, "params": {"id": "x' OR 1=1 //"}}).json()
        assert sneaky["rows"] == []
        for bad in ([1, 2], "id=deepseek", {"no space": 1}):
            answer = client.post("/api/query", json={"cypher": cypher, "params": bad})
            assert answer.status_code == 400 and "parameter" in answer.json()["error"]
        broken = client.post("/api/query", content=b"{not json", headers={"Content-Type": "application/json"})
        assert broken.status_code == 400 and "not JSON" in broken.json()["error"]
        syntax = client.post("/api/query", json={"cypher": "MATCH (n RETURN n", "params": {}})
        error = syntax.json()["error"]  # the store's own message, on one line
        assert syntax.status_code == 400 and "\n" not in error
        assert "Invalid input 'R'" in error and "line: 1, column: 10" in error, error


def test_a_pack_answers_exactly_as_kg_query_does(console: Console, expected_holdings: list[dict]) -> None:
    with console.client() as client:
        body = client.post("/api/pack", json={"name": "firm-holdings", "params": {"id": "DeepSeek"}}).json()
        assert body["rows"] == expected_holdings and len(expected_holdings) > 3
        assert body["title"].startswith("Which chips")
        unknown = client.post("/api/pack", json={"name": "firm-holdings", "params": {"id": "no-such-firm-x"}})
        assert unknown.status_code == 400 and "no-such-firm-x" in unknown.json()["error"]
        packs = client.get("/api/packs").json()["packs"]
    holdings = next(p for p in packs if p["name"] == "firm-holdings")
    assert {"name": "id", "default": "deepseek", "type": "entity"} in holdings["params"]


def test_the_schema_lists_the_graphs_labels_and_types_for_completion(console: Console) -> None:
    with console.client() as client:
        schema = client.get("/api/schema").json()
    assert {"Firm", "Chip", "Claim", "Document"} <= set(schema["labels"])
    assert {"HOLDS", "SOURCED_FROM", "CONTROLS"} <= set(schema["relationshipTypes"])
    assert {"id", "name", "quote"} <= set(schema["propertyKeys"])
    assert schema["styles"]["Firm"]["colour"] == "#4e79a7"  # from queries/style.grass


def test_a_claim_names_its_quote_document_and_passage(console: Console) -> None:
    with console.client() as client:
        claim = client.post("/api/query", json={
            "cypher": "MATCH (c:Claim)-[:SOURCED_FROM]->(:Passage) RETURN c.id AS id, c.quote AS quote "
                      "ORDER BY c.id LIMIT 1", "params": {}}).json()["rows"][0]
        source = client.post("/api/claim", json={"id": claim["id"]}).json()
        assert source["quote"] == claim["quote"] and source["document"] and source["passage"].startswith(
            source["document"] + "#")
        assert claim["quote"] in source["passage_text"]
        assert client.post("/api/claim", json={"id": "no-such-claim"}).status_code == 400


def _held(out: str) -> list[tuple]:
    return [(r["firm"], r["chip"], r["quantity"]) for r in json.loads(out)]


def test_while_it_runs_kg_query_goes_through_it_others_hear_the_store_is_busy_and_ctrl_c_releases_it(
        tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text("# A\n\nDeepSeek holds 500 H800 GPUs.\n")
    data = tmp_path / "data"
    assert kg(data, "load", str(corpus)).returncode == 0
    alone = kg(data, "query", "firm-holdings", "--param", "id=DeepSeek", "--format", "json")
    console = start_console(data, "--max-rows", "3")
    try:
        assert (data / "console.json").stat().st_mode & 0o077 == 0  # its token: the owner's alone
        through = kg(data, "query", "firm-holdings", "--param", "id=DeepSeek", "--format", "json",
                     KG_LOCK_TIMEOUT="0.5")
        assert through.returncode == 0 and through.stdout == alone.stdout
        assert _held(through.stdout) == [("deepseek", "h800", 500)]  # the one holding the corpus states
        cypher = kg(data, "cypher", "MATCH (f:Firm {id: $id}) RETURN f.name AS name", "--param", "id=deepseek",
                    "--format", "json", KG_LOCK_TIMEOUT="0.5")
        assert cypher.returncode == 0 and json.loads(cypher.stdout) == [{"name": "DeepSeek"}]
        many = kg(data, "cypher", "UNWIND range(1, 10) AS x RETURN x", KG_LOCK_TIMEOUT="0.5")
        assert many.returncode == 1 and "more than the 3 rows" in many.stderr
        write = kg(data, "cypher", "CREATE (n:Firm {id: 'x'})", KG_LOCK_TIMEOUT="0.5")
        assert write.returncode == 1 and "read-only" in write.stderr
        bad = kg(data, "query", "firm-holdings", "--param", "id=nobody-at-all", KG_LOCK_TIMEOUT="0.5")
        assert bad.returncode == 1 and bad.stderr.startswith("Error: ") and "nobody-at-all" in bad.stderr
        busy = kg(data, "load", str(corpus), KG_LOCK_TIMEOUT="0.5")
        assert busy.returncode == 2 and "store busy" in busy.stderr
    finally:
        assert stop_console(console) == 0
    assert "stopped" in (console.process.stdout.read() if console.process.stdout else "")
    assert not (data / "console.json").exists()
    after = kg(data, "cypher", "MATCH (f:Firm {id: 'deepseek'}) RETURN f.name AS name", "--format", "json")
    assert after.returncode == 0 and json.loads(after.stdout) == [{"name": "DeepSeek"}]


def test_the_address_a_killed_console_left_is_ignored(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text("# A\n\nDeepSeek holds 500 H800 GPUs.\n")
    data = tmp_path / "data"
    assert kg(data, "load", str(corpus)).returncode == 0
    console = start_console(data)
    console.process.kill()  # no Ctrl-C: console.json stays behind
    console.process.wait(timeout=30)
    assert (data / "console.json").exists()
    done = kg(data, "cypher", "MATCH (f:Firm {id: 'deepseek'}) RETURN f.name AS name", "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout) == [{"name": "DeepSeek"}]
    # its pid taken by a live process (this one), its port by nobody: the store is used all the same
    (data / "console.json").write_text(json.dumps({"url": "http://127.0.0.1:9", "token": "t", "pid": os.getpid()}))
    done = kg(data, "query", "firm-holdings", "--param", "id=deepseek", "--format", "json")
    assert done.returncode == 0 and _held(done.stdout) == [("deepseek", "h800", 500)]


def test_a_port_in_use_is_one_clear_line(console: Console, tmp_path: Path) -> None:
    port = console.base.rsplit(":", 1)[1]
    done = kg(tmp_path / "other", "serve", "--port", port)
    assert done.returncode == 1 and done.stderr.startswith("Error: cannot listen on 127.0.0.1:" + port)
    assert "Traceback" not in done.stderr
