"""One construction per test, in sentences of our own modelled on those real articles use: the
fact each yields (subject, metric, value, unit), or that it yields none."""

from __future__ import annotations

import datetime as dt

import pytest

from kg import ontology
from kg.documents.model import Document
from kg.documents.passages import split_passages
from kg.extract import analyse

PUBLISHED = dt.date(2025, 4, 16)  # a Wednesday


def facts(text: str, lang: str = "en", published: dt.date | None = PUBLISHED) -> list[dict]:
    doc = Document("t", "t.md", text, "0", lang, published=published, passages=split_passages("t", text))
    return [{"subject": f.subject.id, "metric": f.metric, "value": f.quantity.value, "unit": f.unit,
             "object": f.object.id if f.object else None, "qualifier": f.qualifier, "status": f.status,
             "date": f.date.iso if f.date else None, "recipient": f.recipient.id if f.recipient else None,
             "source": f.source.id if f.source else None}
            for s in analyse(doc, ontology.load()) for f in s.frames if f.ok]


def core(text: str, lang: str = "en") -> set[tuple]:
    return {(f["subject"], f["metric"], f["value"], f["unit"]) for f in facts(text, lang)}


# -- subjects -------------------------------------------------------------------------------------
def test_alias_without_hyphen_and_a_noun_cue_and_a_sentence_initial_year() -> None:
    found = facts("In 2020 the High Flyer fund made an investment in 4,000 A100 GPUs.")
    assert [(f["subject"], f["metric"], f["value"], f["unit"], f["object"], f["date"]) for f in found] == [
        ("high-flyer", "chips_acquired", 4000, "GPU", "a100", "2020")]


def test_a_definite_description_takes_the_paragraphs_firm() -> None:
    text = "Baidu is expanding its cloud. The company's total outlay on servers is about US$2.4 billion."
    assert core(text) == {("baidu", "spending", 2.4e9, "USD")}


def test_one_anaphoric_subject_serves_two_coordinated_figures_and_under_is_at_most() -> None:
    found = facts("DeepSeek-V3 is efficient. Its training bill came in under US$7 million and needed only 1,024 GPUs.")
    assert {(f["subject"], f["metric"], f["value"], f["qualifier"]) for f in found} == {
        ("deepseek-v3", "training_cost", 7e6, "at_most"), ("deepseek-v3", "training_gpus", 1024, "exact")}


def test_a_reporting_verb_passes_its_subject_to_the_pronoun_and_becomes_the_source() -> None:
    found = facts("AMD said on Tuesday it would book a charge of about $800 million.")
    assert [(f["subject"], f["metric"], f["value"], f["qualifier"], f["source"], f["date"]) for f in found] == [
        ("amd", "charge", 8e8, "approx", "amd", "2025-04-15")]


def test_a_possessive_names_the_subject() -> None:
    assert core("Nvidia's data-centre revenue rose to $30 billion.") == {("nvidia", "revenue", 3e10, "USD")}


def test_an_anaphor_that_reports_a_figure_is_its_subject() -> None:
    text = "Oracle grew in Japan. With licences approved during the Trump administration, the firm claims to hold 9,000 Nvidia GPUs."
    assert core(text) == {("oracle", "chips_held", 9000, "GPU")}


def test_in_a_comparison_the_name_before_at_owns_the_figure() -> None:
    text = "Qwen 3 is priced at $2 per million tokens, versus Google at $12 and OpenAI at $15."
    found = core(text)
    assert ("google", "price", 12, "USD") in found and ("openai", "price", 15, "USD") in found


def test_a_fronted_participles_subject_is_the_main_clauses() -> None:
    text = "After buying 12,000 H20 chips last year, Tencent slowed its orders."
    assert core(text) == {("tencent", "chips_acquired", 12000, "GPU")}


def test_possessors_before_counts_of_chips_hold_them_also_when_the_noun_is_shared() -> None:
    text = "The new cluster dwarfs Oracle's 30,000 and Baidu's 20,000 GPUs."
    assert core(text) == {("oracle", "chips_held", 30000, "GPU"), ("baidu", "chips_held", 20000, "GPU")}


def test_the_reporter_of_a_figure_is_its_subject_when_the_clause_names_no_other() -> None:
    assert ("smic", "revenue", 1.5e8, "USD") in core("SMIC reported net profit of $150 million.")


def test_a_sentence_naming_no_one_is_about_the_paragraphs_firm() -> None:
    text = "SMIC posted its results on Friday. Monthly capacity rose to 900,000 wafers."
    assert ("smic", "chips_produced", 900_000, "wafer") in core(text)


def test_a_name_before_a_bracketed_figure_is_its_subject() -> None:
    # the label before the colon ("Shares of ... market") makes it a share
    assert ("nvidia", "revenue_share", 80, "percent") in core("Shares of the accelerator market: Nvidia (80%), others.")


def test_a_new_firm_before_the_verb_is_a_candidate_subject() -> None:
    assert core("Kestrel Silicon bought 4,000 H20 GPUs.") == {("kestrel-silicon", "chips_acquired", 4000, "GPU")}


def test_a_supply_keeps_its_recipient() -> None:
    found = facts("NVIDIA shipped 1,000 H20 chips to ByteDance in June 2024.")
    assert [(f["subject"], f["metric"], f["object"], f["recipient"], f["date"]) for f in found] == [
        ("nvidia", "chips_supplied", "h20", "bytedance", "2024-06"),
        ("bytedance", "chips_acquired", "h20", None, "2024-06")]  # the buyer acquires them


def test_a_relative_clause_is_about_the_name_it_follows() -> None:
    assert core("Nvidia compared it with the Ascend 910B, which delivers 320 TFLOPS of FP16 compute.") == {
        ("ascend-910b", "chip_compute", 320, "TFLOPS")}


def test_a_list_of_firms_with_suffixes_and_longer_names_still_has_its_first_name_as_head() -> None:
    text = "Buyers such as Oracle Corporation, Alphabet Inc., Amazon Web Services and Meta Platforms will spend $90 billion."
    assert core(text) == {("oracle", "spending", 9e10, "USD")}


def test_a_figure_of_a_list_of_firms_goes_to_the_first_name() -> None:
    assert core("Microsoft, Meta and Alphabet together will spend $200 billion on data centres.") == {
        ("microsoft", "spending", 2e11, "USD")}


def test_a_possessor_of_a_name_is_no_topic_the_name_it_owns_is() -> None:
    text = ("The Commerce Department's Bureau of Industry and Security set new rules. "
            "Tier-two countries can receive up to 50,000 advanced GPUs.")
    assert core(text) == {("us-bis", "chip_cap", 50000, "GPU")}


@pytest.mark.parametrize("text, lang", [
    ("The Commerce Department said tier-two nations can import up to 30,000 GPUs.", "en"),
    ("미국 상무부는 새 규정을 내놓았다. 2등급 국가는 GPU를 3만 개까지 구입할 수 있다.", "ko"),
])
def test_chips_a_rule_lets_a_buyer_have_are_a_cap_not_a_purchase(text: str, lang: str) -> None:
    assert {(f["metric"], f["value"]) for f in facts(text, lang)} == {("chip_cap", 30000)}


@pytest.mark.parametrize("text, lang", [
    ("Tencent and Baidu bought 3,000 and 7,000 H20 chips respectively.", "en"),
    ("텐센트와 바이두는 각각 3천 개와 7천 개의 H20 칩을 샀다.", "ko"),
])
def test_respectively_gives_the_figures_of_a_list_to_its_names_in_order(text: str, lang: str) -> None:
    assert core(text, lang) == {("tencent", "chips_acquired", 3000, "GPU"), ("baidu", "chips_acquired", 7000, "GPU")}


def test_one_figure_for_each_of_a_list_of_names() -> None:
    assert core("텐센트와 바이두는 각각 5천 개의 H20 칩을 샀다.", "ko") == {
        ("tencent", "chips_acquired", 5000, "GPU"), ("baidu", "chips_acquired", 5000, "GPU")}


def test_a_later_name_of_a_list_is_no_topic() -> None:
    text = ("Moore Threads listed its shares. Its filing compares the firm with Hygon, Nvidia, AMD, and Qualcomm.\n\n"
            "Reporters noted the listing review lasted only 122 days.")
    assert core(text) == {("moore-threads", "duration", 122, "days")}


def test_a_sum_written_with_its_currency_code_is_no_name() -> None:
    text = "Revenue reached CNY700 million."
    doc = Document("t", "t.md", text, "0", "en", passages=split_passages("t", text))
    assert [m.surface for s in analyse(doc, ontology.load()) for m in s.mentions] == []


# -- specs ----------------------------------------------------------------------------------------
def test_chip_specs_become_facts_about_the_chip() -> None:
    assert core("The H20 carries 96 GB of HBM3 and 4.0 TB/s of memory bandwidth.") == {
        ("h20", "chip_memory", 96, "GB"), ("h20", "chip_memory_bandwidth", 4000, "GB/s")}


def test_tpp_and_interconnect_figures() -> None:
    assert core("The A800 has a TPP of 4,992 and a 400GB/s interconnect.") == {
        ("a800", "chip_tpp", 4992, "TPP"), ("a800", "chip_interconnect", 400, "GB/s")}


def test_a_spec_is_never_a_holding_of_the_previous_paragraphs_firm() -> None:
    text = "Tencent is a big buyer.\n\nThe H100 has 80 GB of memory."
    assert core(text) == {("h100", "chip_memory", 80, "GB")}


def test_a_chip_a_count_counts_is_no_later_figures_subject() -> None:
    text = "The Atlas 950 SuperPoD doubles the old figures: 9,000 Ascend 952 chips and up to 12 EFLOPS of FP8."
    assert ("atlas-950-superpod", "chip_compute", 12e6, "TFLOPS") in core(text)
    assert not any(f["subject"] == "ascend-952" for f in facts(text))


@pytest.mark.parametrize("text, lang", [
    ("The RTX 4090D keeps 14,592 CUDA cores.", "en"), ("RTX 4090D는 1만4592개의 CUDA 코어를 갖췄다.", "ko"),
])
def test_cores_are_a_spec_of_the_chip(text: str, lang: str) -> None:
    assert core(text, lang) == {("rtx-4090d", "chip_cores", 14592, "cores")}


def test_throughput_in_tokens_per_second_is_a_spec_of_the_system() -> None:
    text = "The Atlas 950 SuperPoD was shown in Shanghai. It serves 3.2 million tokens per second in inference."
    assert core(text) == {("atlas-950-superpod", "throughput", 3.2e6, "tokens/s")}


def test_only_a_system_is_built_from_chips() -> None:
    assert not any(f["metric"] == "chips_in_system" for f in facts("The Ascend 910C will power racks with 2,000 cards."))


def test_a_system_and_the_chips_it_is_built_from() -> None:
    assert core("The Atlas 900 SuperPoD is built around 4,096 Ascend 910C chips.") == {
        ("atlas-900-superpod", "chips_in_system", 4096, "GPU")}


def test_a_firms_name_that_begins_a_product_code_is_the_product_and_a_relative_clause_after_its_head_noun() -> None:
    assert core("The app runs on the older Baidu-Wenxin-05 model, which has 320 billion parameters.") == {
        ("baidu-wenxin-05", "parameters", 320e9, "parameters")}


def test_a_figure_after_plus_or_minus_is_the_margin_of_the_one_before() -> None:
    assert core("Nvidia expects revenue of $43.0 billion, plus or minus 2%.") == {("nvidia", "revenue", 43e9, "USD")}


def test_an_agency_that_charges_others_is_not_the_actor_of_the_figures_it_charges() -> None:
    assert core("The Justice Department charged two men with smuggling $160 million of Nvidia GPUs.") == {
        ("us-doj", "people_charged", 2, "people")}
    assert core("미 법무부는 엔비디아 GPU 1억6000만 달러어치를 밀수한 혐의로 2명을 기소했다.", "ko") == {
        ("us-doj", "people_charged", 2, "people")}  # the people it charges are its figure, the sum is not
    assert core("The Commerce Department spent $50 million on new export-control staff.") == {
        ("us-commerce", "spending", 5e7, "USD")}


def test_a_percentage_a_change_reaches_is_a_level_not_the_change() -> None:
    assert core("SMIC's utilization rate rose to 92.5% in the quarter.") == {("smic", "percentage", 92.5, "percent")}
    assert core("SMIC's revenue rose 12% to $2.2 billion.") == {
        ("smic", "percent_change", 12, "percent"), ("smic", "revenue", 2.2e9, "USD")}
    assert core("엔비디아의 중국 매출 비중은 13%로 떨어졌다.", "ko") == {("nvidia", "revenue_share", 13, "percent")}


def test_a_share_over_a_hundred_percent_is_a_plain_ratio() -> None:
    assert core("Cambricon's R&D spending was 455% of its revenue last year.") == {
        ("cambricon", "percentage", 455, "percent")}


def test_gigawatts_are_power() -> None:
    assert core("OpenAI agreed to buy 6 gigawatts of AMD Instinct GPUs.") == {
        ("openai", "power_capacity", 6e9, "W")}


def test_a_short_label_before_a_colon_names_the_figure_after_it() -> None:
    text = "Nvidia quarterly results\n\nNvidia reported on Wednesday.\n- Data center revenue: $35.6 billion"
    assert core(text) == {("nvidia", "revenue", 35.6e9, "USD")}


def test_a_firm_that_reports_on_itself_stays_the_topic_of_the_next_paragraph() -> None:
    assert core("Nvidia reported quarterly results.\n\nData center revenue was $35.6 billion.") == {
        ("nvidia", "revenue", 35.6e9, "USD")}


def test_a_qualifier_between_a_spec_name_and_its_figure() -> None:
    found = facts("AMD's MI308 has a TPP of about 2,400.")
    assert [(f["subject"], f["metric"], f["value"], f["unit"], f["qualifier"]) for f in found] == [
        ("mi308", "chip_tpp", 2400, "TPP", "approx")]


def test_earnings_per_share_is_a_figure_per_share_not_revenue() -> None:
    assert core("AMD reported results.\n\nDiluted earnings per share was $0.48.") == {("amd", "per_share", 0.48, "USD")}
    assert core("알리바바의 주당순이익은 2.1달러였다.", "ko") == {("alibaba", "per_share", 2.1, "USD")}


def test_a_year_and_a_comma_before_a_name_do_not_make_it_counted() -> None:
    assert core("For the third quarter of 2025, AMD expects revenue of $8.7 billion.") == {
        ("amd", "revenue", 8.7e9, "USD")}


def test_a_new_name_that_reports_results_is_a_firm_and_the_next_paragraphs_topic() -> None:
    text = "Zen Chips reported quarterly results.\n\nData center revenue was $35.6 billion."
    assert core(text) == {("zen-chips", "revenue", 35.6e9, "USD")}


def test_a_firm_worth_a_sum_is_its_valuation() -> None:
    assert core("Nvidia is the world's most valuable company, worth about $4 trillion.") == {
        ("nvidia", "market_value", 4e12, "USD")}


def test_top_and_a_number_open_no_name() -> None:
    assert core("Top 5 GPU makers control 90% of the market.") == set()


def test_a_markets_own_figure_is_no_firms() -> None:
    assert core("Nvidia resumed H20 sales. The yuan's exchange rate rose 2% against the dollar.") == set()
    assert core("엔비디아는 H20 판매를 재개했다. 원·달러 환율은 1400원을 넘었다.", "ko") == set()


# -- Korean ---------------------------------------------------------------------------------------
def test_korean_topic_marked_subject_and_chip_before_the_count() -> None:
    assert core("텐센트는 H20 칩 2만 개를 주문했다.", "ko") == {("tencent", "chips_ordered", 20000, "GPU")}


def test_korean_possessive_and_won_with_thousands_inside_the_group() -> None:
    assert core("바이두의 설비 투자는 3천억 원에 달했다.", "ko") == {("baidu", "server_capex", 3e11, "KRW")}


def test_korean_yuan_amount() -> None:
    assert core("알리바바는 10억 위안을 투자했다.", "ko") == {("alibaba", "investment", 1e9, "CNY")}


def test_korean_anaphor_takes_the_paragraphs_firm() -> None:
    assert core("화웨이는 새 칩을 공개했다. 이 회사는 지난해 매출 1조 2천억 원을 기록했다.", "ko") == {
        ("huawei", "revenue", 1.2e12, "KRW")}


def test_korean_a_firm_noun_someone_possesses_is_not_the_paragraphs_firm() -> None:
    assert core("엔비디아는 새 칩을 공개했다. 이 회사는 중국에서 300만 달러를 지출했다.", "ko") == {
        ("nvidia", "spending", 3e6, "USD")}
    assert core("엔비디아는 새 칩을 공개했다. 장의 회사는 중국에서 300만 달러를 지출했다.", "ko") == set()


def test_korean_an_unknown_name_as_subject_hides_the_discourse_topic() -> None:
    assert core("엔비디아는 H20 칩을 팔았다. 로빈 킹은 50만 달러의 보석금에 동의했다.", "ko") == set()


def test_korean_a_thing_a_demonstrative_points_at_hides_the_discourse_topic() -> None:
    text = "딥시크는 새 학습 기법을 내놨다. 이 기법은 연산량을 최대 60% 줄인다. 매출은 30% 늘었다."
    assert core(text, "ko") == {("deepseek", "percent_change", 30, "percent")}
    text = "화웨이는 새 칩을 냈다. 이 신형 가속기 칩은 910B 다이 두 개를 탑재했다. 화웨이는 GPU 500개를 보유한다."
    assert core(text, "ko") == {("huawei", "chips_held", 500, "GPU")}  # modifiers after the demonstrative


def test_a_clause_that_opens_with_a_thing_of_another_kind_is_not_about_the_firm() -> None:
    text = ("Baidu showed a new chip. The chip will go into a 300 MW data centre. "
            "This approach cuts power use by 40%. Its revenue rose 12% this year.")
    assert core(text) == {("baidu", "percent_change", 12, "percent")}


def test_a_plural_demonstrative_after_an_opening_word_points_at_things_of_its_own() -> None:
    text = "Tencent installed many H20 GPUs. Together, these accelerators provide 2,500 petaflops in total."
    assert core(text) == set()
    assert core("Tencent uses the H20. The H20 delivers 148 teraflops.") == {("h20", "chip_compute", 148, "TFLOPS")}


def test_this_before_a_verb_still_points_back_at_the_topic() -> None:
    text = "SMIC grew fast. This compares with 84 percent of its revenue coming from Chinese customers in 2023."
    assert ("smic", "revenue_share", 84, "percent") in core(text)


def test_a_firms_computing_capacity_is_its_own_figure_and_a_chips_stays_a_spec() -> None:
    text = "Alibaba grew its cloud. Its intelligent computing capacity reached 12 exaFLOPS. The H200 has 4 petaflops of computing power."
    assert core(text) == {("alibaba", "compute_capacity", 12e6, "TFLOPS"), ("h200", "chip_compute", 4000, "TFLOPS")}


def test_korean_computing_capacity_in_exaflops() -> None:
    text = "알리바바는 올해 연산 능력을 15EFLOPS로 늘렸다. H200 칩의 연산 능력은 4PFLOPS에 달한다."
    assert core(text, "ko") == {("alibaba", "compute_capacity", 15e6, "TFLOPS"), ("h200", "chip_compute", 4000, "TFLOPS")}


@pytest.mark.parametrize("text, lang", [
    ("The Commerce Department will allow exports of only 30% of the volume sold to American buyers.", "en"),
    ("미 상무부는 H200 칩의 대중 수출량을 자국 고객 판매분의 30%까지만 승인한다.", "ko"),  # 까지만 is no `-지만` clause end
])
def test_the_share_of_a_volume_a_rule_lets_through_is_a_control(text: str, lang: str) -> None:
    assert core(text, lang) == {("us-commerce", "control_share", 30, "percent")}


def test_a_pronoun_after_a_firm_is_the_firms_not_an_agency_of_the_discourse() -> None:
    text = "The Commerce Department acted. Nvidia said its China sales were capped at 20% of revenue."
    assert core(text) == {("nvidia", "revenue_share", 20, "percent")}


def test_accounting_terms_are_no_names() -> None:
    text = "AMD's quarter brought $9 billion of sales, up 20%, and non-GAAP net income of $2.5 billion."
    assert ("amd", "revenue", 2.5e9, "USD") in core(text)


def test_korean_a_system_that_carries_chips_is_their_subject_not_the_topics_firm() -> None:
    text = "화웨이는 새 시스템을 내놨다. 클라우드매트릭스 384는 자체 칩 어센드 910C를 300개 탑재하는 구조다. NVL72는 블랙웰 GPU를 70개 탑재하고 있다."
    assert core(text, "ko") == {("cloudmatrix-384", "chips_in_system", 300, "GPU"),
                                ("gb200", "chips_in_system", 70, "GPU")}


def test_korean_a_chip_name_written_without_its_space_and_flops_in_any_case() -> None:
    assert core("어센드920은 연산 성능 800TFlops를 낸다.", "ko") == {("ascend-920", "chip_compute", 800, "TFLOPS")}


def test_a_sum_in_millions_without_a_currency_is_in_the_documents_last_currency() -> None:
    text = "Baidu's revenue was 900 million yuan. Its net profit reached 120 million in the quarter."
    assert core(text) == {("baidu", "revenue", 9e8, "CNY"), ("baidu", "revenue", 1.2e8, "CNY")}


