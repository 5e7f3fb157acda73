"""Chip spec sheets and enforcement sums as real articles write them: a bus width, a die's area,
streaming multiprocessors, a labelled list line, an architecture line among a chip's specs, the
figure of the version a chip replaced; a sum "against" its payer; a clause whose named subject is
of another type than the figure's metric takes."""

from __future__ import annotations

import datetime as dt

import pytest

from kg import ontology
from kg.documents.model import Document
from kg.documents.passages import split_passages
from kg.eval import resolve
from kg.extract import extract
from kg.extract.numbers import finder


def _claims(text: str, lang: str = "en") -> list[tuple]:
    doc = Document("t", "t.md", text, "0", lang, published=dt.date(2025, 9, 1), passages=split_passages("t", text))
    claims = [n.props for n in extract(doc, ontology.load()).nodes if n.label == "Claim"]
    return sorted(((c["subject"], c["metric"], c.get("value"), c.get("unit")) for c in claims), key=str)


@pytest.mark.parametrize("text, lang", [
    ("The RTX 5090 pairs its memory with a 512-bit bus.", "en"),
    ("RTX 5090은 512비트 메모리 버스를 갖췄다.", "ko"),
])
def test_a_memory_bus_width_is_a_spec_of_the_chip(text: str, lang: str) -> None:
    assert _claims(text, lang) == [("rtx-5090", "chip_bus_width", 512, "bit")]


def test_a_bit_width_without_a_bus_is_no_spec() -> None:
    assert _claims("The H20 runs its weights in 8-bit precision.") == []


def test_a_die_area_is_a_spec_of_the_chip() -> None:
    assert _claims("The B200 spreads across a 1,600 mm² package.") == [("b200", "chip_die_area", 1600, "mm2")]


def test_streaming_multiprocessors_are_counted() -> None:
    assert _claims("In the end the RTX 4090D keeps only 114 SMs.") == [("rtx-4090d", "chip_sms", 114, "SM")]


def test_a_spec_line_label_names_what_its_bare_count_counts() -> None:
    text = "The RTX 5090D is sold only in China.\n\n- Tensor Cores: 680\n"
    assert _claims(text) == [("rtx-5090d", "chip_cores", 680, "cores")]


def test_an_architecture_line_does_not_take_the_specs_of_the_chip_the_list_is_about() -> None:
    text = ("The RTX 5090D V2 replaced the first China edition this summer. Its specs:\n"
            "- Architecture: Blackwell\n- Boost clock: 2.4 GHz\n")
    assert _claims(text) == [("rtx-5090d-v2", "chip_clock", 2.4, "GHz")]


def test_the_spec_of_the_version_a_chip_replaced_is_not_its_own() -> None:
    text = "The RTX 5090D V2 carries 24 GB of GDDR7 (down from 32 GB)."
    assert _claims(text) == [("rtx-5090d-v2", "chip_memory", 24, "GB")]


def test_a_chip_variant_named_alone_is_that_variant() -> None:
    text = "Huawei showed its new Ascend line. The 950DT model carries 144 GB of HBM."
    assert _claims(text) == [("ascend-950dt", "chip_memory", 144, "GB")]


def test_a_penalty_against_a_firm_is_the_firms() -> None:
    text = "Past cases include a $140 million penalty against Cadence."
    assert _claims(text) == [("cadence", "penalty", 140e6, "USD")]


def test_a_clause_that_names_an_agency_as_subject_gives_no_firm_its_sum() -> None:
    text = ("Nvidia shipped the chips through Malaysia.\n\n"
            "The Commerce Department collected about $300 million in penalties last year.")
    assert all(subject != "nvidia" for subject, *_ in _claims(text))


def test_an_agency_that_announces_a_sum_keeps_it_from_the_topic_firm() -> None:
    text = ("Nvidia shipped the chips through Malaysia.\n\n"
            "The Commerce Department announced roughly $310 million in penalties for the year.")
    assert all(subject != "nvidia" for subject, *_ in _claims(text))


def test_a_process_node_is_not_a_count_of_chips() -> None:
    assert _claims("Rumours say SMIC could make 3-nm chips for Huawei next year.") == []


def test_a_fractional_count_of_chips_is_no_fact() -> None:
    assert _claims("엔비디아는 성능 밀도가 2.4에서 6.1 사이인 칩을 공급했다.", "ko") == []


def test_the_first_month_of_a_range_is_no_quantity() -> None:
    found = finder("ko").find("올해 상반기(1~6월)에는 GPU 3000장을 들여온다.")
    assert [q.value for q in found] == [3000]


def test_ai_tops_is_compute() -> None:
    assert _claims("The RTX 4090D is rated at 1,180 AI TOPS.") == [("rtx-4090d", "chip_compute", 1180, "TFLOPS")]


def test_a_chip_named_with_its_maker_resolves_to_the_chip() -> None:
    assert "rtx-5090d" in resolve("NVIDIA RTX 5090D") and "rtx-5090d" not in resolve("NVIDIA RTX 5090")


def test_a_korean_price_per_unit_is_the_chips_price() -> None:
    assert _claims("장비 업계는 1대 당 3억 원에 달하는 H200 서버를 들여온다.", "ko") == [("h200", "chip_price", 3e8, "KRW")]


def test_a_plus_after_a_count_keeps_its_counted_noun() -> None:
    assert _claims("Last spring Baidu bought 20,000+ Nvidia H20 GPUs.") == [("baidu", "chips_acquired", 20000, "GPU")]


def test_a_model_using_gpus_was_trained_on_them() -> None:
    facts = _claims("Meta's Llama 3 took 40 days of work, using 8,192 H100 GPUs.")
    assert ("llama-3", "training_gpus", 8192, "GPU") in facts


