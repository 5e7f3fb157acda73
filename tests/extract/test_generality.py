"""Forms real articles use that the seeds do not: plurals, clauses, voices, reporting verbs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from kg import ontology
from kg.documents.model import Document
from kg.documents.passages import split_passages
from kg.eval import evaluate
from kg.extract import extract
from kg.extract.gazetteer import Gazetteer
from kg.graph import GraphBatch

GAZETTEER = Gazetteer(ontology.load())


def _batch(text: str, lang: str) -> GraphBatch:
    doc = Document("t", "t.md", text, "0", lang, published=dt.date(2025, 1, 10), passages=split_passages("t", text))
    return extract(doc, ontology.load())


def _facts(text: str, lang: str) -> list[tuple]:
    claims = [n.props for n in _batch(text, lang).nodes if n.label == "Claim"]
    return [(c["kind"], c["subject"], c.get("object"), c.get("value"), c["qualifier"]) for c in claims]


@pytest.mark.parametrize("text, ident, surface", [
    ("bought 2,048 H800s", "h800", "H800s"), ("holds 200,000 Hopper GPUs.", "hopper", "Hopper GPUs"),
    ("A100s and", "a100", "A100s"),
])
def test_english_plurals_of_chip_names_are_mentions(text: str, ident: str, surface: str) -> None:
    assert [(m.id, m.surface) for m in GAZETTEER.find(text)] == [(ident, surface)]


@given(st.sampled_from(["H100", "A100", "H800", "H20"]), st.text(alphabet="abcXYZ019", min_size=1, max_size=3))
def test_a_plural_never_opens_a_longer_token(code: str, glue: str) -> None:
    assert GAZETTEER.find(code + "s" + glue) == []


def test_a_claim_takes_its_subject_from_its_own_clause() -> None:
    text = "DeepSeek-R1 has 671B parameters, and the final training run of DeepSeek-V3 cost about $5.6 million."
    assert set(_facts(text, "en")) == {("other_event", "deepseek-r1", None, 671e9, "exact"),
                                       ("cost_or_spend", "deepseek-v3", None, 5.6e6, "approx")}


def test_the_subject_of_a_reporting_verb_is_the_source_not_the_topic() -> None:
    batch = _batch("알리바바는 약 3만 개의 H800을 보유하고 있다고 SemiAnalysis는 추정한다.", "ko")
    claim = next(n for n in batch.nodes if n.label == "Claim")
    assert (claim.props["subject"], claim.props["object"], claim.props["value"]) == ("alibaba", "h800", 30000)
    assert [e.dst.id for e in batch.edges if e.type == "ATTRIBUTED_TO"] == ["semianalysis"]


@pytest.mark.parametrize("text, lang", [
    ("DeepSeek was spun off from High-Flyer in May 2023.", "en"),
    ("High-Flyer spun off DeepSeek in May 2023.", "en"),
    ("딥시크는 2023년 5월 하이플라이어에서 분사했다.", "ko"),
])
def test_spin_offs_in_either_voice(text: str, lang: str) -> None:
    batch = _batch(text, lang)
    claims = {n.id: n.props for n in batch.nodes if n.label == "Claim"}
    edges = [(e.src.id, e.dst.id, claims[e.props["claims"][0]]["as_of"]) for e in batch.edges
             if e.type == "SPUN_OFF_FROM"]
    assert edges == [("deepseek", "high-flyer", dt.date(2023, 5, 1))]


def test_coordinated_values_share_a_qualifier_and_separate_sentences_do_not() -> None:
    assert {f[4] for f in _facts("Tencent holds about 5,000 H800s and 3,000 H20s.", "en")} == {"approx"}
    assert {f[4] for f in _facts("딥시크는 약 10,000개의 H800과 10,000개의 H100에 접근할 수 있다.", "ko")} == {"approx"}
    assert [f[4] for f in _facts("Tencent holds about 5,000 H800s. Baidu holds 3,000 H20s.", "en")] == ["approx", "exact"]


def test_a_count_of_unnamed_gpus_is_a_claim_without_an_object_or_edge() -> None:
    batch = _batch("딥시크는 10,000개 이상의 GPU에 접근할 수 있다.", "ko")
    assert [(c.props["subject"], c.props.get("object"), c.props["qualifier"]) for c in batch.nodes
            if c.label == "Claim"] == [("deepseek", None, "at_least")]
    assert not [e for e in batch.edges if e.type == "HOLDS"]


def test_an_unknown_model_becomes_a_candidate_model() -> None:
    batch = _batch("Moonshot AI was founded in March 2023. Its Lumen k1.5 model was trained on 3,000 H800s.", "en")
    candidate = next(n for n in batch.nodes if n.props.get("status") == "candidate")
    assert (candidate.label, candidate.id, candidate.props["name"]) == ("AIModel", "lumen-k1-5", "Lumen k1.5")
    claims = {n.id: n.props for n in batch.nodes if n.label == "Claim"}
    assert [(e.src.id, e.dst.id, claims[e.props["claims"][0]]["value"]) for e in batch.edges
            if e.type == "TRAINED_ON"] == [("lumen-k1-5", "h800", 3000)]


def test_two_rules_reading_one_fact_give_one_claim() -> None:
    facts = _facts("The H20 is a cut-down version of the H100 with lower memory bandwidth.", "en")
    assert facts == [("chip_variant_of", "h20", "h100", None, "exact")]


def test_korean_passive_training_statement() -> None:
    assert _facts("딥시크 V3는 H800 GPU 2,048개로 학습되었다.", "ko") == [
        ("trained_on", "deepseek-v3", "h800", 2048, "exact")]


def test_eval_requires_the_unit_and_reports_a_wrong_qualifier(tmp_path: Path) -> None:
    (tmp_path / "t.md").write_text("---\nlang: en\n---\nAlibaba holds about 5,000 H20 GPUs.\n", encoding="utf-8")
    gold = "document: t.md\nfacts:\n  - {kind: holds_chips, subject: Alibaba, object: NVIDIA H20, value: 5000, unit: %s, qualifier: %s}\n"
    (tmp_path / "g.gold.yaml").write_text(gold % ("chips", "exact"), encoding="utf-8")
    result = evaluate(tmp_path)
    assert result.overall.found == 1 and result.details.found == 0  # found, but the qualifier is wrong
    (tmp_path / "g.gold.yaml").write_text(gold % ("USD", "approx"), encoding="utf-8")
    assert evaluate(tmp_path).overall.found == 0


def test_eval_resolves_a_new_name_through_the_names_the_article_writes_its_entity_with(tmp_path: Path) -> None:
    (tmp_path / "t.md").write_text("---\nlang: ko\n---\n바이두가 공개한 ‘원신-라이트’는 300억 개 파라미터 규모다.\n",
                                   encoding="utf-8")
    gold = ("document: t.md\nentities:\n  - {name: ERNIE Lite, type: model, aliases_in_text: [%s]}\n"
            "facts:\n  - {kind: other_event, subject: ERNIE Lite, value: 30000000000, unit: parameters}\n")
    (tmp_path / "g.gold.yaml").write_text(gold % "원신-라이트", encoding="utf-8")
    assert evaluate(tmp_path).overall.found == 1
    (tmp_path / "g.gold.yaml").write_text(gold % "원신", encoding="utf-8")
    assert evaluate(tmp_path).overall.found == 0


@pytest.mark.parametrize("text, lang", [
    ("Moonshot released its Kimi K2 model in July.", "en"),
    ("문샷은 지난 7월 새 AI 모델 키미 K2를 공개했다.", "ko"),
])
def test_a_firm_that_releases_a_model_developed_it(text: str, lang: str) -> None:
    batch = _batch(text, lang)
    assert [(e.src.id, e.dst.id) for e in batch.edges if e.type == "DEVELOPED"] == [("moonshot", "kimi-k2")]


@pytest.mark.parametrize("text, lang", [
    ("Moonshot trained Kimi K2 on H800 chips instead of the H100.", "en"),
    ("문샷은 키미 K2 학습에 H100 대신 H800을 이용했다.", "ko"),
])
def test_a_model_trained_on_a_chip_and_not_on_its_alternative(text: str, lang: str) -> None:
    batch = _batch(text, lang)
    assert [(e.src.id, e.dst.id) for e in batch.edges if e.type == "TRAINED_ON"] == [("kimi-k2", "h800")]


def test_a_figureless_fact_holds_for_each_name_of_a_list() -> None:
    batch = _batch("Zhipu AI is a Beijing startup backed by Alibaba Group, Tencent and Meituan.", "en")
    funders = sorted(e.dst.id for e in batch.edges if e.type == "FUNDED_BY")
    assert funders == ["alibaba", "meituan", "tencent"]



@pytest.mark.parametrize("text, lang, inside", [
    ("Zhipu trained it on 2,000 NVIDIA H800 GPUs.", "en", {("Chip", "h800"), ("Firm", "nvidia")}),
    ("도널드 트럼프 행정부는 새 규정을 내놓았다.", "ko", {("Agency", "trump-administration"), ("Person", "donald-trump")}),
])
def test_the_maker_or_president_that_opens_a_known_name_is_mentioned_too(text: str, lang: str, inside: set) -> None:
    mentions = {(e.dst.label, e.dst.id) for e in _batch(text, lang).edges if e.type == "MENTIONS"}
    assert inside <= mentions
