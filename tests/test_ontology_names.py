"""The names that articles of this field use link to the right individual, in English and Korean;
every name names one individual only; and the Agency label is wired through the schema, the
SHACL shapes, the styles and the attribution of claims."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from kg import ontology, paths
from kg.documents.model import Document
from kg.documents.passages import split_passages
from kg.errors import OntologyError
from kg.export.dump import GraphDump
from kg.export.rdf import to_rdf
from kg.extract import extract
from kg.extract.gazetteer import Gazetteer
from kg.validate import violations_in
from kg.views.grass import styled_labels
from kg.views.style import DEFAULT, look

ONTO = ontology.load()
GAZETTEER = Gazetteer(ONTO)


def _linked(text: str) -> list[tuple[str, str, str]]:
    return [(m.surface, m.label, m.id) for m in GAZETTEER.find(text)]


ENGLISH = [
    ("The Commerce Department said on Tuesday it would tighten the rules.",
     [("Commerce Department", "Agency", "us-commerce")]),
    ("The U.S. Department of Commerce added 80 entities to its list.",
     [("U.S. Department of Commerce", "Agency", "us-commerce")]),
    ("The Bureau of Industry and Security (BIS) issued the rule.",
     [("Bureau of Industry and Security", "Agency", "us-bis"), ("BIS", "Agency", "us-bis")]),
    ("China's commerce ministry said it firmly opposes the move.",
     [("China's commerce ministry", "Agency", "cn-mofcom")]),
    ("MOFCOM announced controls on gallium.", [("MOFCOM", "Agency", "cn-mofcom")]),
    ("The Justice Department charged two men; the FBI arrested them.",
     [("Justice Department", "Agency", "us-doj"), ("FBI", "Agency", "us-fbi")]),
    ("U.S. Customs and Border Protection seized the servers and Homeland Security Investigations led the probe.",
     [("U.S. Customs and Border Protection", "Agency", "us-cbp"),
      ("Homeland Security Investigations", "Agency", "us-hsi")]),
    ("The White House and Congress disagree.",
     [("White House", "Agency", "us-white-house"), ("Congress", "Agency", "us-congress")]),
    ("The House Select Committee on the CCP released a report.",
     [("House Select Committee on the CCP", "Agency", "us-house-china-committee")]),
    ("The Senate passed the bill; the Treasury Department and USTR said nothing.",
     [("Senate", "Agency", "us-senate"), ("Treasury Department", "Agency", "us-treasury"),
      ("USTR", "Agency", "us-ustr")]),
    ("The Cyberspace Administration of China summoned Nvidia over the H20.",
     [("Cyberspace Administration of China", "Agency", "cn-cac"), ("Nvidia", "Firm", "nvidia"),
      ("H20", "Chip", "h20")]),
    ("The NDRC and MIIT told firms to stop buying.",
     [("NDRC", "Agency", "cn-ndrc"), ("MIIT", "Agency", "cn-miit")]),
    ("The General Administration of Customs and the State Administration for Market Regulation acted.",
     [("General Administration of Customs", "Agency", "cn-customs"),
      ("State Administration for Market Regulation", "Agency", "cn-samr")]),
    ("Singapore police charged three men, Singapore's Ministry of Trade and Industry said.",
     [("Singapore police", "Agency", "sg-police"),
      ("Singapore's Ministry of Trade and Industry", "Agency", "sg-mti")]),
    ("Taiwan's Ministry of Economic Affairs added Huawei and SMIC to its list.",
     [("Taiwan's Ministry of Economic Affairs", "Agency", "tw-moea"), ("Huawei", "Firm", "huawei"),
      ("SMIC", "Firm", "smic")]),
    ("The Dutch government, Japan's METI and the European Commission restricted ASML and Tokyo Electron.",
     [("Dutch government", "Agency", "nl-government"), ("Japan", "Country", "jp"), ("METI", "Agency", "jp-meti"),
      ("European Commission", "Agency", "eu-commission"), ("ASML", "Firm", "asml"),
      ("Tokyo Electron", "Firm", "tokyo-electron")]),
    ("Commerce Secretary Howard Lutnick said the H20 could be sold. Lutnick later told CNBC more.",
     [("Howard Lutnick", "Person", "howard-lutnick"), ("H20", "Chip", "h20"), ("Lutnick", "Person", "howard-lutnick"),
      ("CNBC", "Firm", "cnbc")]),
    ("President Donald Trump met Xi Jinping; Biden's rules stayed.",
     [("Donald Trump", "Person", "donald-trump"), ("Xi Jinping", "Person", "xi-jinping"),
      ("Biden", "Person", "joe-biden")]),
    ("AMD's Lisa Su, Nvidia CFO Colette Kress and Representative John Moolenaar spoke.",
     [("AMD", "Firm", "amd"), ("Lisa Su", "Person", "lisa-su"), ("Nvidia", "Firm", "nvidia"),
      ("Colette Kress", "Person", "colette-kress"), ("John Moolenaar", "Person", "john-moolenaar")]),
    ("Dylan Patel of SemiAnalysis and Jeffrey Kessler of BIS disagreed.",
     [("Dylan Patel", "Person", "dylan-patel"), ("SemiAnalysis", "Firm", "semianalysis"),
      ("Jeffrey Kessler", "Person", "jeffrey-kessler"), ("BIS", "Agency", "us-bis")]),
    ("Supermicro, Dell and HPE servers were shipped via Megaspeed.",
     [("Supermicro", "Firm", "supermicro"), ("Dell", "Firm", "dell"), ("HPE", "Firm", "hpe"),
      ("Megaspeed", "Firm", "megaspeed")]),
    ("Cambricon, Moore Threads, Hygon and Zhipu AI raised money.",
     [("Cambricon", "Firm", "cambricon"), ("Moore Threads", "Firm", "moore-threads"),
      ("Hygon", "Firm", "hygon"), ("Zhipu AI", "Firm", "zhipu-ai")]),
    ("Reuters, Bloomberg, the Financial Times and The Wall Street Journal reported it, as did The Information.",
     [("Reuters", "Firm", "reuters"), ("Bloomberg", "Firm", "bloomberg"),
      ("Financial Times", "Firm", "financial-times"), ("Wall Street Journal", "Firm", "wall-street-journal"),
      ("The Information", "Firm", "the-information")]),
    ("SK hynix and Samsung Electronics supply HBM; Arm Holdings licenses designs.",
     [("SK hynix", "Firm", "sk-hynix"), ("Samsung Electronics", "Firm", "samsung-electronics"),
      ("Arm Holdings", "Firm", "arm")]),
    ("Nvidia's B30A and RTX Pro 6000D are Blackwell chips; Cambricon's Siyuan 590 competes.",
     [("Nvidia", "Firm", "nvidia"), ("B30A", "Chip", "b30a"), ("RTX Pro 6000D", "Chip", "rtx-pro-6000d"),
      ("Blackwell", "Chip", "blackwell"), ("Cambricon", "Firm", "cambricon"), ("Siyuan 590", "Chip", "mlu590")]),
    ("DeepSeek-V3.1, Kimi K2 and Qwen3 were released; DeepSeek-R2 was delayed.",
     [("DeepSeek-V3.1", "AIModel", "deepseek-v3-1"), ("Kimi K2", "AIModel", "kimi-k2"),
      ("Qwen3", "AIModel", "qwen3"), ("DeepSeek-R2", "AIModel", "deepseek-r2")]),
]

KOREAN = [
    ("상무부는 화요일 새 규정을 발표했다.", [("상무부", "Agency", "us-commerce")]),
    ("미국 상무부는 엔비디아에 통보했다.", [("미국 상무부", "Agency", "us-commerce"), ("엔비디아", "Firm", "nvidia")]),
    ("미 상무부 산업안보국(BIS)은 새 규정을 발표했다.",
     [("미 상무부", "Agency", "us-commerce"), ("산업안보국", "Agency", "us-bis"), ("BIS", "Agency", "us-bis")]),
    ("중국 상무부는 단호히 반대한다고 밝혔다.", [("중국 상무부", "Agency", "cn-mofcom")]),
    ("러트닉 장관은 H20 수출을 허용했다.", [("러트닉", "Person", "howard-lutnick"), ("H20", "Chip", "h20")]),
    ("하워드 러트닉 상무장관과 스콧 베선트 재무장관이 만났다.",
     [("하워드 러트닉", "Person", "howard-lutnick"), ("스콧 베선트", "Person", "scott-bessent")]),
    ("도널드 트럼프 대통령과 시진핑 주석이 만났다. 트럼프는 바이든을 비판했다.",
     [("도널드 트럼프", "Person", "donald-trump"), ("시진핑", "Person", "xi-jinping"),
      ("트럼프", "Person", "donald-trump"), ("바이든", "Person", "joe-biden")]),
    ("리사 수 CEO와 젠슨 황 CEO가 참석했다.", [("리사 수", "Person", "lisa-su"), ("젠슨 황", "Person", "jensen-huang")]),
    ("미 법무부와 연방수사국(FBI)은 중국인 2명을 기소했다.",
     [("미 법무부", "Agency", "us-doj"), ("연방수사국", "Agency", "us-fbi"), ("FBI", "Agency", "us-fbi")]),
    ("법무부에 따르면 관세국경보호청과 국토안보수사국이 서버를 압수했다.",
     [("법무부", "Agency", "us-doj"), ("관세국경보호청", "Agency", "us-cbp"), ("국토안보수사국", "Agency", "us-hsi")]),
    ("백악관과 하원 중국특별위원회는 엔비디아를 비판했다.",
     [("백악관", "Agency", "us-white-house"), ("하원 중국특별위원회", "Agency", "us-house-china-committee"),
      ("엔비디아", "Firm", "nvidia")]),
    ("중국 공업정보화부와 국가발전개혁위원회는 H20 구매 중단을 지시했다.",
     [("중국 공업정보화부", "Agency", "cn-miit"), ("국가발전개혁위원회", "Agency", "cn-ndrc"), ("H20", "Chip", "h20")]),
    ("산업통상자원부와 대만 경제부, 일본 경제산업성이 통제를 강화했다.",
     [("산업통상자원부", "Agency", "kr-motie"), ("대만 경제부", "Agency", "tw-moea"),
      ("일본 경제산업성", "Agency", "jp-meti")]),
    ("슈퍼마이크로와 델 서버가 메가스피드를 통해 넘어갔다.",
     [("슈퍼마이크로", "Firm", "supermicro"), ("델", "Firm", "dell"), ("메가스피드", "Firm", "megaspeed")]),
    ("캠브리콘과 무어스레드는 화웨이의 어센드 910C와 경쟁한다.",
     [("캠브리콘", "Firm", "cambricon"), ("무어스레드", "Firm", "moore-threads"), ("화웨이", "Firm", "huawei"),
      ("어센드 910C", "Chip", "ascend-910c")]),
    ("삼성전자와 SK하이닉스가 HBM을 공급한다.",
     [("삼성전자", "Firm", "samsung-electronics"), ("SK하이닉스", "Firm", "sk-hynix")]),
    ("로이터와 블룸버그, 파이낸셜타임스, 월스트리트저널, 디인포메이션이 보도했다.",
     [("로이터", "Firm", "reuters"), ("블룸버그", "Firm", "bloomberg"), ("파이낸셜타임스", "Firm", "financial-times"),
      ("월스트리트저널", "Firm", "wall-street-journal"), ("디인포메이션", "Firm", "the-information")]),
    ("딥시크 R1과 큐원, 키미, 더우바오가 경쟁한다.",
     [("딥시크 R1", "AIModel", "deepseek-r1"), ("큐원", "AIModel", "qwen"), ("키미", "AIModel", "kimi"),
      ("더우바오", "AIModel", "doubao")]),
]


@pytest.mark.parametrize("text, expected", ENGLISH + KOREAN, ids=[t[:40] for t, _ in ENGLISH + KOREAN])
def test_names_link_to_their_individual_and_label(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _linked(text) == expected


@pytest.mark.parametrize("text", [
    "The information was passed on to the Treasury yield desk.",  # no bare "Treasury"; a lower-case phrase
    "Arm chips power most phones.",  # no bare "Arm": only Arm Holdings / ARM
    "Xi'an hosts a large data centre.",  # no bare "Xi"
    "Warren Buffett bought shares.",  # no bare "Warren"
    "The L2 cache is 50 MB.",  # no bare "L2": the chip is "NVIDIA L2"
    "그 모델은 델타 모델과 델리 공장에서 만들었다.",  # 델 (Dell) never inside a Korean word
    "삼성동의 삼성물산 산업부문 하원의원 상원의원이 경제부 기자를 만났다.",
])
def test_words_that_only_look_like_names_are_not_linked(text: str) -> None:
    assert _linked(text) == []


def test_short_korean_names_are_found_with_a_particle_and_alone() -> None:
    assert _linked("델은 서버를, 삼성은 메모리를 팔았다. 머스크 CEO는") == [
        ("델", "Firm", "dell"), ("삼성", "Firm", "samsung-electronics"), ("머스크", "Person", "elon-musk")]


@pytest.mark.parametrize("text", ["routers and switches", "a minimal change", "the party congress"])
def test_common_lower_case_words_are_not_near_misses(text: str) -> None:
    assert _linked(text) == []


def test_every_name_names_one_individual() -> None:
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    folded: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for individual in ONTO.individuals.values():
        for names in individual.names.values():
            for name in names:
                owners[name].add((individual.label, individual.id))
                if name.isascii():  # the gazetteer's case-blind near-miss table
                    folded[name.casefold()].add((individual.label, individual.id))
    assert {n: o for n, o in owners.items() if len(o) > 1} == {}
    assert {n: o for n, o in folded.items() if len(o) > 1} == {}


def test_the_new_classes_of_names_are_there() -> None:
    counts = defaultdict(int)
    for label, _ in ONTO.individuals:
        counts[label] += 1
    assert counts["Agency"] >= 25 and counts["Person"] >= 30 and counts["Firm"] >= 90
    for label, ident in [("Agency", "us-commerce"), ("Agency", "us-bis"), ("Agency", "cn-mofcom"),
                         ("Firm", "supermicro"), ("Person", "donald-trump"), ("Chip", "b30a"),
                         ("AIModel", "deepseek-v3-1")]:
        assert ONTO.individual(label, ident) is not None, ident
    assert ONTO.individual("Agency", "us-commerce").iri.endswith("/agency/us-commerce")


def test_a_name_given_to_two_individuals_is_refused(tmp_path: Path) -> None:
    shutil.copytree(paths.ontology_dir(), tmp_path / "ontology")
    extra = ('\n<https://w3id.org/kg-export-controls/id/firm/bis-corp> a kg:Firm ; kg:id "bis-corp" ;\n'
             '    skos:prefLabel "BIS"@en .\n')
    with (tmp_path / "ontology" / "individuals.ttl").open("a", encoding="utf-8") as f:
        f.write(extra)
    with pytest.raises(OntologyError, match="'BIS' is used by two individuals"):
        ontology.load(tmp_path / "ontology")


def test_a_turtle_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    shutil.copytree(paths.ontology_dir(), tmp_path / "ontology")
    kg_ttl = tmp_path / "ontology" / "kg.ttl"
    lines = kg_ttl.read_text(encoding="utf-8").splitlines()
    lines.insert(12, "kg:Broken a owl:Class ;; ]")
    kg_ttl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(OntologyError) as caught:
        ontology.load(tmp_path / "ontology")
    message = str(caught.value)
    assert message.startswith(f"{kg_ttl}:13: cannot parse Turtle: ") and "\n" not in message, message


def test_agency_is_a_label_wired_through_the_schema_and_the_styles() -> None:
    assert "Agency" in ONTO.labels and "Agency" in ONTO.entity_labels
    assert ONTO.labels["Agency"]["ko"] == "기관"
    attributed, based, issued = (ONTO.relationship(t) for t in ("ATTRIBUTED_TO", "BASED_IN", "ISSUED_BY"))
    assert set(attributed.ranges) == {"Firm", "Person", "Agency"} and attributed.range == "Entity"
    assert set(based.domains) == {"Firm", "Agency"} and based.ranges == ("Country",) and based.range == "Country"
    assert (issued.domain, issued.range) == ("Regulation", "Agency")
    assert attributed.fits("Claim", "Agency") and not attributed.fits("Claim", "Chip")
    assert based.fits("Agency", "Country") and based.fits("Firm", "Country") and not based.fits("Chip", "Country")
    assert ONTO.relationship("INVOLVES").fits("Event", "Chip") and not issued.fits("Regulation", "Firm")
    assert "Agency" in ONTO.property("kind").labels and "Agency" in ONTO.property("country").labels
    colour, _ = look("Agency")
    assert look("Agency") != DEFAULT and colour not in {look(label)[0] for label in styled_labels() if label != "Agency"}
    grass = paths.style_sheet().read_text(encoding="utf-8")
    assert re.search(r"node\.Agency \{ color: " + colour + ";", grass)


def _violations(nodes: list, edges: list) -> set[tuple[str, str, str]]:
    found = violations_in(to_rdf(GraphDump(nodes, edges), ONTO))
    return {(v.focus.rsplit("/", 1)[-1], v.path.rsplit("#", 1)[-1], v.message) for v in found}


def test_the_shapes_know_agencies() -> None:
    agency = ("Agency", "us-bis", {"id": "us-bis", "name": "Bureau of Industry and Security"})
    country = ("Country", "us", {"id": "us", "name": "United States", "code": "US"})
    rule = ("Regulation", "bis-2022-10-07", {"id": "bis-2022-10-07", "name": "October 2022 rule"})
    chip = ("Chip", "h20", {"id": "h20", "name": "H20"})
    assert _violations([agency, country, rule], [("BASED_IN", "Agency", "us-bis", "Country", "us", {}),
                                                 ("ISSUED_BY", "Regulation", "bis-2022-10-07", "Agency", "us-bis", {})]) == set()
    nameless = _violations([("Agency", "us-bis", {"id": "us-bis"})], [])
    assert ("us-bis", "name", "an entity needs a name") in nameless
    wrong = _violations([chip, country], [("BASED_IN", "Chip", "h20", "Country", "us", {})])
    assert any(focus == "h20" for focus, _, _ in wrong)
    claim = ("Claim", "c1", {"id": "c1", "metric": "chips_held"})
    attributed = _violations([claim, agency, chip], [("ATTRIBUTED_TO", "Claim", "c1", "Agency", "us-bis", {})])
    assert not [v for v in attributed if v[0] == "us-bis"]
    to_a_chip = _violations([claim, chip], [("ATTRIBUTED_TO", "Claim", "c1", "Chip", "h20", {})])
    assert ("h20", "None", "a claim is attributed to a Firm, a Person or an Agency") in to_a_chip


def _batch(text: str, lang: str):
    doc = Document("t", "t.md", text, "0", lang, published=dt.date(2025, 9, 1), passages=split_passages("t", text))
    return extract(doc, ONTO)


@pytest.mark.parametrize("text, lang", [
    ("The Commerce Department said Megaspeed bought 3,000 H20 GPUs.", "en"),
    ("미 상무부에 따르면 메가스피드는 H20 GPU 3,000개를 구매했다.", "ko"),
])
def test_a_claim_can_be_attributed_to_an_agency(text: str, lang: str) -> None:
    batch = _batch(text, lang)
    claims = [n.props for n in batch.nodes if n.label == "Claim"]
    assert [(c["subject"], c.get("object"), c.get("value")) for c in claims] == [("megaspeed", "h20", 3000)]
    assert [(e.dst.label, e.dst.id) for e in batch.edges if e.type == "ATTRIBUTED_TO"] == [("Agency", "us-commerce")]
