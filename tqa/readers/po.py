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
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..config import Settings
from ..errors import TqaError
from ..models import Document, Segment
from ..positions import LineIndex
from .anchored import AnchoredText
from .bilingual import RawFile, language_tag, unit_segment
from .encoding import decode_declared
from .pieces import Piece, pieces

FORMAT = "po"

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]*(?=\")")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9._-]+)")
# Where a piece may end: a string line and a blank line always end an entry (a blank line after
# comments alone does not: the comments belong to the entry below).
_ENTRY_END = re.compile(rb'\n[ \t]*(?:msg[a-z_]*(?:\[\d+\])?[ \t]*)?"[^\r\n]*"[ \t]*\r?\n[ \t]*\r?\n')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f",
            "v": "\v", "?": "?", "'": "'"}
_QUOTE_OR_ESCAPE = re.compile(r'["\\]')
_NUMERIC_ESCAPE = re.compile(r"[0-7]{1,3}|x[0-9A-Fa-f]+")


@dataclass
class _String:
    """One keyword's value: decoded text with anchors, and where its first literal's text starts."""

    text: AnchoredText = field(default_factory=AnchoredText)
    inside: int = 0


@dataclass
class _Entry:
    line: int = 0
    obsolete: bool = False
    flags: list[str] = field(default_factory=list)
    translator: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    strings: dict[str, _String] = field(default_factory=dict)

    def has(self, prefix: str) -> bool:
        return any(key.startswith(prefix) for key in self.strings)


def read(raw: RawFile) -> Document:
    """Every translatable msgstr of a PO or POT file."""
    text = decode_declared(raw.shown, raw.data, _declared(raw.data), raw.settings.encoding)
    return next(_parts(raw.shown, [Piece(text, 0, 0, 0)]))


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


def _parts(shown: str, texts: Iterable[Piece]) -> Iterator[Document]:
    """A Document per piece of text; unit numbers and the header's language carry over."""
    resume = Resume()
    for piece in texts:
        document = read_piece(shown, piece, resume)
        resume = Resume(resume.units + len(document.units), document.target_lang)
        yield document


def read_piece(shown: str, piece: Piece, resume: Resume) -> Document:
    """A piece's units, numbered on from ``resume``, in the language of the header before them."""
    count, language = resume
    lines = LineIndex(piece.text, (piece.offset, piece.breaks))
    segments: list[Segment] = []
    for entry in _Parser(shown, piece.text, piece.offset, piece.lines).entries():
        if _is_header(entry):
            language = _language(entry)
            continue
        for fields in _unit_fields(entry):
            count += 1
            segments.append(unit_segment(shown, lines, f"u{count}", target_lang=language, **fields))
    return Document(path=shown, format=FORMAT, text=piece.text, units=tuple(segments),
                    target_lang=language, origin=(piece.offset, piece.breaks))


def _resume_after(shown: str, piece: Piece, resume: Resume) -> Resume:
    """``read_piece``'s count and language after the piece, without building its segments."""
    count, language = resume
    for entry in _Parser(shown, piece.text, piece.offset, piece.lines).entries():
        if _is_header(entry):
            language = _language(entry)
        else:
            count += sum(1 for _ in _unit_fields(entry))
    return Resume(count, language)


def _is_header(entry: _Entry) -> bool:
    return "msgctxt" not in entry.strings and _value(entry, "msgid") == ""


def _language(header: _Entry) -> str | None:
    return language_tag(_header_field(_value(header, "msgstr"), "Language"))


def _value(entry: _Entry, key: str) -> str | None:
    string = entry.strings.get(key)
    return string.text.raw()[0] if string is not None else None


def _header_field(header: str | None, name: str) -> str | None:
    for line in (header or "").splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip() or None
    return None


def _unit_fields(entry: _Entry):
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
    forms = sorted((int(k[7:-1]), s) for k, s in entry.strings.items() if k.startswith("msgstr["))
    if plural is None:
        target = entry.strings["msgstr"]
        yield dict(common, source=msgid, target=target.text, empty_at=target.inside)
        return
    for number, target in forms:
        yield dict(common, source=msgid if number == 0 else plural, target=target.text,
                   empty_at=target.inside, kind=f"plural[{number}]")


