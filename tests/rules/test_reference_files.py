"""A bad reference file is refused with its file, line and field, and nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg import ontology
from kg.errors import ReferenceDataError
from kg.paths import reference_dir
from kg.reference import build_reference_batch


def _broken(tmp_path: Path, file: str, old: str, new: str) -> Path:
    copy = tmp_path / "reference"
    shutil.copytree(reference_dir(), copy)
    text = (copy / file).read_text()
    assert old in text
    (copy / file).write_text(text.replace(old, new, 1))
    return copy


def _line_of(path: Path, fragment: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if fragment in line)


@pytest.mark.parametrize("file, old, new, field, fragment", [
    ("chips.yaml", "tpp: 4992", "tpp: lots", "chips.0.tpp", "tpp: lots"),
    ("chips.yaml", "designed_for_datacenter: true", "designed_for_datacenter: maybe",
     "chips.0.designed_for_datacenter", "maybe"),
    ("regulations.yaml", 'effective: "2022-10-07"', 'effective: "2022-13-07"', "regulations.1.effective", "2022-13-07"),
    ("chips.yaml", "    sources:\n      - https://glennklockwood.com/garden/processors/A100\n"
     "      - https://www.tomshardware.com/news/nvidia-ampere-gpu-graphics-card-gtc-announcement\n",
     "    sources: []\n", "chips.0.sources", "sources: []"),
    ("chips.yaml", "variant_of: a100", "variant_of: a1000", "variant_of", "id: a800"),
    ("chips.yaml", "tpp: 4992", "tppp: 4992", "chips.0.tppp", "tppp: 4992"),  # a misspelt key
    ("regulations.yaml", "named: [a100, h100, mi250, mi250x]", "named: [a100, h999]", "controls.named",
     "id: usg-2022-08-26-isinformed-nvidia-amd"),
])
def test_bad_reference_data_names_file_line_and_field(tmp_path: Path, file, old, new, field, fragment) -> None:
    copy = _broken(tmp_path, file, old, new)
    with pytest.raises(ReferenceDataError) as raised:
        build_reference_batch(ontology.load(), copy)
    error = raised.value
    assert Path(error.path).name == file and error.field == field
    assert error.line == _line_of(copy / file, fragment)
    assert f"{file}:{error.line}: field '{field}'" in str(error)


def test_a_refused_reference_file_leaves_the_graph_unchanged(tmp_path: Path, kg_cli) -> None:
    assert kg_cli("load", str(Path(__file__).resolve().parents[2] / "seeds")).code == 0
    before = kg_cli("cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json").out
    copy = _broken(tmp_path, "chips.yaml", "tpp: 4992", "tpp: lots")
    result = kg_cli("load", str(Path(__file__).resolve().parents[2] / "seeds"), KG_REFERENCE_DIR=str(copy))
    line = _line_of(copy / "chips.yaml", "tpp: lots")
    assert result.code == 1 and result.err.startswith(
        f"Error: {copy / 'chips.yaml'}:{line}: field 'chips.0.tpp' "), result.err
    assert len(result.err.strip().splitlines()) == 1
    assert kg_cli("cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json").out == before
