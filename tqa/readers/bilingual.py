"""What every bilingual reader shares: its input, and turning a unit into a Segment.

A bilingual reader gets a ``RawFile`` (bytes, both paths, the settings: TMX picks its language
pair and CSV its columns from them, JSON finds its source file from the path) and returns a
``Document`` whose ``units`` are segments already: ``text`` is the target, ``location`` points
at the target's text in the file, ``anchors`` map every character of it back to the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..models import Anchor, InlineCode, Role, Segment
from ..positions import LineIndex, locate
from .anchored import AnchoredText


@dataclass(frozen=True)
class RawFile:
    """One bilingual file as read from disk, with what its reader may need besides the bytes."""

    path: Path
    shown: str
    data: bytes
    settings: Settings


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def unit_segment(
    path: str,
    lines: LineIndex,
    seg_id: str,
    target: AnchoredText,
    empty_at: int,
    **fields,
) -> Segment:
    """A bilingual unit as a segment located at its target's text.

    An empty target (untranslated unit) sits at ``empty_at``, the offset where its reader says a
    target would go; it still gets a zero-width location there.
    """
    return decoded_unit_segment(path, lines, seg_id, *target.raw(), empty_at, **fields)


def decoded_unit_segment(
    path: str,
    lines: LineIndex,
    seg_id: str,
    text: str,
    anchors: tuple[Anchor, ...],
    empty_at: int,
    *,
    codes: list[InlineCode] | tuple[InlineCode, ...] = (),
    **fields,
) -> Segment:
    """``unit_segment`` for a target already decoded: its ``text`` and ``anchors``."""
    anchors = anchors or ((0, empty_at),)
    return Segment(
        id=seg_id,
        text=text,
        anchors=anchors,
        kind=fields.pop("kind", "unit"),
        role=Role.BODY,
        location=locate(path, lines, anchors, 0, len(text), seg_id),
        target_codes=tuple(codes),
        **fields,
    )


def language_tag(value: str | None) -> str | None:
    """``value`` when it looks like a language tag (``fr``, ``pt-BR``, ``zh_Hant``), else None."""
    return value if value and _LANGUAGE_TAG.fullmatch(value.strip()) else None