class _Parser:
    """Lines -> entries; every syntax error names its line and column."""

    def __init__(self, path: str, text: str, offset: int = 0, line: int = 0):
        """``offset`` and ``line``: where ``text`` starts in the file, for a piece of a big one."""
        self.path = path
        self.text = text
        self.offset = offset
        self.first_line = line + 1
        self.done: list[_Entry] = []
        self.entry = _Entry()
        self.current: _String | None = None

    def entries(self) -> list[_Entry]:
        if "\r" in self.text:
            for number, m in enumerate(_LINE.finditer(self.text), self.first_line):
                if m.start() == len(self.text) and not m.group():
                    break
                self.line(number, m.group(1), m.start() + self.offset)
        else:  # NOTE: the common case, split by str.split: a third of the time of the regex above
            start = self.offset
            lines = self.text.split("\n")
            if not lines[-1]:
                lines.pop()
            for number, content in enumerate(lines, self.first_line):
                self.line(number, content, start)
                start += len(content) + 1
        self.finish()
        return self.done

    def error(self, message: str, line: int, column: int):
        raise TqaError(message, path=self.path, line=line, column=column)

    def line(self, number: int, content: str, start: int) -> None:
        body = content.lstrip(" \t")
        indent = len(content) - len(body)
        if not body:
            if self.entry.strings or self.entry.obsolete:
                self.finish()
            self.current = None
        elif body.startswith("#"):
            self.comment(number, body)
        elif body.startswith('"'):
            if self.current is None:
                self.error("string with no keyword before it", number, indent + 1)
            self.literal(self.current, number, content, indent, start)
        else:
            self.keyword(number, content, indent, start)

    def comment(self, number: int, body: str) -> None:
        if self.entry.strings:
            self.finish()
        self.current = None
        if body.startswith("#~"):
            self.entry.obsolete = True
        elif body.startswith("#,"):
            self.entry.flags += [f.strip() for f in body[2:].split(",") if f.strip()]
        elif body.startswith("#."):
            self.entry.extracted.append(body[2:].strip())
        elif not body.startswith(("#:", "#|")):
            self.entry.translator.append(body[1:].removeprefix(" "))

    def keyword(self, number: int, content: str, indent: int, start: int) -> None:
        m = _KEYWORD.match(content, indent)
        if m is None:
            self.error(f"expected a keyword (msgid, msgstr…) or a quoted string, found {content.strip()[:20]!r}",
                       number, indent + 1)
        key = m.group(1)
        if key in ("msgctxt", "msgid") and self.entry.has("msgstr") or key in self.entry.strings:
            self.finish()
        if not self.entry.strings:
            self.entry.line = number
        self.current = self.entry.strings[key] = _String()
        self.literal(self.current, number, content, m.end(), start)
        self.current.inside = start + m.end() + 1

    def literal(self, string: _String, number: int, content: str, quote: int, start: int) -> None:
        """Decode the quoted string at ``content[quote]``, anchoring each run and escape."""
        run = quote + 1
        end = content.find('"', run)
        if end != -1 and "\\" not in content[run:end]:  # no escape: one piece, no regex (most lines)
            string.text.add(content[run:end], start + run)
            if content[end + 1:].strip():
                self.error("unexpected text after the closing quote", number, end + 2)
            return
        while (stop := _QUOTE_OR_ESCAPE.search(content, run)) is not None and stop.group() == "\\":
            string.text.add(content[run:stop.start()], start + run)
            decoded, length = self.escape(content, stop.start(), number)
            string.text.add(decoded, start + stop.start())
            run = stop.start() + length
        if stop is None:
            self.error("unterminated string: no closing quote on this line", number, quote + 1)
        end = stop.start()
        string.text.add(content[run:end], start + run)
        if content[end + 1:].strip():
            self.error("unexpected text after the closing quote", number, end + 2)

    def escape(self, content: str, i: int, number: int) -> tuple[str, int]:
        letter = content[i + 1:i + 2]
        if letter in _ESCAPES:
            return _ESCAPES[letter], 2
        m = _NUMERIC_ESCAPE.match(content, i + 1)
        if m is None:
            self.error(f"unknown escape sequence \\{letter}", number, i + 1)
        digits = m.group()
        return chr(int(digits[1:], 16) if digits[0] == "x" else int(digits, 8)), 1 + len(digits)

    def finish(self) -> None:
        entry, self.entry, self.current = self.entry, _Entry(), None
        if entry.obsolete or not entry.strings:
            return
        if "msgid" not in entry.strings:
            self.error("entry without msgid", entry.line, 1)
        if not entry.has("msgstr"):
            self.error("msgid without msgstr", entry.line, 1)
        plural = "msgid_plural" in entry.strings
        if plural == ("msgstr" in entry.strings):
            expected = "msgstr[n]" if plural else "msgstr (msgstr[n] needs msgid_plural)"
            self.error(f"entry needs {expected}", entry.line, 1)
        self.done.append(entry)
