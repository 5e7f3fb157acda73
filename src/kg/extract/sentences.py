"""Split a passage into sentences with offsets (Korean and English); never across passages.

A period after a Hangul syllable ends a sentence even without a space after it, and so do citation
marks after a stop (`2022.[1][2] It`, `record."[3] It`, `30%.[7]It`). A period after
an abbreviation of the language's lexicon (`U.S.`, `Dept.`, `Corp.`, `No.`), an
initial (`J. Smith`) or inside a number (`5.5`) does not end a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# a stop then space; or a stop right after a Hangul syllable with no space ("구금했습니다.8일"):
# Korean has no abbreviations or decimals there
# a footnote number glued to the stop ("in the PRC.4 Another"), or citation marks after it
# ("in 2022.[1][2] It"), end a sentence too
_END = re.compile(
    r"(?<=[.!?。])(?:[\"'”’)\]]|\[\d{1,3}\])*\s+(?=\S)|(?<=[\uac00-\ud7a3][.!?])(?=[\uac00-\ud7a3\w\"'“‘\[(])"
    r"|(?<=[a-z)][.!?])\d{1,3}\s+(?=[A-Z])|(?<=[a-z)%\d][.!?])(?:\[\d{1,3}\])+(?=[A-Z])"
)
_LINE_BREAK = re.compile(r"\s*\n\s*")
_ITEM = re.compile(r"[-*•·▶▲■◆]\s|\d{1,2}[.)]\s")
_FINAL = re.compile(r"[.!?。:;,다요)\]”\"']$")
_LIST_OPENS = re.compile(r"[A-Z0-9\uac00-\ud7a3]")  # what a new line of a list may open with
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.']*)\.$")
_LABEL = re.compile(r"[^\s:]{1,15}(?:\s[^\s:]{1,15})?\s?:\s")  # "매출: …", "Net income: …"


def sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> Iterator[tuple[int, int]]:
    """Sentences of a passage; a line that opens a list item, or follows a heading-like line
    (short, no final punctuation), starts a new sentence too."""
    for line_start, line_end in _lines(text):
        yield from _in_line(text, line_start, line_end, abbreviations)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _LINE_BREAK.finditer(text):
        previous = text[start : match.start()].rstrip()
        following = text[match.end() : match.end() + 3]
        if (
            _ITEM.match(following)
            or _ITEM.match(previous.lstrip())  # a stopped list item, or a label line after it
            and (_FINAL.search(previous) is not None or _LABEL.match(text, match.end()) is not None)
            or following.startswith("|")  # a Markdown table's rows: each its own line
            or previous.lstrip().startswith("|")
            or (len(previous) <= 80 and not _FINAL.search(previous))
            or _LIST_OPENS.match(following)
            and (previous.endswith(":") or len(previous) > 100 and not _FINAL.search(previous))
        ):  # "In tests:\nScored 0.80 …"; a long unwrapped line with no stop, then a capital
            yield start, match.start()
            start = match.end()
    yield start, len(text)


def _in_line(
    text: str, start: int, stop: int, abbreviations: frozenset[str]
) -> Iterator[tuple[int, int]]:
    if text.count("|", start, stop) >= 2 or text.count("\t", start, stop) >= 2:
        end = len(text[:stop].rstrip())
        if start < end:
            yield start, end  # a table row is one unit: its cells' `?` and `.` end nothing
        return
    for match in _END.finditer(text, start, stop):
        head = text[start : match.start()].rstrip("\"'”’)]")
        word = _LAST_WORD.search(head)
        if word and (word.group(1) in abbreviations or _is_initial(word.group(1))):
            continue
        if _inside_brackets(text, start, match.start(), stop):
            continue  # "Hua Hong (01347. HK) revenue …": a stop inside brackets ends nothing
        yield start, match.start()
        start = match.end()
    end = len(text[:stop].rstrip())
    if start < end:
        yield start, end


def _inside_brackets(text: str, start: int, at: int, stop: int) -> bool:
    """An open round bracket before `at` in the sentence that closes soon after it."""
    head = text[start:at]
    if head.count("(") <= head.count(")"):
        return False
    closing = text.find(")", at, min(stop, at + 24))
    return closing != -1 and "(" not in text[at:closing]


def _is_initial(word: str) -> bool:
    """`J.` or `U.S.`-like runs of single capitals."""
    return bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word))
