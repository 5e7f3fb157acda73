"""Bytes to text: UTF-8 (with or without BOM), UTF-16 / UTF-32 with their BOM, or the Korean
legacy encodings CP949 / EUC-KR.

A file that mixes UTF-8 and CP949 lines is read line by line, each line in the encoding it
decodes in; a few bytes that decode in neither are replaced by U+FFFD. Both come back as
warnings, so the file loads and the user hears why its text may differ from the bytes. A file
where more than MAX_BAD_SHARE of the bytes are undecodable is refused: that is not a text.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from kg.errors import DocumentError

_BINARY_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {9, 10, 12, 13}
MAX_BAD_SHARE = 0.02
# longest first: the UTF-32 LE BOM begins with the UTF-16 LE one
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(path: str, raw: bytes) -> str:
    return decode_with_warnings(path, raw).text


def decode_with_warnings(path: str, raw: bytes) -> Decoded:
    if not raw.strip():
        raise DocumentError(path, "empty file")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            decoded = _with_bom(path, raw[len(bom) :], encoding)
            if decoded is not None:
                return decoded
            break  # not that encoding after all: the bytes are judged as they are
    if b"\0" in raw[:65536] or _control_share(raw[:65536]) > _BINARY_CONTROL_SHARE:
        raise DocumentError(path, "binary file, not text")
    for encoding in ("utf-8", "cp949"):
        if encoding == "cp949" and _mostly_utf8(raw):
            break  # CP949 would read the UTF-8 lines as other Hangul without complaint
        try:
            return Decoded(raw.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    return _by_line(path, raw)


def _with_bom(path: str, body: bytes, encoding: str) -> Decoded | None:
    """The text in the encoding its byte-order mark names, or None when the bytes cannot be that
    (a length that is no multiple of the code unit, too many undecodable units, not one space or
    line break in all of it)."""
    unit = 4 if "32" in encoding else 2 if "16" in encoding else 1
    if len(body) % unit:
        return None
    text = body.decode(encoding, errors="replace")
    if not text.strip():
        raise DocumentError(path, "empty file")
    bad = text.count("\ufffd") - body.decode(encoding, errors="ignore").count("\ufffd")
    if bad > MAX_BAD_SHARE * max(len(text), 1) or (unit > 1 and not any(c.isspace() for c in text)):
        return None  # a text has spaces or line breaks; bytes that merely start like a BOM need not
    return Decoded(text, encoding, (_replaced(bad),) if bad else ())


def _mostly_utf8(raw: bytes) -> bool:
    """Some line with non-ASCII bytes is valid UTF-8: the file is UTF-8 with a few bad lines."""
    for line in raw.splitlines():
        if not line.isascii():
            try:
                line.decode("utf-8")
                return True
            except UnicodeDecodeError:
                continue
    return False


def _by_line(path: str, raw: bytes) -> Decoded:
    lines, legacy, bad = [], 0, 0
    for line in raw.splitlines(keepends=True):
        text = line.decode("utf-8", errors="replace")
        if "\ufffd" in text and not _has_utf8_letters(text):
            try:
                text = line.decode("cp949")
                legacy += 1
            except UnicodeDecodeError:
                pass
        if "\ufffd" in text:
            bad += text.count("\ufffd") - line.decode("utf-8", errors="ignore").count("\ufffd")
        lines.append(text)
    if bad > MAX_BAD_SHARE * len(raw):
        raise DocumentError(path, "cannot decode: neither UTF-8 nor CP949/EUC-KR")
    warnings = []
    if legacy:
        warnings.append(
            f"mixed encodings: {legacy} line{'s' if legacy > 1 else ''} read as CP949, "
            "the rest as UTF-8"
        )
    if bad:
        warnings.append(_replaced(bad))
    return Decoded("".join(lines), "mixed", tuple(warnings))


def _has_utf8_letters(text: str) -> bool:
    """A line whose non-ASCII bytes mostly decode as UTF-8 is UTF-8 with a few bad bytes (CP949
    would read it, wrongly but without complaint, as other Hangul); CP949 bytes read as UTF-8
    are mostly replacement characters."""
    wide = sum(1 for c in text if ord(c) > 127)
    return text.count("\ufffd") <= 0.1 * wide


def _replaced(bad: int) -> str:
    return f"{bad} undecodable byte sequence{'s' if bad > 1 else ''} replaced by U+FFFD"


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if b < 32 and b not in _ALLOWED_CONTROLS)
    return controls / len(sample)
