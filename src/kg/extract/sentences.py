"""Split a passage into sentences with offsets (Korean and English)."""

from __future__ import annotations

import re
from typing import Iterator

_END = re.compile(r"(?<=[.!?。])[\"'”’)\]]*\s+(?=\S)")
_ABBREVIATIONS = re.compile(r"(?:\b(?:U\.S|U\.K|e\.g|i\.e|etc|vs|Mr|Ms|Dr|Inc|Co|Corp|Ltd|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _END.finditer(text):
        head = text[start : match.start()]
        if _ABBREVIATIONS.search(head.rstrip("\"'”’)]")):
            continue
        yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text.rstrip()) if text.rstrip() else len(text)