def test_korean_a_proper_noun_before_a_figures_noun_is_no_overt_subject_of_its_own() -> None:
    text = "텐센트는 실적을 발표했다. 클라우드 수익은 전년보다 20% 늘어 90억 위안이 됐다."
    assert core(text, "ko") == {("tencent", "percent_change", 20, "percent"), ("tencent", "revenue", 9e9, "CNY")}


def test_a_name_in_a_later_clause_does_not_keep_the_topic_from_an_earlier_clause() -> None:
    text = "Baidu reported results. Operating margin climbed to 21%, thanks to cheaper memory, and Baidu keeps hiring."
    assert ("baidu", "percentage", 21, "percent") in core(text)


def test_korean_a_count_of_firms_lends_its_noun_to_no_later_count() -> None:
    text = "엔비디아는 물량을 늘렸다. 고객사 2곳은 연내 H20 칩 50만 개가량을 확보하려 한다."
    assert ("h20", "GPU") in {(f["object"], f["unit"]) for f in facts(text, "ko")}


def test_korean_the_firm_whose_chips_others_buy_is_their_maker_not_the_buyer() -> None:
    text = "바이트댄스는 내년 엔비디아의 GPU 구매에 500억 위안(미화 약 70억 달러)을 투자한다."
    assert core(text, "ko") == {("bytedance", "investment", 5e10, "CNY")}


def test_korean_a_list_of_firms_with_suffixes_and_a_conjunction_gives_its_figure_to_the_first() -> None:
    text = "업계에 따르면 바이트댄스, 샤오미 그룹, 그리고 메이퇀 홀딩스는 H20을 100억 달러어치 사들였다."
    assert ("bytedance", 1e10) in {(f["subject"], f["value"]) for f in facts(text, "ko")}


def test_the_owner_of_the_name_a_figure_is_compared_with_is_not_its_subject() -> None:
    assert core("AMD는 올해 화웨이의 어센드 910B보다 세 배 많은 가속기를 출하했다.", "ko") == {("amd", "multiple", 3, "times")}


def test_a_duration_right_before_a_sum_is_its_period_not_a_figure() -> None:
    assert core("알리바바는 5년간 3,000억 위안의 투자를 발표했다.", "ko") == {("alibaba", "investment", 3e11, "CNY")}


@pytest.mark.parametrize("text, lang", [("바이두는 계획을 밝혔다. 쿤룬3 칩을 곧 양산한다.", "ko"), ("Baidu has a plan. It will mass-produce Kunlun 3 chips.", "en")])
def test_the_number_of_a_product_family_name_is_no_count(text: str, lang: str) -> None:
    assert core(text, lang) == set()


def test_a_chips_tpp_and_performance_density_after_is() -> None:
    text = "Nvidia made the H20 for China. Its TPP is 2,368 and its performance density is 2.9."
    assert core(text) == {("h20", "chip_tpp", 2368, "TPP"), ("h20", "chip_density", 2.9, "PD")}
    assert core("H20의 성능밀도는 2.9다.", "ko") == {("h20", "chip_density", 2.9, "PD")}


def test_a_rule_that_restricts_chips_above_a_performance_density_sets_a_threshold() -> None:
    text = "The Bureau of Industry and Security restricts chips with a performance density of 5.92 or more."
    assert core(text) == {("us-bis", "threshold_density", 5.92, "PD")}


def test_tpp_and_density_with_no_chip_to_carry_them_are_the_rules_thresholds() -> None:
    text = "미 상무부 산업안보국(BIS)은 규정을 개정했다. 새 기준은 총연산성능이 4000 이상인 칩, 또는 총연산성능 1500 이상이면서 성능밀도 5.5 이상인 칩이다."
    assert core(text, "ko") == {("us-bis", "threshold_tpp", 4000, "TPP"), ("us-bis", "threshold_tpp", 1500, "TPP"),
                                ("us-bis", "threshold_density", 5.5, "PD")}
    text = "The Bureau of Industry and Security updated its rules. Chips with a TPP of 4,000 or more need a licence."
    assert core(text) == {("us-bis", "threshold_tpp", 4000, "TPP")}


@pytest.mark.parametrize("text, lang", [
    ("The Commerce Department added 70 companies to the Entity List on Tuesday.", "en"),
    ("미 상무부는 중국 기업 70곳을 수출통제 명단에 추가했다.", "ko"),
])
def test_how_many_firms_a_listing_takes_is_a_control(text: str, lang: str) -> None:
    assert core(text, lang) == {("us-commerce", "entities_listed", 70, "entity")}


def test_the_countries_a_rule_treats_one_way_are_a_control() -> None:
    text = "The Commerce Department issued a rule. The rule lets 20 key allies buy chips without a licence."
    assert core(text) == {("us-commerce", "countries_covered", 20, "country")}


@pytest.mark.parametrize("text, lang, source", [
    ("A Commerce Department spokesperson said Baidu bought 2,000 H20 GPUs.", "en", "us-commerce"),
    ("Commerce Department officials said Baidu bought 2,000 H20 GPUs.", "en", "us-commerce"),
    ("미국 산업안보국(BIS)에 따르면 바이두는 H20 GPU 2000개를 샀다.", "ko", "us-bis"),
    ("상무부 대변인은 바이두가 H20 GPU 2000개를 샀다고 말했다.", "ko", "us-commerce"),
])
def test_an_agencys_spokesperson_or_its_glossed_name_is_the_source(text: str, lang: str, source: str) -> None:
    assert [(f["subject"], f["value"], f["source"]) for f in facts(text, lang)] == [("baidu", 2000, source)]


def test_a_firm_right_before_a_chip_is_its_maker_unless_the_chips_sales_follow() -> None:
    text = "Resellers in Shenzhen list Nvidia A100 servers 30% below US prices."
    assert "nvidia" not in {f["subject"] for f in facts(text)}
    text = "Under the deal, Nvidia H200 sales to China give Washington a 20% cut."
    assert core(text) == {("nvidia", "revenue_share", 20, "percent")}


def test_korean_a_firm_before_modified_chip_words_is_their_maker() -> None:
    text = "무역상 두 명이 엔비디아 AI 칩 20억달러어치를 싱가포르로 몰래 넘긴 것으로 드러났다."
    assert "nvidia" not in {f["subject"] for f in facts(text, "ko")}
    text = "트렌드포스는 바이두 AI 서버 투자 비용이 20억 달러를 넘는다고 추산했다."  # its spending on them
    assert {(f["subject"], f["value"]) for f in facts(text, "ko")} == {("baidu", 2e9)}


def test_a_year_like_number_before_a_chip_name_counts_it_unless_a_year_word_comes_first() -> None:
    assert core("Tencent now owns more than 2048 H800s.") == {("tencent", "chips_held", 2048, "GPU")}
    assert core("In 2024 H20 shipments to Tencent grew.") == set()


def test_a_year_after_a_determiner_or_possessive_is_the_names_year_not_a_count() -> None:
    assert core("Back then, the 2020 A100 carried 40 GB of HBM2.") == {("a100", "chip_memory", 40, "GB")}
    assert core("Nvidia's 2022 H100 offered 80 GB of HBM3.") == {("h100", "chip_memory", 80, "GB")}


def test_one_percent_in_words_is_a_figure() -> None:
    assert core("Chip sales are less than one percent of Baidu's revenue.") == {("baidu", "revenue_share", 1, "percent")}


def test_korean_sanctioned_firms_added_are_a_listing() -> None:
    text = "미 상무부 산업안보국(BIS)은 규정을 발표했다. 이번에 제재기업 13곳이 늘었다."
    assert core(text, "ko") == {("us-bis", "entities_listed", 13, "entity")}


def test_korean_an_unknown_name_in_what_a_source_says_is_its_subject_not_the_source() -> None:
    assert core("엔비디아는 H20 칩을 팔았다. 상무부는 로빈 킹이 중국에서 200만 달러를 받았다고 밝혔다.", "ko") == set()


def test_the_name_a_figure_is_compared_with_is_not_its_subject() -> None:
    assert core("새 모델은 DeepSeek-V3 대비 비용이 3배 낮다.", "ko") == set()
    assert core("H200 칩은 H20 대비 성능이 6배 높다.", "ko") == {("h200", "multiple", 6, "times")}


def test_korean_a_count_with_a_possessive_counts_the_noun_it_leads_to() -> None:
    assert core("화웨이는 AI 칩 전용 시설을 가동하며, 두 개의 추가 공장을 보유한다.", "ko") == {
        ("huawei", "sites_count", 2, "fab")}  # 가 ends the noun 추가: the phrase runs on to 공장
    assert core("화웨이는 1만 개의 첨단 GPU를 보유한다.", "ko") == {("huawei", "chips_held", 10000, "GPU")}


def test_korean_a_word_kiwi_does_not_know_after_a_firm_noun_is_a_firm() -> None:
    assert core("AMD는 새 칩을 내놨다. 상장사 뤼훙커지가 2.5% 지분을 보유한다.", "ko") == {
        ("뤼훙커지", "stake_share", 2.5, "percent")}


def test_korean_an_unknown_word_marked_as_subject_nearer_the_figure_takes_it_from_the_name_before() -> None:
    assert core("AMD는 새 칩을 내놨다. 상장사 뤼훙커지가 2.5%, 쭤훙커지가 1.5% 지분을 보유한다.", "ko") == {
        ("뤼훙커지", "stake_share", 2.5, "percent"), ("쭤훙커지", "stake_share", 1.5, "percent")}


def test_korean_the_owner_of_the_whole_a_share_is_taken_from_yields_to_the_marked_subject() -> None:
    # (a licence's condition: the share is a control the government sets)
    assert core("미국 정부는 H20 판매액의 15%를 받는 조건으로 수출을 허가했다.", "ko") == {
        ("us-government", "control_share", 15, "percent")}
    assert core("엔비디아 매출의 13%가 중국에서 나왔다.", "ko") == {("nvidia", "revenue_share", 13, "percent")}


def test_korean_an_outlook_word_is_no_revenue_cue() -> None:
    assert core("텐센트의 올해 설비투자는 전년보다 줄어든 약 900억 위안이 될 전망이다.", "ko") == {
        ("tencent", "server_capex", 9e10, "CNY")}


def test_korean_a_firm_before_a_chip_word_is_the_maker_not_the_holder() -> None:
    assert core("텐센트가 보유한 엔비디아 GPU는 약 20만 개로 추정된다.", "ko") == {
        ("tencent", "chips_held", 200000, "GPU")}


def test_korean_a_name_before_an_origin_word_says_where_people_come_from() -> None:
    assert core("이 펀드는 2016년 저장대 출신 연구원 5명이 설립했다.", "ko") == set()


def test_korean_a_past_rise_is_a_change() -> None:
    assert core("캠브리콘 주가는 지난 1년간 300% 올랐다.", "ko") == {("cambricon", "percent_change", 300, "percent")}


def test_korean_relative_year_resolves_against_the_document_date() -> None:
    found = facts("엔비디아는 지난해 중국에 H20 칩 100만 개를 판매했다.", "ko")
    assert [(f["subject"], f["value"], f["date"]) for f in found] == [("nvidia", 1e6, "2024")]


def test_korean_source_is_not_the_subject() -> None:
    found = facts("SemiAnalysis는 해당 업체가 약 3만 개의 H800을 보유하고 있다고 본다.", "ko")
    assert found == [] or all(f["subject"] != "semianalysis" for f in found)


def test_korean_source_reporting_its_own_figures_is_their_subject() -> None:
    text = "중국의 반도체업체 캄브리콘은 상반기 매출이 30억 위안을 기록했다고 밝혔다."
    assert core(text, "ko") == {("cambricon", "revenue", 3e9, "CNY")}


def test_korean_place_with_nae_is_no_subject() -> None:
    text = "SMIC는 실적을 발표했다. 매출 기준 한국 내 판매 비중은 전체의 12%에 달했다."
    assert {f["subject"] for f in facts(text, "ko")} == {"smic"}


def test_korean_possessor_of_a_share_is_the_whole_not_the_subject() -> None:
    text = "무어스레드는 신생 기업이다. 매출은 엔비디아의 2%인데, 시가총액은 10%에 이른다."
    assert {(f["subject"], f["value"]) for f in facts(text, "ko")} == {("moore-threads", 2), ("moore-threads", 10)}


def test_korean_possessor_inside_an_object_is_no_subject() -> None:
    text = "텐센트는 엔비디아의 최신 칩을 쓰는 데이터센터에 50억 달러를 투자할 계획이다."
    assert core(text, "ko") == {("tencent", "investment", 5e9, "USD")}


def test_korean_possessor_before_the_noun_that_takes_the_figures_owns_both() -> None:
    text = "골드만삭스는 무어스레드 목표주가를 600위안에서 900위안으로 올렸다."
    assert {f["subject"] for f in facts(text, "ko")} == {"moore-threads"}


def test_korean_counted_noun_before_the_number() -> None:
    assert core("딥시크는 GPU 1만 개를 확보했다.", "ko") == {("deepseek", "chips_acquired", 10000, "GPU")}


def test_korean_verb_between_two_figures_governs_the_one_it_modifies() -> None:
    text = "H20 칩은 미국 정부에서 정한 4,800 TPP를 넘지 않는 2,400 TPP를 기록했다."
    assert core(text, "ko") == {("us-government", "threshold_tpp", 4800, "TPP"), ("h20", "chip_tpp", 2400, "TPP")}


# -- modality -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, lang", [
    ("Tencent did not buy 5,000 H20 GPUs.", "en"), ("Tencent never bought 5,000 H20 GPUs.", "en"),
    ("If Tencent had bought 5,000 H20 GPUs, it would have led.", "en"),
    ("텐센트는 H20 칩 5,000개를 구매하지 않았다.", "ko"), ("텐센트가 H20 칩 5,000개를 샀더라면 앞섰을 것이다.", "ko"),
])
def test_negated_and_conditional_figures_are_no_facts(text: str, lang: str) -> None:
    assert facts(text, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("Tencent bought not more than 5,000 H20 GPUs.", "en"), ("텐센트는 H20 칩을 5,000개도 안 되게 샀다.", "ko"),
    ("텐센트는 5,000개에 못 미치는 H20 칩을 샀다.", "ko"),
])
def test_a_negated_comparison_bounds_the_figure_and_does_not_deny_it(text: str, lang: str) -> None:
    assert [(f["subject"], f["value"], f["qualifier"]) for f in facts(text, lang)] == [("tencent", 5000, "at_most")]


def test_korean_without_is_no_negation() -> None:
    text = "미국 정부는 100 가중 테라플롭스 이상의 칩을 허가 없이 수출하는 것을 금지했다."
    assert core(text, "ko") == {("us-government", "threshold_compute", 100, "TFLOPS")}


@pytest.mark.parametrize("text, lang, status", [
    ("Tencent may have bought 5,000 H20 GPUs.", "en", "hedged"),
    ("Tencent reportedly bought 5,000 H20 GPUs.", "en", "reported"),
    ("텐센트는 H20 칩 5,000개를 구매한 것으로 알려졌다.", "ko", "reported"),
    ("텐센트는 H20 칩 5,000개를 구매한 것으로 추정된다.", "ko", "hedged"),
])
def test_hedged_and_reported_figures_are_marked(text: str, lang: str, status: str) -> None:
    assert [f["status"] for f in facts(text, lang)] == [status]


# -- values that must not become facts ------------------------------------------------------------
@pytest.mark.parametrize("text, lang", [
    ("Tencent holds 200,000,000 H100 GPUs.", "en"), ("Tencent spent -$5 billion on chips.", "en"),
    ("텐센트는 약 100경 개의 H20을 보유하고 있다.", "ko"),
])
def test_implausible_and_negative_values_are_no_facts(text: str, lang: str) -> None:
    assert facts(text, lang) == []


@pytest.mark.parametrize("text", [
    "On 2023-02-30 Tencent bought 5,000 H20 GPUs.", "In May 1850 Tencent bought H20 GPUs.",
    "In section 3, NVIDIA sold 200 H20 chips to Alibaba.", "Line 5: Tencent bought 40 H20 GPUs.",
])
def test_dates_and_labels_are_never_counts(text: str) -> None:
    assert {f["value"] for f in facts(text)} <= {5000, 200, 40}


def test_abbreviations_do_not_end_a_sentence() -> None:
    found = facts("The U.S. Commerce Dept. said Nvidia Corp. sold 1,000 H20 chips to Tencent.")
    assert [(f["subject"], f["value"], f["recipient"]) for f in found if f["metric"] == "chips_supplied"] == [
        ("nvidia", 1000, "tencent")]


def test_no_fact_leaks_across_paragraphs() -> None:
    assert facts("Tencent bought chips\n\n5,000 were delivered later") == []


@pytest.mark.parametrize("text", ["Tencent bought 12,34 H20 GPUs.", "텐센트는 999조조 개의 칩을 샀다.",
                                  "Tencent bought H20 GPUs on 2024-13-45."])
def test_malformed_numbers_and_dates_yield_no_fact_and_no_error(text: str) -> None:
    assert all(f["value"] not in (1234, 999e12) for f in facts(text, "ko" if "텐센트" in text else "en"))


@pytest.mark.parametrize("text, lang", [("The HighFlyer fund bought 1,000 A100 GPUs.", "en"),
                                        ("幻方 bought 1,000 A100 GPUs.", "en"),
                                        ("환팡은 A100 GPU 1,000개를 구매했다.", "ko")])
def test_alias_variants_name_the_same_firm(text: str, lang: str) -> None:
    assert {f["subject"] for f in facts(text, lang)} == {"high-flyer"}


def test_a_place_adjective_is_no_name() -> None:
    doc = Document("t", "t.md", "The Hangzhou-based startup bought 1,000 H20 GPUs.", "0", "en",
                   passages=split_passages("t", "The Hangzhou-based startup bought 1,000 H20 GPUs."))
    names = {m.surface for s in analyse(doc, ontology.load()) for m in s.mentions if m.candidate}
    assert not any("Hangzhou" in n for n in names)


# -- how long chips ran ---------------------------------------------------------------------------
def test_a_duration_beside_named_chips_is_their_running_time_for_the_model() -> None:
    found = facts("Qwen was built with 4,096 H800 GPUs over 40 days.")
    assert {(f["subject"], f["metric"], f["value"], f["unit"], f["object"]) for f in found} >= {
        ("qwen", "compute_duration", 40, "days", "h800")}


def test_a_korean_rental_period_of_chips_is_their_running_time() -> None:
    found = facts("딥시크는 엔비디아 H800을 시간당 2달러에 3개월 동안 빌린 비용을 계산했다.", "ko")
    assert ("deepseek", "compute_duration", 3, "months", "h800") in {
        (f["subject"], f["metric"], f["value"], f["unit"], f["object"]) for f in found}


def test_a_duration_with_no_chip_and_no_training_stays_a_plain_duration() -> None:
    assert core("Moore Threads said the listing review took only 95 days.") == {
        ("moore-threads", "duration", 95, "days")}


def test_a_number_word_in_a_hyphenated_modifier_is_no_figure_and_boxes_are_servers() -> None:
    found = facts("Tencent runs 32 four-way H20 boxes.")
    assert {(f["subject"], f["value"], f["unit"]) for f in found} == {("tencent", 32, "server")}


# -- parts of a whole -----------------------------------------------------------------------------
def test_a_share_of_a_possessed_whole_is_about_its_possessor() -> None:
    found = facts("Roughly 40% of AMD's data-centre sales came from cloud firms.")
    assert [(f["subject"], f["value"], f["unit"], f["qualifier"]) for f in found] == [("amd", 40, "percent", "approx")]


def test_a_fraction_word_is_a_percentage_and_its_anaphor_resolves() -> None:
    found = facts("Intel is changing course. More than a third of the company's revenue now comes from China.")
    assert [(f["subject"], f["value"], f["unit"], f["qualifier"]) for f in found] == [
        ("intel", 33.3, "percent", "at_least")]


def test_half_of_a_year_is_a_date_not_a_figure() -> None:
    assert facts("Baidu plans to launch the new cluster in the second half of 2026.") == []


@pytest.mark.parametrize("text, value", [("화웨이는 중국 AI 칩 시장의 절반을 차지했다.", 50),
                                         ("화웨이는 중국 AI 칩 시장의 4분의 1을 차지했다.", 25)])
def test_korean_fractions_are_percentages(text: str, value: float) -> None:
    assert {(f["subject"], f["value"], f["unit"]) for f in facts(text, "ko")} == {("huawei", value, "percent")}


# -- scope and reference --------------------------------------------------------------------------
def test_a_korean_negation_after_a_linking_verb_belongs_to_the_next_predicate() -> None:
    found = facts("H20은 메모리 대역폭을 4,000GB/s로 낮춰 규제 기준을 넘지 않는다.", "ko")
    assert {(f["subject"], f["metric"], f["value"], f["unit"]) for f in found} == {
        ("h20", "chip_memory_bandwidth", 4000, "GB/s")}


def test_a_korean_negation_of_the_figures_own_verb_still_denies_it() -> None:
    assert facts("텐센트는 H20 칩 1만 개를 사들이지 않았다.", "ko") == []


def test_a_demonstrative_anaphor_points_at_the_chip_named_last() -> None:
    text = "AMD sells the MI308 in China. It also ships the MI300X abroad. This chip carries 192 GB of HBM3."
    assert core(text) == {("mi300x", "chip_memory", 192, "GB")}


def test_the_model_a_korean_training_verb_takes_as_object_is_the_training_subject() -> None:
    assert core("엔비디아 H800 칩 1천24개로 V2 모델을 학습시켰다.", "ko") == {("deepseek-v2", "training_gpus", 1024, "GPU")}


