"""Claims from text: roles, qualifiers, attribution, candidates, and the facts the seeds state."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg import ontology
from kg.documents.model import Document
from kg.documents.passages import split_passages
from kg.extract import extract


def _claims(text: str, lang: str) -> list[dict]:
    doc = Document("t", "t.md", text, "0", lang, published=dt.date(2025, 1, 10), passages=split_passages("t", text))
    return [dict(n.props) for n in extract(doc, ontology.load()).nodes if n.label == "Claim"]


def test_korean_holding_with_qualifier_and_attribution() -> None:
    text = "SemiAnalysis에 따르면 텐센트는 약 30,000개의 H20에 접근할 수 있다."
    doc = Document("t", "t.md", text, "0", "ko", passages=split_passages("t", text))
    batch = extract(doc, ontology.load())
    node = [n for n in batch.nodes if n.label == "Claim"][0]
    claim = node.props
    assert (claim["subject"], claim["object"], claim["value"], claim["qualifier"]) == ("tencent", "h20", 30000, "approx")
    assert any(e.type == "ATTRIBUTED_TO" and e.dst.id == "semianalysis" for e in batch.edges)
    assert any(e.type == "HOLDS" and e.props["claims"] == [node.id] for e in batch.edges)


@pytest.mark.parametrize("text, qualifier", [
    ("Alibaba holds more than 5,000 H20 GPUs.", "at_least"), ("Alibaba holds up to 5,000 H20 GPUs.", "at_most"),
    ("Alibaba holds roughly 5,000 H20 GPUs.", "approx"), ("Alibaba holds only 5,000 H20 GPUs.", "exact"),
])
def test_english_qualifiers(text: str, qualifier: str) -> None:
    assert _claims(text, "en")[0]["qualifier"] == qualifier


def test_an_unknown_firm_becomes_a_candidate_and_the_fact_is_kept() -> None:
    text = "Kestrel Silicon bought 4,000 H20 GPUs in March 2025."
    doc = Document("t", "t.md", text, "0", "en", passages=split_passages("t", text))
    batch = extract(doc, ontology.load())
    candidate = [n for n in batch.nodes if n.props.get("status") == "candidate"][0]
    assert (candidate.label, candidate.id, candidate.props["name"]) == ("Firm", "kestrel-silicon", "Kestrel Silicon")
    claim = [n.props for n in batch.nodes if n.label == "Claim"][0]
    assert claim["subject"] == "kestrel-silicon" and claim["date"] == dt.date(2025, 3, 1)


@pytest.mark.parametrize("text", ["바이두는 2023년 13월에 H20 999조조개를 구매했다.", "텐센트는 13월에 설립되었다.",
                                  "'}) DETACH DELETE n // bought 5 H20 GPUs"])
def test_malformed_input_yields_no_claim_and_no_crash(text: str) -> None:
    claims = _claims(text, "ko")
    assert all(c.get("value") not in (999e12,) for c in claims)
    assert not [c for c in claims if c["kind"] == "founded"]


def test_the_seed_graph_answers_the_questions_with_quotes(seeded) -> None:
    def one(query: str, **params) -> list[dict]:
        return seeded.read(query, params)

    holds = one("MATCH (:Firm {id: 'deepseek'})-[h:HOLDS]->(c:Chip) RETURN c.id AS chip, h.latest_quantity AS q")
    assert {(r["chip"], r["q"]) for r in holds} >= {("h800", 10000), ("h100", 10000), ("hopper", 50000)}
    hopper = one("MATCH (c:Claim {subject: 'deepseek', object: 'hopper'})-[:ATTRIBUTED_TO]->(s) "
                 "RETURN s.id AS s, c.quote AS quote, c.qualifier AS qual")
    assert hopper[0]["s"] == "semianalysis" and hopper[0]["qual"] == "approx" and "50,000" in hopper[0]["quote"]
    a100 = one("MATCH (:Firm {id: 'high-flyer'})-[a:ACQUIRED]->(:Chip {id: 'a100'}) RETURN a.latest_quantity AS q, a.latest_date AS d")
    assert {(r["q"], r["d"]) for r in a100} == {(10000, dt.date(2021, 1, 1))}
    trained = one("MATCH (:AIModel {id: 'deepseek-v3'})-[t:TRAINED_ON]->(:Chip {id: 'h800'}) RETURN t.latest_quantity AS q")
    assert trained == [{"q": 2048}]
    spin = one("MATCH (:Firm {id: 'deepseek'})-[s:SPUN_OFF_FROM]->(:Firm {id: 'high-flyer'}) RETURN s.latest_date AS d")
    assert spin == [{"d": dt.date(2023, 5, 1)}]
    metrics = one("MATCH (c:Claim) WHERE c.quote IS NOT NULL RETURN c.subject AS s, c.metric AS m, c.value AS v")
    found = {(r["s"], r["m"], r["v"]) for r in metrics}
    assert {("deepseek-v3", "parameters", 671e9), ("deepseek-v3", "training_cost", 6e6),
            ("deepseek-v3", "training_cost", 5.5e6), ("deepseek", "server_capex", 1.6e9),
            ("deepseek", "operating_cost", 944e6), ("high-flyer", "spending", 137e6)} <= found


def test_kg_eval_finds_the_key_facts_of_the_seeds_and_of_our_own_texts(kg_cli) -> None:
    # in-sample texts: the seed gold lists the seeds' key facts, not every figure, so only recall is held
    seeds = kg_cli("eval", "tests/gold/seeds", "--min-recall", "0.95")
    assert seeds.code == 0, seeds.out
    assert "overall" in seeds.out
    own = kg_cli("eval", "tests/gold/own", "--min-recall", "0.7")
    assert own.code == 0, own.out


def test_a_latin_name_in_korean_text_becomes_a_candidate() -> None:
    claims = _claims("Teraspeed는 2025년 1월 H20 GPU 3,000개를 구매했다.", "ko")
    assert [(c["subject"], c["object"], c["value"]) for c in claims] == [("teraspeed", "h20", 3000)]


def test_an_unknown_korean_proper_noun_becomes_a_candidate_and_common_nouns_do_not() -> None:
    claims = _claims("케스트렐실리콘은 2025년 1월 H20 GPU 3,000개를 구매했다.", "ko")
    assert [(c["subject"], c["value"]) for c in claims] == [("케스트렐실리콘", 3000)]
    assert _claims("서버는 H20 GPU 200개를 구매했다.", "ko") == []
    assert _claims("이들은 H20 GPU 300개를 구매했다.", "ko") == []


def test_kg_eval_logs_a_scoring_with_its_figures_from_the_counts(kg_cli, tmp_path: Path) -> None:
    gold_dir = tmp_path / "split"
    gold_dir.mkdir()
    (gold_dir / "t.md").write_text("---\nlang: en\n---\nAlibaba holds about 5,000 H20 GPUs.\n", encoding="utf-8")
    fact = "  - {kind: holds_chips, subject: Alibaba, object: NVIDIA H20, value: %d, unit: GPU}\n"
    (gold_dir / "g.gold.yaml").write_text("document: t.md\nfacts:\n" + fact % 5000 + fact % 7000, encoding="utf-8")
    log = tmp_path / "log.md"
    assert kg_cli("eval", str(gold_dir), "--log", str(log)).code == 0
    assert "| P 1.00 R 0.50 (2 facts) | en P 1.00 R 0.50 (2 facts) |" in log.read_text(encoding="utf-8")
