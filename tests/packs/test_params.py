"""Pack parameters: checked against their declared types and ranges; entities found by any name."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import EmptyStoreError, UsageError
from kg.packs import all_packs, find_pack
from kg.packs.model import parse
from kg.packs.run import run_pack


def test_every_parameter_of_every_pack_has_a_declared_type() -> None:
    for pack in all_packs().values():
        assert set(pack.types) == set(pack.params), pack.name


@pytest.mark.parametrize("pack, given, message", [
    ("neighborhood", {"depth": "999"}, "pack 'neighborhood': depth wants an integer from 1 to 3, not 999"),
    ("neighborhood", {"depth": "-1"}, "pack 'neighborhood': depth wants an integer from 1 to 3, not -1"),
    ("neighborhood", {"depth": "two"}, "pack 'neighborhood': depth wants an integer from 1 to 3, not 'two'"),
    ("timeline", {"start": "2023-02-30"},
     "pack 'timeline': start wants a date YYYY-MM-DD, not '2023-02-30' (day is out of range for month)"),
    ("timeline", {"end": "2023"}, "pack 'timeline': end wants a date YYYY-MM-DD, not '2023'"),
    ("firm-holdings", {"id": ""}, "pack 'firm-holdings': id wants an entity id, name or alias, not ''"),
])
def test_a_value_outside_its_type_is_refused_before_any_store(pack: str, given: dict, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        find_pack(pack).bind(given)
    assert str(caught.value) == message


def test_values_inside_their_types_are_bound() -> None:
    bound = find_pack("timeline").bind({"start": "2023-02-28", "limit": "10", "id": ""})
    assert bound == {"id": "", "start": "2023-02-28", "end": "2060-12-31", "skip": 0, "limit": 10,
                     "include_rejected": 0}
    assert find_pack("neighborhood").bind({"depth": "3"})["depth"] == 3


@pytest.mark.parametrize("given", ["DeepSeek", "DEEPSEEK", "딥시크", "deepseek"])
def test_an_entity_parameter_takes_any_name_or_alias_in_any_case(seeded_settings, given: str) -> None:
    _, rows = run_pack("firm-holdings", {"id": given}, seeded_settings)
    assert rows and {r["firm"] for r in rows} == {"deepseek"}


def test_a_country_parameter_takes_its_name(seeded_settings) -> None:
    by_code = run_pack("controls-by-rule", {"country": "cn"}, seeded_settings)[1]
    assert by_code and run_pack("controls-by-rule", {"country": "China"}, seeded_settings)[1] == by_code
    assert run_pack("controls-by-rule", {"country": "CN"}, seeded_settings)[1] == by_code


def test_an_unknown_entity_is_named_not_answered_with_no_rows(seeded_settings) -> None:
    with pytest.raises(UsageError) as caught:
        run_pack("firm-holdings", {"id": "Quillon Labs"}, seeded_settings)
    assert str(caught.value) == ("no entity 'Quillon Labs': not an id, name or alias "
                                 "in the ontology or the store")


def test_a_pack_on_a_store_never_loaded_says_so(settings) -> None:
    with pytest.raises(EmptyStoreError) as caught:
        run_pack("firm-holdings", {}, settings)
    assert str(caught.value) == f"the store at {settings.data_dir} is empty: nothing has been loaded yet"
    assert "kg load" in (caught.value.hint or "")


def test_a_types_header_with_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "p.cypher"
    pack.write_text("// name: p\n// title: t\n// params: n = 1\n// types: n = number 1..2\nRETURN $n AS n\n")
    with pytest.raises(UsageError) as caught:
        parse(pack)
    assert str(caught.value) == (f"{pack}:4: types: 'n = number 1..2' is not `name = kind [min..max]` "
                                 "with kind one of integer, date, text, entity, country")


@pytest.mark.parametrize("header, message", [
    ("// name: p\n// title: t\n// parms: n = 1\n", "{path}:3: unknown header key 'parms'; a pack header "
     "has name, title, params, types, tags, description"),
    ("// name: q\n// title: t\n", "{path}:1: header name 'q' differs from the file name"),
    ("// name: p\n// params: n\n", "{path}:2: parameter 'n' needs a default: name = value"),
    ("// name: p\n// params: n = 1\n// types: m = integer\n", "{path}:3: types: m not among the params"),
])
def test_a_bad_pack_header_is_refused_with_file_and_line(tmp_path: Path, header: str, message: str) -> None:
    pack = tmp_path / "p.cypher"
    pack.write_text(header + "// A note: comments after the header say anything.\nRETURN 1 AS n\n")
    with pytest.raises(UsageError) as caught:
        parse(pack)
    assert str(caught.value) == message.format(path=pack)


def test_comments_after_the_header_may_look_like_keys(tmp_path: Path) -> None:
    pack = tmp_path / "p.cypher"
    pack.write_text("// name: p\n// title: t\n// Plain words first.\n// note: this is prose\nRETURN 1 AS n\n")
    assert parse(pack).title == "t"
