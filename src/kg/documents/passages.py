"""Split a text into heading-aware passages with exact character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.documents.model import Passage

_HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_SENTENCE_END = re.compile(r"([.!?。]|다|요)[\"'”’)\]]*\s*$")
MAX_PASSAGE = 4000
PAGE_BREAK = "\n\n"  # between a PDF's pages in the document text: a blank line ends every paragraph


def split_passages(doc_id: str, text: str) -> tuple[Passage, ...]:
    passages: list[Passage] = []
    heading: str | None = None
    for start, end, is_heading in _blocks(text):
        if is_heading:
            match = _HEADING.match(text[start:end])
            heading = ((match.group(2) or "").strip() if match else "") or heading
        for s, e in _bounded(text, start, end):
            passages.append(
                Passage(f"{doc_id}#{len(passages)}", len(passages), heading, text[s:e], s, e)
            )
    return tuple(passages)


def split_pages(doc_id: str, pages: tuple[str, ...]) -> tuple[str, tuple[Passage, ...]]:
    """A PDF's pages as one text and its passages, each within one page and carrying its number:
    a paragraph that runs over a page break is two passages."""
    text, passages = "", list[Passage]()
    for number, page in enumerate(pages, 1):
        if text:
            text += PAGE_BREAK
        offset = len(text)
        for p in split_passages(doc_id, page):
            ordinal = len(passages)
            passages.append(
                Passage(
                    f"{doc_id}#{ordinal}",
                    ordinal,
                    p.heading,
                    p.text,
                    p.start + offset,
                    p.end + offset,
                    page=number,
                )
            )
        text += page
    return text, tuple(passages)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, without its line break; handles \\n, \\r\\n and \\r."""
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if match.start() == len(text) and match.end() == len(text):
            break
        line = match.group(0).rstrip("\r\n")
        yield match.start(), match.start() + len(line)


def _blocks(text: str) -> Iterator[tuple[int, int, bool]]:
    """Heading lines, and paragraphs: runs of lines broken at blank lines or at sentence ends."""
    current: tuple[int, int] | None = None
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip() or _HEADING.match(line):
            if current:
                yield (*_trim(text, *current), False)
                current = None
            if line.strip():
                yield (*_trim(text, start, end), True)
            continue
        if current and _SENTENCE_END.search(text[current[0] : current[1]]):
            yield (*_trim(text, *current), False)
            current = None
        current = (current[0], end) if current else (start, end)
    if current:
        yield (*_trim(text, *current), False)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Very long paragraphs are cut at sentence ends (or hard, as a last resort)."""
    while end - start > MAX_PASSAGE:
        window = text[start : start + MAX_PASSAGE]
        cut = max(window.rfind(". "), window.rfind("다. "), window.rfind("\n"))
        cut = start + cut + 1 if cut > MAX_PASSAGE // 4 else start + MAX_PASSAGE
        s, e = _trim(text, start, cut)
        if e > s:
            yield s, e
        start = cut
    s, e = _trim(text, start, end)
    if e > s:
        yield s, e