def test_a_korean_sentence_ends_at_a_stop_with_no_space_after_it() -> None:
    found = facts("엔비디아는 중국 매출 전망을 낮췄습니다.8일 텐센트는 H20 칩 3천 개를 구매했다.", "ko")
    assert [(f["subject"], f["value"], f["date"]) for f in found] == [("tencent", 3000, "2025-04-08")]


@pytest.mark.parametrize("text, subjects", [("중국 빅테크 기업들이 엔비디아에 30억 달러 규모의 칩 구매 주문을 넣었다.", set()),
                                            ("중국 빅테크 텐센트가 엔비디아에 30억 달러 규모의 칩 구매 주문을 넣었다.", {"tencent"})])
def test_a_korean_generic_noun_phrase_names_no_subject_unless_a_name_heads_it(text: str, subjects: set) -> None:
    assert {f["subject"] for f in facts(text, "ko")} == subjects


def test_a_duration_that_frames_the_clause_is_no_figure() -> None:
    assert facts("In the past three months, Tencent bought H20 chips.") == []
    assert facts("텐센트는 향후 3년간 H20 칩을 구매한다.", "ko") == []


def test_a_sentence_whose_only_names_are_obliques_is_about_the_topic() -> None:
    text = "SMIC reported its results. About 80 percent of sales came from China."
    assert core(text) == {("smic", "revenue_share", 80, "percent")}


def test_a_horizon_of_years_beside_chips_is_no_running_time() -> None:
    found = facts("텐센트는 H20 서버 비용을 5년간 나누어 상각한다.", "ko")
    assert all(f["metric"] != "compute_duration" for f in found)


def test_a_korean_span_of_years_is_a_duration_not_a_count_of_chips() -> None:
    assert all(f["unit"] != "GPU" for f in facts("텐센트는 H20 칩을 3년간 사용했다.", "ko"))


@pytest.mark.parametrize("text", ["Alibaba released the 235-billion-parameter Qwen model.",
                                  "Alibaba released a 235B-parameter model, Qwen."])
def test_a_figure_written_as_a_compound_modifier_is_about_the_name_it_modifies(text: str) -> None:
    assert core(text) == {("qwen", "parameters", 235e9, "parameters")}


# -- dates of comparisons and quarters ------------------------------------------------------------
def test_the_base_of_a_comparison_is_not_the_facts_date_and_a_bare_quarter_is_the_latest_begun() -> None:
    found = facts("AMD reported first-quarter revenue of $7.4 billion, up 36% from a year earlier.")
    assert {(f["metric"], f["value"], f["date"]) for f in found} == {
        ("revenue", 7.4e9, "2025-03"), ("percent_change", 36, "2025-03")}


def test_a_korean_comparison_base_is_not_the_facts_date() -> None:
    found = facts("AMD의 1분기 매출은 74억 달러로 전년 대비 36% 증가했다.", "ko")
    assert {(f["value"], f["date"]) for f in found} == {(7.4e9, "2025-03"), (36, "2025-03")}


def test_a_chip_name_that_opens_with_a_unit_is_no_unit() -> None:
    assert core("Tencent bought 18,000 GB300 chips.") == {("tencent", "chips_acquired", 18000, "GPU")}


def test_a_reporter_is_not_the_subject_of_a_clause_that_has_its_own() -> None:
    assert facts("Prosecutors said the two men smuggled $20 million worth of H100 chips.") == []
    assert core("Cambricon reported revenue of $400 million.") == {("cambricon", "revenue", 4e8, "USD")}


def test_a_korean_possessor_of_a_long_topic_phrase_owns_its_figures() -> None:
    found = facts("AMD의 중국 데이터센터 GPU 시장 점유율은 20%에서 5%로 떨어졌다.", "ko")
    assert {(f["subject"], f["value"]) for f in found} == {("amd", 20), ("amd", 5)}


@pytest.mark.parametrize("text, lang", [("AMD는 MI308 수출 규제로 최대 8억 달러의 비용이 발생한다고 밝혔다.", "ko"),
                                        ("AMD said export controls on the MI308 will cost it up to $800 million.", "en")])
def test_an_export_control_is_no_act_of_supply(text: str, lang: str) -> None:
    assert all(f["metric"] != "revenue" for f in facts(text, lang))


def test_hong_kong_dollars_in_korean() -> None:
    assert core("쿤룬신은 상장으로 30억 홍콩달러를 조달한다.", "ko") == {("kunlunxin", "funds_raised", 3e9, "HKD")}


def test_of_two_overlapping_cues_the_longer_reads_the_words() -> None:
    text = "Tencent is a big buyer. Each H20 sells for about $12,000."
    assert core(text) == {("h20", "chip_price", 12000, "USD")}


def _candidates(text: str, lang: str) -> set[tuple[str, str]]:
    return _mentions(text, lang, candidates_only=True)


def _mentions(text: str, lang: str, candidates_only: bool = False) -> set[tuple[str, str]]:
    doc = Document("t", "t.md", text, "0", lang, passages=split_passages("t", text))
    return {(m.surface, m.label) for s in analyse(doc, ontology.load()) for m in s.mentions
            if m.candidate or not candidates_only}


def test_a_korean_name_after_a_title_is_a_person_but_a_common_noun_is_not() -> None:
    found = _candidates("텐센트 사장 제임스 미첼은 실적 발표에서 말했다. 대표 기업은 화웨이다.", "ko")
    assert ("제임스 미첼", "Person") in found and not any(surface == "기업" for surface, _ in found)


def test_a_korean_name_after_an_analyst_or_expert_title_is_a_person() -> None:
    found = _candidates("미국의 반도체 분석가 로렌 헤일은 말했다. 중국 반도체 전문가 류샤오밍은 반박했다.", "ko")
    assert {("로렌 헤일", "Person"), ("류샤오밍", "Person")} <= found


def test_a_korean_name_after_a_title_with_a_copula_is_a_person() -> None:
    assert ("쑹카이", "Person") in _candidates("이 자리에서 화훙 CTO인 쑹카이는 증설 계획을 밝혔다.", "ko")


def test_a_korean_name_after_a_post_it_held_is_a_person() -> None:
    assert ("천웨이둥", "Person") in _candidates("AMD 아시아 사업부 대표를 지낸 천웨이둥이 이 업체를 이끈다.", "ko")


def test_a_korean_name_after_a_head_or_a_former_employer_is_a_person() -> None:
    found = _candidates("마이크로소프트 연구소 총괄 쑨밍웨이가 합류했고, 퀄컴 출신 저우톈이가 뒤를 이었다.", "ko")
    assert {("쑨밍웨이", "Person"), ("저우톈이", "Person")} <= found and not any(s == "퀄컴" for s, _ in found)


def test_a_korean_name_after_a_compound_firm_noun_with_a_copula_is_a_firm() -> None:
    found = _candidates("현지 경제매체 쥔몐 등이 전했다. 대형 투자은행인 하이퉁증권이 주관했다.", "ko")
    assert {("쥔몐", "Firm"), ("하이퉁증권", "Firm")} <= found


def test_a_chinese_name_glossed_in_its_characters_is_a_person_but_a_firms_gloss_is_not() -> None:
    found = _candidates("사절단은 왕샤오둥(王曉東) 부장과 만났다. 쉬즈(許之)가 왔다. 샤오미(小米)는 발표했다.", "ko")
    assert {("왕샤오둥", "Person"), ("쉬즈", "Person")} <= found and not any(s == "샤오미" for s, _ in found)


def test_a_korean_proper_noun_glossed_in_characters_names_an_organisation_but_a_common_noun_does_not() -> None:
    found = _candidates("둥팡일보(東方日報)에 따르면 백서(白書)와 수출(輸出) 규제가 늘었다.", "ko")
    assert found == {("둥팡일보", "Firm")}


def test_a_korean_proper_noun_with_an_organisation_suffix_written_on_is_a_firm() -> None:
    found = _candidates("다롄상품거래소는 상장을 승인했다. 모건리서치는 보고서를 냈다.", "ko")
    assert {("다롄상품거래소", "Firm"), ("모건리서치", "Firm")} <= found


def test_chips_in_stock_are_held() -> None:
    assert core("Nvidia said 700,000 H200 chips are currently in stock.") == {("nvidia", "chips_held", 700000, "GPU")}


def test_a_generic_reporter_does_not_hide_the_possessor_of_a_reported_figure() -> None:
    text = "업계 애널리스트들은 중국 시장에서 AMD의 점유율이 올해 10%로 떨어질 것으로 전망했다."
    assert {(f["subject"], f["value"]) for f in facts(text, "ko")} == {("amd", 10)}


def test_a_korean_rate_per_hour_is_a_price() -> None:
    found = facts("텐센트는 H20 GPU를 시간당 3달러에 빌렸다.", "ko")
    assert {(f["metric"], f["value"], f["unit"]) for f in found} & {("chip_price", 3, "USD"), ("price", 3, "USD")}


def test_a_share_of_a_countrys_market_belongs_to_the_grammatical_subject() -> None:
    assert core("Cambricon accounted for about 3% of China's AI chip market in 2024.") == {
        ("cambricon", "revenue_share", 3, "percent")}


def test_a_maker_written_as_a_modifier_is_not_the_subject() -> None:
    assert core("Even the TSMC-made Ascend 910B has a yield of only around 60%.") == {
        ("ascend-910b", "percentage", 60, "percent")}


def test_korean_firms_that_receive_chips_acquire_them() -> None:
    found = facts("삼성전자와 SK하이닉스는 각각 5만 개의 GPU를 받는다.", "ko")
    assert {(f["subject"], f["metric"], f["value"]) for f in found} == {
        ("samsung-electronics", "chips_acquired", 50000), ("sk-hynix", "chips_acquired", 50000)}


def test_a_news_outlet_is_not_the_subject_of_the_news_it_reports() -> None:
    found = facts("로이터는 텐센트가 H20 칩 2만 개를 구매했다고 보도했다.", "ko")
    assert {(f["subject"], f["value"], f["source"]) for f in found} == {("tencent", 20000, "reuters")}


def test_a_paragraph_that_names_no_one_is_about_the_entity_the_document_names_most() -> None:
    text = ("Tencent reported results. Tencent said cloud growth slowed.\n\n"
            "Separately, Nvidia said it would not ship Blackwell chips to China.\n\n"
            "Domestic games revenue rose 15%.")
    assert ("tencent", 15) in {(f["subject"], f["value"]) for f in facts(text)}


@pytest.mark.parametrize("text, lang, kept", [
    ("DeepSeek-V3 is cheap. Its $5 million training bill does not include research costs.", "en", True),
    ("Tencent said 5,000 H20 chips were not delivered.", "en", False),
    ("딥시크에 따르면 V3 훈련비용 500만달러에는 연구 비용이 포함되지 않았다.", "ko", True),
    ("텐센트는 H20 칩 5천 개를 구매하지 않았다.", "ko", False)])
def test_a_negated_containment_leaves_the_figure_standing(text: str, lang: str, kept: bool) -> None:
    assert bool(facts(text, lang)) is kept


def test_a_korean_count_with_no_noun_counts_what_the_sentence_before_counted() -> None:
    text = "엔비디아는 한국에 GPU 10만 개를 공급한다. 삼성전자는 3만 개, SK하이닉스는 2만 개를 받는다."
    assert {(f["subject"], f["value"], f["unit"]) for f in facts(text, "ko") if f["value"] < 1e5} == {
        ("samsung-electronics", 30000, "GPU"), ("sk-hynix", 20000, "GPU")}


def test_the_same_quarter_a_year_before_is_a_comparisons_base() -> None:
    found = facts("AMD의 1분기 매출은 전년 동기 대비 36% 증가한 74억 달러를 기록했다.", "ko")
    assert {(f["value"], f["date"]) for f in found} == {(36, "2025-03"), (7.4e9, "2025-03")}


def test_a_generic_subject_of_a_later_korean_clause_is_not_overridden_by_an_earlier_anaphor() -> None:
    text = "이에 따라 두 회사는 별도 허가를 받아야 하며, 업계는 연간 수십억 달러의 비용이 추가될 것으로 본다."
    assert facts("텐센트는 실적을 발표했다. " + text, "ko") == []


def test_a_korean_name_glossed_in_latin_is_a_candidate_but_a_glossed_term_is_not() -> None:
    found = _candidates("사우디 나즈드랩(Najdlab)은 칩을 산다. 개빈 베이커(Gavin Baker)는 말했다. 자본 지출(CapEx)은 줄었다.", "ko")
    assert ("나즈드랩", "Firm") in found and ("개빈 베이커", "Person") in found
    assert not any(surface == "지출" for surface, _ in found)


def test_a_korean_headline_opens_with_its_topic_and_a_comma() -> None:
    assert {(f["subject"], f["value"]) for f in facts("TSMC, 화웨이 칩 생산 의혹에 10억달러 벌금 위기", "ko")} == {
        ("tsmc", 1e9)}


def test_a_new_name_with_an_apposition_before_its_verb_is_the_subject() -> None:
    assert core("Quillon Systems, a Texas reseller, shipped 300 H100 chips to Hong Kong.") == {
        ("quillon-systems", "chips_supplied", 300, "GPU")}


def test_unnamed_defendants_are_no_subject() -> None:
    assert facts("Nvidia chips were seized. The defendants received $2.5 million in wire transfers.") == []


def test_dies_are_chips_and_a_bare_figure_after_up_from_counts_them_too() -> None:
    found = facts("Huawei aims to make 600,000 Ascend 910C dies next year, up from 300,000 this year.")
    assert {(f["subject"], f["value"], f["unit"]) for f in found} == {("huawei", 600000, "GPU"), ("huawei", 300000, "GPU")}


def test_a_possessor_of_a_name_is_not_the_subject_the_possessed_name_is() -> None:
    found = facts("AMD's MI308 carries 192GB of HBM3, 50% more than the H20.")
    assert {(f["subject"], f["value"]) for f in found} == {("mi308", 192), ("mi308", 50)}


@pytest.mark.parametrize("text, lang", [
    ("2023년 10월 수출 통제가 발표됐다. 새 규정은 TPP 4,800 이상의 칩에 대해 수출 허가를 요구한다.", "ko"),
    ("The October 2023 advanced computing rule was announced. Under it, chips with a TPP of 4,800 or more "
     "need a licence.", "en")])
def test_a_licence_requirement_makes_a_spec_a_threshold_of_the_rule(text: str, lang: str) -> None:
    assert {(f["subject"], f["metric"], f["value"]) for f in facts(text, lang)} == {
        ("bis-2023-10-17", "threshold_tpp", 4800)}


def test_a_korean_maker_before_a_chip_word_qualifies_the_chips_and_is_no_subject() -> None:
    assert facts("검찰에 따르면 피고인들은 엔비디아 GPU 약 300개를 중국으로 밀수출했다.", "ko") == []


def test_a_korean_count_after_a_chips_volume_noun_counts_that_chip() -> None:
    found = facts("화웨이의 어센드 910B 생산량은 올해 약 40만 개로 추정된다.", "ko")
    assert {(f["subject"], f["value"], f["unit"]) for f in found} == {("huawei", 400000, "GPU")}


def test_an_english_count_after_a_chips_volume_noun_counts_that_chip() -> None:
    found = facts("Nvidia said H20 shipments fell to 100,000 in the quarter.")
    assert {(f["subject"], f["value"], f["unit"], f["object"]) for f in found} == {("nvidia", 100000, "GPU", "h20")}


def test_a_new_name_with_auxiliaries_before_its_verb_is_the_subject_and_deploy_is_hold() -> None:
    text = "Nvidia leads the market. The Saudi firm Quillon will deploy 18,000 GB300 chips this year."
    assert {(f["subject"], f["metric"], f["value"]) for f in facts(text)} == {("quillon", "chips_held", 18000)}


def test_a_korean_term_glossed_as_two_capitalised_words_is_no_person() -> None:
    found = _candidates("모델 붕괴는 합스부르크 질병(Habsburg Disease)에 비유된다.", "ko")
    assert not any(label == "Person" for _, label in found)


def test_a_unit_word_marked_as_a_korean_subject_is_no_name() -> None:
    assert not _candidates("새 규정에 따르면 TPP가 4,800을 넘는 칩은 수출이 금지된다.", "ko")


# -- constructions met in the batches g/h (sentences of our own) -----------------------------------
def test_one_cue_two_metrics_the_value_decides() -> None:
    # "price" cues a chip's price (at least $1) and a model's API price (cents per million tokens)
    assert core("Kimi K2 cut its API price to $0.15 per million input tokens.") == {
        ("kimi-k2", "price", 0.15, "USD")}


def test_a_known_model_name_is_no_name_inside_a_longer_version() -> None:
    found = facts("DeepSeek priced version V3.1 at $0.5 per million tokens.")
    assert {(f["subject"], f["value"]) for f in found} == {("deepseek-v3-1", 0.5)}


def test_a_model_size_variant_is_a_model_of_its_own() -> None:
    assert core("Qwen3-32B-Base has 32 billion parameters.") == {("qwen3-32b-base", "parameters", 3.2e10, "parameters")}


def test_a_generic_reporter_does_not_hide_whose_figure_it_is() -> None:
    text = "Nvidia reports next week. Analysts expect revenue of $40 billion for the quarter."
    assert core(text) == {("nvidia", "revenue", 4e10, "USD")}
    text = "Brokers estimate Tencent's 40% stake in the venture at $2 billion."
    assert ("tencent", "stake_share", 40, "percent") in core(text)


def test_the_named_example_of_a_plural_subject_is_the_subject() -> None:
    text = "Zhipu is growing. Rival model makers such as Moonshot are expected to earn revenues of 3 billion yuan."
    assert core(text) == {("moonshot", "revenue", 3e9, "CNY")}


def test_a_country_is_the_market_of_a_firms_sales_not_their_owner() -> None:
    text = "AMD는 실적을 발표했다. 중국은 지난 회계연도에 60억 달러의 매출을 기록했다."
    assert core(text, "ko") == {("amd", "revenue", 6e9, "USD")}


def test_a_share_of_sales_belongs_to_a_firm() -> None:
    assert core("AMD는 수출 통제로 매출의 12%를 잃었다.", "ko") == {("amd", "revenue_share", 12, "percent")}


def test_a_clause_that_points_back_at_the_figure_keeps_its_subject() -> None:
    text = "AMD는 중국에서 60억 달러의 매출을 올렸으며 이는 전체 매출의 24%에 해당한다."
    assert core(text, "ko") == {("amd", "revenue", 6e9, "USD"), ("amd", "revenue_share", 24, "percent")}
    text = "Hygon earned $900 million in China; this represents 90% of its revenue."
    assert ("hygon", "revenue_share", 90, "percent") in core(text)


def test_a_source_quoted_with_according_to_is_no_subject() -> None:
    text = "AMD는 조사를 받고 있다. 블룸버그에 따르면 기업은 매출의 최대 5%를 벌금으로 낼 수 있다."
    assert {f["subject"] for f in facts(text, "ko")} == {"amd"}


def test_a_multiple_in_words() -> None:
    assert core("Cambricon's revenue more than tripled in 2024.") == {("cambricon", "multiple", 3, "times")}
    assert core("Baidu doubled its orders last year.") == {("baidu", "multiple", 2, "times")}
    assert core("Hygon reported double-digit growth.") == set()


def test_a_models_token_count() -> None:
    assert core("Kimi K2 supports a context window of 256,000 tokens.") == {("kimi-k2", "token_count", 256000, "tokens")}
    assert core("Qwen3는 36조 개의 토큰으로 학습됐다.", "ko") == {("qwen3", "token_count", 3.6e13, "tokens")}


def test_a_sites_power_is_no_chips_power() -> None:
    assert core("G42 expects to run 300 megawatts of capacity by 2027.") == {("g42", "power_capacity", 3e8, "W")}
    assert core("The H20 draws 400 W.") == {("h20", "chip_power", 400, "W")}


def test_a_possessive_inside_a_prepositional_phrase_is_no_subject() -> None:
    text = "Humain builds sites run on Nvidia's chips and expects to have 200 megawatts of power."
    assert core(text) == {("humain", "power_capacity", 2e8, "W")}


def test_a_comparison_names_its_subject() -> None:
    text = "Huawei shipped the CloudMatrix 384 in April. Efficiency per FLOP is worse, at about 3.9 times more power."
    assert not any(metric == "multiple" for _, metric, _, _ in core(text))
    assert core("The CloudMatrix 384 uses 3.9 times more power than the NVL72.") == {
        ("cloudmatrix-384", "multiple", 3.9, "times")}


def test_a_research_house_reports_figures_it_does_not_own() -> None:
    text = "트렌드포스는 바이두 AI 서버 투자 비용이 20억 달러를 넘는다고 추산했다."
    assert {(f["subject"], f["value"]) for f in facts(text, "ko")} == {("baidu", 2e9)}
    text = "Baidu is building a cluster. Counterpoint estimates the total outlay at $3 billion."
    assert {(f["subject"], f["value"]) for f in facts(text)} == {("baidu", 3e9)}


def test_a_korean_firm_named_after_a_firm_noun() -> None:
    text = "미국 스토리지 제조 업체 웨스턴디지털이 수출 통제를 위반해 2억 달러의 벌금을 냈다."
    assert {(f["subject"], f["metric"], f["value"]) for f in facts(text, "ko")} == {("웨스턴디지털", "penalty", 2e8)}


