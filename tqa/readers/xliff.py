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

from collections.abc import Iterator

from ..errors import TqaError
from ..models import Document
from .anchored import AnchoredText
from .bilingual import RawFile, unit_segment
from .inline import original_data, read_inline
from .xmlsafe import Element, parse_file

FORMAT = "xliff"

_FINAL_STATES = frozenset({"final", "signed-off"})
_PO_HEADER = "x-gettext-domain-header"


def read(raw: RawFile) -> Document:
    """Every unit of an XLIFF file, with its target located in the file."""
    text, lines, root = parse_file(raw.shown, raw.data, "xliff", "XLIFF")
    version = _version(root, raw.shown)
    files = list(root.descendants("file"))
    units = [
        fields
        for file in files
        for fields in (_units_1(file) if version == 1 else _units_2(root, file))
    ]
    if len(files) > 1:
        for fields, file in units:
            fields["unit_id"] = f"{file}/{fields['unit_id']}"
    segments = tuple(
        unit_segment(raw.shown, lines, f"u{n}", **fields) for n, (fields, _) in enumerate(units, 1)
    )
    langs = _languages_1(files[0]) if version == 1 and files else _languages_2(root)
    return Document(path=raw.shown, format=FORMAT, text=text, units=segments,
                    source_lang=langs[0], target_lang=langs[1])


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


def _units_1(file: Element) -> Iterator[tuple[dict, str]]:
    """XLIFF 1.2 trans-units, in groups at any depth."""
    key = file.attrs.get("original", "")
    source_lang, target_lang = _languages_1(file)
    for unit in file.descendants("trans-unit"):
        if unit.attrs.get("translate") == "no" or unit.attrs.get("restype") == _PO_HEADER:
            continue
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
        yield fields, key


def _units_2(root: Element, file: Element) -> Iterator[tuple[dict, str]]:
    """XLIFF 2.x segments of units, in groups at any depth."""
    key = file.attrs.get("id", "")
    source_lang, target_lang = _languages_2(root)
    for unit in file.descendants("unit"):
        if unit.attrs.get("translate") == "no":
            continue
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
            yield fields, key


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
