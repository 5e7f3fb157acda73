"""Query results laid out for a terminal of a given width, never splitting a word across lines.

A table whose columns fit is printed as it is. Otherwise its long text columns (quotes, titles)
are narrowed: wrapped at word boundaries on up to three lines, the rest cut with an ellipsis.
When even that cannot fit (ten columns of ids on 80 characters), each row becomes a block of
`column: value` lines, values wrapped at word boundaries. `wide` prints every value whole, at
the table's own width, whatever the terminal's.
"""

from __future__ import annotations

from rich.cells import cell_len

ELLIPSIS = "…"
GAP = "  "
TEXT_MIN = 16  # the narrowest a long text column gets before the rows turn into blocks
TEXT_LINES = 3  # lines of a long text cell in a table


def render(
    columns: list[str], rows: list[list[str]], title: str | None, width: int, wide: bool = False
) -> str:
    head = wrap(title, width, lines=None) if title and not wide else ([title] if title else [])
    if not rows:
        return "\n".join([*head, "(no rows)"]) + "\n"
    rows = [[" ".join(cell.split()) for cell in row] for row in rows]
    natural = [
        max(cell_len(c) for c in [name, *(row[i] for row in rows)])
        for i, name in enumerate(columns)
    ]
    if wide or _total(natural) <= width:
        return _table(head, columns, rows, natural, lines=None)
    prose = [any(" " in row[i] for row in rows) for i in range(len(columns))]
    widths = _narrowed(columns, natural, prose, width)
    if widths is None:
        return _blocks(head, columns, rows, width)
    return _table(head, columns, rows, widths, lines=TEXT_LINES)


def _total(widths: list[int]) -> int:
    return sum(widths) + len(GAP) * (len(widths) - 1)


def _narrowed(
    columns: list[str], natural: list[int], prose: list[bool], width: int
) -> list[int] | None:
    """Column widths that fit `width`, narrowing only the long text columns (those with words to
    wrap between: ids are never cut), or None."""
    fixed = [
        i for i, n in enumerate(natural) if not prose[i] or n <= max(TEXT_MIN, cell_len(columns[i]))
    ]
    text = [i for i in range(len(natural)) if i not in fixed]
    room = width - _total([natural[i] for i in fixed] + [0] * len(text))
    if not text or room < TEXT_MIN * len(text):
        return None
    widths = list(natural)
    for rank, i in enumerate(
        sorted(text, key=lambda k: natural[k])
    ):  # narrowest first: leftovers go on
        share = room // (len(text) - rank)
        widths[i] = min(natural[i], share)
        room -= widths[i]
    return widths


def _table(
    head: list[str], columns: list[str], rows: list[list[str]], widths: list[int], lines: int | None
) -> str:
    out = list(head)
    out.append(_line([_fit(c, w) for c, w in zip(columns, widths, strict=True)], widths))
    out.append(GAP.join("-" * w for w in widths).rstrip())
    for row in rows:
        cells = [wrap(cell, w, lines) for cell, w in zip(row, widths, strict=True)]
        for k in range(max(len(c) for c in cells)):
            out.append(_line([c[k] if k < len(c) else "" for c in cells], widths))
    return "\n".join(out) + "\n"


def _line(cells: list[str], widths: list[int]) -> str:
    return GAP.join(
        c + " " * (w - cell_len(c)) for c, w in zip(cells, widths, strict=True)
    ).rstrip()


def _blocks(head: list[str], columns: list[str], rows: list[list[str]], width: int) -> str:
    key = max(cell_len(c) for c in columns)
    room = max(width - key - 2, TEXT_MIN)
    out = list(head)
    for number, row in enumerate(rows, 1):
        out.append(f"-- {number} " + "-" * max(0, min(width, 40) - len(str(number)) - 4))
        for name, cell in zip(columns, row, strict=True):
            if not cell:
                continue
            for k, text in enumerate(wrap(cell, room, lines=None)):
                label = f"{name}:" if k == 0 else ""
                out.append(f"{label:<{key + 1}} {text}".rstrip())
    return "\n".join(out) + "\n"


def wrap(text: str, width: int, lines: int | None) -> list[str]:
    """`text` on lines of at most `width` cells, broken only between words; a word longer than a
    line is cut with an ellipsis, and so is the text after `lines` lines."""
    out: list[str] = []
    current = ""
    for word in text.split():
        word = _fit(word, width)
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= width:
            current = candidate
            continue
        out.append(current)
        current = word
        if lines is not None and len(out) == lines:
            out[-1] = _fit(out[-1] + " " + ELLIPSIS, width, cut_words=False)
            return out
    out.append(current)
    return out if out != [""] else [""]


def _fit(text: str, width: int, cut_words: bool = True) -> str:
    """`text` in `width` cells: whole, or cut with an ellipsis (at a word boundary if asked)."""
    if cell_len(text) <= width:
        return text
    if not cut_words and " " in text.strip():
        words = text.split()
        while words and cell_len(" ".join(words) + " " + ELLIPSIS) > width:
            words.pop()
        if words:
            return " ".join(words) + " " + ELLIPSIS
    cut = ""
    for ch in text:
        if cell_len(cut + ch + ELLIPSIS) > width:
            break
        cut += ch
    return cut + ELLIPSIS