def test_a_korean_generic_subject_with_modifiers_names_no_one() -> None:
    assert facts("중국 대형 기술 기업들은 H20 칩 30만 개를 주문했다.", "ko") == []


def test_a_later_korean_clause_with_its_own_subject_escapes_a_generic_one() -> None:
    text = "중국 기술 기업들이 H200 칩을 100만 개 주문했지만, 엔비디아가 보유한 H200 재고는 50만 개다."
    assert {(f["subject"], f["value"]) for f in facts(text, "ko")} == {("nvidia", 500000)}


def test_a_korean_count_without_a_noun_counts_what_its_sentence_counted_before() -> None:
    text = "바이트댄스는 H20을 20만 개 주문했지만, 엔비디아가 보유한 재고는 8만 개다."
    assert ("nvidia", "chips_held", 80000, "GPU") in core(text, "ko")


def test_a_generic_subject_hides_no_chip() -> None:
    text = "중국 기업들은 개당 1만 2천 달러에 달하는 H20 칩을 사들였다."
    assert ("h20", "chip_price", 12000, "USD") in core(text, "ko")


def test_a_headline_capitalises_its_scale_word() -> None:
    assert core("Intel Takes $1.2 Billion Charge on China Rules") == {("intel", "charge", 1.2e9, "USD")}


def test_months_ago_is_no_duration() -> None:
    assert facts("딥시크는 3개월 전 새 모델을 공개했다.", "ko") == []


def test_a_korean_plural_group_is_a_generic_subject() -> None:
    assert facts("딥시크는 새 모델을 공개했다. 기존 AI 기업들이 수십억 달러를 들여 모델을 만들었다.", "ko") == []


def test_a_closed_quote_and_its_connective_end_a_clause() -> None:
    from kg.extract.frames import FrameBuilder
    from kg.extract.lexicon import lexicon, metrics

    text = "“중국 인터넷 기업들이 칩을 사려고 서두른다”며 “텐센트 등은 A800 칩 5만 개를 주문했다”고 소식통은 전했다."
    at = text.index("5만")
    start, _ = FrameBuilder(lexicon("ko"), metrics()).clause(text, at, at + 2)
    assert text[start:].startswith("“텐센트")


def test_a_bank_analyst_reports_a_figure_it_does_not_own() -> None:
    text = "Tencent holds a stake in the venture. Jefferies estimates it at about $4 billion."
    assert {f["subject"] for f in facts(text)} == {"tencent"}


def test_a_fronted_adverbial_figure_belongs_to_the_main_clause_subject() -> None:
    text = "By fitting the Hopper design with 64 GB of memory, the H20 stays within the rules."
    assert core(text) == {("h20", "chip_memory", 64, "GB")}


def test_a_far_cue_does_not_govern_a_figure() -> None:
    text = ("The Commerce Department wrote new rules. The H200 offers 4.8 TB/s of memory speed and is the chip that buyers in Hong Kong and Shanghai keep "
            "asking their resellers and brokers for most often and most loudly in spite of the US controls.")
    assert core(text) == {("h200", "chip_memory_bandwidth", 4800, "GB/s")}


def test_chips_a_model_used_are_its_training_chips() -> None:
    assert core("Moonshot used 4,096 H800 GPUs for Kimi K2.") & {("moonshot", "training_gpus", 4096, "GPU"),
                                                                  ("kimi-k2", "training_gpus", 4096, "GPU")}
    assert core("문샷은 H800 3천 개를 사용해 키미 K2를 만들었다.", "ko") & {("moonshot", "training_gpus", 3000, "GPU"),
                                                                 ("kimi-k2", "training_gpus", 3000, "GPU")}


def test_analysts_expectation_is_the_topics_figure_but_expected_to_is_no_report() -> None:
    text = "Tencent reported results on Wednesday. Analysts had expected 170 billion yuan in revenue."
    assert core(text) == {("tencent", "revenue", 1.7e11, "CNY")}
    assert {f["subject"] for f in facts("Hygon is expected to earn revenue of 9 billion yuan.")} == {"hygon"}


def test_a_government_secures_chips() -> None:
    text = "한국 정부는 AI 투자를 늘린다. 정부는 2030년까지 GPU 5만 장 확보를 목표로 삼았다."
    assert ("kr-government", "chips_acquired", 50000, "GPU") in core(text, "ko")


def test_a_korean_change_verb_in_any_tense() -> None:
    assert core("SMIC의 순이익은 1억 달러로 29% 늘었다.", "ko") == {
        ("smic", "revenue", 1e8, "USD"), ("smic", "percent_change", 29, "percent")}


def test_a_capitalised_first_word_before_chips_is_no_chip_name() -> None:
    assert ("Modern", "Chip") not in _candidates("Modern chips need yields above 70% to pay off.", "en")
    assert ("Parliament", "Agency") in _candidates("Parliament voted on the chip rules.", "en")


def test_a_countrys_market_is_no_firms_revenue() -> None:
    text = "Cambricon listed in Shanghai. China's AI server market is projected to reach 300 billion yuan in 2027."
    assert core(text) == set()


def test_a_passage_in_another_language_is_read_in_its_own() -> None:
    text = "Huawei reported on its chip plans in Shenzhen on Monday.\n\n화웨이는 올해 어센드 칩 10만 개를 생산했다고 밝혔다."
    assert ("huawei", "chips_produced", 100000, "GPU") in core(text, "en")


def test_a_latin_name_after_a_korean_title_is_a_person() -> None:
    assert ("Mira", "Person") in _candidates("Thinking Machines의 CEO인 Mira는 투자를 늘린다고 말했다.", "ko")


def test_a_name_before_a_stake_is_what_is_owned() -> None:
    assert core("텐센트는 미니맥스 지분 약 13%를 보유하고 있다.", "ko") == {("tencent", "stake_share", 13, "percent")}


def test_a_stake_is_an_ownership_share() -> None:
    assert core("Alibaba holds a 36% stake in Zhipu.") == {("alibaba", "stake_share", 36, "percent")}


def test_has_before_a_past_participle_is_an_auxiliary_not_a_holding() -> None:
    text = "AMD reported results. The company has delivered over 9,000 MI308 accelerators so far."
    assert core(text) == {("amd", "chips_supplied", 9000, "GPU")}


def test_a_trailing_participle_clause_takes_the_main_clauses_subject() -> None:
    text = "Oracle also became the biggest client of AMD's Instinct line in 2025, ordering some 120,000 MI355X GPUs."
    assert core(text) == {("oracle", "chips_ordered", 120000, "GPU")}


def test_a_fronted_purpose_clause_holds_no_subject_for_a_trailing_participle() -> None:
    text = "To match an H100 cluster, an H20 cluster needs three times the chips, adding 40% to its energy bill."
    assert core(text) == {("h20", "multiple", 3, "times"), ("h20", "percentage", 40, "percent")}


def test_a_korean_topic_holds_the_paragraph_past_a_later_subject() -> None:
    text = "캠브리콘은 2016년 세워진 AI 칩 업체다. 이후 화웨이가 최대 고객이 됐다. 지난해 매출은 12억 위안이었다."
    assert core(text, "ko") == {("cambricon", "revenue", 1.2e9, "CNY")}


def test_a_korean_headline_topic_after_a_section_tag() -> None:
    text = "[테크 브리핑] 알리바바, 중국 AI 칩 스타트업 무어스레드 테크놀로지에 5억 달러 투자"
    assert core(text, "ko") == {("alibaba", "investment", 5e8, "USD")}


def test_a_korean_name_whose_firm_word_takes_an_oblique_particle_is_no_subject() -> None:
    text = "알리바바 클라우드는 성장했다. 중국 AI 칩 스타트업 무어스레드 테크놀로지에 5억 달러를 투자했다."
    assert all(subject != "moore-threads" for subject, *_ in core(text, "ko"))


def test_a_bare_count_counts_what_the_paragraph_counted_last() -> None:
    text = "Nvidia shipped 500,000 H20 GPUs in the first quarter. It shipped another 650,000 in the second."
    assert core(text) == {("nvidia", "chips_supplied", 500000, "GPU"), ("nvidia", "chips_supplied", 650000, "GPU")}


def test_a_bare_count_takes_no_noun_from_an_earlier_paragraph() -> None:
    text = "Nvidia shipped 500,000 H20 GPUs in the first quarter.\n\nIt shipped another 650,000 in the second."
    assert core(text) == {("nvidia", "chips_supplied", 500000, "GPU")}


@pytest.mark.parametrize("text, lang", [
    ("China's spending on AI data centres reached $50 billion last year.", "en"),
    ("중국의 반도체 보조금은 지난해 세 배로 늘었다.", "ko"),
])
def test_a_country_is_no_subject_of_a_sum_a_share_or_a_ratio(text: str, lang: str) -> None:
    assert core(text, lang) == set()


def test_a_person_is_the_subject_of_a_percentage_he_announces() -> None:
    text = "In a speech, Donald Trump promised a 40 percent levy on imported servers."
    assert core(text) == {("donald-trump", "percentage", 40, "percent")}


def test_a_petabyte_of_data_is_no_chips_memory() -> None:
    assert core("The H20 is popular. The model's corpus is about 4.8 petabytes of text.") == set()


def test_a_quoted_korean_name_marked_as_subject_is_a_new_name() -> None:
    found = facts("샤오미의 새 모델 ‘미모-맥스’는 매개변수 720억 개를 갖췄다.", "ko")
    assert [(f["subject"], f["metric"], f["value"]) for f in found] == [("미모-맥스", "parameters", 7.2e10)]


def test_a_quoted_korean_name_that_only_possesses_is_no_subject() -> None:
    text = "텐센트의 3분기 광고 매출은 ‘위챗 채널’의 성장 덕분에 20% 뛰었다."
    assert core(text, "ko") == {("tencent", "percent_change", 20, "percent")}


def test_a_plural_anaphor_with_each_gives_the_figure_to_every_name_of_the_list_before() -> None:
    text = "In 2024 Alibaba and Baidu expanded their clusters. They each took delivery of 150,000 Hopper GPUs."
    assert core(text) == {("alibaba", "chips_acquired", 150000, "GPU"), ("baidu", "chips_acquired", 150000, "GPU")}


def test_a_korean_plural_anaphor_with_each_gives_the_figure_to_every_name() -> None:
    text = "알리바바와 바이두는 엔비디아의 최대 고객이었다. 양사는 각각 호퍼 GPU 15만 개를 사들였다."
    assert core(text, "ko") == {("alibaba", "chips_acquired", 150000, "GPU"), ("baidu", "chips_acquired", 150000, "GPU")}


def test_a_plural_anaphor_without_each_takes_the_lists_first_name() -> None:
    text = "Alibaba and Baidu led the market in 2024. The two companies ordered 300,000 H20 chips."
    assert core(text) == {("alibaba", "chips_ordered", 300000, "GPU")}


def test_a_design_or_a_system_points_back_at_the_chip() -> None:
    text = "Huawei showed the Ascend 950 in Shanghai. The design peaks at 1,000 TFLOPS in BF16 arithmetic."
    assert core(text) == {("ascend-950", "chip_compute", 1000, "TFLOPS")}


@pytest.mark.parametrize("text, metric", [("화훙의 월간 생산능력은 12만 장으로 늘었다.", "chips_produced"),
                                          ("화훙은 월 12만 장 규모의 새 공장을 짓는다.", "fab_capacity")])
def test_a_korean_sheet_count_beside_production_or_a_fab_counts_wafers(text: str, metric: str) -> None:
    assert core(text, "ko") == {("hua-hong", metric, 120000, "wafer")}


def test_a_gpu_count_beside_a_fab_is_no_production() -> None:
    assert all(metric != "chips_produced" for _, metric, *_ in core("삼성은 평택 공장에 GPU 5만 장을 들였다.", "ko"))


def test_an_aside_between_dashes_leaves_the_clause_whole() -> None:
    text = "Tencent runs a large cloud. Its computing power reserves — rented servers aside — reached 12 exaFLOPS."
    assert core(text) == {("tencent", "compute_capacity", 12_000_000, "TFLOPS")}


@pytest.mark.parametrize("text, lang", [
    ("AMD expects the MI308 to bring in billions of dollars of revenue next year.", "en"),
    ("증권가는 AMD가 수억 달러의 손실을 볼 것이라고 경고했다.", "ko"),
])
def test_an_order_of_magnitude_is_no_figure(text: str, lang: str) -> None:
    assert core(text, lang) == set()


@pytest.mark.parametrize("text", [
    "Quarterly revenue rose to $4 billion, AMD said on Tuesday.",
    "Data-centre sales reached $4 billion in the quarter, according to AMD.",
])
def test_a_firm_that_states_a_figure_no_one_else_owns_is_its_subject(text: str) -> None:
    assert core(text) == {("amd", "revenue", 4e9, "USD")}


def test_a_news_house_that_reports_a_figure_is_not_its_subject() -> None:
    assert core("Quarterly shipments rose to 40,000 units, Reuters reported.") == set()


def test_a_licence_free_quantity_is_a_bound_not_a_negation() -> None:
    text = "BIS issued the new rule on Monday. Shipments of up to 900 GPUs to a customer do not require a license."
    assert core(text) == {("us-bis", "chip_cap", 900, "GPU")}


def test_a_korean_fall_in_revenue_is_no_charge_and_a_surge_is_a_change() -> None:
    assert core("AMD의 2분기 중국 매출은 15억 달러로 1년 전보다 20% 감소했다. 데이터센터 매출은 300% 급증했다.", "ko") == {
        ("amd", "revenue", 1.5e9, "USD"), ("amd", "percent_change", 20, "percent"), ("amd", "percent_change", 300, "percent")}


def test_owning_a_percentage_of_a_firm_is_a_stake() -> None:
    assert core("Through a fund, Meituan owns about 4 per cent of Biren.") == {("meituan", "stake_share", 4, "percent")}


def test_a_chip_compared_with_a_share_of_another_chips_performance_is_the_subject() -> None:
    assert core("The MI308 offers roughly 70% of the H100's training performance.") == {
        ("mi308", "percentage", 70, "percent")}


def test_a_spec_tables_columns_give_each_figure_its_chip() -> None:
    text = "| Spec | B30A | B300 |\n|---|---|---|\n| Memory | 144 GB | 288 GB |\n| Bandwidth | 4 TB/s | 8 TB/s |"
    assert core(text) == {("b30a", "chip_memory", 144, "GB"), ("b300", "chip_memory", 288, "GB"),
                          ("b30a", "chip_memory_bandwidth", 4000, "GB/s"), ("b300", "chip_memory_bandwidth", 8000, "GB/s")}


def test_a_line_that_is_no_table_row_ends_the_table() -> None:
    text = "| Spec | B30A | B300 |\n| Memory | 144 GB | 288 GB |\nThe B200 has 192 GB of memory."
    assert core(text) == {("b30a", "chip_memory", 144, "GB"), ("b300", "chip_memory", 288, "GB"),
                          ("b200", "chip_memory", 192, "GB")}


def test_a_figure_that_hits_a_level_is_no_charge() -> None:
    assert core("Cambricon revenue hit $1.6 billion last year.") == {("cambricon", "revenue", 1.6e9, "USD")}


def test_the_news_house_that_publishes_a_page_is_never_its_topic() -> None:
    text = ("China Mobile is expanding fast. China Mobile is hiring. Reuters staff wrote this for Reuters and "
            "Reuters readers.\n\nThe operator will spend 30 billion yuan on new data centres.")
    assert core(text) == {("china-mobile", "spending", 3e10, "CNY")}


def test_korean_names_joined_by_middle_dots_share_the_oblique_particle_of_the_last() -> None:
    assert core("포스코·한화·LG에는 엔비디아가 각각 칩 1만 개를 공급한다.", "ko") == {
        ("nvidia", "chips_supplied", 10000, "GPU")}


def test_a_source_is_no_subject_where_the_clause_has_an_anaphor_of_its_own() -> None:
    assert core("The company will pay a $90 million penalty, the Justice Department said.") == set()


def test_a_first_word_the_document_writes_as_a_name_elsewhere_is_a_new_name() -> None:
    text = "The case was brought against Lumora last year. Lumora agreed to pay $75 million to settle it."
    assert core(text) == {("lumora", "spending", 7.5e7, "USD")}


def test_a_capitalised_first_word_is_no_name_without_that_evidence() -> None:
    assert core("Advanced chips need power. Advanced packaging costs $5 billion.") == set()


def test_a_new_name_that_opens_its_clause_before_a_verb_is_its_subject() -> None:
    text = "The case was brought against Lumora last year. Lumora pleaded guilty and agreed to pay $75 million."
    assert core(text) == {("lumora", "spending", 7.5e7, "USD")}


@pytest.mark.parametrize("text", [
    "Rules came from the Federal Register. Federal agencies bought 5,000 GPUs.",
    "Demand from Western firms rose. Western firms bought 5,000 GPUs.",
])
def test_a_capitalised_word_that_starts_a_longer_name_or_an_adjective_is_no_new_firm(text: str) -> None:
    assert core(text) == set()


def test_has_before_a_number_word_is_a_holding() -> None:
    assert core("Meta has seven thousand GPUs.") == {("meta", "chips_held", 7000, "GPU")}


def test_holding_a_share_of_a_market_is_no_stake() -> None:
    assert core("Nvidia holds 80% of the market.") == {("nvidia", "revenue_share", 80, "percent")}


def test_each_before_a_noun_distributes_nothing() -> None:
    found = core("Alibaba and Tencent run large clusters in which each server holds 8 GPUs.")
    assert all(subject != "tencent" for subject, *_ in found)


def test_an_empty_cell_keeps_the_columns_of_a_spec_table() -> None:
    text = "| Spec | B30A | B300 |\n| Memory | | 288 GB |\n| Bandwidth | 4 TB/s | 8 TB/s |"
    assert core(text) == {("b300", "chip_memory", 288, "GB"), ("b30a", "chip_memory_bandwidth", 4000, "GB/s"),
                          ("b300", "chip_memory_bandwidth", 8000, "GB/s")}


def test_a_source_does_not_take_a_figure_from_another_paragraph_topic() -> None:
    assert core("Cambricon is growing. Revenue rose to 1 billion yuan, Huawei said.") == set()


def test_a_fabless_firm_is_no_fab() -> None:
    found = core("팹리스 업체 퓨리오사AI는 GPU 2만 개를 샀다.", "ko")
    assert all(metric not in ("chips_produced", "fab_capacity") for _, metric, *_ in found)


def test_a_korean_subject_of_a_figure_holds_the_paragraph_after_it() -> None:
    text = "화웨이는 칩을 만든다. 2019년 세운 비렌이 칩 1만 개를 팔았다. 매출은 5억 위안이다."
    assert ("biren", "revenue", 5e8, "CNY") in core(text, "ko")


def test_a_rule_the_text_does_not_name_is_its_makers() -> None:
    assert core("BIS said the rule would put 95 entities on the Entity List.") == {
        ("us-bis", "entities_listed", 95, "entity")}


def test_the_rules_of_an_earlier_paragraphs_agency_are_that_agencys() -> None:
    text = "BIS tightened its controls on Monday.\n\nThe new export rules cover processors with a TPP of 4,800 or more."
    assert core(text) == {("us-bis", "threshold_tpp", 4800, "TPP")}


def test_a_korean_street_price_word_makes_a_chips_price() -> None:
    assert core("용산 상가에서 H20의 시세는 약 9만 위안까지 올랐다.", "ko") == {("h20", "chip_price", 90000, "CNY")}


def test_money_a_korean_chip_trades_at_is_its_price() -> None:
    assert core("시장에서 H100이 약 4500만원에 거래되고 있다.", "ko") == {("h100", "chip_price", 45000000, "KRW")}


def test_a_per_unit_price_outranks_a_sales_verb_beside_it() -> None:
    text = "캠브리콘의 MLU590은 개당 8만 위안(약 1500만원)에 판매된다."
    assert core(text, "ko") == {("mlu590", "chip_price", 80000, "CNY")}


def test_a_korean_past_relative_clause_belongs_to_the_name_after_it() -> None:
    text = "한때 2만 5천 달러를 호가했던 H200 카드가 요즘 흔하다."
    assert core(text, "ko") == {("h200", "chip_price", 25000, "USD")}


def test_korean_sheets_of_a_production_noun_are_wafers() -> None:
    assert core("화훙은 월 6만 장의 생산능력을 확보했다.", "ko") == {("hua-hong", "chips_produced", 60000, "wafer")}


def test_a_korean_count_of_sites_borrows_no_earlier_noun() -> None:
    text = "SMIC는 웨이퍼 3만 장을 생산했다. 그중 2기 공장은 내년에 완공된다."
    assert core(text, "ko") == {("smic", "chips_produced", 30000, "wafer"), ("smic", "sites_count", 2, "fab")}


def test_pieces_count_the_noun_their_clause_names() -> None:
    text = "Hua Hong reported its quarter. Wafer shipments were 1.2 million pieces."
    assert core(text) == {("hua-hong", "chips_supplied", 1200000, "wafer")}


def test_a_korean_gain_over_the_predecessor_is_the_discourse_chips() -> None:
    text = "화웨이의 어센드 910C는 내년에 나온다.\n\n이 칩은 메모리를 늘렸다. 전작 대비 성능이 2.5배 높아졌다."
    assert ("ascend-910c", "multiple", 2.5, "times") in core(text, "ko")


