"""Readers, chosen by suffix: a document's bytes -> Document (decoded text + blocks); a bilingual
file's (XLIFF, PO, TMX, CSV/TSV, JSON i18n) -> Document whose units are segments already."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..config import Settings
from ..errors import TqaError
from ..models import Block, Document, Suppression
from .encoding import decode_declared, html_charset
from .bilingual import RawFile

if TYPE_CHECKING:
    from .pieces import Piece


def no_suppressions(text: str) -> tuple[Suppression, ...]:
    """Formats without comments: suppress with a baseline or config overrides instead."""
    return ()


class Reader(NamedTuple):
    format: str
    read_blocks: Callable[[str], list[Block]] | None = None
    read_suppressions: Callable[[str], tuple[Suppression, ...]] = no_suppressions
    # Bilingual formats read the whole file themselves (encoding, languages, paired files).
    read_units: Callable[[RawFile], Document] | None = None
    # Formats that get big (catalogs) can also be read in parts, piece by piece,
    read_parts: Callable[[Path, str, Settings], Iterator[Document]] | None = None
    # and some in pieces that each know what came before them, for workers to read.
    cut: Callable[[Path, str, Settings], Iterator[tuple[Piece, Any]]] | None = None
    read_piece: Callable[[str, Piece, Any], Document] | None = None


class UnreadPart(NamedTuple):
    """A piece of a big catalog, read where it is checked (a worker): the main process only cuts
    the file and follows what each piece's reading takes on from the ones before."""

    suffix: str
    path: str  # as shown, like Document.path
    piece: Piece
    resume: Any  # the format's: PO's units before the piece and the header's language

    def read(self) -> Document:
        return READERS[self.suffix].read_piece(self.path, self.piece, self.resume)


def lazy(module: str, name: str) -> Callable:
    """``tqa.readers.<module>.<name>``, imported on first call: a run pays start-up only for the
    formats it reads (markdown_it alone costs more than a pre-commit hook's whole budget)."""

    def call(*args):
        return getattr(import_module(f"{__name__}.{module}"), name)(*args)

    call.__qualname__ = f"{module}.{name}"
    return call


_PLAINTEXT = Reader("plaintext", lazy("plaintext", "read_blocks"))
_MARKDOWN = Reader("markdown", lazy("markdown", "read_blocks"), lazy("markdown", "read_suppressions"))
_HTML = Reader("html", lazy("htmldoc", "read_blocks"), lazy("htmldoc", "read_suppressions"))
_XLIFF = Reader("xliff", read_units=lazy("xliff", "read"), read_parts=lazy("xliff", "read_parts"))
_PO = Reader("po", read_units=lazy("po", "read"), read_parts=lazy("po", "read_parts"), cut=lazy("po", "cut"),
             read_piece=lazy("po", "read_piece"))

READERS: dict[str, Reader] = {
    ".txt": _PLAINTEXT,
    ".text": _PLAINTEXT,
    ".md": _MARKDOWN,
    ".markdown": _MARKDOWN,
    ".html": _HTML,
    ".htm": _HTML,
    ".xhtml": _HTML,
    ".xlf": _XLIFF,
    ".xliff": _XLIFF,
    ".po": _PO,
    ".pot": _PO,
    ".tmx": Reader("tmx", read_units=lazy("tmx", "read")),
    ".csv": Reader("csv", read_units=lazy("table", "read_csv")),
    ".tsv": Reader("tsv", read_units=lazy("table", "read_tsv")),
    ".json": Reader("json", read_units=lazy("jsoni18n", "read")),
}
SUPPORTED_SUFFIXES = frozenset(READERS)


def found_in_directory(path: Path, settings: Settings) -> bool:
    """Whether a file met while searching a directory is checked: a known format, but not a POT
    template (it has no translations) nor a JSON file that is not a translation key file."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return lazy("jsoni18n", "is_translation")(path, settings)
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
    settings = settings or Settings()
    declared = html_charset(raw) if reader.format == "html" else None
    text = decode_declared(display_path, raw, declared, settings.encoding)
    return Document(
        path=display_path,
        format=reader.format,
        text=text,
        blocks=tuple(reader.read_blocks(text)),
        suppressions=reader.read_suppressions(text),
    )


def file_size(path: Path) -> int:
    """Bytes of the file; 0 when it cannot be read (its reader then says why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def has_parts(path: Path) -> bool:
    """Whether the file's format is read in parts (catalogs, which get big)."""
    reader = READERS.get(path.suffix.lower())
    return reader is not None and reader.read_parts is not None


def unread_parts(path: Path, display_path: str, settings: Settings) -> Iterator[UnreadPart | Document]:
    """``read_parts``, left for workers to read where the format can be cut (PO)."""
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None or reader.cut is None:
        yield from read_parts(path, display_path, settings)
        return
    for piece, resume in reader.cut(path, display_path, settings):
        yield UnreadPart(suffix, display_path, piece, resume)


def read_parts(path: Path, display_path: str, settings: Settings) -> Iterator[Document]:
    """The file as Documents of a few thousand units each (one Document for most files), read
    piece by piece where the format allows, so memory does not grow with the file."""
    reader = READERS.get(path.suffix.lower())
    if reader is None or reader.read_parts is None:
        yield read_document(path, display_path, settings)
        return
    yield from reader.read_parts(path, display_path, settings)
