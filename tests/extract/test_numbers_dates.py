"""Numbers, money, specs and dates as Korean and English texts write them (sentences of our own)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from kg.extract.dates import dates
from kg.extract.lexicon import lexicon
from kg.extract.numbers import parse_korean, quantities

KO_SCALES = lexicon("ko").data.numbers.scales
KO_SMALL = lexicon("ko").data.numbers.small_scales
ANCHOR = dt.date(2025, 4, 16)  # a Wednesday


def _first(text: str, lang: str) -> tuple:
    found = quantities(text, lang)
    return (found[0].value, found[0].unit) if found else ()


@pytest.mark.parametrize("text, value, unit", [
    ("9억 4,400만 달러", 944_000_000, "USD"), ("1억 3,700만 달러", 137_000_000, "USD"), ("600만 달러", 6_000_000, "USD"),
    ("1조 2천억 원", 1_200_000_000_000, "KRW"), ("3천억 원", 300_000_000_000, "KRW"), ("2천만 달러", 20_000_000, "USD"),
    ("5백만 달러", 5_000_000, "USD"), ("10억 위안", 1_000_000_000, "CNY"), ("6,710억 개의 매개변수", 671e9, "parameters"),
    ("직원 150여 명", 150, "people"), ("서버 1,000대", 1_000, "server"), ("GPU 1만 개", 10_000, "GPU"),
    ("28억8천 위안", 2.88e9, "CNY"), ("1억 2천5백 달러", 125_000_000, "USD"),
    ("5억 달러(미화)", 500_000_000, "USD"), ("약 100경 개", 1e18, "count"),
    ("3500만 주의 신주를", 35_000_000, "share"), ("협력사 40곳", 40, "entity"), ("120개의 중국 법인이", 120, "entity"),
    ("176단 낸드 반도체", 176, "layer"), ("480B MoE 구조", 480e9, "parameters"),
])
def test_korean_amounts_and_counters(text: str, value: float, unit: str) -> None:
    assert _first(text, "ko") == (value, unit)


@pytest.mark.parametrize("text, value, unit", [
    ("$5.5 million", 5_500_000, "USD"), ("US$1.6 billion", 1_600_000_000, "USD"), ("$1.6B", 1_600_000_000, "USD"),
    ("USD 944 million", 944_000_000, "USD"), ("RMB 10 billion", 10_000_000_000, "CNY"), ("12 billion yuan", 12e9, "CNY"),
    ("₩1.2 trillion", 1.2e12, "KRW"), ("€3bn", 3e9, "EUR"), ("671B parameters", 671e9, "parameters"),
    ("ten thousand GPUs", 10_000, "GPU"), ("a dozen servers", 12, "server"), ("2,048 graphics cards", 2_048, "GPU"),
    ("96 GB of memory", 96, "GB"), ("4.0 TB/s", 4_000, "GB/s"), ("900GB/s", 900, "GB/s"), ("a TPP of 4,800", 4_800, "TPP"),
    ("2.8 million GPU hours", 2_800_000, "GPU-hours"), ("13%", 13, "percent"), ("13 percent", 13, "percent"),
    ("700 W", 700, "W"), ("1.2 PFLOPS", 1_200, "TFLOPS"), ("1.6 ZFLOPS", 1.6e9, "TFLOPS"),
    ("2.5 million tokens per second", 2.5e6, "tokens/s"), ("45 tokens/s", 45, "tokens/s"),
    ("4,000 TFLOPS times bit-length", 4_000, "TPP"), ("a 15-percent levy", 15, "percent"),
    ("its 8-per-cent stake", 8, "percent"), ("a 176-layer NAND die", 176, "layer"),
    ("up 1.7 ppts from May", 1.7, "percent"), ("a 1.4 GHz clock", 1.4, "GHz"), ("850 MHz", 0.85, "GHz"),
    ("64MB of cache", 0.064, "GB"), ("1,200 tokens/second", 1200, "tokens/s"), ("1.4 million die", 1_400_000, "GPU"),
    ("300,000 logic dies", 300_000, "GPU"), ("a 236B MoE model", 236e9, "parameters"),
    ("4 INT8 PetaFLOPS", 4000, "TFLOPS"),
])
def test_english_amounts_units_and_specs(text: str, value: float, unit: str) -> None:
    assert _first(text, "en") == (value, unit)


@pytest.mark.parametrize("text, value", [("750 FP8 TFLOPS", 750), ("2.5 BF16 PFLOPS", 2_500), ("40 INT8 TOPS", 40)])
def test_a_number_format_between_a_figure_and_its_compute_unit(text: str, value: float) -> None:
    assert _first(text, "en") == (value, "TFLOPS")


@pytest.mark.parametrize("text", ["1,250 TFLOP", "1,250 TFLOPs", "1,250 TFLOP/s"])
def test_a_singular_or_mixed_case_compute_unit(text: str) -> None:
    assert _first(text, "en") == (1_250, "TFLOPS")


def test_a_korean_count_with_no_noun_shares_the_next_counts_noun() -> None:
    found = quantities("LG에 1만 개, 포스코에 2만 개의 HBM 칩을 팔았다", "ko")
    assert [(q.value, q.unit) for q in found] == [(10_000, "GPU"), (20_000, "GPU")]


def test_wafers_per_month_abbreviated_count_wafers() -> None:
    assert _first("a capacity of 50k wpm", "en") == (50_000, "wafer")


def test_the_korean_counted_noun_nearest_the_figure_is_what_it_counts() -> None:
    assert _first("H20 칩용 웨이퍼 4만 개가 새로 투입됐다", "ko") == (40_000, "wafer")


def test_petabytes_are_read_in_gigabytes() -> None:
    assert _first("2.4 petabytes", "en") == (2_400_000, "GB") and _first("3PB", "en") == (3_000_000, "GB")


def test_composite_performance_before_a_figure_is_tpp() -> None:
    assert _first("rules that cover a composite performance of 2400 or more", "en") == (2_400, "TPP")


def test_a_unit_after_the_second_figure_of_from_to_serves_both() -> None:
    assert [(q.value, q.unit) for q in quantities("output fell from 300 to 250 TOPS", "en")] == [
        (300, "TFLOPS"), (250, "TFLOPS")]


@pytest.mark.parametrize("text, value", [
    ("rivals may import up to 40,000 GPUs, rising to 60,000 under a deal", 60_000),
    ("it held 9,000 chips and later grew to about 12,000.", 12_000),
])
def test_a_bare_count_a_change_leads_to_counts_what_the_count_before_counts(text: str, value: float) -> None:
    assert [(q.value, q.unit) for q in quantities(text, "en")][-1] == (value, "GPU")


def test_a_bare_count_before_a_noun_of_its_own_counts_that_noun_not_the_one_before() -> None:
    assert [(q.value, q.unit) for q in quantities("it held 9,000 chips and cut to 5 countries", "en")][-1] == (5, "country")
    assert [(q.value, q.unit) for q in quantities("it held 9,000 chips and cut to 5 regions", "en")][-1] == (5, "region")


@pytest.mark.parametrize("text, unit", [
    ("8인치 웨이퍼 기준 월 생산량은 81만 2500장이다", "wafer"),
    ("업체들이 H20 칩을 50만 개 샀지만 재고는 약 20만 개다", "GPU"),
])
def test_a_korean_count_with_only_a_counter_counts_what_the_sentence_counted_before(text: str, unit: str) -> None:
    assert quantities(text, "ko")[-1].unit == unit


def test_a_korean_counter_for_things_never_counts_people_and_a_closed_phrase_takes_no_later_noun() -> None:
    found = quantities("GPU 200개를 들였고 직원 5명이 4개를 더 가져왔다", "ko")
    assert [(q.value, q.unit) for q in found] == [(200, "GPU"), (5, "people"), (4, "GPU")]


def test_korean_rate_makes_memory_a_bandwidth() -> None:
    assert _first("데이터 전송속도가 초당 600GB", "ko") == (600, "GB/s")


@pytest.mark.parametrize("text, low, high", [
    ("5,000-10,000 GPUs", 5_000, 10_000), ("$5 billion to $6 billion", 5e9, 6e9), ("5-6 billion yuan", 5e9, 6e9),
    ("between 20 and 30 percent", 20, 30),
])
def test_ranges_keep_both_ends(text: str, low: float, high: float) -> None:
    q = quantities(text, "en")[0]
    assert (q.value, q.value_max) == (low, high)


def test_a_span_from_one_figure_to_another_is_one_range_but_a_change_is_two_figures() -> None:
    spans = quantities("Operating margin should range from 12% to 15%.", "en")
    assert [(q.value, q.value_max) for q in spans] == [(12, 15)]
    changes = quantities("Its margin climbed from 12% to 15%.", "en")
    assert [(q.value, q.value_max) for q in changes] == [(12, None), (15, None)]


def test_a_korean_range_may_open_with_a_single_bare_digit() -> None:
    found = quantities("처리 속도는 구형 대비 2~4배 빠르다.", "ko")
    assert [(q.value, q.value_max, q.unit) for q in found] == [(2, 4, "times")]


def test_a_count_of_makers_is_no_count_of_the_chips_they_make() -> None:
    assert quantities("Only four big chipmakers supply HBM chips.", "en") == []


def test_an_apostrophe_may_group_thousands() -> None:
    assert [(q.value, q.unit) for q in quantities("the plant makes 45’000 wafers a month", "en")] == [(45_000, "wafer")]


def test_a_process_node_written_with_a_space_is_no_count() -> None:
    assert [q.measure for q in quantities("a 5 nm processor went on sale", "en")] == ["node"]


def test_a_tickers_quote_in_brackets_is_no_figure() -> None:
    found = quantities("Shares of AMD (AMD +2.40%) climbed 3% by noon.", "en")
    assert [(q.value, q.unit) for q in found] == [(3, "percent")]


def test_a_range_runs_past_a_bracket_restating_its_low_end() -> None:
    found = quantities("sales of between 8 billion euros ($8.7 billion) and 9 billion euros", "en")
    assert [(q.value, q.value_max, q.unit, q.converted) for q in found] == [
        (8e9, 9e9, "EUR", False), (8.7e9, None, "USD", True)
    ]


def test_the_lower_or_upper_half_of_a_range_is_no_share() -> None:
    assert quantities("results landed in the upper half of the forecast", "en") == []


def test_gigabits_are_an_eighth_of_gigabytes_but_tb_per_second_reads_as_bytes() -> None:
    assert [(q.value, q.unit) for q in quantities("a 800Gbps port", "en")] == [(100, "GB/s")]
    assert [(q.value, q.unit) for q in quantities("3.2Tb/s of HBM bandwidth", "en")] == [(3200, "GB/s")]


def test_korean_text_writes_terabytes_per_second_in_any_case() -> None:
    assert [(q.value, q.unit) for q in quantities("대역폭은 3.2Tb/s에 이른다", "ko")] == [(3200, "GB/s")]


def test_cents_are_hundredths_of_a_dollar() -> None:
    assert [(q.value, q.unit) for q in quantities("a dividend of 4 cents a share", "en")] == [(0.04, "USD")]


def test_a_bare_sum_then_its_value_in_won_in_brackets_is_one_figure() -> None:
    found = quantities("이 중 24억(한화 약 3조3000억원)이 중국 몫이다", "ko")
    assert [(q.value, q.converted) for q in found] == [(2.4e9, False), (3.3e12, True)]


def test_a_chip_compound_modifier_counts_no_chips() -> None:
    assert [q.unit for q in quantities("Seoul listed 12 chip-making tools for review", "en")] == ["tool"]


@pytest.mark.parametrize("text, lang, value", [("a grant of ₹40 crore and ₹2.5 billion", "en", 2.5e9),
                                               ("정부는 250억 루피를 배정했다", "ko", 2.5e10)])
def test_rupees_are_indian_money(text: str, lang: str, value: float) -> None:
    assert (value, "INR") in [(q.value, q.unit) for q in quantities(text, lang)]


def test_a_power_written_as_a_compound_modifier_is_read() -> None:
    assert [(q.value, q.unit) for q in quantities("a 350-megawatt campus", "en")] == [(350e6, "W")]


def test_vague_amounts_are_lower_bounds_marked_vague() -> None:
    assert [(q.value, q.qualifier, q.vague) for q in quantities("thousands of GPUs", "en")] == [(1_000, "at_least", True)]
    assert [(q.value, q.qualifier, q.vague) for q in quantities("수천 개의 칩", "ko")] == [(1_000, "at_least", True)]
    assert [q.vague for q in quantities("2,000 GPUs", "en")] == [False]


def test_a_figure_in_a_second_currency_is_marked_as_the_same_figure() -> None:
    found = quantities("매출은 170억달러(22조원)였다", "ko")
    assert [(q.unit, q.converted) for q in found] == [("USD", False), ("KRW", True)]


def test_a_second_figure_in_a_bracket_after_a_middle_dot_restates_the_first() -> None:
    found = quantities("화웨이(4천억 위안·약 80조원)", "ko")
    assert [(q.value, q.unit, q.converted) for q in found] == [(4e11, "CNY", False), (80e12, "KRW", True)]


def test_every_figure_of_a_bracket_of_conversions_restates_the_first() -> None:
    found = quantities("200억 위안(3조9천억원 27억 달러)", "ko")
    assert [q.converted for q in found] == [False, True, True]


def test_a_bracketed_conversion_may_name_the_currency_it_converts_into() -> None:
    found = quantities("충당금 40억달러(한화 약 5조6000억원)를 반영했다", "ko")
    assert [(q.value, q.unit, q.converted) for q in found] == [(4e9, "USD", False), (5.6e12, "KRW", True)]


def test_a_korean_generation_number_is_an_ordinal_not_a_count() -> None:
    assert quantities("비렌은 3세대 AI 칩을 공개했다", "ko") == []


def test_a_minus_sign_is_kept() -> None:
    assert [q.negative for q in quantities("it spent -$5 billion", "en")] == [True]


@pytest.mark.parametrize("text, lang", [
    ("999조조 달러", "ko"), ("1,2,3 개", "ko"), ("12,34개", "ko"), ("만억 개", "ko"), ("2021년 H100 GPT-4 v3", "ko"),
    ("In section 3, the rule", "en"), ("Line 5: see above", "en"), ("the RTX 4090D parts", "en"),
    ("the Atlas 950 is new", "en"), ("Cambricon (688256.SH) rose", "en"), ("one of the firms", "en"),
    ("the Four GPU Dragons", "en"), ("세대 교체", "ko"), ("a chip", "en"),
])
def test_labels_names_and_malformed_numbers_are_not_quantities(text: str, lang: str) -> None:
    assert quantities(text, lang) == []


@pytest.mark.parametrize("text, lang", [("그 종목은 52주 최저가로 밀렸다", "ko"), ("near its 52 week high", "en")])
def test_a_stocks_yearly_high_or_low_is_no_figure(text: str, lang: str) -> None:
    assert quantities(text, lang) == []


def test_a_sibling_models_number_after_a_middle_dot_is_no_figure() -> None:
    assert quantities("시위안370·390 카드의 수율이 낮다", "ko") == []


@pytest.mark.parametrize("text, lang", [("이 카드는 4K 영상 출력을 지원한다", "ko"), ("the card drives 4K displays", "en")])
def test_a_video_resolution_is_no_figure(text: str, lang: str) -> None:
    assert quantities(text, lang) == []


def test_a_year_is_never_a_count() -> None:
    assert quantities("In 2021 it bought chips", "en") == []
    taken = [(d.start, d.end) for d in dates("In May 1850 it bought chips", "en", ANCHOR)]
    assert quantities("In May 1850 it bought chips", "en", taken) == []


@given(st.integers(min_value=1, max_value=9_999), st.integers(min_value=0, max_value=9_999))
def test_korean_numerals_round_trip(eok: int, man: int) -> None:
    text = f"{eok:,}억" + (f" {man:,}만" if man else "")
    assert parse_korean(text, KO_SCALES, KO_SMALL) == eok * 10**8 + man * 10**4


@given(st.integers(min_value=1, max_value=10**12))
def test_grouped_digits_round_trip(n: int) -> None:
    assert [q.value for q in quantities(f"약 {n:,}개의 칩", "ko")] == [n]


@pytest.mark.parametrize("text, lang, iso, precision", [
    ("2021년", "ko", "2021", "year"), ("2023년 5월", "ko", "2023-05", "month"), ("1월 7일", "ko", "2025-01-07", "day"),
    ("May 2023", "en", "2023-05", "month"), ("January 7", "en", "2025-01-07", "day"),
    ("2024-12-26", "en", "2024-12-26", "day"), ("Jan. 7, 2025", "en", "2025-01-07", "day"), ("in 2015", "en", "2015", "year"),
    ("In 2021, it", "en", "2021", "year"),
])
def test_absolute_dates_keep_their_precision(text: str, lang: str, iso: str, precision: str) -> None:
    assert [(d.iso, d.precision) for d in dates(text, lang, ANCHOR)] == [(iso, precision)]


@pytest.mark.parametrize("text, lang, iso, precision", [
    ("last year", "en", "2024", "year"), ("last month", "en", "2025-03", "month"), ("on Tuesday", "en", "2025-04-15", "day"),
    ("in March", "en", "2025-03", "month"), ("in June", "en", "2024-06", "month"), ("지난해", "ko", "2024", "year"),
    ("지난달", "ko", "2025-03", "month"), ("지난 9일", "ko", "2025-04-09", "day"), ("15일(현지시간)", "ko", "2025-04-15", "day"),
    ("올해", "ko", "2025", "year"), ("오는 6월", "ko", "2025-06", "month"),
])
def test_relative_dates_resolve_against_the_document_date(text: str, lang: str, iso: str, precision: str) -> None:
    assert [(d.iso, d.precision) for d in dates(text, lang, ANCHOR)] == [(iso, precision)]


def test_relative_dates_without_a_document_date_have_no_value() -> None:
    assert [(d.iso, d.relative) for d in dates("last year", "en", None)] == [(None, True)]


@pytest.mark.parametrize("text, lang", [("2023년 13월", "ko"), ("13월", "ko"), ("2월 30일", "ko"),
                                        ("February 30, 2024", "en"), ("2023-02-30", "en")])
def test_impossible_dates_have_no_value(text: str, lang: str) -> None:
    assert [d.date for d in dates(text, lang, ANCHOR)] in ([], [None])


@pytest.mark.parametrize("text", ["it may rise", "they march on", "May be so", "a 7일간 test"])
def test_modal_verbs_and_durations_are_not_dates(text: str) -> None:
    assert dates(text, "en", ANCHOR) == [] and dates(text, "ko", ANCHOR) == []


@given(st.text(max_size=80))
def test_normalisers_never_crash(text: str) -> None:
    for lang in ("en", "ko"):
        quantities(text, lang)
        dates(text, lang, ANCHOR)


@pytest.mark.parametrize("text, counted", [("Its H20 card inventory was 20,000 before the ban.", ["GPU"]),
                                           ("Shipments rose from 300,000 H800 GPUs to 450,000 in Q2.", ["GPU", "GPU"]),
                                           ("Nvidia sold H20 chips to 50 customers.", ["thing"])])  # customers, no chips
def test_an_english_count_that_ends_its_phrase_counts_the_noun_its_clause_counted(text: str, counted: list) -> None:
    assert [q.counted for q in quantities(text, "en")] == counted


def test_a_number_of_years_is_a_time_span_never_a_count_of_what_follows() -> None:
    text = "for the last three years it sold 400 graphics processing units"
    assert [(q.value, q.unit) for q in quantities(text, "en")] == [(3, "years"), (400, "GPU")]


def test_a_currency_before_the_low_end_and_a_scale_after_the_high_end_make_one_range() -> None:
    assert [(q.value, q.value_max, q.unit) for q in quantities("expects sales of $7.2–7.8 billion", "en")] == [
        (7.2e9, 7.8e9, "USD")]


def test_chinese_yuan_is_a_currency() -> None:
    assert [(q.value, q.unit) for q in quantities("an order worth 12 billion Chinese yuan", "en")] == [(12e9, "CNY")]


@pytest.mark.parametrize("text, counted", [
    ("미국은 15개 우려국을 상대로", "country"), ("명단에 오른 30개 반도체·장비 관련 기업에 팔리는", "entity"),
    ("노광 등 9개 카테고리 장비가", "thing"),
    ("H20 칩을 40만 개 샀지만 재고는", "GPU"), ("1만 개 이상의 첨단 GPU를", "GPU"),
])
def test_a_korean_counter_counts_the_head_noun_that_ends_the_phrase_after_it(text: str, counted: str) -> None:
    assert quantities(text, "ko")[0].counted == counted


def test_a_bracket_of_conversions_named_by_their_currency_restates_the_first_figure() -> None:
    found = quantities("칩 구매에 약 500억 위안(미화 70억 달러, 한화 약 9조 원)을 쓴다", "ko")
    assert [(q.value, q.unit, q.converted) for q in found] == [(5e10, "CNY", False), (7e9, "USD", True), (9e12, "KRW", True)]


def test_a_korean_counters_noun_after_a_qualifier_and_its_possessive_is_what_is_counted() -> None:
    assert [(q.value, q.unit) for q in quantities("텐센트는 3만대 이상의 엔비디아 H20 칩을 샀다.", "ko")] == [(30000, "GPU")]


def test_a_range_written_in_number_words_is_one_range() -> None:
    assert [(q.value, q.value_max, q.unit) for q in quantities("it lags by four to seven months", "en")] == [
        (4, 7, "months")]



@pytest.mark.parametrize("text, lang, ghz", [("코어 i7-14700은 5.6GHz로 돈다.", "ko", 5.6),
                                            ("The Ryzen R9-7950 boosts to 5.7GHz.", "en", 5.7)])
def test_the_digits_after_a_codes_hyphen_are_no_quantity(text: str, lang: str, ghz: float) -> None:
    assert [(q.value, q.unit) for q in quantities(text, lang)] == [(ghz, "GHz")]


@pytest.mark.parametrize("text, lang, first", [("It raised 3 billion yuan ($1 = 7.1 yuan).", "en", (3e9, "CNY")),
                                              ("It raised 2 billion yuan (US$1 = RMB7.2).", "en", (2e9, "CNY")),
                                              ("매출은 10억 달러(1달러=1,380원)였다.", "ko", (1e9, "USD"))])
def test_an_exchange_rate_note_is_no_quantity(text: str, lang: str, first: tuple) -> None:
    assert [(q.value, q.unit) for q in quantities(text, lang)] == [first]


def test_a_variants_memory_after_its_hyphen_is_a_quantity() -> None:
    assert [(q.value, q.unit) for q in quantities("The H100-94GB sells well.", "en")] == [(94, "GB")]


def test_a_korean_product_names_spaced_pro_is_no_percent_but_a_glued_one_is() -> None:
    found = [(q.value, q.unit) for q in quantities("새 폰 메이트 70 프로 모델에 칩이 쓰였고 점유율은 20프로 수준이다.", "ko")]
    assert (20, "percent") in found and (70, "percent") not in found


@pytest.mark.parametrize("text, lang, low, high", [("월 생산능력이 4~5만 장에 이른다", "ko", 40_000, 50_000),
                                                 ("It plans 2-3 million GPUs.", "en", 2e6, 3e6)])
def test_a_bare_low_end_of_a_count_range_takes_the_high_ends_scale(text: str, lang: str, low: float, high: float) -> None:
    assert [(q.value, q.value_max) for q in quantities(text, lang)] == [(low, high)]


def test_escaped_bytes_of_an_address_are_no_percent() -> None:
    assert quantities("see /news/nvidia%E2%80%99s-h20-sales", "en") == []


@pytest.mark.parametrize(("text", "lang", "value", "unit"), [
    ("단 7분 만에 끝냈다", "ko", 7, "minutes"),
    ("공포 후 90일 지나면 발효된다", "ko", 90, "days"),
    ("rated at 2.5 PetaOPS INT8", "en", 2500, "TFLOPS"),
])
def test_durations_and_units_read_beside_their_cue_words(text: str, lang: str, value: float, unit: str) -> None:
    from kg.extract.numbers import finder
    assert [(q.value, q.unit) for q in finder(lang).find(text, [])] == [(value, unit)]


def test_a_minute_of_a_clock_time_is_no_duration() -> None:
    from kg.extract.numbers import finder
    assert finder("ko").find("오후 3시 5분에 만났다", []) == []


def test_korean_years_listed_before_one_with_its_cue_are_durations_too() -> None:
    from kg.extract.numbers import finder
    found = finder("ko").find("재판부는 징역 12년, 8년, 5년을 선고했다", [])
    assert [(q.value, q.unit) for q in found] == [(12, "years"), (8, "years"), (5, "years")]
    assert finder("ko").find("2022년, 2023년에 출시됐다", []) == []


def test_a_count_of_men_or_suspects_counts_people_not_the_goods_named_after_them() -> None:
    assert _first("Police held two men over a plan to ship AI servers abroad", "en") == (2, "people")
    assert _first("Prosecutors named five suspects accused of selling GPUs", "en") == (5, "people")


def test_korean_a_count_closed_by_an_oblique_particle_counts_no_noun_after_it() -> None:
    assert [(q.value, q.unit) for q in quantities("당국은 기업 세 곳에 허가를 내줬다.", "ko")] == [(3, "entity")]
    text = "벨모라는 GPU 5,000개 이상으로 이뤄진 서버실을 열었다."
    assert [(q.value, q.unit) for q in quantities(text, "ko")] == [(5000, "GPU")]


def test_a_bare_count_borrows_no_noun_from_before_a_list_dash_or_a_citation_mark() -> None:
    text = "Regulators logged more licence applications [2] - Its buffer rose from 16K to 48K for bigger batches"
    assert [q.unit for q in quantities(text, "en")] == ["count", "count"]


def test_korean_yen_before_a_particle_is_a_sum_and_a_word_opening_with_en_is_not() -> None:
    assert _first("신공장에 약 2조엔이 든다", "ko") == (2e12, "JPY")
    assert _first("GPU 3 엔비디아 제품", "ko") != (3, "JPY")


def test_a_percentage_written_with_a_minus_sign_is_negative_but_a_range_dash_or_hyphen_is_no_sign() -> None:
    assert _first("| Throughput | 9,100 | 6,300 | -30.8% |", "en") == (9100, "count")
    assert [q.value for q in quantities("| Throughput | 9,100 | 6,300 | -30.8% |", "en")][-1] == -30.8
    assert _first("Gross margin came to −1.5% in the quarter", "en") == (-1.5, "percent")
    assert _first("costs fell by 40%-60% last year", "en") == (40, "percent")
    assert _first("Margins of GLM-4 users rose 5%", "en") == (5, "percent")


def test_a_spaced_dash_between_two_figures_is_a_range_not_a_minus_sign() -> None:
    assert [q.value for q in quantities("sales grew 20 - 25% this year", "en")] == [20]


def test_a_bracketed_figure_in_the_same_unit_is_a_second_figure_not_a_restatement() -> None:
    found = quantities("margin was 61.0% (60.7% adjusted) in the quarter", "en")
    assert [(q.value, q.converted) for q in found] == [(61.0, False), (60.7, False)]


def test_korean_a_building_counter_is_a_word_of_its_own() -> None:
    assert _first("5개의 중동 거점을 둔다", "ko") != (5, "building")
    assert _first("캠퍼스에 6개 동을 올린다", "ko") == (6, "building")


@pytest.mark.parametrize(("text", "lang"), [
    ("API access costs $0.30 per 1,000 tokens", "en"), ("access costs $0.30/1K tokens", "en"),
    ("가격을 100만 토큰당 0.5위안으로 내렸다", "ko"),
])
def test_the_count_a_rate_is_per_is_no_figure(text: str, lang: str) -> None:
    assert [q.unit for q in quantities(text, lang)] == ["USD" if lang == "en" else "CNY"]


def test_korean_worth_is_no_rate_denominator() -> None:
    assert _first("1조 원 상당의 장비를 들여왔다", "ko") == (1e12, "KRW")
    assert _first("서버 2만 대 할당 계획", "ko") == (20_000, "server")


def test_korean_two_figures_joined_by_from_are_a_range_unless_the_second_is_a_changes_target() -> None:
    found = quantities("2만 대에서 3만 대의 서버가 출하된다", "ko")
    assert [(q.value, q.value_max, q.unit) for q in found] == [(20_000, 30_000, "server")]
    assert [q.value for q in quantities("점유율이 5%에서 12%로 늘었다", "ko")] == [5, 12]
    assert [q.value for q in quantities("점유율이 4%에서 9%까지 높아졌다", "ko")] == [4, 9]


@pytest.mark.parametrize(("text", "lang"), [
    ("made on a 5-nm process", "en"), ("made on a 5 nanometre process", "en"), ("5나노 공정으로 만든다", "ko"),
])
def test_a_process_node_is_a_length_in_nanometres(text: str, lang: str) -> None:
    assert _first(text, lang) == (5, "nm")


def test_a_count_of_measured_parts_written_with_x_is_no_multiple() -> None:
    assert "times" not in {q.unit for q in quantities("it links 4,608 x 400Gbps optics", "en")}
    assert [(q.value, q.unit) for q in quantities("it claims 1.8x better throughput", "en")] == [(1.8, "times")]
    assert [(q.value, q.unit) for q in quantities("it delivers 2.5x H100 performance", "en")][:1] == [(2.5, "times")]


@pytest.mark.parametrize(("text", "value", "value_max"), [
    ("심사에 약 40일이 걸린다", 40, None), ("통관에 5일이 소요된다", 5, None),
    ("허가에는 20~70일 정도가 소요된다", 20, 70),
])
def test_korean_days_a_process_takes_are_a_duration_not_a_date(text: str, value: float, value_max: float | None) -> None:
    assert [(q.value, q.value_max, q.unit) for q in quantities(text, "ko")] == [(value, value_max, "days")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("a 250-million-dollar expansion", 250e6, "USD"), ("its 4-billion-yuan fund", 4e9, "CNY"),
])
def test_a_sum_written_as_a_hyphened_modifier_keeps_its_currency(text: str, value: float, unit: str) -> None:
    assert _first(text, "en") == (value, unit)


def test_korean_a_count_in_eight_inch_equivalents_counts_wafers() -> None:
    assert _first("이 팹은 8인치 환산 32만 개를 찍어낸다", "ko") == (320_000, "wafer")


def test_korean_the_person_counter_counts_people_whatever_noun_follows() -> None:
    assert _first("80명의 요원을 배치했다", "ko") == (80, "people")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("10여 년간 투자했다", 10, "years"), ("7 여 년간 근무했다", 7, "years"), ("승인까지 90여일이 소요됐다", 90, "days"), ("150여 명이 일한다", 150, "people"),
])
def test_korean_more_than_between_a_number_and_its_unit_is_an_approximate_figure(text: str, value: float, unit: str) -> None:
    assert [(q.value, q.unit, q.qualifier) for q in quantities(text, "ko")] == [(value, unit, "approx")]


def test_two_numbers_joined_by_a_hyphen_running_downwards_are_a_code() -> None:
    text = "Quellant's line-up lists parts 720-200 and 720-100."
    assert quantities(text, "en") == []
    assert [(q.value, q.value_max) for q in quantities("sales rose 30-35% and 5-6 million units", "en")] == [
        (30, 35), (5e6, 6e6)]


def test_korean_a_comma_closes_the_phrase_a_counter_with_a_possessive_counts() -> None:
    found = quantities("새 모델은 약 2T개의 매개변수, 학습 토큰 15T개를 갖췄다", "ko")
    assert [(q.value, q.counted or q.unit) for q in found][:1] == [(2e12, "parameters")]
