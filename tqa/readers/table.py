"""Bilingual CSV and TSV tables: a header row, then one segment per row.

Columns are found by header name, case-insensitively: source and target from the settings
``csv_source_column``/``csv_target_column`` (default ``source``, ``target``), the unit id from
``id`` or ``key``, notes from ``note(s)``/``comment(s)``. Other columns are ignored.

A small RFC 4180 scanner of our own rather than the ``csv`` module, which tells only the last
line of a record: quoted cells may hold delimiters, doubled quotes and line breaks, and each cell
keeps anchors into the file, so a target's line and column are exact. An empty target is located
where its cell is (inside its quotes if it has them). Rows with another number of cells than the
header, unclosed quotes and text after a closing quote are errors with their line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ..errors import TqaError
from ..models import Document
from ..positions import LineIndex
from .anchored import AnchoredText
from .bilingual import RawFile, unit_segment
from .encoding import decode_declared

ID_COLUMNS = ("id", "key")
NOTE_COLUMNS = ("note", "notes", "comment", "comments")
_BREAK = re.compile(r"\r\n|\r|\n")


class Cell(NamedTuple):
    value: AnchoredText
    offset: int  # where its text starts (past an opening quote)


class Row(NamedTuple):
    cells: list[Cell]
    offset: int  # where the row starts


def read_csv(raw: RawFile) -> Document:
    """A comma-separated bilingual table."""
    return _read(raw, ",", "csv")


def read_tsv(raw: RawFile) -> Document:
    """A tab-separated bilingual table (Excel's "Unicode text" is UTF-16 with a BOM: read too)."""
    return _read(raw, "\t", "tsv")


def _read(raw: RawFile, delimiter: str, fmt: str) -> Document:
    text = decode_declared(raw.shown, raw.data, None, raw.settings.encoding)
    lines = LineIndex(text)
    rows = _Scanner(raw.shown, text, delimiter, lines).rows()
    if not rows:
        return Document(path=raw.shown, format=fmt, text=text)
    header = [cell.value.raw()[0].strip().lower() for cell in rows[0].cells]
    source = _column(raw, header, raw.settings.csv_source_column)
    target = _column(raw, header, raw.settings.csv_target_column)
    ids = next((header.index(n) for n in ID_COLUMNS if n in header), None)
    notes = [header.index(n) for n in NOTE_COLUMNS if n in header]
    segments = []
    for number, row in enumerate(rows[1:], 1):
        if len(row.cells) != len(header):
            line, column = lines.position(row.offset)
            raise TqaError(f"row has {len(row.cells)} cells, the header has {len(header)}", raw.shown, line, column)
        cells = [cell.value.raw()[0] for cell in row.cells]
        segments.append(unit_segment(
            raw.shown, lines, f"u{number}", row.cells[target].value, row.cells[target].offset,
            source=cells[source],
            unit_id=cells[ids] if ids is not None else None,
            notes=tuple(cells[n] for n in notes if cells[n].strip()),
        ))
    return Document(path=raw.shown, format=fmt, text=text, units=tuple(segments))


def _column(raw: RawFile, header: list[str], name: str) -> int:
    if name.lower() not in header:
        raise TqaError(f"no {name!r} column in the header (columns: {', '.join(header)}); "
                       "set csv_source_column/csv_target_column", raw.shown, 1)
    return header.index(name.lower())


class _Scanner:
    """Text -> rows of cells with anchors; blank lines are skipped."""

    def __init__(self, path: str, text: str, delimiter: str, lines: LineIndex):
        self.path = path
        self.text = text
        self.delimiter = delimiter
        self.lines = lines
        self.cell_end = re.compile(f"[{re.escape(delimiter)}\r\n]")

    def rows(self) -> list[Row]:
        return [row for row in self._rows() if len(row.cells) > 1 or row.cells[0].value.length]

    def _rows(self) -> Iterator[Row]:
        i, n = 0, len(self.text)
        while i < n:
            row = Row([], i)
            while True:
                cell, i = self.quoted(i) if self.text.startswith('"', i) else self.plain(i)
                row.cells.append(cell)
                if i < n and self.text[i] == self.delimiter:
                    i += 1
                    continue
                if i < n:
                    i = _BREAK.match(self.text, i).end()
                break
            yield row

    def plain(self, i: int) -> tuple[Cell, int]:
        m = self.cell_end.search(self.text, i)
        end = m.start() if m else len(self.text)
        value = AnchoredText()
        value.add(self.text[i:end], i)
        return Cell(value, i), end

    def quoted(self, i: int) -> tuple[Cell, int]:
        value = AnchoredText()
        run = i + 1
        while True:
            quote = self.text.find('"', run)
            if quote < 0:
                self.error("unclosed quote", i)
            if self.text.startswith('""', quote):  # a doubled quote is one quote character
                value.add(self.text[run:quote + 1], run)
                run = quote + 2
                continue
            value.add(self.text[run:quote], run)
            end = quote + 1
            if end < len(self.text) and self.text[end] not in f"{self.delimiter}\r\n":
                self.error("text after a closing quote", end)
            return Cell(value, i + 1), end

    def error(self, message: str, offset: int):
        line, column = self.lines.position(offset)
        raise TqaError(message, self.path, line, column)
