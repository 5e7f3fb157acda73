"""Claims attributed to agencies: `ATTRIBUTED_TO` reaches an Agency as well as a Firm or a Person,
in the store and in the packs' `according_to`."""

from __future__ import annotations

from pathlib import Path

from kg import ontology, pipeline
from kg.config import Settings
from kg.packs.run import run_pack
from kg.store import open_store

TEXT = ("# Agencies\n\nAccording to BIS, DeepSeek holds 10,000 H800 GPUs.\n\n"
        "The Commerce Department said Huawei bought 5,000 H20 chips.\n\n"
        "미 상무부는 화웨이가 H20 칩 3,000개를 구매했다고 밝혔다.\n")


def test_the_schema_lets_a_claim_be_attributed_to_an_agency() -> None:
    attributed = ontology.load().relationship("ATTRIBUTED_TO")
    assert all(attributed.fits("Claim", label) for label in ("Firm", "Person", "Agency"))
    assert not attributed.fits("Claim", "Chip")


def test_agency_sources_reach_the_store_and_the_packs(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "a.md").write_text(TEXT, encoding="utf-8")
    pipeline.load([tmp_path / "a.md"], settings)
    with open_store(settings) as store:
        rows = store.read("MATCH (c:Claim)-[:ATTRIBUTED_TO]->(s:Agency) RETURN c.subject AS subject, c.value AS value, "
                          "s.id AS source ORDER BY value")
    assert [(r["subject"], r["value"], r["source"]) for r in rows] == [
        ("huawei", 3000, "us-commerce"), ("huawei", 5000, "us-commerce"), ("deepseek", 10000, "us-bis")]
    names = {i.id: i.name for i in ontology.load().individuals_of("Agency")}
    huawei = run_pack("firm-holdings", {"id": "huawei"}, settings)[1]
    assert sorted((r["quantity"], r["according_to"]) for r in huawei) == [
        (3000, names["us-commerce"]), (5000, names["us-commerce"])]
    about = run_pack("claims-about", {"id": "deepseek"}, settings)[1]
    assert [r["according_to"] for r in about if r["value"] == 10000] == [names["us-bis"]]
