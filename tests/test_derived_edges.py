"""Claims are the truth: loading, reloading and forgetting real documents in any order leaves the
graph, and every pack's answer, exactly as loading only the documents that remain would."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from kg import ontology, pipeline
from kg.config import Settings
from kg.export.dump import dump_graph
from kg.packs import all_packs
from kg.packs.run import run_pack
from kg.store import open_store

TEXTS = {
    "a.md": "---\npublished: 2024-03-01\n---\n# Report A\n\nDeepSeek holds about 10,000 H800 GPUs.\n",
    "b.md": "---\npublished: 2025-01-15\n---\n# Report B\n\nDeepSeek holds 50,000 H800 GPUs, SemiAnalysis said.\n",
    "c.md": "# Report C\n\nHigh-Flyer bought 3,000 A100 GPUs in May 2022. DeepSeek was spun off from High-Flyer "
            "in May 2023.\n",
    "d/a.md": "---\npublished: 2024-03-01\n---\n# Report A\n\nDeepSeek holds about 10,000 H800 GPUs.\n",  # a's bytes
    "d/c.md": "# 보고서\n\n딥시크는 2023년 약 2만 개의 H800을 보유하고 있다.\n",  # another text, c's name
}
PACK_PARAMS = {"id": "deepseek", "country": "cn"}
EDGE = "MATCH (:Firm {id: 'deepseek'})-[r:HOLDS]->(:Chip {id: 'h800'}) RETURN properties(r) AS p"


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    for name, text in TEXTS.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def _state(settings: Settings, packs: bool = True) -> tuple[object, dict[str, list]]:
    """The whole graph and every pack's answer (with the parameters it takes)."""
    with open_store(settings) as store:
        graph = dump_graph(store, ontology.load())
        answers = {}
        for name, pack in sorted(all_packs().items()) if packs else ():
            params = pack.bind({k: v for k, v in PACK_PARAMS.items() if k in pack.params})
            answers[name] = _rows(store.read(pack.cypher, params))
    return (graph.nodes, graph.edges), answers


def _rows(rows: list[dict]) -> list[str]:
    """The rows as a multiset (`neighborhood` has no order), graph values (paths) reduced to the
    stable identities of their nodes."""
    def plain(value: object) -> object:
        if hasattr(value, "nodes"):
            return [n.key for n in value.nodes]  # type: ignore[attr-defined]
        return value
    return sorted(repr({k: plain(v) for k, v in row.items()}) for row in rows)


def _load(settings: Settings, corpus: Path, *names: str) -> None:
    for name in names:
        assert pipeline.load([corpus / name], settings).ok


def test_two_quantities_for_one_holding_in_either_order_then_forgetting_each(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    alone = {}
    for name in ("a.md", "b.md"):
        alone[name] = Settings("embedded", tmp_path / f"only-{name}", False)
        _load(alone[name], corpus, name)
    empty = Settings("embedded", tmp_path / "empty", False)
    _load(empty, corpus, "c.md")
    pipeline.forget(str(corpus / "c.md"), empty)  # the reference data and no document
    both = []
    for order in (("a.md", "b.md"), ("b.md", "a.md")):
        for gone in order:
            settings = Settings("embedded", tmp_path / f"{'-'.join(order)}-forget-{gone}", False)
            _load(settings, corpus, *order)
            both.append(_state(settings))
            with open_store(settings) as store:
                held = store.read(EDGE)[0]["p"]
            assert (held["quantity_min"], held["quantity_max"], held["latest_quantity"], held["latest_date"],
                    held["claim_count"]) == (10_000, 50_000, 50_000, dt.date(2025, 1, 15), 2)
            pipeline.forget(str(corpus / gone), settings)
            stays = next(n for n in order if n != gone)
            assert _state(settings) == _state(alone[stays])
            pipeline.forget(str(corpus / stays), settings)
            with open_store(settings) as store:
                assert store.read(EDGE) == []  # gone with its last claim
            assert _state(settings) == _state(empty)
    assert all(state == both[0] for state in both)


def test_compliance_flags_list_each_claim_with_its_document_quote_and_disagreement(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    settings = Settings("embedded", tmp_path / "data", False)
    _load(settings, corpus, "a.md", "b.md")
    rows = [r for r in run_pack("compliance-flags", {}, settings)[1] if r["chip"] == "h800"]
    assert [(r["quantity"], r["qualifier"], r["document"], r["according_to"]) for r in rows] == [
        (10_000, "approx", "Report A", None), (50_000, "exact", "Report B", "SemiAnalysis")]
    assert all(r["disagree"] and r["figures"] == [10_000, 50_000] for r in rows)
    assert "about 10,000 H800" in rows[0]["quote"] and rows[1]["document_date"] == dt.date(2025, 1, 15)
    assert rows[0]["flag"] == "controlled chip; date of acquisition not stated"


_FILES = sorted(TEXTS)
_reference_states: dict[tuple[Path, frozenset[str]], object] = {}
_counter = itertools.count()


@hypothesis_settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_order_and_any_forget_and_reload_give_the_graph_of_what_remains(tmp_path: Path, data) -> None:
    corpus = tmp_path / "corpus"
    if not corpus.exists():
        _corpus(tmp_path)
    loaded = data.draw(st.permutations(_FILES).flatmap(lambda p: st.integers(1, len(p)).map(lambda n: p[:n])))
    forgotten = data.draw(st.lists(st.sampled_from(loaded), unique=True))
    reloaded = data.draw(st.lists(st.sampled_from(forgotten), unique=True)) if forgotten else []
    settings = Settings("embedded", tmp_path / f"run-{next(_counter)}", False)
    _load(settings, corpus, *loaded)
    for name in forgotten:
        pipeline.forget(str(corpus / name), settings)
    _load(settings, corpus, *reloaded)
    remaining = frozenset(set(loaded) - set(forgotten) | set(reloaded))
    assert _state(settings, packs=False)[0] == _reference_state(tmp_path, corpus, remaining)


def _reference_state(tmp_path: Path, corpus: Path, names: frozenset[str]) -> object:
    key = (corpus, names)
    if key not in _reference_states:
        settings = Settings("embedded", tmp_path / f"reference-{next(_counter)}", False)
        _load(settings, corpus, *(sorted(names) or ["c.md"]))
        if not names:  # the reference data and no document
            pipeline.forget(str(corpus / "c.md"), settings)
        _reference_states[key] = _state(settings, packs=False)[0]
    return _reference_states[key]