def test_the_size_of_one_of_several_memory_parts_is_not_the_chips_memory() -> None:
    assert _claims("L40은 24개의 2GB GDDR6 칩을 달아 48GB 구성을 이룬다.", "ko") == [("l40", "chip_memory", 48, "GB")]


def test_a_research_house_that_raises_its_forecast_gives_no_firm_its_figure() -> None:
    text = "Cambricon sells to Chinese clouds. Bernstein raised its China AI chip market forecast to 50 billion dollars."
    assert _claims(text) == []


def test_a_benchmark_table_gives_each_model_column_its_score() -> None:
    text = ("Results on public tests:\n| Test | DeepSeek-V3 | Llama 3 |\n|---|---|---|\n"
            "| GSM8K | 90.1 | 84.7 |\n")
    assert _claims(text) == [("deepseek-v3", "benchmark_score", 90.1, "score"),
                             ("llama-3", "benchmark_score", 84.7, "score")]


def test_a_score_on_a_named_benchmark_is_the_models() -> None:
    assert _claims("In April DeepSeek-R1 reached 79.2 on AIME 2024.") == [("deepseek-r1", "benchmark_score", 79.2, "score")]


def test_korean_shaders_are_cores_and_a_bus_width_takes_a_particle() -> None:
    assert _claims("RTX 5090D는 21,760개 셰이더를 갖췄다.", "ko") == [("rtx-5090d", "chip_cores", 21760, "cores")]
    assert _claims("RTX 5090D의 메모리 버스는 512-bit로 유지됐다.", "ko") == [("rtx-5090d", "chip_bus_width", 512, "bit")]


def test_a_hyphened_unit_in_a_compound_modifier_is_the_figures_unit() -> None:
    assert _claims("Tencent plans a 20-exaflop computing network by 2027.") == [("tencent", "compute_capacity", 20e6, "TFLOPS")]


def test_a_singular_petaflop_is_compute() -> None:
    assert _claims("The Ascend 910C reaches one PetaFLOP of FP8 performance.") == [("ascend-910c", "chip_compute", 1000, "TFLOPS")]


def test_a_korean_comparison_base_three_nouns_before_boda_is_no_subject() -> None:
    facts = _claims("업계에 따르면 화웨이 칩 가격은 엔비디아 동급 제품 가격보다 30% 낮다.", "ko")
    assert facts == [("huawei", "percentage", 30, "percent")]


def test_a_name_between_a_sum_and_its_penalty_noun_pays_it() -> None:
    assert _claims("The list also holds a $30 million Applied Materials settlement.") == [
        ("applied-materials", "penalty", 30e6, "USD")]


def test_the_low_end_of_a_money_range_shares_the_high_ends_scale() -> None:
    doc_text = "Tencent will spend between $40 and $60 billion on AI servers next year."
    doc = Document("t", "t.md", doc_text, "0", "en", passages=split_passages("t", doc_text))
    claim = next(n.props for n in extract(doc, ontology.load()).nodes if n.label == "Claim")
    assert (claim["subject"], claim["value"], claim["value_max"], claim["unit"]) == ("tencent", 40e9, 60e9, "USD")


def test_the_last_member_of_a_list_after_a_preposition_is_no_subject() -> None:
    text = "The share of foreign GPUs (e.g., from Nvidia and AMD) could drop from 70% this year to 50% in 2026."
    assert all(subject not in ("amd", "nvidia") for subject, *_ in _claims(text))


def test_the_name_a_figure_trails_is_the_comparison_base() -> None:
    facts = _claims("Huawei's output trails TSMC's by roughly four times.")
    assert all(subject != "tsmc" for subject, *_ in facts)


def test_the_parts_of_a_figure_after_a_breakdown_word_share_its_fact() -> None:
    text = "딥시크는 V3 모델을 2만 개의 GPU로 학습했는데, 여기에는 'H800' 1만2천장, 'H20' 8천장이 들어갔다."
    facts = [f for f in _claims(text, "ko") if f[2] is not None]
    whole = next(subject for subject, _, value, _ in facts if value == 20000)
    assert {(whole, "training_gpus", 12000, "GPU"), (whole, "training_gpus", 8000, "GPU")} <= set(facts)


def test_a_sentence_opening_common_noun_is_no_part_of_a_new_name() -> None:
    assert _claims("Shares of Corvane Semiconductor rose 12% on their debut.") == [
        ("corvane-semiconductor", "percent_change", 12, "percent")]


def test_korean_funds_attracted_are_funds_raised() -> None:
    assert _claims("엔비디아는 지난해 20억 달러를 유치했다.", "ko") == [("nvidia", "funds_raised", 2e9, "USD")]


def test_a_korean_recipient_marked_before_the_figure_acquires_what_is_supplied() -> None:
    facts = _claims("엔비디아는 알리바바에 H20 칩 3만 개를 공급했다.", "ko")
    assert facts == [("alibaba", "chips_acquired", 30000, "GPU"), ("nvidia", "chips_supplied", 30000, "GPU")]


def test_korean_a_possessed_count_noun_is_the_figures_noun_not_a_new_subject() -> None:
    assert _claims("H20의 코어 수는 3,072개다.", "ko") == [("h20", "chip_cores", 3072, "cores")]


def test_korean_a_bare_figure_listed_before_a_counted_one_shares_its_noun_respectively() -> None:
    text = "H20과 L20은 각각 추론용이며 코어 수는 각각 1,024, 2,560개다."
    assert _claims(text, "ko") == [("h20", "chip_cores", 1024, "cores"), ("l20", "chip_cores", 2560, "cores")]
