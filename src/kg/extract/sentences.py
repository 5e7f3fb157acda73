"""Split a passage into sentences with offsets (Korean and English); never across passages.

A period after an abbreviation of the language's lexicon (`U.S.`, `Dept.`, `Corp.`, `No.`), an
initial (`J. Smith`) or inside a number (`5.5`) does not end a sentence.
"""

from __future__ import annotations

import re
from typing import Iterator

_END = re.compile(r"(?<=[.!?。])[\"'”’)\]]*\s+(?=\S)")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.']*)\.$")


def sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _END.finditer(text):
        head = text[start : match.start()].rstrip("\"'”’)]")
        word = _LAST_WORD.search(head)
        if word and (word.group(1) in abbreviations or _is_initial(word.group(1))):
            continue
        yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text.rstrip()) if text.rstrip() else len(text)


def _is_initial(word: str) -> bool:
    """`J.` or `U.S.`-like runs of single capitals."""
    return bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word))
