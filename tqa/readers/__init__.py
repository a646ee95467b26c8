"""Readers, chosen by suffix: a document's bytes -> Document (decoded text + blocks); a bilingual
file's (XLIFF, PO, TMX, CSV/TSV, JSON i18n) -> Document whose units are segments already."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ..config import Settings
from ..errors import TqaError
from ..models import Block, Document, Suppression
from .encoding import decode
from . import htmldoc, jsoni18n, markdown, plaintext, po, table, tmx, xliff
from .bilingual import RawFile


def no_suppressions(text: str) -> tuple[Suppression, ...]:
    """Formats without comments: suppress with a baseline or config overrides instead."""
    return ()


class Reader(NamedTuple):
    format: str
    read_blocks: Callable[[str], list[Block]] | None = None
    read_suppressions: Callable[[str], tuple[Suppression, ...]] = no_suppressions
    # Bilingual formats read the whole file themselves (encoding, languages, paired files).
    read_units: Callable[[RawFile], Document] | None = None


_PLAINTEXT = Reader(plaintext.FORMAT, plaintext.read_blocks)
_MARKDOWN = Reader(markdown.FORMAT, markdown.read_blocks, markdown.read_suppressions)
_HTML = Reader(htmldoc.FORMAT, htmldoc.read_blocks, htmldoc.read_suppressions)

READERS: dict[str, Reader] = {
    ".txt": _PLAINTEXT,
    ".text": _PLAINTEXT,
    ".md": _MARKDOWN,
    ".markdown": _MARKDOWN,
    ".html": _HTML,
    ".htm": _HTML,
    ".xhtml": _HTML,
    ".xlf": Reader(xliff.FORMAT, read_units=xliff.read),
    ".xliff": Reader(xliff.FORMAT, read_units=xliff.read),
    ".po": Reader(po.FORMAT, read_units=po.read),
    ".pot": Reader(po.FORMAT, read_units=po.read),
    ".tmx": Reader(tmx.FORMAT, read_units=tmx.read),
    ".csv": Reader("csv", read_units=table.read_csv),
    ".tsv": Reader("tsv", read_units=table.read_tsv),
    ".json": Reader(jsoni18n.FORMAT, read_units=jsoni18n.read),
}
SUPPORTED_SUFFIXES = frozenset(READERS)


def found_in_directory(path: Path, settings: Settings) -> bool:
    """Whether a file met while searching a directory is checked: a known format, but not a POT
    template (it has no translations) nor a JSON file that is not a translation key file."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return jsoni18n.is_translation(path, settings)
    return suffix in READERS and suffix != ".pot"


def read_document(path: Path, display_path: str, settings: Settings | None = None) -> Document:
    """Read, decode and split one file; offsets in its blocks point into ``Document.text``.

    ``settings`` tell bilingual readers the preferred languages (TMX) and CSV columns."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise TqaError(f"unsupported file type {path.suffix or '(none)'!r}", path=display_path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise TqaError(f"cannot read: {error.strerror}", path=display_path) from None
    if reader.read_units is not None:
        return reader.read_units(RawFile(path, display_path, raw, settings or Settings()))
    text = decode(display_path, raw)
    return Document(
        path=display_path,
        format=reader.format,
        text=text,
        blocks=tuple(reader.read_blocks(text)),
        suppressions=reader.read_suppressions(text),
    )
