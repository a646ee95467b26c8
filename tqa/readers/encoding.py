"""Bytes -> text, in one order for every format: a BOM (UTF-8/16/32), then the file's own
declaration (XML declaration, PO charset, HTML ``<meta charset>``), then strict UTF-8, then the
user's ``--encoding``. Nothing is guessed: undecodable bytes are an error naming their offset."""

from __future__ import annotations

import codecs
import re

from ..errors import TqaError
from ..positions import LineIndex

_SURROGATE = re.compile("[\ud800-\udfff]")
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
        raise TqaError(f"not valid UTF-8 at byte {error.start}: {error.reason} (0x{bad})", path,
                       *_place(raw, error.start, "utf-8-sig")) from None


# HTML's prescan looks at the first 1024 bytes for <meta charset=…> or http-equiv content=…charset=….
_HTML_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{1,40})", re.I)


def decode_declared(path: str, raw: bytes, declared: str | None = None, fallback: str | None = None) -> str:
    """Text by BOM, else by the encoding the file declares, else UTF-8, else ``fallback`` (--encoding).

    A BOM wins over a declaration, as in XML and HTML; without either nothing is guessed.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _decode_with(path, raw, encoding)
    if declared and codec_name(declared) != "utf-8":
        return _decode_with(path, raw, declared)
    if fallback:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return _decode_with(path, raw, fallback)
    return decode(path, raw)


def ascii_compatible(head: bytes) -> bool:
    """Whether a file starting with ``head`` has ASCII characters as single bytes: not UTF-16 or
    UTF-32, by a BOM or by an XML file's "<" without one."""
    wide = [bom for bom, encoding in _BOMS if encoding != "utf-8-sig"] + [b"<\x00", b"\x00<"]
    return not head.startswith(tuple(wide))


def html_charset(raw: bytes) -> str | None:
    """The charset an HTML file declares in a ``<meta>`` within its first 1024 bytes."""
    found = _HTML_CHARSET.search(raw[:1024])
    return found.group(1).decode("ascii") if found else None


def codec_name(encoding: str) -> str | None:
    """Python's name for a text encoding label ('UTF8' -> 'utf-8'), None when unknown.

    Bytes-to-bytes codecs ('uu', 'base64', 'zlib') are not text encodings: unknown too."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _decode_with(path: str, raw: bytes, encoding: str) -> str:
    if codec_name(encoding) is None:
        raise TqaError(f"unknown encoding {encoding!r}", path=path, line=1)
    try:
        text = raw.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise TqaError(f"not valid {encoding} at byte {error.start}: {error.reason}", path,
                       *_place(raw, error.start, encoding)) from None
    # UTF-7 (and alike) can spell a lone surrogate, which no Unicode text may hold: every later
    # step that encodes the text would fail on it.
    if (bad := _SURROGATE.search(text)) is not None:
        raise TqaError(f"not valid {encoding}: it decodes to a lone surrogate (U+{ord(bad.group()):04X})", path,
                       *LineIndex(text).position(bad.start()))
    return text


def _place(raw: bytes, offset: int, encoding: str) -> tuple[int, int]:
    """Line and column of the bad byte, counted in the characters before it, as elsewhere."""
    before = raw[:offset].decode(encoding, errors="replace").removeprefix("\ufeff")
    return LineIndex(before).position(len(before))
