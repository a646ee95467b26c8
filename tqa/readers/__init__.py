"""Monolingual readers: a file's bytes -> Document (decoded text + blocks), chosen by suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ..errors import TqaError
from ..models import Block, Document
from . import htmldoc, markdown, plaintext


class Reader(NamedTuple):
    format: str
    read_blocks: Callable[[str], list[Block]]


_PLAINTEXT = Reader(plaintext.FORMAT, plaintext.read_blocks)
_MARKDOWN = Reader(markdown.FORMAT, markdown.read_blocks)
_HTML = Reader(htmldoc.FORMAT, htmldoc.read_blocks)

READERS: dict[str, Reader] = {
    ".txt": _PLAINTEXT,
    ".text": _PLAINTEXT,
    ".md": _MARKDOWN,
    ".markdown": _MARKDOWN,
    ".html": _HTML,
    ".htm": _HTML,
    ".xhtml": _HTML,
}
SUPPORTED_SUFFIXES = frozenset(READERS)


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


def read_document(path: Path, display_path: str) -> Document:
    """Read, decode and split one file; offsets in its blocks point into ``Document.text``."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise TqaError(f"unsupported file type {path.suffix or '(none)'!r}", path=display_path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise TqaError(f"cannot read: {error.strerror}", path=display_path) from None
    text = decode(display_path, raw)
    return Document(
        path=display_path, format=reader.format, text=text, blocks=tuple(reader.read_blocks(text))
    )
