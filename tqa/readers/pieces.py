"""Big files in pieces: the decoded text cut at record boundaries, each piece knowing where in the
file it starts, so a million-unit catalog is read with memory for one piece at a time.

UTF-8 files (with or without BOM, the common case) are read block by block and cut at a
boundary in the bytes (a blank line ends a PO entry); other encodings are decoded whole first,
then cut the same way. Offsets and line numbers are always the whole file's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ..errors import TqaError
from ..positions import LineIndex, count_breaks
from .encoding import ascii_compatible, decode_declared

PIECE_BYTES = 1 << 18  # about 2,000 catalog units: small enough to spread over workers


class Piece(NamedTuple):
    """Decoded text from the file offset ``offset`` (code points), after ``breaks`` line breaks
    (as ``LineIndex`` counts them) and ``lines`` lines (as a reader splitting on CR/LF counts)."""

    text: str
    offset: int
    breaks: int
    lines: int


def pieces(path: Path, shown: str, boundary: re.Pattern[bytes], declared: str | None,
           fallback: str | None) -> Iterator[Piece]:
    """The file's text in pieces that each end just after a ``boundary`` match (the last one
    ending in its block), or at the end of the file."""
    if _streamable(path, declared, fallback):
        yield from _utf8_pieces(path, shown, boundary)
        return
    raw = _read(path, shown)
    text = decode_declared(shown, raw, declared, fallback)
    yield from _text_pieces(text, re.compile(boundary.pattern.decode("ascii")))


def _streamable(path: Path, declared: str | None, fallback: str | None) -> bool:
    """UTF-8 with nothing to fall back to: another BOM or charset is decoded whole, and so is a
    file that may need ``--encoding`` (known only once all of it failed as UTF-8)."""
    if fallback or (declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8")):
        return False
    with path.open("rb") as file:
        return ascii_compatible(file.read(4))


def _utf8_pieces(path: Path, shown: str, boundary: re.Pattern[bytes]) -> Iterator[Piece]:
    offset = breaks = lines = consumed = 0
    pending: list[bytes] = []
    try:
        with path.open("rb") as file:
            while block := file.read(PIECE_BYTES):
                # Blocks are joined only at a boundary: a 50 MB line is read in linear time.
                window = (pending[-1][-8:] if pending else b"") + block
                pending.append(block)
                end = _last_end(boundary, window)
                if end == 0:
                    continue
                data = b"".join(pending)
                cut = len(data) - len(window) + end
                text = _decode(shown, data[:cut], consumed, breaks)
                consumed += cut
                yield Piece(text, offset, breaks, lines)
                offset, breaks, lines = offset + len(text), breaks + count_breaks(text), lines + _lines(text)
                pending = [data[cut:]] if cut < len(data) else []
    except OSError as error:
        raise TqaError(f"cannot read: {error.strerror}", path=shown) from None
    rest = b"".join(pending)
    if rest or consumed == 0:
        yield Piece(_decode(shown, rest, consumed, breaks), offset, breaks, lines)


def _text_pieces(text: str, boundary: re.Pattern[str]) -> Iterator[Piece]:
    """Pieces of an already decoded text, of about PIECE_BYTES characters each."""
    start = breaks = lines = 0
    while True:
        found = boundary.search(text, start + PIECE_BYTES) if start + PIECE_BYTES < len(text) else None
        end = found.end() if found else len(text)
        piece = text[start:end]
        yield Piece(piece, start, breaks, lines)
        if end == len(text):
            return
        breaks, lines, start = breaks + count_breaks(piece), lines + _lines(piece), end


def _last_end(boundary: re.Pattern[bytes], window: bytes) -> int:
    """End of the last boundary in ``window``; 0 if none."""
    last = 0
    for found in boundary.finditer(window):
        last = found.end()
    return last


def _decode(shown: str, data: bytes, consumed: int, breaks: int) -> str:
    """Strict UTF-8 (a BOM dropped at the start of the file); a bad byte is named by its offset
    in the file and its line and column."""
    try:
        return data.decode("utf-8-sig" if consumed == 0 else "utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start:error.end].hex(" ")
        before = data[:error.start].decode("utf-8", errors="replace").removeprefix("\ufeff")
        line, column = LineIndex(before, (0, breaks)).position(len(before))
        raise TqaError(f"not valid UTF-8 at byte {consumed + error.start}: {error.reason} (0x{bad})",
                       shown, line, column) from None


def _read(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise TqaError(f"cannot read: {error.strerror}", path=shown) from None


def _lines(text: str) -> int:
    """Lines as readers that split on CR, LF and CRLF number them."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")