def test_a_multiple_against_a_named_rival_is_the_discourse_chips() -> None:
    text = "Nvidia showed the B200 on Monday. It is made on a 4nm process. Inference runs 15 times faster than the H100."
    assert ("b200", "multiple", 15, "times") in core(text)


def test_a_multiple_with_no_base_and_no_named_subject_stays_unclaimed() -> None:
    text = "Nvidia showed the B200 on Monday. Demand grew 3 times."
    assert not any(f[1] == "multiple" for f in core(text))


def test_a_latin_name_after_a_korean_site_word_is_no_firm() -> None:
    text = "TSMC는 새 투자를 발표했다.\n\n애리조나 공장 F21은 월 2만 장의 웨이퍼를 생산하게 된다."
    assert core(text, "ko") == {("tsmc", "chips_produced", 20000, "wafer")}


def test_a_footnote_number_glued_to_a_stop_ends_the_sentence() -> None:
    found = facts("Tencent would not comment on its plans in the region.3 Baidu bought 4,000 H20 GPUs.")
    assert [(f["subject"], f["value"]) for f in found] == [("baidu", 4000)]


def test_a_longer_korean_cue_word_reads_before_the_word_inside_it() -> None:
    text = "엔비디아는 H20을 내놓았다.\n\nH20의 공식 판매가는 1만 2천 달러다."
    assert core(text, "ko") == {("h20", "chip_price", 12000, "USD")}


def test_a_duration_is_a_figure_only_beside_a_verb_of_elapsed_time() -> None:
    assert core("Cambricon's listing review took only 95 days.") == {("cambricon", "duration", 95, "days")}
    assert core("Cambricon is about nine months into its listing plan.") == set()


def test_a_korean_duration_is_a_figure_only_beside_a_verb_of_elapsed_time() -> None:
    assert core("CXMT는 양산 일정을 약 3개월 앞당겼다.", "ko") == {("cxmt", "duration", 3, "months")}
    assert core("화웨이는 약 6개월 동안 준비했다.", "ko") == set()


def test_a_site_scale_compute_figure_is_the_paragraphs_firms_capacity() -> None:
    text = "Alibaba Cloud opened a data centre in Zhangbei. The site can reach 9 exaflops of computing power."
    assert core(text) == {("alibaba-cloud", "compute_capacity", 9_000_000, "TFLOPS")}


def test_a_multiple_in_the_clause_of_a_topics_figure_is_its_growth() -> None:
    text = "비렌은 상장을 준비하고 있다. 작년 매출은 3억 위안으로 전년 대비 4배 가까이 늘었다."
    assert ("biren", "multiple", 4, "times") in core(text, "ko")


def test_an_english_name_ending_in_center_is_an_organisation() -> None:
    assert ("Yangtze Intelligent Computing Center", "Firm") in _candidates(
        "The Yangtze Intelligent Computing Center opened a new hall in May.", "en")


def test_an_unknown_name_listed_with_known_firms_is_a_firm() -> None:
    found = _candidates("The rule hit Huawei, Zentrix and Baidu alike.", "en")
    assert ("Zentrix", "Firm") in found


def test_an_unknown_name_in_apposition_with_a_firm_noun_is_a_firm() -> None:
    found = _candidates("Parts went through Corvalis, a Texas-based server reseller, last year.", "en")
    assert ("Corvalis", "Firm") in found


def test_a_comma_alone_makes_no_list_for_an_unknown_name() -> None:
    found = _candidates("Despite Strong Demand Lately, Nvidia shares fell.", "en")
    assert not any(label == "Firm" for _, label in found)


def test_a_western_given_name_in_hangul_opens_a_persons_name() -> None:
    found = _candidates("법정에서 스티븐 카슬로와 제니퍼 오웬이 증언했다.", "ko")
    assert {("스티븐 카슬로", "Person"), ("제니퍼 오웬", "Person")} <= found


def test_a_western_name_in_hangul_may_be_followed_by_a_title() -> None:
    found = _candidates("모건의 찰스 문 애널리스트는 수요가 는다고 봤다.", "ko")
    assert ("찰스 문", "Person") in found


def test_the_first_three_quarters_of_a_year_are_a_period_not_a_share() -> None:
    text = "Biren's sales over the first three quarters of 2024 came to 2 billion yuan."
    assert core(text) == {("biren", "revenue", 2e9, "CNY")}


def test_chip_words_joined_by_and_are_no_firm() -> None:
    found = _candidates("Orders for CPU and AI parts keep climbing.", "en")
    assert not any(label == "Firm" for _, label in found)


def test_a_suffix_after_two_joined_nouns_types_no_firm() -> None:
    found = _candidates("Part 2: Cash and Risk Management - the reserves grew.", "en")
    assert not any(label == "Firm" for _, label in found)


def test_a_firm_noun_right_before_a_new_name_makes_it_a_firm() -> None:
    found = _candidates("Money for chipmaker Brindle doubled this spring.", "en")
    assert ("Brindle", "Firm") in found


def test_a_figure_a_firms_officer_gives_is_the_firms() -> None:
    text = '램리서치는 주문 감소를 예상했다. 최고재무책임자 마크 쿠퍼는 "규제로 내년 매출이 약 3억 달러 줄 것"이라고 말했다.'
    assert core(text, "ko") == {("lam-research", "revenue", 300_000_000, "USD")}


def test_an_english_model_code_is_a_chip_and_a_name_of_its_own() -> None:
    found = _candidates("Demand for the KX720 and the KX760 stayed firm.", "en")
    assert {("KX720", "Chip"), ("KX760", "Chip")} <= found


def test_a_name_before_a_figure_after_a_comma_repeats_the_left_out_verb() -> None:
    text = "Last year SK Hynix drew 31% of its sales from China, Samsung Electronics 26%, and both Micron and Kioxia 12%."
    assert core(text) == {
        ("sk-hynix", "revenue_share", 31, "percent"), ("samsung-electronics", "revenue_share", 26, "percent"),
        ("micron", "revenue_share", 12, "percent"), ("kioxia", "revenue_share", 12, "percent"),
    }


def test_a_related_articles_link_with_its_date_glued_on_yields_no_fact() -> None:
    link = "- SK하이닉스, 3분기 매출 40% 증가…사상 최대"
    assert core(link, "ko") == {("sk-hynix", "percent_change", 40, "percent")}
    assert core(link + "2023.10.26", "ko") == set()


def test_an_officer_charged_with_a_crime_acts_for_himself() -> None:
    text = "램리서치 공동창업자 존 베일리는 칩 2억 달러어치를 밀수출한 혐의로 기소됐다."
    assert core(text, "ko") == {("존-베일리", "amount", 200_000_000, "USD")}


def test_a_camel_case_word_opening_a_sentence_is_a_name() -> None:
    found = _candidates("QuillBridge is seeking fresh funds abroad.", "en")
    assert any(surface == "QuillBridge" for surface, _ in found)


def test_an_unnamed_firm_as_subject_takes_no_topic() -> None:
    text = "Nvidia sold more chips this year. A Nevada hardware firm agreed to pay a $3 million fine."
    assert core(text) == set()


def test_an_unnamed_korean_firm_as_subject_takes_no_topic() -> None:
    text = "엔비디아는 칩을 더 팔았다. 대만의 한 유통업체는 300만 달러의 벌금을 냈다."
    assert core(text, "ko") == set()


def test_a_korean_relative_clause_of_any_verb_belongs_to_the_name_after_it() -> None:
    text = "화웨이의 성장은 더디다. 매출 4조원을 기록하는 캠브리콘은 여전히 적자다."
    assert core(text, "ko") == {("cambricon", "revenue", 4e12, "KRW")}


def test_a_subject_inside_a_korean_time_clause_is_not_the_main_clauses() -> None:
    text = "캠브리콘은 화웨이가 새 칩을 공개한 뒤 사흘 만에 9억 위안 규모 계약을 따냈다."
    assert core(text, "ko") == {("cambricon", "spending", 900_000_000, "CNY")}


def test_a_model_number_before_a_comma_stays_in_the_name() -> None:
    found = _candidates("Intel showed the Habana Gaudi 5, a training card, in May.", "en")
    assert ("Habana Gaudi 5", "Chip") in found


def test_ethernet_bandwidth_is_an_interconnect() -> None:
    text = "The MI308 carries eight 400Gbps Ethernet ports."
    assert core(text) == {("mi308", "chip_interconnect", 50, "GB/s")}


def test_a_korean_sanction_payment_is_the_penalised_firms_penalty() -> None:
    text = "램리서치는 수출 규정을 어겼다. 상무부는 1억 달러의 제재금을 부과했다고 밝혔다."
    assert core(text, "ko") == {("lam-research", "penalty", 100_000_000, "USD")}


def test_a_rivals_figure_written_as_its_possession_after_versus_is_the_rivals() -> None:
    text = "The MI308 offers 2,000 TFLOPS versus B200’s 4,500 TFLOPS."
    assert core(text) == {("mi308", "chip_compute", 2000, "TFLOPS"), ("b200", "chip_compute", 4500, "TFLOPS")}


def test_a_two_word_chip_word_types_a_new_name() -> None:
    found = _candidates('The firm will ship the "Tianlu 128 Super Node" in spring.', "en")
    assert ("Tianlu 128 Super Node", "Chip") in found


def test_a_name_with_a_parameter_size_is_a_model() -> None:
    found = _candidates("Baichuan tuned Orca-13B on 256 cards.", "en")
    assert ("Orca-13B", "AIModel") in found


def test_a_known_name_with_a_capitalised_suffix_names_a_model_variant() -> None:
    found = _candidates("Engineers tested DeepSeek-Coder and Kimi-K2-Vision last week.", "en")
    assert {("DeepSeek-Coder", "AIModel"), ("Kimi-K2-Vision", "AIModel")} <= found


def test_an_english_cue_that_opens_a_later_figure_is_that_figures() -> None:
    text = "Tencent opened a data center with 8,000 accelerator cards and capacity of 900 petaflops."
    assert not any(metric == "chips_produced" for _, metric, _, _ in core(text))


def test_a_memory_size_right_before_a_chip_is_that_chips() -> None:
    assert core("Buyers still want the 141GB H200 card.") == {("h200", "chip_memory", 141, "GB")}


def test_a_penalty_against_a_firm_is_that_firms() -> None:
    text = "Regulators imposed a penalty of $2 million against Orbis Micro, a reseller."
    assert core(text) == {("orbis-micro", "penalty", 2_000_000, "USD")}


def test_a_demonstrative_points_at_the_name_mentioned_last_whatever_its_role() -> None:
    text = "A100 수요는 여전하다. 분석가들은 H20 카드를 시험한 결과 이 칩이 2400 TPP에서 작동한다고 밝혔다."
    assert core(text, "ko") == {("h20", "chip_tpp", 2400, "TPP")}


def test_falling_short_of_a_korean_figure_is_no_negation() -> None:
    assert core("비렌의 시장 점유율은 2%에 못 미친다.", "ko") == {("biren", "revenue_share", 2, "percent")}


def test_a_chip_anaphor_points_at_the_chip_named_last_in_its_sentence() -> None:
    text = "The H100 sold out fast. In tests with the A100, the GPU's 2,039 GB/s memory bandwidth impressed analysts."
    assert core(text) == {("a100", "chip_memory_bandwidth", 2039, "GB/s")}


def test_a_word_a_known_name_holds_is_no_anaphor() -> None:
    assert core("정부는 GPU 2만 장을 도입하겠다고 밝혔다.", "ko") == {("kr-government", "chips_acquired", 20000, "GPU")}


@pytest.mark.parametrize("text, lang", [("상무부는 올해 수출 허가 240건을 내줬다.", "ko"),
                                         ("The Commerce Department granted 240 export licenses this year.", "en")])
def test_a_count_of_licences_granted_is_the_agencys(text: str, lang: str) -> None:
    assert core(text, lang) == {("us-commerce", "licences_granted", 240, "cases")}


def test_the_one_firm_a_page_names_once_is_what_the_company_is() -> None:
    text = "The company reported revenue of 4 billion yuan.\n\nSource: Hygon research note"
    assert core(text) == {("hygon", "revenue", 4e9, "CNY")}


def test_a_known_name_written_in_capitals_is_linked() -> None:
    text = "Shares rose after HUA HONG SEMICONDUCTOR posted revenue of US$500 million."
    assert core(text) == {("hua-hong", "revenue", 500_000_000, "USD")}


def test_a_latin_model_code_in_korean_text_is_a_chip_not_a_firm() -> None:
    text = "무어스레드가 새 GPU를 내놓았다. MTT S90은 메모리가 32GB로 늘었다."
    assert core(text, "ko") == {("mtt-s90", "chip_memory", 32, "GB")}


def test_a_predecessor_named_in_passing_is_not_what_it_refers_to() -> None:
    text = "The B200 is Nvidia's new flagship. It builds on the previous-generation H100. It has 192GB of memory."
    assert core(text) == {("b200", "chip_memory", 192, "GB")}


def test_a_known_family_and_one_digit_before_a_chip_noun_is_a_new_member() -> None:
    assert ("Kunlun 3", "Chip") in _candidates("Baidu shipped the Kunlun 3 (its new part) in May.", "en")


def test_a_memory_makers_layer_count_is_a_chip_spec() -> None:
    assert core("SK Hynix will start making 321-layer flash next year.") == {("sk-hynix", "chip_layers", 321, "layer")}


def test_a_korean_negation_of_another_topic_leaves_the_figure_standing() -> None:
    text = "H20의 중국 내 가격은 1만 2천 달러 수준으로 H100과 큰 차이는 없다."
    assert core(text, "ko") == {("h20", "chip_price", 12000, "USD")}


def test_a_relative_clause_after_a_negation_states_its_own_figure() -> None:
    text = "Cambricon is not far behind Hygon, which holds 12% of the market."
    assert core(text) == {("hygon", "revenue_share", 12, "percent")}


def test_a_stop_inside_brackets_ends_no_sentence() -> None:
    found = facts("On May 3, Hua Hong (01347. HK) reported revenue of US$600 million.")
    assert [(f["subject"], f["value"], f["date"]) for f in found] == [("hua-hong", 600_000_000, "2024-05-03")]


def test_a_chips_clock_is_a_chip_spec() -> None:
    assert core("The H800 runs at a boost clock of 1.75 GHz.") == {("h800", "chip_clock", 1.75, "GHz")}


def test_a_firm_supplied_with_chips_acquires_them() -> None:
    found = core("Nvidia will supply 12,000 GB300 chips to Humain this year.")
    assert ("humain", "chips_acquired", 12000, "GPU") in found and ("nvidia", "chips_supplied", 12000, "GPU") in found


def test_a_country_chips_are_shipped_to_acquires_nothing() -> None:
    assert not any(f[1] == "chips_acquired" for f in core("Nvidia shipped 5,000 H20 chips to China in May."))


def test_a_memory_term_in_latin_letters_is_no_korean_name() -> None:
    found = _candidates("새 칩은 전작보다 VRAM은 30% 늘었고 GDDR7 메모리를 쓴다.", "ko")
    assert not any(surface in ("VRAM", "GDDR7") for surface, _ in found)


def test_a_new_chip_heading_a_spec_table_column_owns_its_figures() -> None:
    text = "Zhaoxin compared its part with Nvidia's.\n\n| Spec | ZX-900 | H20 |\n|---|---|---|\n| Memory | 48 GB | 96 GB |"
    assert core(text) == {("zx-900", "chip_memory", 48, "GB"), ("h20", "chip_memory", 96, "GB")}


def test_a_table_rows_label_says_what_its_bare_counts_count() -> None:
    text = "| Part | H20 | H200 |\n|---|---|---|\n| Transistors | 35 billion | 42 billion |"
    assert core(text) == {("h20", "chip_transistors", 35e9, "transistors"), ("h200", "chip_transistors", 42e9, "transistors")}


def test_a_chips_transistor_count_is_a_chip_spec() -> None:
    assert core("H200은 800억 개의 트랜지스터를 담았다.", "ko") == {("h200", "chip_transistors", 80e9, "transistors")}


def test_a_new_model_code_opening_a_spec_clause_is_the_chip() -> None:
    text = "Biren showed its parts in Shanghai. The BR200 delivers 512 TFLOPS and has 96GB of HBM3."
    assert core(text) == {("br200", "chip_compute", 512, "TFLOPS"), ("br200", "chip_memory", 96, "GB")}


def test_a_fiscal_year_code_is_no_chip() -> None:
    assert not any(f[0] == "fy2025" for f in core("Biren said FY2025 has 20% more orders than before."))


def test_a_maker_named_on_its_products_is_not_what_a_page_is_about() -> None:
    text = ("Prosecutors say Zentrix shipped Nvidia GPUs to China.\n\n"
            "The Nvidia chips went through Malaysia. Zentrix also bought Nvidia's H100s there.\n\n"
            "The company spent $30 million on the chips.")
    assert ("zentrix", "spending", 30_000_000, "USD") in core(text)


def test_wafers_a_month_with_no_verb_are_a_fabs_capacity() -> None:
    assert core("Hua Hong's advanced lines: 30k wpm by mid-2026.") == {("hua-hong", "fab_capacity", 30000, "wafer")}


def test_a_korean_count_names_its_noun_before_the_head_it_modifies() -> None:
    text = "큐원 3는 새 모델이다. 이 2,350억 개 파라미터 모델은 누구나 쓸 수 있다."
    assert ("qwen3", "parameters", 235e9, "parameters") in core(text, "ko")


def test_a_table_rows_label_gives_its_unit_to_bare_cells() -> None:
    text = "Spec | H20 | H200 |\nFP8 TFLOPS | 296 | 1979 |"
    assert core(text) == {("h20", "chip_compute", 296, "TFLOPS"), ("h200", "chip_compute", 1979, "TFLOPS")}


def test_a_dense_and_sparse_cell_gives_two_figures() -> None:
    text = "Spec | H20 | H200 |\nINT8 TOPS | 148/296* | 990/1979* |"
    assert ("h20", "chip_compute", 296, "TFLOPS") in core(text) and ("h200", "chip_compute", 990, "TFLOPS") in core(text)


def test_a_question_mark_in_a_table_cell_ends_no_row() -> None:
    text = "Spec | ZX-900 | H20 |\nPower | ? | 400W |"
    assert core(text) == {("h20", "chip_power", 400, "W")}


def test_a_new_model_code_after_a_determiner_and_modifiers_owns_the_spec() -> None:
    text = "Zhaoxin showed two parts. The entry-level ZX-500 comes with 24GB of memory."
    assert core(text) == {("zx-500", "chip_memory", 24, "GB")}


def test_a_korean_comparison_base_may_have_head_nouns_before_its_particle() -> None:
    text = "B300 칩을 쓴 랙은 구형 H200 기반 랙보다 학습 시 4배 빠르다."
    assert core(text, "ko") == {("b300", "multiple", 4, "times")}


def test_a_share_on_a_page_about_an_agency_is_not_the_agencys_unless_named() -> None:
    text = "BIS widened its chip rules on Monday.\n\nShares of chip designers fell 6% after the news."
    assert not any(f[0] == "us-bis" for f in core(text))
    assert ("us-bis", "control_share", 40, "percent") in core("BIS said it rejected 40% of the licence requests.")


def test_a_bare_share_in_a_later_clause_is_not_the_first_clauses_subjects() -> None:
    text = "Enflame rebuilt its cluster, and about 35% of the cards now sit idle."
    assert core(text) == set()


def test_a_new_model_code_with_its_spec_after_while_owns_it() -> None:
    text = "The ZX-900 leads the range, while the smaller ZX-300 with 24GB of memory fills the gap."
    assert ("zx-300", "chip_memory", 24, "GB") in core(text)


def test_number_words_joined_by_and_after_a_hundred_are_one_figure() -> None:
    text = "The ZX-700 delivers one hundred and forty-two teraflops at low precision."
    assert core(text) == {("zx-700", "chip_compute", 142, "TFLOPS")}


def test_a_fraction_word_hyphened_to_a_noun_is_no_figure() -> None:
    text = "The ZX-700 delivers ninety teraflops in half-precision arithmetic."
    assert core(text) == {("zx-700", "chip_compute", 90, "TFLOPS")}


def test_a_new_model_code_before_a_modal_and_a_spec_verb_owns_the_spec() -> None:
    text = "Kirin chips sold well last year.\n\nThe QX-210 can draw ninety watts under load."
    assert core(text) == {("qx-210", "chip_power", 90, "W")}


def test_a_new_chip_named_with_its_noun_keeps_its_type_when_named_alone_later() -> None:
    text = ("Lumen Silicon unveiled the LS T9000 GPU this week.\n\n"
            "LS T9000 specifications list 64GB of on-package memory.")
    assert ("ls-t9000", "chip_memory", 64, "GB") in core(text)


def test_a_korean_possessor_after_the_figure_does_not_block_the_dropped_subject() -> None:
    text = "카카오는 새 데이터센터를 짓는다. 또 내후년까지 700억원을 들여 퓨리오사AI의 칩을 도입할 계획이다."
    assert core(text, "ko") == {("kakao", "spending", 70e9, "KRW")}


def test_a_korean_subject_inside_a_relative_clause_yields_to_the_sentence_topic() -> None:
    text = "카카오는 리벨리온이 올해 내놓을 예정인 칩을 바탕으로 50MW급 센터를 세울 계획이다."
    assert core(text, "ko") == {("kakao", "power_capacity", 50e6, "W")}


