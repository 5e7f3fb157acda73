"""Query parameters reach FalkorDB as its `CYPHER name=value` header (kg.store.falkor_params):
every value comes back from the real server as it was sent, and none can end its literal early."""

from __future__ import annotations

import math
from typing import Any

import pytest

from kg.store import Store
from kg.store.falkor_params import header, literal

VALUES: list[Any] = [
    'say "hi"', "back\\slash", 'a\\"b', "ends with \\", "line\nbreak\ttab", "한국어 ünï", "", "`tick`",
    '"} RETURN 1 //', "\\u0001 stays six characters", None, True, False, 0, -5, 2**53, 1.5, -0.25,
    1e20, 1e-7, [1, "x", None, [True]], {"k": "v", "n": [1, 2], "with space": {"deep": "er"}},
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_a_value_comes_back_from_the_server_as_sent(store: Store, value: Any) -> None:
    assert store.read("RETURN $v AS v", {"v": value}) == [{"v": value}]


def test_several_parameters_and_none_at_all() -> None:
    assert header({}) == ""
    assert header({"a": 1, "b": "x"}) == 'CYPHER `a`=1 `b`="x" '


@pytest.mark.parametrize("value", [math.nan, math.inf, object()], ids=repr)
def test_a_value_without_a_literal_is_refused(value: Any) -> None:
    with pytest.raises((ValueError, TypeError)):
        literal(value)


@pytest.mark.parametrize("key", ["", "a`b"])
def test_a_name_the_header_cannot_carry_is_refused(key: str) -> None:
    with pytest.raises(ValueError, match="cannot be a parameter or map key name"):
        header({key: 1})
