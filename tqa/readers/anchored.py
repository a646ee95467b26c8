"""Block text assembled piece by piece from a file, keeping where every character came from."""

from __future__ import annotations

from ..models import Block, Role
from ..positions import slice_anchors


class AnchoredText:
    """A growing text plus the anchors that map it back to file offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._anchors: list[tuple[int, int]] = []
        self._next_offset: int | None = None
        self.length = 0

    def add(self, piece: str, offset: int) -> None:
        """Append ``piece`` found at file ``offset`` (a decoded entity: where its source starts).
        An anchor is added only where the mapping stops being consecutive."""
        if not piece:
            return
        if offset != self._next_offset:
            self._anchors.append((self.length, offset))
        self._parts.append(piece)
        self.length += len(piece)
        self._next_offset = offset + len(piece)

    def raw(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The text as collected, unstripped (bilingual targets keep their edge whitespace)."""
        return "".join(self._parts), tuple(self._anchors)

    def ends_with_space(self) -> bool:
        return not self._parts or self._parts[-1][-1:].isspace()

    def to_block(self, kind: str, role: Role | None = None) -> Block | None:
        """The stripped text as a Block, or None when nothing but whitespace was collected."""
        text = "".join(self._parts)
        stripped = text.strip()
        if not stripped:
            return None
        start = len(text) - len(text.lstrip())
        anchors = slice_anchors(self._anchors, start, start + len(stripped))
        return Block(text=stripped, anchors=anchors, kind=kind, role=role)


def shift(block: Block, base: int) -> Block:
    """The same block read from a fragment that starts at file offset ``base``."""
    anchors = tuple((index, offset + base) for index, offset in block.anchors)
    return block.model_copy(update={"anchors": anchors})
