"""Reading documents: encodings, front matter, passages with exact offsets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from kg.documents.passages import split_passages
from kg.documents import identity
from kg.documents.reader import find_files, read_document, read_paths
from kg.errors import DocumentError, InputError

KO = "# 제목\n\nDeepSeek은 약 10,000개의 H800에 접근할 수 있다.\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949", "euc-kr", "utf-16", "utf-32"])
def test_korean_text_decodes_from_each_supported_encoding(tmp_path: Path, encoding: str) -> None:
    doc = read_document(_write(tmp_path, "a.md", KO.encode(encoding)))
    assert doc.text == KO and doc.lang == "ko"  # the whole text, and no byte-order mark


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\n ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary file"),
    ("한국어 텍스트".encode("utf-16-le"), "binary file"),  # no byte-order mark: nothing says what it is
    (b"\xff\xfe\xfa\xfb\x80\x81 abc \xc3\x28", "neither UTF-8 nor CP949"),
])
def test_unusable_bytes_give_one_clear_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError, match=reason):
        read_document(_write(tmp_path, "bad.md", data))


def test_front_matter_maps_to_document_properties(tmp_path: Path) -> None:
    text = ('---\ntitle: "제목"\nsource: "https://example.org/a"\nauthor:\n  - "[[강정수]]"\n'
            "published: 2025-01-12\nlang: ko\ntags: [x]\n---\n본문입니다.\n")
    doc = read_document(_write(tmp_path, "fm.md", text.encode()))
    assert (doc.title, doc.url, doc.author, doc.published, doc.published_precision) == (
        "제목", "https://example.org/a", "강정수", dt.date(2025, 1, 12), "day")
    assert doc.text == "본문입니다.\n"


@pytest.mark.parametrize("front, message", [
    ("---\ntitle: [unclosed\n---\nbody", "malformed front matter"),
    ("---\ntitle: x\nbody without end", "never closed"),
    ("---\ntitle: {a: 1}\n---\nbody", "field 'title' must be text"),
    ("---\npublished: next tuesday\n---\nbody", "'published' is not a date"),
    ("---\npublished: 2023-13\n---\nbody", "not a real date"),
    ("---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\nbody", "anchors or aliases"),
    ("---\n- just\n- a list\n---\nbody", "must be a mapping"),
])
def test_bad_front_matter_is_refused_clearly(tmp_path: Path, front: str, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        read_document(_write(tmp_path, "fm.md", front.encode()))


@pytest.mark.parametrize("line, title", [
    ('title: "R&D *and* Chips"', "R&D *and* Chips"),
    ("title: R&D *and* Chips", "R&D *and* Chips"),
    ("title: 'Export rules: *Hopper* & &Co'", "Export rules: *Hopper* & &Co"),
    ('title: "*Word &Word"', "*Word &Word"),
])
def test_titles_with_star_and_ampersand_words_are_text_not_aliases(tmp_path: Path, line: str, title: str) -> None:
    doc = read_document(_write(tmp_path, "fm.md", f"---\n{line}\n---\nbody\n".encode()))
    assert doc.title == title


@pytest.mark.parametrize("front, line", [
    ("---\ntitle: x\nbase: &b hello\n---\nbody", 3),
    ("---\ntitle: x\nlang: en\nalso: *b\n---\nbody", 4),
])
def test_an_anchor_or_alias_is_refused_with_its_line(tmp_path: Path, front: str, line: int) -> None:
    path = _write(tmp_path, "fm.md", front.encode())
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert str(caught.value) == (f"{path}: front matter uses YAML anchors or aliases (line {line}), "
                                 "which are not accepted")


def test_headings_are_kept_and_paragraphs_split(tmp_path: Path) -> None:
    text = "### 1. 제목 ###\n\n첫 문장이다.\n둘째 문장이다.\n\n## Next\nplain line\nwrapped line"
    passages = split_passages("d", text)
    assert [p.heading for p in passages] == ["1. 제목", "1. 제목", "1. 제목", "Next", "Next"]
    assert passages[1].text == "첫 문장이다." and passages[4].text == "plain line\nwrapped line"
    assert [p.id for p in passages][:2] == ["d#0", "d#1"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab 가나#.\n\r\t다요!?") + ["\r\n", "## ", "\n\n"]), max_size=200).map("".join))
def test_passage_offsets_slice_the_document_exactly(text: str) -> None:
    for passage in split_passages("d", text):
        assert text[passage.start : passage.end] == passage.text
        assert passage.text.strip() == passage.text and passage.text


def test_folders_are_walked_sorted_skipping_other_files_and_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    _write(tmp_path / "b", "2.txt", b"two")
    _write(tmp_path, "1.md", b"one")
    _write(tmp_path, "image.png", b"\x89PNG")
    (tmp_path / "b" / "loop").symlink_to(tmp_path)
    files = find_files([tmp_path])
    assert files == [tmp_path / "1.md", tmp_path / "b" / "2.txt"]  # nothing twice through the loop


def test_missing_paths_and_empty_folders_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        find_files([tmp_path / "nope"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no documents"):
        find_files([tmp_path / "empty"])


def test_document_ids_are_a_readable_slug_and_a_short_content_hash(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    _write(tmp_path / "x", "Same Name.md", b"one")
    _write(tmp_path / "y", "Same Name.md", b"two")
    docs = list(read_paths([tmp_path]))
    assert [d.id for d in docs] == [f"same-name-{d.sha256[:8]}" for d in docs] and docs[0].id != docs[1].id
    assert [d.source for d in docs] == [str((tmp_path / f / "Same Name.md").resolve()) for f in "xy"]
    assert [d.id for d in read_paths([tmp_path])] == [d.id for d in docs]


@pytest.mark.parametrize("name, slug", [
    ("딥시크 報告 ünï", "딥시크-報告-ünï"),
    ("DeepSeek 보고서", "deepseek-보고서"),
    ("\u1103\u1175\u11b8\u1109\u1175\u110f\u1173", "딥시크"),  # a macOS file name: decomposed Hangul
    ("हिन्दी लेख", "हिन्दी-लेख"),
    ("000_78289c04d3baab9c", "000_78289c04d3baab9c"),
    ("  --- ", "doc"),
])
def test_slugs_keep_every_script(name: str, slug: str) -> None:
    assert identity.slug(name) == slug


def test_a_document_with_a_canonical_url_has_it_as_its_source(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "a.md", b"---\nurl: https://example.org/a\n---\nText.\n"))
    assert doc.source == "https://example.org/a"
