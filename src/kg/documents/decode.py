"""Bytes to text: UTF-8 (with or without BOM), or the Korean legacy encodings CP949 / EUC-KR."""

from __future__ import annotations

from kg.errors import DocumentError

_BINARY_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {9, 10, 12, 13}


def decode(path: str, raw: bytes) -> str:
    if not raw.strip():
        raise DocumentError(path, "empty file")
    if b"\0" in raw[:65536] or _control_share(raw[:65536]) > _BINARY_CONTROL_SHARE:
        raise DocumentError(path, "binary file, not text")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for encoding in ("utf-8", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentError(path, "cannot decode: neither UTF-8 nor CP949/EUC-KR")


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if b < 32 and b not in _ALLOWED_CONTROLS)
    return controls / len(sample)
