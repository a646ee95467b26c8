"""Bytes -> text: strict UTF-8 for documents; BOM, then the file's own declaration, for bilingual files."""

from __future__ import annotations

import codecs

from ..errors import TqaError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(path: str, raw: bytes) -> str:
    """UTF-8 text, a leading BOM dropped; anything else is refused rather than guessed at."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = raw[error.start:error.end].hex(" ")
        line = raw.count(b"\n", 0, error.start) + 1
        raise TqaError(
            f"not valid UTF-8 at byte {error.start}: {error.reason} (0x{bad})", path=path, line=line
        ) from None


def decode_declared(path: str, raw: bytes, declared: str | None = None) -> str:
    """Text by BOM, else by the encoding the file declares (XML declaration, PO charset), else UTF-8.

    A BOM wins over a declaration, as in XML and HTML; without either nothing is guessed.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _decode_with(path, raw, encoding)
    if declared and codec_name(declared) != "utf-8":
        return _decode_with(path, raw, declared)
    return decode(path, raw)


def codec_name(encoding: str) -> str | None:
    """Python's name for an encoding label ('UTF8' -> 'utf-8'), None when unknown."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def _decode_with(path: str, raw: bytes, encoding: str) -> str:
    if codec_name(encoding) is None:
        raise TqaError(f"unknown encoding {encoding!r}", path=path, line=1)
    try:
        return raw.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise TqaError(
            f"not valid {encoding} at byte {error.start}: {error.reason}", path=path, line=line
        ) from None
