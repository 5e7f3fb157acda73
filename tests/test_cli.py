"""The command line as a user meets it: one clear error line, exit codes, JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.paths import seeds_dir


def _table(out: str) -> dict[str, int]:
    """The rows of a two-column table as rich draws it (`│ name │ number │`): name -> number."""
    rows = {}
    for line in out.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("│").split("│")]
        if len(cells) == 2 and cells[1].isdigit():
            rows[cells[0]] = int(cells[1])
    return rows


def _count(kg_cli, cypher: str) -> int:
    counted = kg_cli("cypher", cypher, "--format", "json")
    assert counted.code == 0, counted.err
    [row] = json.loads(counted.out)
    return row["n"]


def test_load_then_count_documents_as_json(kg_cli) -> None:
    seeds = len(list(seeds_dir().glob("*.txt")))
    loaded = kg_cli("load", str(seeds_dir()))
    assert loaded.code == 0, loaded.err
    first = _table(loaded.out)
    assert (first["documents read"], first["changed (loaded)"], first["skipped (unchanged)"],
            first["failed"]) == (seeds, seeds, 0, 0), loaded.out
    counted = kg_cli("cypher", "MATCH (d:Document) RETURN count(d) AS n", "--format", "json")
    assert counted.code == 0, counted.err
    assert counted.out.strip() == f'[{{"n": {seeds}}}]'
    # what the report says it wrote is what the store holds
    assert first["passages"] == _count(kg_cli, "MATCH (p:Passage) RETURN count(p) AS n")
    assert first["claims"] == _count(kg_cli, "MATCH (c:Claim) RETURN count(c) AS n")
    again = kg_cli("load", str(seeds_dir()))
    assert again.code == 0, again.err
    second = _table(again.out)
    assert (second["documents read"], second["changed (loaded)"], second["skipped (unchanged)"],
            second["passages"], second["nodes written"]) == (seeds, 0, seeds, 0, 0), again.out


def _file(name: str, data: bytes):
    def make(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return folder / name
    return make


def _folder(folder: Path) -> Path:
    (folder / "empty").mkdir()
    return folder / "empty"


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing", "no such file or directory"),
    (_folder, "no documents"),
    (_file("bin.md", b"\x00\x01\x02\x03" * 50), "binary file"),
    (_file("latin.md", b"\xff\xfe\xfa\xfb\x80 \xc3\x28"), "neither UTF-8 nor CP949"),
    (_file("x.docx", b"PK\x03\x04"), "not a document type"),
    (_file("x.pdf", b"%PDF-1.4"), "broken or truncated PDF"),
    (_file("page.html", b"<html><body><script>x()</script></body></html>"), "no main text found"),
])
def test_bad_input_gives_one_clear_line_and_a_non_zero_exit(kg_cli, tmp_path: Path, make, message) -> None:
    target = make(tmp_path)
    result = kg_cli("load", str(target))
    assert result.code == 1
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], result.err
    assert "Traceback" not in result.err


def test_unknown_store_scheme_is_a_clear_error(kg_cli) -> None:
    result = kg_cli("--store", "ftp://x", "status")
    assert result.code == 1 and _one_error_line(result) == (
        "Error: unknown store 'ftp://x' (hint: use 'embedded', neo4j://host:7687, bolt://…, "
        "neo4j+s://…, or redis://host:port)")


def test_an_unreachable_neo4j_fails_fast_with_exit_code_2(kg_cli) -> None:
    import time

    start = time.monotonic()
    result = kg_cli("--store", "bolt://127.0.0.1:1", "status", NEO4J_PASSWORD="x")
    assert time.monotonic() - start < 5  # the process start included
    assert result.code == 2 and result.err.startswith("Error: cannot reach Neo4j at bolt://127.0.0.1:1")
    assert len(result.err.strip().splitlines()) == 1


def test_status_reports_the_store_and_its_counts(kg_cli) -> None:
    assert kg_cli("load", str(seeds_dir())).code == 0
    result = kg_cli("status", COLUMNS="1000")  # the data dir's path on one line
    assert result.code == 0, result.err
    assert f"kind: embedded falkordb\nlocation: {kg_cli.data_dir}\n" in result.out
    counts = _table(result.out)
    labels = {k[1:-1]: v for k, v in counts.items() if k.startswith("(")}
    types = {k[2:-1]: v for k, v in counts.items() if k.startswith("[:")}
    assert labels["Document"] == len(list(seeds_dir().glob("*.txt")))
    # every count is the store's own (and nothing the store holds is left out)
    stored = json.loads(kg_cli("cypher", "MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n",
                               "--format", "json").out)
    assert labels == {r["label"]: r["n"] for r in stored}
    stored = json.loads(kg_cli("cypher", "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n",
                               "--format", "json").out)
    assert types == {r["type"]: r["n"] for r in stored}


def test_global_options_may_follow_the_command(kg_cli, tmp_path: Path) -> None:
    data = tmp_path / "elsewhere"
    result = kg_cli("load", str(seeds_dir()), "--data-dir", str(data))
    assert result.code == 0, result.err
    assert (data / "appendonlydir").is_dir()
    assert kg_cli("cypher", "MATCH (d:Document) RETURN count(d) AS n", "--format", "json",
                  data_dir=data).out.strip() == '[{"n": 2}]'


def _one_error_line(result) -> str:
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.err, result.err
    return lines[0]


@pytest.mark.parametrize("args", [
    ("query", "firm-holdings"),
    ("cypher", "MATCH (n) RETURN count(n) AS n"),
    ("view", "--entity", "deepseek", "-o", "never.html"),
])
def test_a_fresh_data_dir_says_the_store_is_empty_and_to_run_kg_load(kg_cli, args) -> None:
    result = kg_cli(*args)
    assert result.code == 1
    assert _one_error_line(result) == (
        f"Error: the store at {kg_cli.data_dir} is empty: nothing has been loaded yet "
        "(hint: run `kg load PATH` first, e.g. `kg load seeds/` in a checkout)")


def test_help_shows_flags_as_flags(kg_cli) -> None:
    result = kg_cli("--help")
    debug = [line for line in result.out.splitlines() if line.strip().startswith("--debug")]
    assert result.code == 0 and debug and debug[0].split()[:2] == ["--debug", "Show"], result.out


@pytest.mark.parametrize("variable, value", [
    ("KG_MAX_DOCUMENT_BYTES", "abc"), ("KG_LOCK_TIMEOUT", "-3"), ("KG_SERVER_TIMEOUT", "nan"),
])
def test_a_malformed_environment_variable_is_one_line_naming_it(kg_cli, variable, value) -> None:
    result = kg_cli("load", str(seeds_dir()), **{variable: value})
    assert result.code == 1
    assert _one_error_line(result).startswith(
        f"Error: environment variable {variable}={value!r} is not a number >= "), result.err


@pytest.mark.parametrize("uri, code, start", [
    ("bolt://neo:s3cretPW@127.0.0.1:1", 2, "Error: cannot reach Neo4j at "),  # unreachable store: 2
    ("redis://u:s3cretPW@127.0.0.1:1", 2, "Error: cannot reach FalkorDB at "),
    ("ftp://u:s3cretPW@host", 1, "Error: unknown store "),  # a bad request: 1
])
def test_a_store_password_in_the_uri_is_never_echoed(kg_cli, uri, code, start) -> None:
    result = kg_cli("--store", uri, "status")
    line = _one_error_line(result)
    assert result.code == code and "s3cretPW" not in result.err + result.out
    masked = uri.replace("s3cretPW", "***")
    assert line.startswith(start) and masked in line, line


def test_query_pages_with_limit_and_skip_and_says_how_to_get_the_next(kg_cli) -> None:
    assert kg_cli("load", str(seeds_dir())).code == 0
    whole = kg_cli("query", "claims-about", "--param", "id=deepseek", "--format", "json", "--limit", "1000")
    first = kg_cli("query", "claims-about", "--param", "id=deepseek", "--format", "json", "--limit", "2")
    second = kg_cli("query", "claims-about", "--param", "id=deepseek", "--format", "json", "--limit", "2",
                    "--skip", "2")
    rows = json.loads(whole.out)
    assert len(rows) > 4  # a third page exists, so the second page names the next one
    assert json.loads(first.out) == rows[:2] and json.loads(second.out) == rows[2:4]
    assert "--skip 2 for the next page" in first.err and "--skip 4" in second.err
    assert "next page" not in whole.err
    bad = kg_cli("query", "chip-lineage", "--limit", "5")
    assert (bad.code, bad.err.strip()) == (1, "Error: pack 'chip-lineage' has no parameter limit; "
                                               "its parameters: id")
