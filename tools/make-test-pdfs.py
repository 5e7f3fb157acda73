"""Writes the PDF fixtures of tests/documents/fixtures/ (committed; run again only to change them).

Needs fpdf2 (`pip install fpdf2`) and a TrueType font with Hangul (Debian `fonts-nanum`): fpdf2
embeds a subset of it with a ToUnicode map, the way most PDF producers write CJK text. The text
is the team's own, in English and Korean.

    .venv/bin/python tools/make-test-pdfs.py
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "tests" / "documents" / "fixtures"
FONT = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/nanum/NanumGothic.ttf")

FILLER = ("Analysts who follow the market for accelerators keep a close eye on how many chips each "
          "laboratory can reach, because the count limits what models it can train and how fast. ")


def _pdf() -> FPDF:
    pdf = FPDF(format="A5")  # fpdf2 >= 2.8.5 sizes
    pdf.set_creation_date(dt.datetime(2025, 3, 14, 9, 30, tzinfo=dt.UTC))
    pdf.add_font("nanum", fname=str(FONT))
    pdf.set_font("nanum", size=11)
    return pdf


def report() -> bytes:
    pdf = _pdf()
    pdf.set_title("Kestrel Labs and the H800")
    pdf.set_author("Field Notes Team")
    pdf.add_page()
    pdf.set_font_size(16)
    pdf.multi_cell(0, 9, "Kestrel Labs and the H800")
    pdf.set_font_size(11)
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Kestrel Labs bought 4,000 H800 GPUs last year, the company said.")
    pdf.ln(4)
    pdf.multi_cell(0, 6, FILLER * 16, align="L")  # runs over onto page 2
    pdf.ln(4)
    pdf.multi_cell(0, 6, "DeepSeek holds 2,048 H800 GPUs.")
    pdf.add_page()
    pdf.multi_cell(0, 6, "딥시크는 엔비디아 H800 GPU 1만 개를 보유하고 있다고 밝혔다.")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "Training DeepSeek-V3 cost $5.6 million.")
    return bytes(pdf.output())


def scanned() -> bytes:
    """A page that is only a picture of text: no text layer at all."""
    image = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(image)
    for row in range(40, 760, 24):
        draw.rectangle((40, row, 40 + (row * 7) % 500 + 20, row + 10), fill=30)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = _pdf()
    pdf.set_title("A scanned letter")
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=10, y=10, w=128)
    return bytes(pdf.output())


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "report.pdf").write_bytes(report())
    (OUT / "scanned.pdf").write_bytes(scanned())
    print("wrote", OUT / "report.pdf", OUT / "scanned.pdf")