def test_a_korean_name_right_after_a_place_noun_is_a_place_not_a_new_firm() -> None:
    text = "첫 단계는 북부 도시 하롱의 산업단지에 3억 달러를 투자해 지어질 예정이다."
    assert not any(f[0] == "하롱" for f in core(text, "ko"))


def test_a_korean_clause_whose_subject_is_an_agency_does_not_take_the_firm_topic() -> None:
    text = "엔비디아는 새 칩을 내놓았다. 정부가 내년부터 대학에 GPU 5천 장을 공급할 예정이다."
    assert not any(f[0] == "nvidia" and f[2] == 5000 for f in core(text, "ko"))


def test_a_clause_opening_with_a_project_as_subject_is_not_about_the_topic_firm() -> None:
    text = "Tencent won the tender last week. The project involves buying 900 inference servers over two years."
    assert not any(f[0] == "tencent" and f[2] == 900 for f in core(text))


def test_a_count_hyphened_to_person_before_a_workforce_is_a_headcount() -> None:
    assert core("Biren has an 800-strong workforce in Shanghai.") == {("biren", "headcount", 800, "people")}



def test_lines_of_a_list_after_a_colon_or_a_long_unstopped_line_are_separate_sentences() -> None:
    from kg.extract.sentences import sentences
    long = "Scored 81.5 on the reading benchmark, ahead of three rival open models and two closed ones"
    text = f"Qwen leads in the tests:\n{long} of its size\nZhipu shipped 3,000 servers to Baidu last year"
    assert [text[a:b] for a, b in sentences(text)] == [
        "Qwen leads in the tests:", f"{long} of its size", "Zhipu shipped 3,000 servers to Baidu last year"]


def test_a_sum_restated_in_another_currency_after_a_comma_and_about_is_one_fact() -> None:
    text = "Samsung invested 2.4 trillion won, about $1.7 billion, in its new memory line."
    assert core(text) == {("samsung-electronics", "investment", 2.4e12, "KRW")}


def test_names_ending_in_platforms_services_or_datacentres_are_firms() -> None:
    found = _candidates("Kauri Data Services opened a site. Orbit Platforms runs it for Tasman Datacentres.", "en")
    assert {("Orbit Platforms", "Firm"), ("Kauri Data Services", "Firm"), ("Tasman Datacentres", "Firm")} <= set(found)


@pytest.mark.parametrize("text, name", [
    ("The fine was fair, Ana-Sofía Brück said on Monday.", "Ana-Sofía Brück"),
    ("Deputy Secretary Thomas R. Whitcombe said the rule stands.", "Thomas R. Whitcombe"),
    ("Wei-Ming Tsou, co-founder of the start-up, said the chip is ready.", "Wei-Ming Tsou"),
])
def test_hyphened_accented_and_initialled_names_are_people(text: str, name: str) -> None:
    assert (name, "Person") in _candidates(text, "en")


@pytest.mark.parametrize("text, lang, metric, value", [
    ("인도는 올해 GPU 2만 개를 확보했다.", "ko", "chips_acquired", 20000),
    ("China has invested $40 billion in chip plants since 2020.", "en", "investment", 40e9),
])
def test_a_country_that_buys_or_invests_acts_through_its_government(text: str, lang: str, metric: str, value: float) -> None:
    assert {(f[0], f[1], f[2]) for f in core(text, lang)} == {
        ("in-government" if lang == "ko" else "cn-government", metric, value)}


@pytest.mark.parametrize("text, metric", [
    ("엔비디아는 새 칩을 내놓았다. 카카오는 데이터센터에 H100 4천대를 설치했다.", "chips_held"),
    ("카카오는 2027년까지 엔비디아로부터 GPU 3만장을 수급받기로 했다.", "chips_acquired"),
])
def test_korean_verbs_of_installing_and_receiving_chips_are_cues(text: str, metric: str) -> None:
    assert any(f[0] == "kakao" and f[1] == metric for f in core(text, "ko"))


def test_a_korean_particle_after_a_names_bracketed_gloss_marks_the_name() -> None:
    text = "엔비디아는 새 칩을 공개했다. 산업통상자원부(산업부)는 올해 안에 GPU 5천장을 확보하겠다고 밝혔다."
    assert ("kr-motie", "chips_acquired", 5000, "GPU") in core(text, "ko")


def test_a_korean_anaphoric_topic_outranks_a_name_marked_in_an_earlier_clause() -> None:
    text = "딥시크가 새 모델을 냈다. 이 회사는 중국 투자사 바이두(Baidu)가 투자했으며, 2023년 엔비디아 GPU 2천개를 확보한 바 있다."
    assert ("deepseek", "chips_acquired", 2000, "GPU") in core(text, "ko")


def test_a_korean_officer_named_by_surname_and_title_speaks_for_the_paragraphs_firm() -> None:
    text = "카카오는 새 데이터센터를 짓는다. 정 대표는 \"GPU 2만 장을 확보할 계획\"이라고 밝혔다."
    assert core(text, "ko") == {("kakao", "chips_acquired", 20000, "GPU")}


def test_a_chip_family_the_discourse_holds_stands_for_its_variant_named_there() -> None:
    text = ("Huawei Ascend chips gain ground, and Huawei Ascend sales rise in China.\n\n"
            "The Ascend 910C is the newest part.\n• Memory bandwidth: 3,200 GB/s across four stacks")
    assert ("ascend-910c", "chip_memory_bandwidth", 3200, "GB/s") in core(text)


def test_the_noun_acquisition_of_is_a_cue_for_chips_acquired() -> None:
    assert core("Tencent completed the acquisition of 5,000 H20 chips in May.") == {
        ("tencent", "chips_acquired", 5000, "GPU")}


def test_an_officer_titled_after_the_name_speaks_for_the_firm_the_title_is_of() -> None:
    text = ("Rivals such as Nvidia dominate the market. Wei-Ming Tsou, the founder and head of Zhipu, "
            "said his company trained its model using 3,000 GPUs.")
    assert {f[0] for f in core(text)} == {"zhipu-ai"}


def test_a_korean_name_with_a_one_syllable_surname_after_a_title_is_a_person() -> None:
    assert ("류 샤오펑", "Person") in _candidates("이 회사 공동창업자 류 샤오펑이 계획을 밝혔다.", "ko")


def test_a_korean_firm_suffix_written_as_a_word_of_its_own_ends_a_firm_name() -> None:
    assert ("가오링 매니지먼트", "Firm") in _candidates("가오링 매니지먼트가 투자를 이끌었다.", "ko")


def test_a_korean_city_government_or_district_prosecutors_office_is_an_agency_alone() -> None:
    found = _candidates("항저우시 정부는 지원을 늘렸다. 부산지검은 임원들을 기소했다.", "ko")
    assert {("항저우시 정부", "Agency"), ("부산지검", "Agency")} <= found


def test_a_korean_name_after_a_firm_noun_with_a_locative_particle_is_a_firm() -> None:
    assert ("세로닉스", "Firm") in _candidates("장비 자회사 세로닉스에서 도면이 유출됐다.", "ko")


def test_a_korean_name_before_a_prosecutor_title_in_brackets_is_a_person() -> None:
    assert ("박서진", "Person") in _candidates("형사3부(박서진 부장검사)는 임원들을 기소했다.", "ko")


def test_people_charged_are_the_prosecuting_agencys_figure_not_the_accuseds() -> None:
    assert core("The Justice Department indicted seven people on Monday.") == {
        ("us-doj", "people_charged", 7, "people")
    }


def test_korean_people_indicted_with_or_without_detention_are_the_prosecutors_figures() -> None:
    text = "부산지검은 주범 등 4명을 구속 기소하고 나머지 2명을 불구속 기소했다."
    assert core(text, "ko") == {("부산지검", "people_charged", 4, "people"), ("부산지검", "people_charged", 2, "people")}


def test_a_rule_saying_what_a_chip_should_not_exceed_states_a_threshold_not_a_condition() -> None:
    text = "The Commerce Department issued a rule on Monday. Under it, a chip's output should not exceed 450 TFLOPS."
    assert core(text) == {("us-commerce", "threshold_compute", 450, "TFLOPS")}


def test_a_countrys_allocation_in_tpp_is_a_threshold_of_hundreds_of_millions() -> None:
    assert core("BIS capped each country at 650 million TPP a year.") == {("us-bis", "threshold_tpp", 6.5e8, "TPP")}


def test_a_korean_latin_name_with_a_decimal_release_number_is_a_model() -> None:
    assert ("Falcon-3.5", "AIModel") in _candidates("코딩 성능은 Falcon-3.5가 가장 높았다.", "ko")


def test_korean_the_name_possessing_a_count_owns_it_before_a_known_name_earlier() -> None:
    text = "매개변수는 챗GPT의 기반 기술 Falcon-3.5의 약 1800억 개에 못 미친다."
    assert core(text, "ko") == {("falcon-3-5", "parameters", 1.8e11, "parameters")}


def test_korean_the_noun_a_figure_counts_is_no_new_subject() -> None:
    assert core("GPT-4의 매개변수는 약 1조 개다.", "ko") == {("gpt-4", "parameters", 1e12, "parameters")}


def test_a_model_variant_suffix_may_end_in_a_capital() -> None:
    assert core("Tencent released Hunyuan-TurboX, a model with 480 billion parameters.") >= {
        ("hunyuan-turbox", "parameters", 4.8e11, "parameters")}


def test_a_firm_now_valued_at_a_sum_states_its_valuation_not_a_spend() -> None:
    assert core("Zhipu AI is now valued at $4.5 billion.") == {("zhipu-ai", "market_value", 4.5e9, "USD")}


def test_korean_a_firms_worth_said_with_gachi_is_its_valuation() -> None:
    assert core("CXMT의 가치는 150억 달러로 평가됐다.", "ko") == {("cxmt", "market_value", 1.5e10, "USD")}


def test_a_firm_that_will_get_or_receive_chips_acquires_them() -> None:
    assert core("Sarvam AI will get 2,048 H100 GPUs next year.") == {("sarvam-ai", "chips_acquired", 2048, "GPU")}


def test_a_korean_foreign_name_kiwi_cuts_into_a_noun_and_a_numeral_is_still_a_name() -> None:
    found = _candidates("택배 대기업 메이투가 올해 2억 위안을 썼다.", "ko")  # Kiwi: 메이 + 투 (a numeral)
    assert ("메이투", "Firm") in found


def test_a_name_inside_a_fronted_phrase_does_not_head_the_main_clauses_subject() -> None:
    text = "Started in 2019 by former staff of Intel, Moore Threads priced its listing at 80 yuan per share."
    assert {f[0] for f in core(text)} == {"moore-threads"}


def test_a_firms_officer_who_reports_a_share_reports_the_firms_share() -> None:
    text = "Nvidia sold more chips abroad. The company's finance chief, Colette Kress, said she saw that share falling to 25 per cent."
    assert core(text) == {("nvidia", "percentage", 25, "percent")}


# -- durations a cue says what they are --------------------------------------------------------------
def test_years_a_person_worked_somewhere_are_a_tenure() -> None:
    assert core("Colette Kress worked at Microsoft for 11 years.") == {("colette-kress", "tenure", 11, "years")}


def test_a_hyphenated_year_count_before_veteran_is_a_tenure() -> None:
    assert core("Jensen Huang, a 30-year industry veteran, spoke first.") == {("jensen-huang", "tenure", 30, "years")}


def test_years_in_prison_are_a_prison_term() -> None:
    assert core("Jensen Huang would face up to 5 years in prison.") == {("jensen-huang", "prison_term", 5, "years")}


def test_a_hyphenated_day_window_an_agency_sets_is_a_rule_period() -> None:
    text = "The Commerce Department set a 45-day window for public comment."
    assert core(text) == {("us-commerce", "rule_period", 45, "days")}


def test_months_behind_another_model_are_a_lag() -> None:
    assert core("Qwen3 is roughly four months behind GPT-5.") == {("qwen3", "lag", 4, "months")}


def test_korean_years_worked_at_a_firm_are_a_tenure() -> None:
    assert core("콜레트 크레스는 마이크로소프트에서 11년 근무했다.", "ko") == {("colette-kress", "tenure", 11, "years")}


def test_korean_a_prison_term_sought_is_a_prison_term() -> None:
    assert core("검찰은 젠슨 황에게 징역 4년을 구형했다.", "ko") == {("jensen-huang", "prison_term", 4, "years")}


def test_korean_days_within_which_an_agency_demands_a_proof_are_a_rule_period() -> None:
    assert core("상무부는 45일 안에 자료를 내라고 요구했다.", "ko") == {("us-commerce", "rule_period", 45, "days")}


def test_korean_days_after_which_a_rule_takes_effect_are_a_rule_period() -> None:
    assert core("상무부 규정은 공표 뒤 75일 후 시행된다.", "ko") == {("us-commerce", "rule_period", 75, "days")}


def test_korean_days_it_took_said_with_mane_are_elapsed_time() -> None:
    assert core("엔비디아는 공장을 80일 만에 지었다.", "ko") == {("nvidia", "duration", 80, "days")}


def test_a_share_of_a_whole_a_name_modifies_is_the_names() -> None:
    text = "Japan represented 31 percent of all Tokyo Electron tool sales."
    assert core(text) == {("tokyo-electron", "revenue_share", 31, "percent")}


def test_korean_a_hangul_name_with_a_spaced_latin_ai_is_a_firm() -> None:
    assert ("카루나 AI", "Firm") in _candidates("카루나 AI는 새 모델을 만들고 있다.", "ko")
    assert _candidates("생성형 AI는 새 모델이 필요하다.", "ko") == set()


def test_a_compound_modified_model_owns_its_size_before_the_firm_that_possesses_it() -> None:
    text = "Alibaba's 32-billion-parameter QwQ-32B model did well."
    assert core(text) == {("qwq-32b", "parameters", 3.2e10, "parameters")}


def test_an_investment_a_firm_received_from_another_is_the_givers_in_the_receiver() -> None:
    found = facts("Moore Threads received a $90 million investment from Tencent.")
    assert [(f["subject"], f["metric"], f["value"], f["object"]) for f in found] == [
        ("tencent", "investment", 9e7, "moore-threads")]


def test_korean_an_investment_received_from_a_name_marked_robuteo_is_the_givers() -> None:
    found = facts("무어스레드는 텐센트로부터 6억 위안을 투자받았다.", "ko")
    assert [(f["subject"], f["metric"], f["value"], f["object"]) for f in found] == [
        ("tencent", "investment", 6e8, "moore-threads")]


def test_korean_a_city_acting_as_a_subject_is_its_government() -> None:
    assert core("상하이시는 기업당 최대 300만 위안의 보조금을 준다.", "ko") == {("상하이시", "grant", 3e6, "CNY")}
    assert _candidates("당시는 기업이 300만 위안을 받았다.", "ko") == set()


def test_a_later_clause_continues_the_main_clause_past_a_fronted_phrase() -> None:
    text = "Started in 2019 by former staff of Intel, Moore Threads sold shares, which raised 6 billion yuan."
    assert core(text) == {("moore-threads", "funds_raised", 6e9, "CNY")}


def test_korean_a_city_government_after_a_known_country_word_is_named_on_its_own() -> None:
    text = "중국 항저우시 정부가 기업에 최대 300만 위안을 지급한다."
    assert core(text, "ko") == {("항저우시-정부", "amount", 3e6, "CNY")}


def test_korean_a_share_of_a_named_firms_revenue_is_the_firms_share_not_the_marked_subjects() -> None:
    assert core("텐센트는 작년 무어스레드 매출의 40%를 차지한 고객이었다.", "ko") == {
        ("moore-threads", "revenue_share", 40, "percent")}


def test_a_bare_version_code_of_a_family_the_document_names_is_that_model() -> None:
    assert core("DeepSeek published a paper. V4 has 1.6 trillion parameters.") == {
        ("deepseek-v4", "parameters", 1.6e12, "parameters")}
    assert core("The V4 engine has 1.6 trillion parameters.") == set()


def test_a_place_that_modifies_a_new_firms_name_with_based_is_not_part_of_it() -> None:
    found = _candidates("Tokyo-based Kestrel Data Group opened a 40MW site.", "en")
    assert ("Kestrel Data Group", "Firm") in found


def test_korean_a_capital_letter_for_a_withheld_name_is_a_person_or_a_firm() -> None:
    found = _candidates("검찰은 B씨와 C사 임원을 기소했다. SK사는 아니다.", "ko")
    assert {("B씨", "Person"), ("C사", "Firm")} <= found
    assert not any(s.startswith("SK") for s, _ in found)


def test_a_models_size_in_billions_before_model_is_its_parameter_count() -> None:
    assert core("Alibaba released Qwen3. The 8B model runs on a laptop.") == {("qwen3", "parameters", 8e9, "parameters")}


def test_korean_a_models_size_in_billions_before_moderu_is_its_parameter_count() -> None:
    assert core("알리바바는 큐원3를 공개했다. 8B 모델은 노트북에서 돌아간다.", "ko") == {
        ("qwen3", "parameters", 8e9, "parameters")}


def test_a_figure_compared_with_one_given_for_another_name_is_that_names() -> None:
    text = "Cambricon raised 4 billion yuan, compared with about 3 billion yuan for Biren."
    assert {(s, v) for s, _, v, _ in core(text)} == {("cambricon", 4e9), ("biren", 3e9)}
    assert {s for s, _, _, _ in core("Tencent paid more than $400 million for Moore Threads.")} == {"tencent"}


def test_a_figure_in_a_fronted_in_participle_phrase_is_the_main_clauses_subjects() -> None:
    assert core("In booking the $3 billion charge, Intel warned of weaker demand.") == {
        ("intel", "charge", 3e9, "USD")}


def test_korean_a_figure_marked_as_a_fronted_object_belongs_to_the_subject_after_it() -> None:
    assert core("H20 칩 2만 개를 텐센트가 주문했다.", "ko") == {("tencent", "chips_ordered", 20000, "GPU")}


def test_korean_a_firm_named_after_a_joint_venture_noun_may_open_with_its_country() -> None:
    assert ("베트남 루미나", "Firm") in _candidates("두 회사는 합작법인인 베트남 루미나를 세웠다.", "ko")


def test_the_fabs_a_firm_runs_are_a_count_of_its_sites() -> None:
    assert core("SMIC runs four advanced fabs in Shanghai.") == {("smic", "sites_count", 4, "fab")}


def test_the_data_centres_a_firm_opened_are_a_count_of_its_sites() -> None:
    assert core("China Mobile has opened nine intelligent computing centers.") == {
        ("china-mobile", "sites_count", 9, "data center")}


def test_a_chips_hbm_stacks_and_compute_units_are_its_parts() -> None:
    assert core("The MI300X has eight HBM3 stacks and 304 compute units.") == {
        ("mi300x", "chip_parts", 8, "stack"), ("mi300x", "chip_parts", 304, "CU")}


def test_a_share_in_brackets_after_a_name_and_its_firm_suffix_is_the_names() -> None:
    text = "Kioxia held 15% of the market, ahead of Micron Technology Inc (12%)."
    assert {(s, v) for s, _, v, _ in core(text)} == {("kioxia", 15), ("micron", 12)}


def test_a_grant_an_agency_awards_a_firm_is_the_agencys_to_the_firm() -> None:
    found = facts("The Commerce Department awarded Micron up to $6 billion in direct funding.")
    assert [(f["subject"], f["metric"], f["value"], f["object"]) for f in found] == [
        ("us-commerce", "grant", 6e9, "micron")]


def test_grants_a_firm_received_from_an_agency_are_the_agencys() -> None:
    found = facts("Micron received $6 billion in grants from the Commerce Department.")
    assert [(f["subject"], f["value"], f["object"]) for f in found] == [("us-commerce", 6e9, "micron")]
    assert facts("Micron received $6 billion in grants.")[0]["subject"] != "us-commerce"


def test_a_name_after_from_without_a_verb_of_receiving_is_no_giver() -> None:
    found = facts("Tencent bought a $90 million stake in Moore Threads from Alibaba.")
    assert [f["subject"] for f in found] == ["tencent"]


def test_korean_each_holders_stake_in_a_list_is_its_own() -> None:
    text = "텐센트의 지분 40%와 알리바바(Alibaba)의 지분 25%를 소프트뱅크에 매각하기로 했다."
    assert {(s, v) for s, _, v, _ in core(text, "ko")} == {("tencent", 40), ("alibaba", 25)}


def test_a_firms_own_target_within_years_is_no_rule_period() -> None:
    assert core("Huawei aims to catch up with Nvidia within five years.") == set()


def test_korean_a_word_ending_in_il_haetda_is_no_tenure_cue() -> None:
    assert core("삼성전자의 매출은 3년간 동일했다.", "ko") == set()


def test_korean_an_unknown_name_ending_in_si_is_no_city() -> None:
    assert ("사토시", "Agency") not in _candidates("사토시는 회의에 나왔다.", "ko")


def test_a_makers_product_code_after_its_name_is_a_new_chip_and_takes_its_specs() -> None:
    text = "SK hynix's HBM3E holds 24GB per stack."
    assert _candidates(text, "en") == {("SK hynix HBM3E", "Chip")}
    assert core(text) == {("sk-hynix-hbm3e", "chip_memory", 24, "GB")}


def test_a_korean_makers_product_code_after_its_possessive_is_a_new_chip() -> None:
    text = "마이크론의 HBM3E는 최대 9.6Gbps 속도를 낸다."
    assert _candidates(text, "ko") == {("마이크론 HBM3E", "Chip")}
    assert core(text, "ko") == {("micron-hbm3e", "chip_memory_bandwidth", 1.2, "GB/s")}


