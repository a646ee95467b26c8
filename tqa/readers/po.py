"""Gettext PO and POT catalogs: one segment per msgstr (one per plural form), located exactly.

A small parser of our own: polib and babel give only an entry's first line and no columns, and
the format is simple. Each string literal is decoded (``\\n``, ``\\t``, ``\\"``, ``\\\\``, octal,
hex) with an anchor at every escape and at every continuation line, so a target's line and column
are those of its text inside the quotes, however it is split.

- ``unit_id`` is gettext's: ``msgctxt + "\\x04" + msgid``, or ``msgid`` without a context.
- Plural entries give a segment per ``msgstr[n]``, kind ``plural[n]``; the source is ``msgid``
  for form 0 and ``msgid_plural`` for the others.
- ``#, fuzzy`` sets state "fuzzy"; the other flags (``python-format``…) go to ``flags``.
- Translator comments (``#``) and extracted comments (``#.``) become notes, one per block.
- Obsolete ``#~`` entries are skipped; so is the header, from which ``Language`` (the target
  language) and the ``Content-Type`` charset are read.
- An empty msgstr (untranslated) is located just inside its quotes, where its text would go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from ..config import Settings
from ..errors import TqaError
from ..models import Document, Segment
from ..positions import LineIndex
from .bilingual import RawFile, decoded_unit_segment, language_tag
from .encoding import decode_declared
from .pieces import Piece, pieces
from .poentries import Entry, entries

FORMAT = "po"

_CHARSET = re.compile(rb"charset=([A-Za-z0-9._-]+)")
# Where a piece may end: a string line and a blank line always end an entry (a blank line after
# comments alone does not: the comments belong to the entry below).
_ENTRY_END = re.compile(rb'\n[ \t]*(?:msg[a-z_]*(?:\[\d+\])?[ \t]*)?"[^\r\n]*"[ \t]*\r?\n[ \t]*\r?\n')


def read(raw: RawFile, fast: bool = True) -> Document:
    """Every translatable msgstr of a PO or POT file (``fast=False``: with the careful parser
    alone, which the fast path must agree with)."""
    text = decode_declared(raw.shown, raw.data, _declared(raw.data), raw.settings.encoding)
    return next(_parts(raw.shown, [Piece(text, 0, 0, 0)], fast))


def read_parts(path: Path, shown: str, settings: Settings) -> Iterator[Document]:
    """The catalog in parts of a few thousand units, read piece by piece (big catalogs)."""
    return _parts(shown, _pieces(path, shown, settings))


class Resume(NamedTuple):
    """What reading a piece takes on from the pieces before it."""

    units: int = 0
    language: str | None = None  # the header's


def cut(path: Path, shown: str, settings: Settings) -> Iterator[tuple[Piece, Resume]]:
    """The catalog's pieces, each with what its reading resumes from, for workers to read
    (``read_piece``): here a piece is only parsed, no segments built, to follow the unit count
    and the language. A piece that does not parse ends the cut; its reader reports why."""
    resume = Resume()
    for piece in _pieces(path, shown, settings):
        yield piece, resume
        try:
            resume = _resume_after(shown, piece, resume)
        except TqaError:
            return


def _pieces(path: Path, shown: str, settings: Settings) -> Iterator[Piece]:
    try:
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError as error:
        raise TqaError(f"cannot read: {error.strerror}", path=shown) from None
    return pieces(path, shown, _ENTRY_END, _declared(head), settings.encoding)


def _declared(head: bytes) -> str | None:
    charset = _CHARSET.search(head[:4096])
    declared = charset.group(1).decode("ascii") if charset else None
    return None if declared == "CHARSET" else declared


def _parts(shown: str, texts: Iterable[Piece], fast: bool = True) -> Iterator[Document]:
    """A Document per piece of text; unit numbers and the header's language carry over."""
    resume = Resume()
    for piece in texts:
        document = read_piece(shown, piece, resume, fast)
        resume = Resume(resume.units + len(document.units), document.target_lang)
        yield document


def read_piece(shown: str, piece: Piece, resume: Resume, fast: bool = True) -> Document:
    """A piece's units, numbered on from ``resume``, in the language of the header before them."""
    count, language = resume
    lines = LineIndex(piece.text, (piece.offset, piece.breaks))
    segments: list[Segment] = []
    for language, fields in _walk(shown, piece, language, fast):
        if fields is not None:
            count += 1
            segments.append(decoded_unit_segment(shown, lines, f"u{count}", target_lang=language, **fields))
    return Document(path=shown, format=FORMAT, text=piece.text, units=tuple(segments),
                    target_lang=language, origin=(piece.offset, piece.breaks))


def _resume_after(shown: str, piece: Piece, resume: Resume) -> Resume:
    """``read_piece``'s count and language after the piece, without building its segments."""
    count, language = resume
    for language, fields in _walk(shown, piece, language):
        count += fields is not None
    return Resume(count, language)


def _walk(shown: str, piece: Piece, language: str | None, fast: bool = True):
    """(language, fields) for each unit of the piece, and (language, None) after each header:
    the language in force, from ``language`` until a header in the piece names another."""
    for entry in entries(shown, piece.text, piece.offset, piece.lines, fast):
        if _is_header(entry):
            language = _language(entry)
            yield language, None
            continue
        for fields in _unit_fields(entry):
            yield language, fields


def _is_header(entry: Entry) -> bool:
    return "msgctxt" not in entry.strings and _value(entry, "msgid") == ""


def _language(header: Entry) -> str | None:
    return language_tag(_header_field(_value(header, "msgstr"), "Language"))


def _value(entry: Entry, key: str) -> str | None:
    value = entry.strings.get(key)
    return value.text if value is not None else None


def _header_field(header: str | None, name: str) -> str | None:
    for line in (header or "").splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip() or None
    return None


def _unit_fields(entry: Entry):
    """A segment's fields for each msgstr of the entry."""
    msgid = _value(entry, "msgid")
    context = _value(entry, "msgctxt")
    common = dict(
        unit_id=msgid if context is None else f"{context}\x04{msgid}",
        notes=tuple("\n".join(block) for block in (entry.translator, entry.extracted) if block),
        state="fuzzy" if "fuzzy" in entry.flags else None,
        flags=tuple(f for f in entry.flags if f != "fuzzy"),
    )
    plural = _value(entry, "msgid_plural")
    if plural is None:
        target = entry.strings["msgstr"]
        yield dict(common, source=msgid, text=target.text, anchors=target.anchors, empty_at=target.inside)
        return
    forms = sorted((int(k[7:-1]), v) for k, v in entry.strings.items() if k.startswith("msgstr["))
    for number, target in forms:
        yield dict(common, source=msgid if number == 0 else plural, text=target.text, anchors=target.anchors,
                   empty_at=target.inside, kind=f"plural[{number}]")
