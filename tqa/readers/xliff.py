"""XLIFF 1.2 and 2.0/2.1/2.2: one segment per 1.2 ``<trans-unit>`` and per 2.x ``<segment>``.

The version comes from the root's ``version`` attribute, else its namespace. A document may hold
several ``<file>``s; languages are per file (1.2 ``source-language``/``target-language``) or per
document (2.x ``srcLang``/``trgLang``), and the document's are those of its first file.

Unit ids are the unit's ``id`` (1.2: ``resname`` when there is no id); with more than one
``<file>`` they are prefixed by the file's ``original`` (1.2) or ``id`` (2.x) and a slash, so
they stay unique; a 2.x unit of several segments gives ``unit#segment`` (the segment's id, else
its 1-based number). Units marked ``translate="no"`` are skipped, and so is the PO header that
translate-toolkit's po2xliff writes as a unit (``restype="x-gettext-domain-header"``).

A unit with no ``<target>`` is an empty segment located just after its ``</source>``, where a
target would go; an empty ``<target/>`` is located at the target itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import TqaError
from ..models import Document, InputWarning
from ..positions import LineIndex
from .anchored import AnchoredText
from .bilingual import RawFile, unit_segment
from .encoding import ascii_compatible
from .inline import original_data, read_inline
from .pieces import PIECE_BYTES, Piece, pieces
from .xmlsafe import Element, decode_xml, parse_pieces, xml_declared

FORMAT = "xliff"

_FINAL_STATES = frozenset({"final", "signed-off"})
_PO_HEADER = "x-gettext-domain-header"
_UNITS = frozenset({"trans-unit", "unit"})  # 1.2 and 2.x: handed out one by one
_LINE_END = re.compile(rb"\n")
_FILE_TAG = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?file[\s/>]")
_FILE_TAG_BYTES = re.compile(_FILE_TAG.pattern.encode("ascii"))


def read(raw: RawFile) -> Document:
    """Every unit of an XLIFF file, with its target located in the file."""
    text = decode_xml(raw.shown, raw.data)
    files = len(_FILE_TAG.findall(text))
    parts = list(_parts(raw.shown, [Piece(text, 0, 0, 0)], files))
    return parts[0].model_copy(update={"text": text, "origin": (0, 0),
                                       "units": tuple(u for p in parts for u in p.units),
                                       "warnings": tuple(w for p in parts for w in p.warnings)})


def read_parts(path: Path, shown: str, settings: Settings) -> Iterator[Document]:
    """The units a piece of the file at a time (big files), with the root and file around them."""
    head = _head(path, shown)
    files = _count_files(path, shown, head)
    return _parts(shown, pieces(path, shown, _LINE_END, xml_declared(head), None), files)


def _parts(shown: str, texts: Iterable[Piece], file_count: int) -> Iterator[Document]:
    """A Document per piece of text that completes units (one without units for a file that
    has none)."""
    count = yielded = 0
    root: Element | None = None
    warnings: list[InputWarning] = []  # filled as the parser goes; each Document takes what came so far
    for batch in parse_pieces(shown, texts, _UNITS, "xliff", "XLIFF", warnings):
        if (root := batch.root) is None:
            continue
        version = _version(root, shown)
        if not batch.elements:
            continue
        lines = LineIndex(batch.text, batch.origin)
        segments = []
        for unit in batch.elements:
            file = next((a for a in unit.ancestors if a.name == "file"), None)
            if file is None:  # a unit outside any <file> is not part of the document
                continue
            for fields in _fields_1(unit, file) if version == 1 else _fields_2(unit, root):
                if file_count > 1:
                    fields["unit_id"] = f"{_file_key(file, version)}/{fields['unit_id']}"
                count += 1
                segments.append(unit_segment(shown, lines, f"u{count}", **fields))
        yielded += 1
        yield _document(shown, root, version, batch.text, batch.origin, segments, _taken(warnings))
    if (warnings or not yielded) and root is not None:
        yield _document(shown, root, _version(root, shown), "", (0, 0), [], _taken(warnings))


def _taken(warnings: list[InputWarning]) -> tuple[InputWarning, ...]:
    """The warnings so far, handed to one Document and no other."""
    taken = tuple(warnings)
    warnings.clear()
    return taken


def _document(shown: str, root: Element, version: int, text: str, origin: tuple[int, int],
              segments: list, warnings: tuple[InputWarning, ...]) -> Document:
    files = list(root.descendants("file"))
    langs = _languages_1(files[0]) if version == 1 and files else _languages_2(root)
    return Document(path=shown, format=FORMAT, text=text, origin=origin, units=tuple(segments),
                    source_lang=langs[0], target_lang=langs[1], warnings=warnings)


def _head(path: Path, shown: str) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(200)
    except OSError as error:
        raise TqaError(f"cannot read: {error.strerror}", path=shown) from None


def _count_files(path: Path, shown: str, head: bytes) -> int:
    """How many ``<file>`` elements (up to two) a file holds, before its units are read: unit ids
    get their file's key when there are several. Counted in the bytes where "<" is one byte,
    else in the decoded text (UTF-16 and UTF-32)."""
    if not ascii_compatible(head):
        return len(_FILE_TAG.findall(decode_xml(shown, path.read_bytes())))
    found, tail = 0, b""
    with path.open("rb") as file:
        while found < 2 and (block := file.read(PIECE_BYTES)):
            window = tail + block
            found += sum(1 for m in _FILE_TAG_BYTES.finditer(window) if m.end() > len(tail))
            tail = window[-32:]
    return found


def _file_key(file: Element, version: int) -> str:
    return file.attrs.get("original", "") if version == 1 else file.attrs.get("id", "")


def _version(root: Element, path: str) -> int:
    declared = root.attrs.get("version", "")
    major = declared.split(".")[0] if declared else ""
    if not major:
        major = "2" if ":document:2." in root.namespace else "1" if ":document:1." in root.namespace else ""
    if major not in ("1", "2"):
        raise TqaError(f"unsupported XLIFF version {declared or root.namespace!r}", path=path)
    return int(major)


def _languages_1(file: Element) -> tuple[str | None, str | None]:
    return file.attrs.get("source-language"), file.attrs.get("target-language")


def _languages_2(root: Element) -> tuple[str | None, str | None]:
    return root.attrs.get("srcLang"), root.attrs.get("trgLang")


def _fields_1(unit: Element, file: Element) -> Iterator[dict]:
    """An XLIFF 1.2 trans-unit's segment fields (none when it is not to be translated)."""
    if unit.attrs.get("translate") == "no" or unit.attrs.get("restype") == _PO_HEADER:
        return
    source_lang, target_lang = _languages_1(file)
    source, target = unit.find("source"), unit.find("target")
    fields = _texts(source, target, {}, unit.offset)
    state = target.attrs.get("state") if target is not None else None
    if unit.attrs.get("approved") == "yes" and state not in _FINAL_STATES:
        state = "approved"
    fields.update(
        unit_id=unit.attrs.get("id") or unit.attrs.get("resname"),
        notes=tuple(n.text().strip() for n in unit.iter("note")),
        state=state,
        max_width=_max_width(unit),
        source_lang=source_lang,
        target_lang=target_lang,
    )
    yield fields