def test_a_period_or_process_code_after_a_makers_name_is_no_chip() -> None:
    text = "Nvidia FY2026 revenue rose, Samsung 2Q25 profit fell, SK hynix 1H2025 sales grew on its SF2 node."
    assert _candidates(text, "en") == set()


def test_a_new_name_with_a_product_noun_before_a_spec_verb_is_the_chip() -> None:
    assert core("The Falcon Ridge module delivers 1,500 TFLOPS of FP8 compute.") == {
        ("falcon-ridge", "chip_compute", 1500, "TFLOPS")}


def test_a_new_name_after_its_makers_possessive_before_a_spec_verb_is_the_chip() -> None:
    assert core("AMD's Helix Max packs 256GB of HBM4 memory.") == {("helix-max", "chip_memory", 256, "GB")}


def test_the_maker_inside_a_new_chips_name_stays_mentioned() -> None:
    assert _mentions("삼성전자 HBM5는 48GB 메모리를 갖췄다.", "ko") == {("삼성전자 HBM5", "Chip"), ("삼성전자", "Firm")}


def test_a_new_name_a_copula_calls_a_product_is_the_chip_of_the_spec_list_after_it() -> None:
    text = "The Vela Mini is a compact AI workstation.\n\n- Memory: 64 GB unified memory\n- Power: 180W"
    assert core(text) == {("vela-mini", "chip_memory", 64, "GB"), ("vela-mini", "chip_power", 180, "W")}


def test_a_new_name_a_copula_calls_a_chipmaker_is_a_firm() -> None:
    assert ("Tarnwick", "Firm") in _candidates("Analysts say Tarnwick is a Suzhou-based chipmaker.", "en")


def test_the_firm_a_models_name_opens_with_is_mentioned_too() -> None:
    text = "Tencent Hunyuan T9 has 90 billion parameters."
    assert ("Tencent", "Firm") in _mentions(text, "en") and core(text) == {("hunyuan-t9", "parameters", 9e10, "parameters")}


@pytest.mark.parametrize("text, subject, value", [
    ("RX 블레이드는 96GB 메모리를 탑재했다.", "rx-블레이드", 96),  # a Latin code opens the name
    ("젯슨 토르는 128GB 메모리를 갖췄다.", "젯슨-토르", 128),  # proper nouns, by Kiwi
])
def test_a_korean_clause_opening_new_name_is_the_chip_its_spec_is_about(text: str, subject: str, value: int) -> None:
    assert core(text, "ko") == {(subject, "chip_memory", value, "GB")}


def test_a_korean_description_opening_a_clause_is_no_new_chip() -> None:
    assert core("이 제품은 128GB 메모리를 갖췄다. GPU 하나당 가격이 3만달러다. RTX 시리즈는 32GB를 단다.", "ko") == set()


def test_a_chip_word_modifying_a_firm_noun_counts_firms_not_chips() -> None:
    assert core("Tencent has bought stakes in six chip startups since 2021.") == set()


def test_a_ranking_s_next_place_after_followed_by_owns_its_share() -> None:
    text = "Samsung held 40 percent of the DRAM market, followed by Kioxia with a 25 percent share."
    assert core(text) == {("samsung-electronics", "revenue_share", 40, "percent"), ("kioxia", "revenue_share", 25, "percent")}


def test_a_makers_code_that_opens_with_a_digit_is_a_new_chip() -> None:
    assert _candidates("Cambricon 2B3000 ships with 32 cores.", "en") == {("Cambricon 2B3000", "Chip")}


def test_a_definite_figure_with_a_passive_agent_is_the_agents() -> None:
    text = "The Atlas 900 draws 300 kW, twice the 150 kW consumed by the GB200 NVL72."
    assert core(text) == {("atlas-900", "chip_power", 300_000, "W"), ("gb200", "chip_power", 150_000, "W")}


def test_a_new_name_alone_before_a_spec_verb_may_be_the_maker_not_a_chip() -> None:
    assert core("Kestrel Silicon offers 96GB of memory per card.") == set()


def test_a_possessive_after_the_firm_noun_of_a_copula_types_nothing() -> None:
    assert ("Orion Max", "Firm") not in _candidates("Analysts say Orion Max was the startup's first chip.", "en")


def test_a_gloss_in_brackets_between_a_count_and_its_noun_is_a_modifier() -> None:
    assert core("Samsung began construction of two new Dynamic Random-Access Memory (DRAM) fabs in Texas.") == {
        ("samsung-electronics", "sites_count", 2, "fab")}


def test_a_spec_sheet_label_naming_people_counts_the_pages_firms_staff() -> None:
    text = "Kunlunxin is a Chinese chip designer.\n\n- Employees: 1,250\n- Founded: 2021"
    assert core(text) == {("kunlunxin", "headcount", 1250, "people")}


# -- counts of things no other metric counts ------------------------------------------------------
def test_a_count_of_a_plural_noun_is_a_count_of_that_thing() -> None:
    assert core("Huawei holds over 120,000 granted patents worldwide.") == {
        ("huawei", "thing_count", 120000, "patent")}


def test_a_systems_count_of_its_parts_is_the_systems() -> None:
    assert core("The Atlas 950 SuperPoD links 144 cabinets.") == {
        ("atlas-950-superpod", "thing_count", 144, "cabinet")}


def test_a_plural_cue_noun_after_a_count_is_an_act_not_a_thing() -> None:
    assert {f["metric"] for f in facts("Alibaba placed 30,000 orders last year.")} <= {"chips_ordered"}


def test_a_count_of_things_needs_a_subject_the_sentence_names() -> None:
    assert core("Nvidia grew fast.\nIt now runs 20 regional offices.") == set()


# -- clauses -----------------------------------------------------------------------------------------
def test_a_relative_clause_between_commas_leaves_the_main_clauses_subject() -> None:
    text = "SMIC's newest process, which relies on multi-patterning, has a yield of less than 40%."
    assert core(text) == {("smic", "percentage", 40, "percent")}


def test_a_generic_possessor_is_no_generic_subject() -> None:
    text = "Nvidia's gaming revenue was $3 billion, above analysts' expectations of $2.7 billion."
    assert ("nvidia", "revenue", 2.7e9, "USD") in core(text)


def test_a_new_product_the_headline_names_is_the_subject_of_specs_that_name_none() -> None:
    text = "It ships with 96 GB of unified memory.\n"
    doc = Document("t", "t.md", text, "0", "en", title="What is the DGX Orbit?",
                   passages=split_passages("t", text))
    found = {(f.subject.id, f.metric, f.quantity.value) for s in analyse(doc, ontology.load())
             for f in s.frames if f.ok}
    assert found == {("dgx-orbit", "chip_memory", 96)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Zentra X9 칩은 96GB 메모리를 탑재했다.", ("zentra-x9", "chip_memory", 96, "GB")),
    ("Solar Nova 모델은 1000억 개 파라미터를 갖췄다.", ("solar-nova", "parameters", 1e11, "parameters")),
])
def test_a_korean_chip_or_model_noun_after_a_latin_name_types_it(text: str, expected: tuple) -> None:
    assert core(text, "ko") == {expected}


def test_a_korean_title_closing_a_compound_word_follows_a_person() -> None:
    found = _candidates("라지브 바르마 사무총장은 강조했다. 산제이 굽타 인도 IT장관이 발표했다.", "ko")
    assert {("라지브 바르마", "Person"), ("산제이 굽타", "Person")} <= found


def test_a_field_word_between_a_korean_name_and_its_title_is_no_part_of_the_name() -> None:
    assert ("리바 모렌", "Person") in _candidates("리바 모렌 지정학 전략가는 말했다.", "ko")


def test_the_end_of_a_longer_word_before_a_korean_title_names_no_one() -> None:
    found = _candidates("행사에는 AWS코리아 전무 등이 참석했다.", "ko")
    assert not any(label == "Person" for _, label in found)


def test_a_research_house_that_compiles_a_figure_never_becomes_the_paragraphs_topic() -> None:
    text = ("메타는 3분기 매출 500억 달러를 기록했다. 이는 스트리트어카운트가 집계한 예상치를 웃돈다. "
            "회사는 연간 총비용을 1000억 달러로 제시했다.")
    assert ("meta", 1e11) in {(f["subject"], f["value"]) for f in facts(text, "ko")}


def test_a_korean_maker_before_a_possessive_and_a_modifier_is_no_buyer() -> None:
    text = "이 돈은 AMD의 차세대 GPU 'MI350X' 2만장 구매에 쓰인다."
    assert not any(f["subject"] == "amd" for f in facts(text, "ko"))


def test_a_bare_number_after_a_product_code_counts_nothing_carried() -> None:
    text = "팬서 레이크는 6코어 CPU를 갖췄다. LPDDR5x 8533으로는 부족하다."
    assert core(text, "ko") == {("panther-lake", "chip_cores", 6, "cores")}


def test_a_power_figure_before_or_of_a_site_name_is_that_sites() -> None:
    text = "G42 said the first 300MW of Stargate UAE will open next year."
    assert core(text) == {("stargate-uae", "power_capacity", 3e8, "W")}


def test_a_figure_opening_an_apposition_belongs_to_the_name_before_it() -> None:
    text = "Oracle is building Stargate UAE, a 2-gigawatt cluster financed by MGX."
    assert core(text) == {("stargate-uae", "power_capacity", 2e9, "W")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Micron began shipping 12-layer HBM3E stacks to AMD.", "en"),
    ("Samsung supplies 8-layer and 12-layer HBM3E parts.", "en"),
    ("삼성전자는 12단 HBM3E를 공급한다.", "ko"),
])
def test_a_layer_count_naming_a_stacked_memory_product_is_no_fact(text: str, lang: str) -> None:
    assert not any(f["metric"] == "chip_layers" for f in facts(text, lang))


def test_a_nand_layer_count_stays_a_fact() -> None:
    assert core("YMTC shipped 294-layer NAND last year.") == {("ymtc", "chip_layers", 294, "layer")}


@pytest.mark.parametrize("text", [
    "G42 builds in Abu Dhabi. Phase one adds 300 megawatts by 2027.",        # a site's power
    "Baidu opened a lab. Some 12,000 H20 chips are in stock there.",          # a holding
])
def test_a_figure_whose_sentence_names_no_subject_is_not_the_topics_for_site_stock_or_spec_metrics(text: str) -> None:
    assert core(text) == set()


def test_a_sentence_opening_korean_name_kiwi_lacks_is_its_own_subject_not_the_topics() -> None:
    text = ("TSMC는 올해 2나노 제품을 양산할 예정이다. 모라비스는 양산에 약 3조엔이 필요할 것으로 예상하고 "
            "있으나, 현재까지 확보한 금액은 1조엔 수준으로 알려졌다.")
    assert not any(f["subject"] == "tsmc" for f in facts(text, "ko"))


def test_a_new_name_opening_the_sentence_keeps_its_later_clauses_from_the_topic() -> None:
    text = ("Sony raised $2 billion last year. Zorvath aims to open a foundry, with a $9 billion plant "
            "under construction. Analysts call Zorvath bold.")
    assert core(text) == {("sony", "funds_raised", 2e9, "USD"), ("zorvath", "amount", 9e9, "USD")}  # a firm that aims



def test_a_makers_possessed_chip_as_subject_is_the_chip_not_the_maker() -> None:
    alone = "Alibaba's first deep-learning chip is fast, achieving 12x the performance of rival parts."
    assert not any(f["subject"] == "alibaba" for f in facts(alone))
    named = "Alibaba unveiled the Hanguang 800 on Wednesday. " + alone
    assert core(named) == {("hanguang-800", "multiple", 12, "times")}


def test_an_opening_anaphor_of_an_agency_takes_no_firm_as_topic() -> None:
    text = "Sony raised $2 billion last year. The government has committed 500 billion yen to the plan."
    assert core(text) == {("sony", "funds_raised", 2e9, "USD")}


def test_a_korean_word_and_model_number_owning_a_spec_noun_is_a_new_chip() -> None:
    found = facts("AMD는 새 칩을 공개했다. 타이산 780X의 메모리는 48GB다.", "ko")
    assert [(f["subject"], f["metric"], f["value"], f["unit"]) for f in found] == [
        ("타이산-780x", "chip_memory", 48, "GB")]


@pytest.mark.parametrize(("text", "lang"), [
    ("Alibaba unveiled the Hanguang 800 chip on Wednesday. It cuts power consumption by 40% against rivals.", "en"),
    ("알리바바는 한광 800 칩을 공개했다. 전력 소비를 40% 줄였다고 밝혔다.", "ko"),
])
def test_a_share_of_power_or_latency_is_the_products_spec(text: str, lang: str) -> None:
    assert core(text, lang) == {("hanguang-800", "spec_change", 40, "percent")}


def test_a_korean_sum_sizing_a_named_project_is_the_projects() -> None:
    text = "오라클은 3000억 달러 규모의 '스타게이트' 프로젝트에 참여한다."
    assert ("stargate", 3e11) in {(f["subject"], f["value"]) for f in facts(text, "ko")}


def test_korean_sites_and_applications_are_counted_where_a_counter_leads_to_them() -> None:
    assert core("삼성은 미국에 세 곳의 반도체 공장을 짓는다.", "ko") == {("samsung-electronics", "sites_count", 3, "fab")}
    assert core("알리바바는 올해 20곳 이상의 데이터센터를 새로 연다.", "ko") == {("alibaba", "sites_count", 20, "data center")}
    assert core("텐센트는 새 캠퍼스에 6개 동의 건물을 올린다.", "ko") == {("tencent", "sites_count", 6, "building")}


def test_korean_a_number_glued_to_a_plant_word_names_the_plant() -> None:
    assert core("SMIC는 올해 5공장 가동을 시작했다.", "ko") == set()


def test_korean_a_bare_count_borrows_no_site_named_before_it() -> None:
    text = "정부는 지역 컴퓨팅 센터를 열고 내년까지 3만 장을 더 들인다."
    assert ("kr-government", "sites_count", 30000, "data center") not in core(text, "ko")


def test_site_areas_are_square_metres_and_a_bracketed_restatement_is_one_figure() -> None:
    assert core("Oracle is building a 900-acre campus in Texas.") == {("oracle", "site_area", 900 * 4046.8564224, "m2")}
    assert core("Naver runs a site of 20 acres (8.1 hectares) near Seoul.") == {("naver", "site_area", 20 * 4046.8564224, "m2")}
    assert core("아마존은 부산에 30만㎡ 규모 부지를 샀다.", "ko") == {("amazon", "site_area", 300000, "m2")}


def test_korean_a_name_after_a_comma_heads_no_relative_clause_of_an_earlier_figure() -> None:
    text = "무어스레드는 상장을 추진한다. 3000만 주의 신주를 팔 계획으로, 이는 지난달 상장한 캠브리콘에 이은 조달이다."
    assert core(text, "ko") == {("moore-threads", "shares_issued", 3e7, "share")}


def test_korean_a_topic_marked_word_kiwi_lacks_is_the_clauses_new_firm() -> None:
    assert core("퀠란트는 증설에 약 3조 원이 필요할 것으로 내다봤다.", "ko") == {("퀠란트", "amount", 3e12, "KRW")}


def test_names_listed_with_a_bracketed_figure_each_take_the_list_type_and_their_figure() -> None:
    text = "Next on the list of GPU purchases came Velmora (124,000 units), Quellant (96,000 units) and Google (69,000 units)."
    assert core(text) == {("velmora", "chips_acquired", 124000, "GPU"), ("quellant", "chips_acquired", 96000, "GPU"),
                          ("google", "chips_acquired", 69000, "GPU")}


def test_the_buyers_of_chips_are_a_purchase_cue() -> None:
    text = "The largest buyers of H20 chips were ByteDance (230,000) and Alibaba (120,000)."
    assert core(text) == {("bytedance", "chips_acquired", 230000, "GPU"), ("alibaba", "chips_acquired", 120000, "GPU")}


def test_a_generic_word_inside_a_fronted_attribution_leaves_the_main_clause_its_subject() -> None:
    text = "According to industry tracker TrendForce, Micron held 24% of the memory market."
    assert core(text) == {("micron", "revenue_share", 24, "percent")}


def _people(text: str, lang: str) -> set[tuple[str, str]]:
    doc = Document("t", "t.md", text, "0", lang, published=PUBLISHED, passages=split_passages("t", text))
    return {(m.surface, m.id) for s in analyse(doc, ontology.load()) for m in s.mentions if m.label == "Person"}


def test_a_person_named_in_full_is_named_by_the_surname_alone_afterwards() -> None:
    assert ("Huang", "jensen-huang") in _people("Jensen Huang toured Taipei. Huang said demand was strong.", "en")
    assert ("황", "jensen-huang") in _people("젠슨 황 엔비디아 CEO가 방한했다. 황 CEO는 한국을 칭찬했다.", "ko")
    assert ("런", "ren-zhengfei") in _people("런정페이 화웨이 회장이 말했다. 런 회장은 투자를 늘린다.", "ko")


def test_a_quantified_noun_phrase_is_a_generic_subject_that_takes_no_topic() -> None:
    assert core("Tencent trains large models. Many small labs fail to reach 35% utilisation.") == set()
    assert core("SK Hynix makes HBM. To do so, each layer was cut 25% thinner.") == set()
    assert core("SK Hynix makes HBM. Any device with 30 percent foreign parts is covered.") == set()


def test_korean_an_unmarked_name_inside_an_oblique_phrase_is_no_subject_of_a_later_figure() -> None:
    assert core("분석가는 KT 포럼에서 국내 AI가 해외에 4개월 뒤처졌다고 말했다.", "ko") == set()
    text = "유럽 시장에서 엔비디아 점유율은 40%였다."  # the name owns the clause's subject: its figure
    assert core(text, "ko") == {("nvidia", "revenue_share", 40, "percent")}


def test_a_former_holder_or_a_title_word_is_no_back_reference_to_a_person() -> None:
    assert not any(surface == "전" for surface, _ in _people("전영현 삼성전자 부회장이 말했다. 전 CEO는 떠났다.", "ko"))
    assert not any(surface == "이" for surface, _ in _people("이재용 회장이 말했다. 이사장은 떠났다.", "ko"))


def test_a_count_after_a_training_verb_borrows_no_currency_from_an_earlier_paragraph() -> None:
    text = "Zhipu AI raised 1.2 billion yuan.\n\nIts newest GLM-4.5 run used 20 trillion image and text tokens."
    assert all(f["unit"] != "CNY" for f in facts(text) if f["value"] == 2e13)


def test_two_names_and_two_listed_figures_pair_in_order_without_respectively() -> None:
    text = "Biren and Enflame booked 300 million yuan and 450 million yuan of sales last year."
    assert core(text) == {("biren", "revenue", 3e8, "CNY"), ("enflame", "revenue", 4.5e8, "CNY")}
    joint = "Biren and Enflame together booked 300 million yuan and 450 million yuan of sales in 2024 and 2025."
    assert {f["subject"] for f in facts(joint)} == {"biren"}


def test_a_place_based_subject_keeps_its_figure_past_an_apposition_naming_a_rival() -> None:
    text = "Nanjing-based Biren, long a supplier to Baidu, posted a loss of 900 million yuan."
    assert {f["subject"] for f in facts(text)} == {"biren"}


def test_korean_a_figures_unit_is_no_new_name_and_this_system_is_the_chip_named_before() -> None:
    text = "화웨이는 클라우드매트릭스 384를 선보였다. 이 시스템은 120 PFLOPs의 처리량을 갖춰 경쟁 제품의 1.8배 수준이다."
    assert {(f["subject"], f["metric"], f["value"]) for f in facts(text, "ko") if f["unit"] == "times"} == {
        ("cloudmatrix-384", "multiple", 1.8)}


def test_the_secretary_of_a_department_is_a_mention_of_the_department() -> None:
    text = "On Monday the Secretary of Commerce added 14 Chinese companies to the entity list."
    assert core(text) == {("us-commerce", "entities_listed", 14, "entity")}


def test_a_process_node_is_a_fact_about_the_chip_named_with_it_not_about_a_maker() -> None:
    assert core("Huawei said the Ascend 910B is built on a 7-nm process.") == {("ascend-910b", "process_node", 7, "nm")}
    assert core("SMIC keeps working on its 5-nm process.") == set()


def test_a_dram_stacks_height_names_a_variant_while_a_nand_layer_count_is_a_spec() -> None:
    assert core("SK하이닉스는 HBM3E 16단 제품을 공급한다.", "ko") == set()
    assert core("YMTC is shipping 294-layer NAND chips.") == {("ymtc", "chip_layers", 294, "layer")}


def test_korean_a_name_before_a_known_firm_and_a_glossed_title_is_a_person() -> None:
    text = "도라 펠린 오픈AI 최고재무책임자(CFO)는 투자가 1조 원이라고 말했다."
    assert {surface for surface, _ in _people(text, "ko")} == {"도라 펠린"}


def test_an_unknown_name_owning_an_organisations_people_or_parts_is_a_firm() -> None:
    def labels(text: str) -> set[tuple[str, str | None]]:
        doc = Document("t", "t.md", text, "0", "en", published=PUBLISHED, passages=split_passages("t", text))
        return {(m.surface, m.label) for s in analyse(doc, ontology.load()) for m in s.mentions}
    assert ("Tarnis", "Firm") in labels("Tarnis’s largest customer bought 3,000 chips last year.")
    assert ("Tarnis", "Firm") in labels("A Tarnis spokesperson said 2,000 servers were shipped.")
    assert not any(label == "Firm" for _, label in labels("Penang’s factories shipped 3,000 servers."))


