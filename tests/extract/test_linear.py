"""Extraction work grows linearly with the text, one line or many: four times the text costs
about four times the CPU (a ratio within one run, not a speed; `bench/` measures speed)."""

from __future__ import annotations

import time

import pytest

from kg import ontology
from kg.documents.model import Document
from kg.documents.passages import split_passages
from kg.extract import extract

# sentences of our own in the constructions the extractor reads, with names, figures and dates
UNIT = ("Tencent bought 5,000 H20 GPUs in May 2024 for about $60 million, the company said. "
        "Its rival Baidu holds roughly 3,000 A800 chips and spent ₩1.2 trillion on servers last year. "
        "텐센트는 지난해 H20 칩 2만 개를 주문했다. ")


def _cpu(text: str) -> float:
    doc = Document("big", "big.md", text, "0", "en", passages=split_passages("big", text))
    start = time.process_time()
    extract(doc, ontology.load())
    return time.process_time() - start


@pytest.mark.slow
@pytest.mark.parametrize("separator", [" ", "\n\n"], ids=["one line", "paragraphs"])
def test_four_times_the_text_costs_about_four_times_the_work(separator: str) -> None:
    small = separator.join([UNIT] * 400)  # ~0.1 MB
    _cpu(small)  # set-up (patterns, gazetteer) out of the way
    base = min(_cpu(small) for _ in range(2))
    large = min(_cpu(separator.join([UNIT] * 1600)) for _ in range(1))
    assert large / base < 7, f"{large:.2f}s for 4x the text against {base:.2f}s: not linear"
