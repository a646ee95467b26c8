"""Blocks -> segments: one per sentence (or per title, tags, byline, dateline line), with a role.

Roles come from the reader when the markup said (HTML DOM, Markdown's first heading), otherwise
from the line heuristics in ``roles``; sentence boundaries from ``sentences``.
Segment ids are ``p{block}.s{sentence}``, both 1-based, stable for a given file.
"""

from __future__ import annotations

from collections.abc import Collection

from .models import Document, Paragraph, Role, Segment
from .positions import LineIndex, locate, slice_anchors
from .roles import Unit, assign_roles
from .sentences import split_sentences, strip_span

# Head roles are one line each, kept whole: a title with a "?" inside is still one title.
SPLIT_ROLES = frozenset({Role.BODY, Role.INTERFACE})


def segment_document(doc: Document) -> list[Segment]:
    """Every segment of the document, in document order; bilingual units are segments already."""
    if doc.units:
        return list(doc.units)
    index = LineIndex(doc.text)
    counts: dict[int, int] = {}
    segments = []
    for unit in assign_roles(doc.blocks):
        for start, end in _spans(doc.blocks[unit.block].text, unit):
            counts[unit.block] = counts.get(unit.block, 0) + 1
            seg_id = f"p{unit.block + 1}.s{counts[unit.block]}"
            segments.append(_segment(doc, index, unit, start, end, seg_id))
    return segments


def paragraphs_around(doc: Document, segments: list[Segment], flagged: Collection[str]) -> list[Paragraph]:
    """Every sentence of the paragraphs holding a flagged segment, so reports can show its context.

    Bilingual units have no paragraphs: their context is their source.
    """
    if doc.units:
        return []
    wanted = {_block_of(segment_id) for segment_id in flagged}
    groups: dict[str, list[tuple[str, str]]] = {}
    for segment in segments:
        if (block := _block_of(segment.id)) in wanted:
            groups.setdefault(block, []).append((segment.id, segment.text))
    return [Paragraph(path=doc.path, segments=tuple(group)) for group in groups.values()]


def _block_of(segment_id: str) -> str:
    """'p3' for 'p3.s2': the block part of the ids made above."""
    return segment_id.partition(".")[0]


def _spans(text: str, unit: Unit) -> list[tuple[int, int]]:
    """Spans of the unit's sentences, as indices into the whole block text."""
    part = text[unit.start:unit.end]
    spans = split_sentences(part) if unit.role in SPLIT_ROLES else [strip_span(part, 0, len(part))]
    return [(unit.start + a, unit.start + b) for a, b in spans if a < b]


def _segment(doc: Document, index: LineIndex, unit: Unit, start: int, end: int, seg_id: str):
    block = doc.blocks[unit.block]
    anchors = slice_anchors(block.anchors, start, end)
    return Segment(
        id=seg_id,
        text=block.text[start:end],
        anchors=anchors,
        kind=block.kind,
        role=unit.role,
        location=locate(doc.path, index, anchors, 0, end - start, seg_id),
    )