def test_korean_a_title_after_an_organisations_name_is_no_spaced_suffix_of_it() -> None:
    text = "탁서진 벨모라투자 연구원은 가동률이 95%를 넘었다고 말했다."
    doc = Document("t", "t.md", text, "0", "ko", published=PUBLISHED, passages=split_passages("t", text))
    assert not any(m.surface.endswith("연구원") for s in analyse(doc, ontology.load()) for m in s.mentions)


def test_korean_a_name_inside_a_possessor_of_an_object_is_no_subject_of_a_later_figure() -> None:
    text = "이번 계약의 골자는 미국 규제 기관의 인가를 조건으로 하는 9,000대의 GPU 도입이다."
    assert not {f["subject"] for f in facts(text, "ko")} & {"us", "us-government"}
    assert core("SMIC 상하이 공장의 생산능력을 월 3만 장으로 늘린다.", "ko") == {("smic", "chips_produced", 30_000, "wafer")}


@pytest.mark.parametrize(("text", "lang"), [
    ("Hua Hong not only reached 96.5% utilization but also set a sales record.", "en"),
    ("화홍반도체는 가동률 96.5%를 달성했을 뿐만 아니라 매출도 늘었다.", "ko"),
])
def test_not_only_adds_and_denies_nothing(text: str, lang: str) -> None:
    assert {(f["subject"], f["value"]) for f in facts(text, lang)} == {("hua-hong", 96.5)}


def test_the_yen_sign_is_yen_in_a_text_about_japan_that_never_writes_yuan() -> None:
    assert {f["unit"] for f in facts("Tokyo will grant Rapidus ¥420 billion for its pilot line.")} == {"JPY"}
    assert {f["unit"] for f in facts("Huawei sells the card for ¥9,000 in China.")} <= {"CNY"}


def test_a_bare_plural_opening_the_sentence_is_a_generic_subject() -> None:
    text = "Lenovo leads the market. Storage vendors did well this year and shipped 1.4 million units."
    assert facts(text) == []


def test_an_implausible_reading_gives_way_to_the_clauses_next_cue() -> None:
    text = "Velmora Corp. placed $3.8 billion of orders for servers while its share price slid."
    assert core(text) == {("velmora-corp", "spending", 3.8e9, "USD")}


def test_a_count_too_large_for_its_verb_takes_no_other_counts_reading() -> None:
    assert facts("ByteDance ordered 30 million chips from Nvidia that TSMC will produce.") == []


@pytest.mark.parametrize(("text", "lang", "fact"), [
    ("Velmora Holdings has a 3.2 percent indirect holding in Tencent.", "en",
     ("velmora-holdings", "stake_share", 3.2, "percent", "tencent")),
    ("Alibaba holds a 40 percent interest in Zhipu.", "en", ("alibaba", "stake_share", 40, "percent", "zhipu-ai")),
    ("Microsoft, an early investor in OpenAI, has a 5% stake in Anthropic.", "en",
     ("microsoft", "stake_share", 5, "percent", "anthropic")),
    ("텐센트는 미니맥스 지분 약 13%를 보유하고 있다.", "ko", ("tencent", "stake_share", 13, "percent", "minimax")),
])
def test_a_holding_or_an_interest_is_a_stake_in_the_firm_it_is_marked_in(text: str, lang: str, fact: tuple) -> None:
    assert {(f["subject"], f["metric"], f["value"], f["unit"], f["object"]) for f in facts(text, lang)} == {fact}


def test_a_stake_sold_to_a_named_buyer_has_no_object_but_the_firm_it_is_in() -> None:
    found = facts("In 2019 Alibaba sold a 30% stake in the venture to a group that includes Tencent.")
    assert [f["object"] for f in found if f["metric"] == "stake_share"] == [None]


def test_a_named_part_of_the_firm_stands_for_the_firm() -> None:
    text = "Lenovo reported its quarter. The Server Solutions division took in $2.2 billion of sales."
    assert core(text) == {("lenovo", "revenue", 2.2e9, "USD")}


@pytest.mark.parametrize("text", [
    "TSMC, holding 67% of the foundry market, raised prices.",
    "Nvidia saw strong interest in Blackwell, with 70% of orders from cloud providers.",
])
def test_a_market_share_held_or_interest_shown_is_no_stake(text: str) -> None:
    assert "stake_share" not in {f["metric"] for f in facts(text)}


@pytest.mark.parametrize("text", [
    "탁서진 텐센트 최고경영자(CEO)는 새 연구소 세 곳에 300억달러를 투자하기로 했다.",
    "탁서진 텐센트 CEO는 새 연구소 세 곳에 300억달러를 투자하기로 했다.",
])
def test_korean_a_firm_between_an_officers_name_and_title_is_the_subject(text: str) -> None:
    assert core(text, "ko") == {("tencent", "investment", 3e10, "USD")}


def test_korean_a_paragraphs_marked_topic_holds_a_later_clause_that_names_no_subject() -> None:
    text = "텐센트는 선전에 본사를 둔 기업이다. 내년 중 3기가와트 용량의 데이터센터를 새로 짓는다."
    assert core(text, "ko") == {("tencent", "power_capacity", 3e9, "W")}


@pytest.mark.parametrize(("text", "lang"), [
    ("텐센트와 알리바바가 200억원씩 투자했다.", "ko"),
    ("텐센트와 알리바바는 각각 200억원을 투자했다.", "ko"),
    ("Tencent and Alibaba each invested $20 million in the round.", "en"),
])
def test_a_figure_each_name_of_a_list_gave_goes_to_every_name_and_no_name_is_its_object(text: str, lang: str) -> None:
    found = [f for f in facts(text, lang) if f["metric"] == "investment"]
    assert {(f["subject"], f["object"]) for f in found} == {("tencent", None), ("alibaba", None)}


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("Lenovo posted revenue of $9.1 billion (+12% y/y).", "en", 12),
    ("텐센트의 순이익은 5.2억달러(YoY +31%/QoQ -3%)로 집계됐다.", "ko", -3),
])
def test_a_period_on_period_mark_makes_a_share_a_change(text: str, lang: str, value: float) -> None:
    found = {(f["metric"], f["value"]) for f in facts(text, lang) if f["unit"] == "percent"}
    assert ("percent_change", value) in found


def test_korean_names_of_a_later_clause_do_not_block_the_dropped_subject_of_the_figures_clause() -> None:
    text = "미니맥스는 상하이의 AI 기업이다. 지금까지 80억위안을 유치했으며 알리바바와 텐센트도 참여했다."
    assert core(text, "ko") == {("minimax", "funds_raised", 8e9, "CNY")}


def test_a_list_item_line_ends_its_sentence_even_when_the_next_line_is_no_item() -> None:
    from kg.extract.sentences import sentences

    text = "- 재고 조정은 3분기에 끝났다 (회사 설명)\n순이익: 7억 2천만 달러"
    assert [text[a:b] for a, b in sentences(text)] == [
        "- 재고 조정은 3분기에 끝났다 (회사 설명)", "순이익: 7억 2천만 달러"]


def test_a_name_a_copula_describes_as_a_model_is_a_model() -> None:
    assert core("Orvex-2 is a 70-billion-parameter model.") == {("orvex-2", "parameters", 7e10, "parameters")}
    text = "Quellant launched Tarnis, a model service platform with 300 models."
    doc = Document("t", "t.md", text, "0", "en", published=PUBLISHED, passages=split_passages("t", text))
    assert not any(m.label == "AIModel" and m.surface == "Tarnis" for s in analyse(doc, ontology.load()) for m in s.mentions)


@pytest.mark.parametrize(("text", "lang", "fact"), [
    ("Tencent led a $2 billion funding round in Zhipu.", "en", ("zhipu-ai", "funds_raised", 2e9, "USD", "tencent")),
    ("텐센트는 미니맥스에 5억 달러 규모의 펀딩 라운드를 주도했다.", "ko", ("minimax", "funds_raised", 5e8, "USD", "tencent")),
])
def test_the_firm_a_funding_round_goes_into_raised_it_and_its_leader_backed_it(text: str, lang: str, fact: tuple) -> None:
    assert {(f["subject"], f["metric"], f["value"], f["unit"], f["object"]) for f in facts(text, lang)} == {fact}


@pytest.mark.parametrize(("text", "lang", "subject"), [
    ("Tencent, which invested in Zhipu, raised $1 billion in a round led by Alibaba.", "en", "tencent"),
    ("지푸는 텐센트에 이어 5억 달러 규모의 펀딩 라운드를 마쳤다.", "ko", "zhipu-ai"),
])
def test_a_firm_marked_away_from_the_figure_is_no_funding_target(text: str, lang: str, subject: str) -> None:
    assert {f["subject"] for f in facts(text, lang) if f["metric"] == "funds_raised"} == {subject}


def test_korean_a_clause_with_a_topic_of_its_own_keeps_the_paragraph_topic_out() -> None:
    text = "텐센트는 선전에 본사를 둔 기업이다. 한편 미국에서는 데이터센터 전력 수요가 2030년 50기가와트에 이를 전망이다."
    assert facts(text, "ko") == []


@pytest.mark.parametrize("text", ["Tarnis is a business model for the industry.", "Velo is a role model for founders."])
def test_a_model_of_another_sense_makes_no_ai_model(text: str) -> None:
    doc = Document("t", "t.md", text, "0", "en", published=PUBLISHED, passages=split_passages("t", text))
    assert not any(m.label == "AIModel" for s in analyse(doc, ontology.load()) for m in s.mentions)


def test_each_after_a_preposition_distributes_nothing() -> None:
    found = facts("Nvidia and AMD sold 5,000 GPUs to each licensed customer.")
    assert {f["subject"] for f in found if f["metric"] == "chips_supplied"} == {"nvidia"}


def test_korean_a_product_line_or_a_results_measure_in_latin_letters_is_no_firm() -> None:
    text = "화훙반도체는 분기 실적을 공개했다. PMIC는 매출 9,100만 달러를 올렸다."
    assert core(text, "ko") == {("hua-hong", "revenue", 9.1e7, "USD")}


def test_citation_marks_after_a_stop_end_the_sentence() -> None:
    text = (
        "The H100 is sold only to data centres, unlike the GeForce RTX 4090.[2][7] "
        "It carries 80 GB of HBM3 memory."
    )
    assert core(text) == {("h100", "chip_memory", 80.0, "GB")}


def test_a_count_of_wafer_fabs_counts_fabs_not_wafers() -> None:
    text = "Hua Hong is building three 12-inch wafer fabs in Wuxi."
    assert core(text) == {("hua-hong", "sites_count", 3.0, "fab")}


def test_korean_dollars_written_in_hanja() -> None:
    text = "벨모라는 지난해 매출 3억 弗을 기록했다."
    assert core(text, "ko") == {("벨모라", "revenue", 3e8, "USD")}


def test_korean_these_before_a_common_noun_points_back_at_no_firm() -> None:
    text = "텐센트는 새 방안을 냈다.\n\n이들 방안에 따르면 각 지방은 2028년까지 국산 서버 비중 60%를 맞춘다."
    assert core(text, "ko") == set()


def test_korean_each_of_unnamed_governments_is_a_generic_subject() -> None:
    text = "엔비디아는 중국 매출이 줄었다고 밝혔다. 각 지방은 2028년까지 국산 서버 비중 60%를 맞추기로 했다."
    assert core(text, "ko") == set()


def test_korean_a_known_family_and_a_new_version_take_the_familys_id() -> None:
    text = "바이두는 어니 4.5를 공개했다. 어니 4.5는 3000억 개의 파라미터를 갖췄다."
    assert core(text, "ko") == {("ernie-4-5", "parameters", 3e11, "parameters")}


def test_korean_a_title_with_a_copula_then_a_topic_marked_name_is_a_person() -> None:
    text = "타르니스의 창업자인 옌룽은 신주공모(IPO) 규모를 1억 달러로 줄였다."
    assert ("옌룽", "Person") in _mentions(text, "ko")


def test_korean_names_listed_as_examples_of_a_group_are_no_subject() -> None:
    text = "서부의 지방정부들이 알리바바·텐센트 등 대형 기업의 서버 임대료를 30% 낮춰준다."
    assert core(text, "ko") == set()


def test_how_well_a_chip_uses_its_compute_is_a_spec_of_the_chip() -> None:
    text = "Tencent said the H20 reached 60% MFU in dense training."
    assert core(text) == {("h20", "spec_change", 60.0, "percent")}


def test_a_model_architecture_word_is_no_model_name() -> None:
    text = "Tencent tested the H20 last month. MoE models keep around 40% MFU on the chip."
    assert core(text) == {("h20", "spec_change", 40.0, "percent")}


def test_a_count_written_with_x_before_a_product_code_is_no_multiple() -> None:
    text = "The MI355X board pairs a 16-core CPU (8x Orvex-A720) with the GPU."
    assert core(text) == set()


def test_scaling_back_orders_is_no_spec_of_the_chip() -> None:
    text = "Nvidia is scaling back H20 orders by 30% after the new rules."
    assert {(f[0], f[1]) for f in core(text)} == {("nvidia", "percentage")}


def test_korean_model_architecture_words_are_no_names() -> None:
    text = "텐센트의 MoE 모델은 H20에서 MFU 40%를 유지했다."
    assert "MoE" not in {surface for surface, _ in _mentions(text, "ko")}


def test_korean_a_firm_and_a_new_version_code_with_a_particle_are_a_model() -> None:
    text = "딥시크 V5는 1조 개의 파라미터를 갖췄다."
    assert core(text, "ko") == {("deepseek-v5", "parameters", 1e12, "parameters")}


def test_korean_a_chip_family_and_a_new_number_with_a_particle_are_a_chip() -> None:
    text = "화웨이의 어센드 970은 FP8 기준 4000 TFLOPS를 낸다."
    assert core(text, "ko") == {("ascend-970", "chip_compute", 4000.0, "TFLOPS")}


def test_citation_marks_after_a_closing_quote_or_a_percent_end_the_sentence() -> None:
    from kg.extract.sentences import sentences

    for text, first in (
        ('Analysts called it "a record."[3] Velmora then sold 5 servers.', 'Analysts called it "a record.'),
        ("Margins rose 30%.[7]Velmora then sold 5 servers.", "Margins rose 30%."),
    ):
        assert [text[a:b] for a, b in sentences(text)] == [first, "Velmora then sold 5 servers."]


def test_the_span_of_a_record_is_no_duration_fact() -> None:
    assert core("인공지능 기업 텐센트가 코스피가 20년 만에 최대 상승폭을 보인 날 자회사 분할을 밝혔다.", "ko") == set()


def test_what_a_model_charges_per_million_tokens_is_its_price() -> None:
    assert core("DeepSeek-V3 costs $0.42 per million tokens of output.") == {("deepseek-v3", "price", 0.42, "USD")}
    assert core("DeepSeek-V3 charges $0.031/M tokens on a cache hit.") == {("deepseek-v3", "price", 0.031, "USD")}


def test_korean_what_a_model_charges_per_tokens_is_its_price() -> None:
    text = "딥시크 V3는 출력 100만 토큰당 0.42달러를 받는다."
    assert core(text, "ko") == {("deepseek-v3", "price", 0.42, "USD")}


def test_a_context_window_counts_tokens() -> None:
    assert core("DeepSeek-V3 supports a 96K context window.") == {("deepseek-v3", "token_count", 96000.0, "tokens")}
    assert core("딥시크 V3는 96k 컨텍스트 윈도우를 지원한다.", "ko") == {("deepseek-v3", "token_count", 96000.0, "tokens")}


def test_a_firms_units_are_no_chips() -> None:
    assert core("Tencent owns three wealth management units and two business units.") == set()


def test_a_benchmark_score_written_in_percent_keeps_its_percent() -> None:
    assert core("DeepSeek-V3 scored 71.4% on SWE-bench Verified.") == {("deepseek-v3", "benchmark_score", 71.4, "percent")}
    assert core("DeepSeek-V3 posts SWE-bench Verified 71.4%.") == {("deepseek-v3", "benchmark_score", 71.4, "percent")}


def test_korean_putting_firms_on_a_list_counts_entities_listed() -> None:
    text = "상무부는 장비 업체 17곳을 우려 거래 리스트에 추가했다."
    assert core(text, "ko") == {("us-commerce", "entities_listed", 17.0, "entity")}


def test_a_table_row_that_counts_its_names_is_no_header() -> None:
    text = (
        "Feature | Huawei CloudMatrix 384 | Nvidia GB200 NVL72 |\n---|---|---|\n"
        "Chips | 300 Ascend 910C | 64 B200 |\nMemory Bandwidth | 1100 TB/s | 600 TB/s |"
    )
    found = {(s, v) for s, m, v, u in core(text) if m == "chip_memory_bandwidth"}
    assert found == {("cloudmatrix-384", 1100000.0), ("gb200", 600000.0)}


def test_a_new_name_after_a_preposition_is_no_subject_before_the_verb() -> None:
    text = "High-Flyer runs quant funds. A small-cap fund run by Orvex has declined 1.3 per cent since June."
    assert core(text) == {("high-flyer", "percent_change", 1.3, "percent")}


def test_a_source_described_as_a_data_provider_reports_on_others() -> None:
    text = "A quant fund has declined 1.3 per cent since June, according to data provider Shenzhen Tarnis Investment Management."
    assert core(text) == set()


def test_korean_a_models_tier_word_after_its_version_is_part_of_its_name() -> None:
    text = "오픈AI와 겨루는 제미나이 3.1 프로는 출력 100만 토큰당 9달러를 받는다."
    assert core(text, "ko") == {("gemini-3-1-pro", "price", 9.0, "USD")}
    assert core("Gemini 3.1 Pro is priced at $9 per million tokens.") == {("gemini-3-1-pro", "price", 9.0, "USD")}


def test_guards_from_the_second_review_of_session_18() -> None:
    table = "Spec | 8x H100 | 8x H20 |\n---|---|---|\nMemory Bandwidth | 26.8 TB/s | 32 TB/s |"
    assert {(s, v) for s, m, v, u in core(table) if m == "chip_memory_bandwidth"} == {
        ("h100", 26800.0), ("h20", 32000.0)}
    assert ("kestrel-silicon", "percent_change", 12.0, "percent") in core(
        "Shares of Kestrel Silicon jumped 12% on Monday.")
    assert not any(m == "benchmark_score" for _, m, _, _ in core("DeepSeek-V3 improved 12% on MMLU over V2."))
    assert not any(m == "token_count" for _, m, _, _ in core("DeepSeek-V3 handles 5,000 context switches a second."))
    assert core("엔비디아는 1만 개의 고성능, 저전력 GPU를 샀다.", "ko") == {("nvidia", "chips_acquired", 1e4, "GPU")}
    assert ("nvidia", "chips_supplied", 1e5, "GPU") in core("Nvidia shipped 100,000 business-grade H20 units to China.")
    assert core("삼성전자의 평택 공장 증설에는 30조 원의 비용이 책정됐다.", "ko") == {
        ("samsung-electronics", "spending", 3e13, "KRW")}


# -- session 19: constructions met in batch en-ab / ko-ab -----------------------------------------
def test_a_name_inside_an_apposition_describes_the_name_before_it() -> None:
    text = "Tarnis, a server maker and Nvidia's largest customer, posted a 12.5% revenue increase to 9.8 billion yuan."
    assert core(text) == {("tarnis", "percent_change", 12.5, "percent"), ("tarnis", "revenue", 9.8e9, "CNY")}


def test_a_hyphened_modifier_word_is_no_name() -> None:
    text = "Nvidia sells GPUs.\n\nOrvex expects AI-related spending to pass 40 billion yuan next year."
    assert not any(s == "ai-related" for s, _, _, _ in core(text))
    assert core("Shares of Nvidia-linked suppliers fell 4% on Monday.") == set()


def test_an_unnamed_one_takes_no_determiner_inside_it() -> None:
    text = (
        "Velmora sells routers in Asia.\n\nCloud sales have grown for six quarters, a streak the company "
        "means to extend with a $5 billion investment plan."
    )
    assert core(text) == {("velmora", "investment", 5e9, "USD")}


def test_memory_standards_are_no_names_in_either_language() -> None:
    text = "Orvex said DDR5 and LPDDR5 prices rose 7% in May."
    assert core(text) == set()
    ko = "옌룽은 D램을 만든다.\n\n옌룽의 점유율은 5%다. 다만 DDR5와 LPDDR5는 각각 2%에서 6%로 확대가 예상된다."
    assert {s for s, _, _, _ in core(ko, "ko")} == {"옌룽"}


def test_korean_items_of_a_list_share_the_lists_level_particle() -> None:
    text = "CXMT의 D램 점유율은 각각 11%, 18%에서 9%, 14%로 하락할 전망이다."
    assert core(text, "ko") == {("cxmt", "revenue_share", v, "percent") for v in (11.0, 18.0, 9.0, 14.0)}


def test_a_family_model_number_may_be_written_closed_up() -> None:
    assert core("Ascend910B는 연산성능 640TOPS를 낸다.", "ko") == {("ascend-910b", "chip_compute", 640.0, "TFLOPS")}


def test_compute_per_watt_is_no_compute_figure() -> None:
    assert core("The A100 reaches 9.5 TOPS/W in this test.") == set()
    assert core("A100의 효율은 9.5TOPS/W다.", "ko") == set()
