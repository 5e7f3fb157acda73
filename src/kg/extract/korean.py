"""Korean proper nouns the gazetteer does not know, told apart from common words by Kiwi.

Kiwi (kiwipiepy; its model ships in the wheel, no download) costs a few seconds to load, so it is
loaded only the first time a sentence needs it: an unknown word opening a sentence with a
subject particle, where a rule needs a firm and the text names none.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_OPENING_TOPIC = re.compile(r"^\s*[\"“'\[(]?([\uac00-\ud7a3A-Za-z0-9·&-]{2,20}?)(?:은|는|이|가|께서)\s")


@lru_cache(maxsize=1)
def _kiwi() -> Any | None:
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        return None
    return Kiwi()


def opening_proper_noun(sentence: str, not_names: frozenset[str]) -> tuple[int, int, str] | None:
    """(start, end, name) of a proper noun that opens the sentence as its subject, if any."""
    match = _OPENING_TOPIC.match(sentence)
    if not match or match.group(1) in not_names or len(match.group(1)) < 2:
        return None
    kiwi = _kiwi()
    if kiwi is None:
        return None
    word = match.group(1)
    tokens = kiwi.tokenize(sentence)  # the tagger needs the whole sentence as context
    head = [t for t in tokens if t.start < match.end(1)]
    if not head or any(t.tag not in ("NNP", "SL", "SN") for t in head) or "".join(t.form for t in head) != word:
        return None
    return match.start(1), match.end(1), word
