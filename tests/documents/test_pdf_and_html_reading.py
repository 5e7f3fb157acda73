"""Reading PDFs and HTML files: the text of each page or the page's main text, metadata, passages
(never across a PDF page), and each unusable file refused with one clear reason."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import FIXTURES, fixture_bytes
from pypdf import PdfReader, PdfWriter

from kg.documents.reader import find_files, read_document
from kg.errors import DocumentError


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_a_pdf_is_read_page_by_page_and_no_passage_straddles_a_page() -> None:
    doc = read_document(FIXTURES / "report.pdf")
    pages = [page.extract_text() for page in PdfReader(FIXTURES / "report.pdf").pages]
    assert (doc.title, doc.author, str(doc.published), doc.pages) == (
        "Kestrel Labs and the H800", "Field Notes Team", "2025-03-14", 3)
    assert [p.page for p in doc.passages] == sorted(p.page for p in doc.passages)
    assert {p.page for p in doc.passages} == {1, 2, 3}
    for passage in doc.passages:
        assert doc.text[passage.start:passage.end] == passage.text
        assert passage.text.split("\n")[0] in pages[passage.page - 1]
    # the long paragraph runs over the page break: its two halves are two passages, one per page
    last_on_1 = [p for p in doc.passages if p.page == 1][-1]
    first_on_2 = [p for p in doc.passages if p.page == 2][0]
    assert last_on_1.text.startswith("Analysts") and not last_on_1.text.endswith(".")
    assert first_on_2.text.startswith("what models") and first_on_2.start > last_on_1.end
    korean = [p for p in doc.passages if p.page == 3][0]
    assert korean.text == "딥시크는 엔비디아 H800 GPU 1만 개를 보유하고 있다고 밝혔다."


def _encrypted(password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(FIXTURES / "report.pdf"))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_encrypted_only_for_permissions_is_read(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "open.pdf", _encrypted("")))
    assert doc.pages == 3 and "DeepSeek holds 2,048 H800 GPUs." in doc.text


@pytest.mark.parametrize("name, data, reason", [
    ("locked.pdf", lambda: _encrypted("secret"), "encrypted PDF: it needs a password, kg cannot read it"),
    ("scan.pdf", lambda: fixture_bytes("scanned.pdf"),
     "PDF without a text layer (1 page of images, e.g. a scan): run OCR on it first"),
    ("cut.pdf", lambda: fixture_bytes("report.pdf")[:6000], "broken or truncated PDF"),
    ("header.pdf", lambda: b"%PDF-1.7\n", "broken or truncated PDF"),
    ("text.pdf", lambda: b"just some text\n", "not a PDF file (no %PDF- header)"),
])
def test_an_unusable_pdf_is_refused_with_one_clear_reason(tmp_path: Path, name: str, data, reason: str) -> None:
    path = _write(tmp_path, name, data())
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"{path}: {reason}") and "\n" not in str(caught.value)


def test_an_html_page_gives_its_main_text_in_passages_at_its_headings_and_its_metadata() -> None:
    doc = read_document(FIXTURES / "kestrel-news.html")
    assert (doc.title, doc.author, str(doc.published), doc.url) == (
        "Kestrel Labs buys H800 GPUs", "Jordan Park", "2025-03-14", "https://fieldnotes.example/2025/03/kestrel-h800")
    assert doc.source == doc.url  # a canonical link is the source, as front matter's url is
    headings = [p.heading for p in doc.passages if not p.text.startswith("#")]
    assert headings == ["Kestrel Labs buys H800 GPUs"] * 2 + ["Training at DeepSeek", "한국어 요약"]
    assert doc.passages[1].text.startswith("Kestrel Labs bought 4,000 H800 GPUs last year")
    for junk in ("Home", "Subscribe", "Advertisement", "Share on", "Copyright", "hijacked", "steal", "alert",
                 "font-family", "NewsArticle", "By Jordan Park"):
        assert junk not in doc.text, junk
    for passage in doc.passages:
        assert doc.text[passage.start:passage.end] == passage.text and passage.page is None


def test_a_korean_page_in_euc_kr_is_decoded_by_its_own_charset() -> None:
    doc = read_document(FIXTURES / "tencent-ko.html")
    assert doc.lang == "ko" and doc.author == "박지민 기자" and str(doc.published) == "2025-03-17"
    assert doc.passages[0].text.startswith("텐센트는 지난해 엔비디아 H20 GPU 23만 개를 구매했다고")
    assert "로그인" not in doc.text and "무단 전재" not in doc.text and "elsewhere" not in doc.text


def test_front_matter_of_our_own_wins_over_the_page_metadata(tmp_path: Path) -> None:
    page = fixture_bytes("kestrel-news.html")
    path = _write(tmp_path, "saved.html", b"---\ntitle: Our title\npublished: 2025-03\n---\n" + page)
    doc = read_document(path)
    assert (doc.title, str(doc.published), doc.published_precision, doc.author) == (
        "Our title", "2025-03-01", "month", "Jordan Park")


def test_emphasis_marks_are_not_kept_as_text(tmp_path: Path) -> None:
    html = ("<html><body><article><h1>Chips</h1><p><b>DeepSeek</b> holds <i>many</i> H800 GPUs, the firm "
            "said in a statement to reporters on Tuesday morning.</p></article></body></html>")
    doc = read_document(_write(tmp_path, "b.htm", html))
    assert "DeepSeek holds many H800 GPUs" in doc.text and "*" not in doc.text


def test_folders_yield_html_and_pdf_files_too(tmp_path: Path) -> None:
    for name in ("a.html", "b.htm", "c.pdf", "d.md", "e.docx"):
        _write(tmp_path, name, "x")
    assert [p.name for p in find_files([tmp_path])] == ["a.html", "b.htm", "c.pdf", "d.md"]