def _fields_2(unit: Element, root: Element) -> Iterator[dict]:
    """The fields of each segment of an XLIFF 2.x unit."""
    if unit.attrs.get("translate") == "no":
        return
    source_lang, target_lang = _languages_2(root)
    data = original_data(unit)
    notes_block = unit.find("notes")
    notes = tuple(n.text().strip() for n in notes_block.iter("note")) if notes_block is not None else ()
    segments = list(unit.iter("segment"))
    for number, segment in enumerate(segments, 1):
        unit_id = unit.attrs.get("id")
        if len(segments) > 1:
            unit_id = f"{unit_id}#{segment.attrs.get('id') or number}"
        fields = _texts(segment.find("source"), segment.find("target"), data, segment.offset)
        fields.update(unit_id=unit_id, notes=notes, state=segment.attrs.get("state"),
                      source_lang=source_lang, target_lang=target_lang)
        yield fields


def _texts(source: Element | None, target: Element | None, data: dict[str, str], start: int) -> dict:
    """Source and target texts with their codes, and where the target is (or would go: after the
    source, else at the unit's ``start``)."""
    source_text, source_codes = read_inline(source, data) if source is not None else (None, [])
    if target is not None:
        target_text, target_codes = read_inline(target, data)
        empty_at = target.inner
    else:
        target_text, target_codes = AnchoredText(), []
        empty_at = source.end if source is not None else start
    return {
        "source": source_text.raw()[0] if source_text is not None else None,
        "source_codes": tuple(source_codes),
        "target": target_text,
        "codes": target_codes,
        "empty_at": empty_at,
    }


def _max_width(unit: Element) -> int | None:
    """``maxwidth`` when counted in characters (the default unit is pixels, which tqa cannot measure)."""
    if unit.attrs.get("size-unit") != "char":
        return None
    try:
        return int(unit.attrs.get("maxwidth", ""))
    except ValueError:
        return None
