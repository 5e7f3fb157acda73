"""Packs page their rows (`skip`, `limit`): pages are disjoint, in order, and add up to the whole
answer; the indexes the packs filter on change no answer."""

from __future__ import annotations

import json
import time

import pytest

from kg.errors import QueryError, UsageError
from kg.packs import all_packs
from kg.packs.run import run_pack
from kg.store import open_store

PAGED = ("candidates", "claims-about", "claims-conflicts", "compliance-flags", "firm-holdings", "provenance",
         "spec-conflicts", "timeline")


def _rows(name: str, settings, **params: object) -> list[str]:
    rows = run_pack(name, {k: str(v) for k, v in params.items()}, settings)[1]
    return [json.dumps(r, sort_keys=True, default=str) for r in rows]


def test_every_pack_that_can_return_many_rows_takes_skip_and_limit() -> None:
    packs = all_packs()
    for name in PAGED + ("neighborhood",):
        assert packs[name].pages, name
        assert packs[name].params["skip"] == 0 and packs[name].params["limit"] > 0, name


@pytest.mark.parametrize("name,params", [
    ("claims-about", {"id": "deepseek"}), ("provenance", {"id": "deepseek"}), ("firm-holdings", {"id": "deepseek"}),
    ("timeline", {}), ("compliance-flags", {}), ("claims-conflicts", {"id": "deepseek-v3"}),
])
def test_pages_are_disjoint_and_add_up_to_the_whole_answer(name: str, params: dict, seeded_settings) -> None:
    whole = _rows(name, seeded_settings, **params, limit=10_000)
    assert len(whole) >= 3, name
    size = max(1, len(whole) // 3)
    pages = [_rows(name, seeded_settings, **params, skip=skip, limit=size) for skip in range(0, len(whole), size)]
    assert all(len(p) <= size for p in pages)
    assert [row for page in pages for row in page] == whole, name


def test_a_page_is_no_longer_than_its_limit(seeded_settings) -> None:
    assert len(_rows("claims-about", seeded_settings, id="deepseek", limit=2)) == 2
    assert _rows("claims-about", seeded_settings, id="deepseek", skip=10_000) == []


def test_skip_and_limit_want_whole_numbers(seeded_settings) -> None:
    with pytest.raises(UsageError, match="limit wants a whole number >= 0, not '-1'"):
        run_pack("claims-about", {"limit": "-1"}, seeded_settings)
    with pytest.raises(UsageError, match="skip wants a whole number >= 0, not 'x'"):
        run_pack("claims-about", {"skip": "x"}, seeded_settings)


def test_the_indexes_change_no_answer(seeded_settings) -> None:
    """Every pack answers the same with the indexes the packs filter on and without them."""
    packs = all_packs()
    with_indexes = {name: _rows(name, seeded_settings) for name in packs}
    with open_store(seeded_settings, schema=False) as store:
        extra = [(label, prop) for label, prop in store.ontology.indexes() if prop != "id"]
        assert ("Claim", "kind") in extra and ("Firm", "status") in extra
        left = set(extra)
        for _ in range(100):  # FalkorDB builds indexes in the background: one still building cannot be dropped yet
            for label, prop in sorted(left):
                try:
                    store._execute([(f"DROP INDEX ON :{label}({prop})", {})], atomic=False)
                except QueryError as exc:  # dropped already, still listed while FalkorDB catches up
                    assert "no such index" in str(exc)
            left = {(r["label"], r["prop"]) for r in store._indexes()} & set(extra)
            if not left:
                break
            time.sleep(0.05)
        assert not left
    try:
        assert {name: _rows(name, seeded_settings) for name in packs} == with_indexes
    finally:
        with open_store(seeded_settings) as store:  # the schema comes back for the other tests
            assert set(extra) <= {(r["label"], r["prop"]) for r in store._indexes()}
