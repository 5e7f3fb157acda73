"""Names as texts write them: Korean particles, token boundaries, near-miss spellings."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from kg import ontology
from kg.extract.gazetteer import Gazetteer, within_one_edit

GAZETTEER = Gazetteer(ontology.load())


def _ids(text: str) -> list[str]:
    return [m.id for m in GAZETTEER.find(text)]


@pytest.mark.parametrize("text, ident", [
    ("DeepSeek은 성장했다", "deepseek"), ("엔비디아는 발표했다", "nvidia"), ("H800과 H100", "h800"),
    ("High-Flyer가 투자했다", "high-flyer"), ("딥시크의 모델", "deepseek"), ("GPT-4o보다 낫다", "gpt-4o"),
])
def test_names_with_korean_particles_are_found(text: str, ident: str) -> None:
    assert _ids(text)[0] == ident


@pytest.mark.parametrize("text", ["H1000", "MA100", "XH100", "A1000", "메타버스", "오픈딥마인드"])
def test_names_never_match_inside_longer_tokens(text: str) -> None:
    assert _ids(text) == []


def test_longest_name_wins() -> None:
    assert _ids("RTX 4090D and RTX 4090") == ["rtx-4090d", "rtx-4090"]
    assert _ids("DeepSeek V3") == ["deepseek-v3"]


@pytest.mark.parametrize("text, ident", [("Deekseek는", "deepseek"), ("Deepkeek에서", "deepseek"),
                                          ("Deekseek V3", "deepseek-v3"), ("Antrhopic", "anthropic")])
def test_near_miss_spellings_resolve_and_keep_their_surface(text: str, ident: str) -> None:
    mention = GAZETTEER.find(text)[0]
    assert mention.id == ident and mention.fuzzy and mention.surface == text.split("는")[0].split("에서")[0]


@pytest.mark.parametrize("text", ["Deeply", "Seeking", "Deepmind Lab", "deep seek", "Antarctic"])
def test_unrelated_words_are_not_near_misses(text: str) -> None:
    assert "deepseek" not in _ids(text) and "anthropic" not in _ids(text)


@given(st.sampled_from(["H100", "A100", "H800", "H20"]), st.text(alphabet="ABCXYZ0123456789", min_size=1, max_size=3))
def test_a_chip_code_glued_to_letters_or_digits_is_not_a_mention(code: str, glue: str) -> None:
    assert code.lower() not in _ids(glue + code) or glue[-1] in " "
    assert code.lower() not in _ids(code + glue)


@pytest.mark.parametrize("text, ident", [("오픈 AI는 투자를 늘렸다", "openai"), ("미국상무부는 규제를 발표했다", "us-commerce"),
                                         ("미 증권거래위원회(SEC) 공시에 따르면", "us-sec")])
def test_korean_names_are_found_however_they_are_spaced(text: str, ident: str) -> None:
    assert _ids(text)[0] == ident



@pytest.mark.parametrize("text, ident", [("Funding for TokyoElectron rose", "tokyo-electron"),
                                         ("AppliedMaterials sold tools", "applied-materials")])
def test_a_latin_name_written_closed_up_is_found(text: str, ident: str) -> None:
    assert _ids(text)[0] == ident


def test_a_bare_korean_government_is_the_texts_own_but_not_after_a_country_or_a_level() -> None:
    assert _ids("정부는 예산을 늘렸다") == ["kr-government"]
    assert _ids("중국 정부는 예산을 늘렸다") == ["cn-government"]
    assert _ids("지방 정부가 나섰다") == []

# -- new names: people Korean reports introduce ------------------------------------------------
def _korean_people(text: str) -> list[str]:
    from kg.extract.names import finder

    return [n.surface for n in finder("ko").find(text, []) if n.label == "Person"]


def test_korean_names_with_an_age_in_brackets_past_a_nationality_are_people() -> None:
    text = "검찰은 중국인 왕 리(41)와 미국인 존 킴(39)을 기소했다."
    assert _korean_people(text) == ["왕 리", "존 킴"]


def test_a_common_noun_before_a_title_names_no_one() -> None:
    assert _korean_people("상무부 통상 차관보가 방한했다.") == []
    assert _korean_people("러트닉 장관은 성명에서 말했다.") == ["러트닉"]


def test_two_chinese_names_in_western_order_joined_by_and_are_two_people() -> None:
    from kg.extract.names import finder

    text = "Prosecutors said Weiming Zhou and Jianhua Lin ran the shell company."
    people = [n.surface for n in finder("en").find(text, []) if n.label == "Person"]
    assert people == ["Weiming Zhou", "Jianhua Lin"]


def test_us_is_the_country_but_not_inside_a_currency() -> None:
    found = [(m.surface, m.id) for m in GAZETTEER.find("The US charged US$5 million, HK$2 million in fees.")]
    assert found == [("US", "us")]


@pytest.mark.parametrize("text, ident", [
    ("Cambrian's revenue rose", "cambricon"), ("Haiguang shares fell", "hygon"), ("Muxi listed", "metax"),
    ("화홍반도체가 거래를", "hua-hong"),
])
def test_literal_translations_and_other_transcriptions_of_chinese_firm_names(text: str, ident: str) -> None:
    # 寒武纪 is "Cambrian", 海光 "Haiguang", 沐曦 "Muxi"; 华虹 is written 화훙 or 화홍
    assert _ids(text)[0] == ident


def test_a_country_code_before_a_dollar_sign_is_a_currency_not_the_country() -> None:
    assert _ids("a charge of US $1.2 billion") == [] and _ids("US officials said") == ["us"]



@pytest.mark.parametrize("text, ident", [
    ("Analysts at Nomura cut the target", "nomura"), ("노무라증권은 목표가를 낮췄다", "nomura"),
    ("according to SiliconANGLE", "siliconangle"), ("실리콘앵글에 따르면", "siliconangle"),
    ("세계무역기구(WTO)에 제소했다", "wto"), ("넷이즈와 비리비리", "netease"), ("listed on the Nasdaq", "nasdaq"),
])
def test_brokers_outlets_exchanges_and_bodies_articles_cite_are_known(text: str, ident: str) -> None:
    assert _ids(text)[0] == ident


@pytest.mark.parametrize("text, ident", [
    ("기재부는 예산을 늘렸다", "kr-moef"), ("금융위원회가 발표했다", "kr-fsc"),
    ("공정위는 제재했다", "kr-ftc"), ("외교부는 유감을 표했다", "kr-mofa"),
    ("중국 외교부는 반대했다", "cn-mfa"), ("중기부와 국토부", "kr-mss"),
    ("특허청에 따르면", "kr-kipo"), ("한국은행은 금리를 동결했다", "kr-bok"),
    ("국가AI전략위원회가 출범했다", "kr-national-ai-strategy-committee"),
])
def test_korean_ministries_and_bodies_korean_articles_name_are_known(text: str, ident: str) -> None:
    assert _ids(text)[0] == ident


@pytest.mark.parametrize("text, ident", [
    ("국제통화기금(IMF)은 전망을 낮췄다", "imf"), ("OECD에 따르면", "oecd"),
    ("the World Bank said", "world-bank"), ("유엔은 결의했다", "united-nations"),
    ("국제연합 총회", "united-nations"),
])
def test_international_organisations_articles_cite_are_known(text: str, ident: str) -> None:
    assert _ids(text)[0] == ident


@pytest.mark.parametrize("text, ident", [
    ("미국의소리(VOA)가 보도했다", "voice-of-america"), ("KBS에 따르면", "kbs"),
    ("디지털타임즈에 따르면", "digital-times"), ("비즈니스 코리아가 보도했다", "business-korea"),
    ("according to MarketWatch", "marketwatch"), ("TechCentral reported", "techcentral"),
    ("비즈니스 스탠다드는 보도했다", "business-standard"),
])
def test_korean_and_english_outlets_articles_cite_are_known(text: str, ident: str) -> None:
    assert _ids(text)[0] == ident


@pytest.mark.parametrize("text, ident", [
    ("블랙록이 투자했다", "blackrock"), ("according to StreetAccount", "streetaccount"),
    ("a16z는 투자했다", "andreessen-horowitz"), ("DST 글로벌이 주도했다", "dst-global"),
    ("힐하우스와 세쿼이아", "hillhouse"), ("핑안보험이 참여했다", "ping-an"),
    ("Jio Platforms raised money", "jio-platforms"),
])
def test_investors_and_data_providers_articles_cite_are_known(text: str, ident: str) -> None:
    assert _ids(text)[0] == ident


@pytest.mark.parametrize("text, ident", [("가우디2 칩을 출시했다", "gaudi-2"), ("Intel Gaudi 2 accelerators", "gaudi-2"),
                                          ("룽손의 CPU", "loongson")])
def test_chip_and_firm_names_korean_articles_write(text: str, ident: str) -> None:
    assert _ids(text)[0] == ident


@pytest.mark.parametrize("text, ident", [("LG AI연구원은 엑사원을 공개했다", "lg-ai-research"), ("엑사원 4.0", "exaone"),
                                          ("MediaTek and BYD", "mediatek"), ("앰코테크놀로지와 ASE", "amkor"),
                                          ("CoreWeave bought Core Scientific", "coreweave")])
def test_firms_labs_and_models_of_korean_and_chinese_industry_are_known(text: str, ident: str) -> None:
    assert _ids(text)[0] == ident


def _new_names(text: str) -> list[tuple[str, str | None]]:
    from kg.extract.names import finder

    return [(n.surface, n.label) for n in finder("en").find(text, [])]


def test_a_plural_class_noun_before_such_as_types_the_names_it_lists() -> None:
    text = "Chip designers such as Varnex, Olvio and Quellen showed parts."
    assert _new_names(text) == [("Varnex", "Firm"), ("Olvio", "Firm"), ("Quellen", "Firm")]


def test_listed_chips_after_including_are_two_chips_not_one_name() -> None:
    text = "New accelerators including the Lumex 9 and Dravo X2 were shown."
    assert _new_names(text) == [("Lumex 9", "Chip"), ("Dravo X2", "Chip")]


def test_a_firm_suffix_closes_the_first_of_two_names_joined_by_and() -> None:
    text = "Orders went to Talvon Networks and Brisko last year."
    assert _new_names(text) == [("Talvon Networks", "Firm"), ("Brisko", "Firm")]  # listed with a firm


def test_a_title_set_before_a_name_by_a_comma_makes_a_person_and_its_complement_no_name() -> None:
    text = "Its Vice President of Policy, Marta Keel, declined to comment."
    assert _new_names(text) == [("Marta Keel", "Person")]


def test_a_surname_in_capitals_after_a_title_is_a_person() -> None:
    assert _new_names("Founder and CEO WANG Lipeng spoke at the event.") == [("WANG Lipeng", "Person")]


def test_a_plural_title_before_two_names_makes_two_people() -> None:
    text = "The bill, led by Sens. Rob Tarrant and Ana Vell, was introduced."
    assert _new_names(text) == [("Rob Tarrant", "Person"), ("Ana Vell", "Person")]


def test_a_name_with_an_age_in_apposition_is_a_person() -> None:
    assert _new_names("In court, Dorin Vasek, 41, pleaded guilty.") == [("Dorin Vasek", "Person")]


def test_a_quoted_name_before_a_chip_noun_is_a_chip() -> None:
    assert _new_names("A follow-on “Sable Ridge 2” GPU is due.") == [("Sable Ridge 2", "Chip")]


def test_a_group_noun_before_a_name_makes_a_firm() -> None:
    assert _new_names("The telecoms group Ooredux bought servers.") == [("Ooredux", "Firm")]


def test_a_new_name_typed_later_in_the_document_is_typed_where_it_stood_before() -> None:
    from kg.documents.model import Document
    from kg.documents.passages import split_passages
    from kg.extract import analyse

    text = "Results at Kestrava beat forecasts.\n\nKestrava, a Suzhou-based chipmaker, makes inference cards.\n"
    document = Document("t", "t.md", text, "0", "en", passages=split_passages("t", text))
    first = analyse(document, ontology.load())[0]
    assert [(m.surface, m.label) for m in first.mentions] == [("Kestrava", "Firm")]


def test_a_product_line_word_leading_a_new_name_makes_a_chip_past_a_number_word() -> None:
    assert _new_names("Two DGX Orbit units can be linked.") == [("DGX Orbit", "Chip")]


def test_a_korean_particle_ends_a_latin_name() -> None:
    from kg.extract.names import finder

    found = [(n.surface, n.label) for n in finder("en").find("The DGX Orbit의 birth story.", [])]
    assert found == [("DGX Orbit", "Chip")]



def test_a_longer_known_name_is_not_corrected_into_a_near_miss() -> None:
    from types import SimpleNamespace as Individual
    known = {"acme-semi": ("Firm", "Haiguang"), "acme-800": ("Chip", "Hanguang 800")}
    tiny = Individual(individuals={ident: Individual(label=label, id=ident, names={"en": [name]})
                                   for ident, (label, name) in known.items()})
    found = Gazetteer(tiny).find("The Hanguang 800 runs inference.")  # one letter from Haiguang
    assert [(m.id, m.fuzzy) for m in found] == [("acme-800", False)]


def test_a_live_blogs_time_stamp_leaves_the_first_word_of_its_line_a_common_word() -> None:
    from kg.extract.names import finder
    found = finder("en").find("09:14AM PDT - Scheduler sits above all eight cores", [])
    assert [n.surface for n in found] == []


def test_a_korean_name_before_an_unknown_organisation_and_a_title_is_a_person() -> None:
    from kg.extract.names import finder
    found = finder("ko").find("박지훈 해양수산부 장관이 어제 부산을 찾았다.", [])
    assert [(n.surface, n.label) for n in found] == [("박지훈", "Person"), ("해양수산부", "Agency")]


@pytest.mark.parametrize(("text", "names"), [
    ("해양환경부가 지원책을 내놨다.", [("해양환경부", "Agency")]),   # a ministry alone
    ("본부와 사업부 내부에서 논의했다.", []),                          # 부 ending common nouns
])
def test_a_korean_ministry_is_an_agency_by_what_it_governs(text: str, names: list) -> None:
    from kg.extract.names import finder
    assert [(n.surface, n.label) for n in finder("ko").find(text, [])] == names


def _new_names_ko(text: str) -> list[tuple[str, str | None]]:
    from kg.extract.names import finder

    return [(n.surface, n.label) for n in finder("ko").find(text, [])]


def test_a_new_name_before_a_verb_organisations_use_is_a_firm() -> None:
    assert _new_names("Velmora plans to open a plant in Ohio.") == [("Velmora", "Firm"), ("Ohio", None)]
    assert _new_names("Quellant has acquired a rival.") == [("Quellant", "Firm")]


def test_a_capitalised_firm_anaphor_is_no_name() -> None:
    assert _new_names("The Company announced its results.") == []


def test_a_date_after_a_titled_name_ends_the_name() -> None:
    assert _new_names("A post by Dr. Mara Quell on March 3 said so.") == [("Mara Quell", "Person")]


def test_a_name_a_stake_or_a_post_is_of_is_an_organisation() -> None:
    assert _new_names("The Velmora-backed lab grew.") == [("Velmora", "Firm")]
    assert _new_names("Ana Roe, chief executive of Quellant Labs, spoke.") == [("Ana Roe", "Person"), ("Quellant Labs", "Firm")]


def test_korean_names_listed_before_a_class_noun_take_its_type() -> None:
    text = "벨모라는 퀠란트, 도라닉스, 벨로 캐피털 등 해외 투자사가 참여한 펀드다."
    assert ("퀠란트", "Firm") in _new_names_ko(text) and ("벨로 캐피털", "Firm") in _new_names_ko(text)


def test_korean_chinese_name_glossed_in_characters_is_a_person_even_when_kiwi_splits_it() -> None:
    assert ("덩중진", "Person") in _new_names_ko("덩중진(邓中进) 원사는 새 칩을 소개했다.")
    assert _new_names_ko("고성능(高性能) 칩을 소개했다.") == []  # a common word glossed


def test_korean_organisation_suffix_written_onto_a_latin_or_a_known_proper_noun() -> None:
    assert _new_names_ko("Kestrio그룹은 새 칩을 냈다.") == [("Kestrio그룹", "Firm")]
    assert _new_names_ko("아사히신문은 새 공장을 보도했다.") == [("아사히신문", "Firm")]
    assert _new_names_ko("AI 반도체 공급 협약을 맺었다.") == []  # a spaced suffix after a Latin word


def test_a_singular_class_noun_right_before_a_new_name_types_it() -> None:
    assert _new_names("Velmora ships the vision chip “Tarnis” to carmakers.") == [("Velmora", "Firm"), ("Tarnis", "Chip")]
    assert _new_names("It runs on the new model Orvex in chats.") == [("Orvex", "AIModel")]
    assert ("Architecture", None) in _new_names("- GPU Architecture: Blackwell")  # a label, no class noun


def test_a_model_familys_name_before_a_hyphened_version_is_a_model() -> None:
    assert _new_names("The launch of GLM-9.2 surprised rivals.") == [("GLM-9.2", "AIModel")]


def test_a_possessive_inside_a_capitalised_run_splits_the_owner_from_what_it_owns() -> None:
    assert _new_names("Analysts said Quellant's Orion X2 accelerator delivers 100 TFLOPS.") == [
        ("Quellant", "Firm"), ("Orion X2", "Chip")]
    assert ("Tarvo 9", "Chip") in _new_names("Analysts like Velmora’s Tarvo 9 AI chip.")  # `AI` describes the chip


def test_a_firms_department_is_no_government_agency() -> None:
    text = "An executive from Velmora Telecom's Network Planning Department spoke."
    assert [label for _, label in _new_names(text) if label == "Agency"] == []


def test_a_capitalised_common_word_after_a_labels_colon_is_no_name_but_a_word_with_digits_is() -> None:
    assert _new_names("• Cost Control: Operating costs fell sharply.") == [("Cost Control", None)]
    names = _new_names("The scale is striking: Zephyr-V3.1 processed many tokens.")
    assert "Zephyr-V3.1" in [surface for surface, _ in names]


def _osa_distance(a: str, b: str) -> int:
    """The table-filling definition, as the oracle for the linear check."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            value = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, rows[-2][j - 2] + 1)
            row.append(value)
        rows.append(row)
    return rows[-1][-1]


@given(st.text("abc", max_size=7), st.text("abc", max_size=7))
def test_within_one_edit_agrees_with_the_edit_distance(a: str, b: str) -> None:
    assert within_one_edit(a, b) == (_osa_distance(a, b) <= 1)


@pytest.mark.parametrize(("a", "b", "near"), [
    ("deepseek", "deekseek", True), ("deepseek", "deepsek", True), ("deepseek", "edepseek", True),
    ("deepseek", "deepseeks", True), ("deepseek", "deeksaek", False), ("nvidia", "nivdai", False),
])
def test_within_one_edit_on_misspelt_names(a: str, b: str, near: bool) -> None:
    assert within_one_edit(a, b) is near
