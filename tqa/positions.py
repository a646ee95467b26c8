"""Turn code-point offsets into 1-based lines and columns, and text indices into file offsets."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import accumulate

from .models import Anchor, Location

# Unicode's mandatory breaks (UAX #14 BK, CR, LF, NL): \r\n is one break; a lone \r (old Mac),
# NEL (U+0085, EBCDIC exports), LINE and PARAGRAPH SEPARATOR (U+2028/9) are one each. Readers
# that split lines use LINE_BREAK_CHARS, so every line number in a report counts the same way.
LINE_BREAK_CHARS = "\r\n\x85\u2028\u2029"
_LINE_BREAK = re.compile(rf"\r\n|[{LINE_BREAK_CHARS}]")
# str.splitlines breaks at these too; a text without them splits the way LINE_BREAK_CHARS do.
_SPLITLINES_ONLY = re.compile("[\v\f\x1c\x1d\x1e]")


class LineIndex:
    """Start offset of every line of a text, for offset -> (line, column) in O(log n)."""

    def __init__(self, text: str, origin: tuple[int, int] = (0, 0)):
        """``origin``: the file offset where ``text`` starts (at a line start) and the line breaks
        before it, for a piece of a file read in pieces; offsets stay the whole file's."""
        base, self.first_line = origin
        self.starts = _line_starts(text, base)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + line + 1, offset - self.starts[line] + 1


def _line_starts(text: str, base: int) -> list[int]:
    if _SPLITLINES_ONLY.search(text) is not None:
        return [base] + [m.end() + base for m in _LINE_BREAK.finditer(text)]
    # NOTE: the common case, in C: a quarter of the time of the regex above (built once per part
    # by the reader and once by the worker, over the whole text).
    starts = list(accumulate(map(len, text.splitlines(True)), initial=base))
    if text and text[-1] not in LINE_BREAK_CHARS:
        starts.pop()  # the end of a last line that has no break is no line start
    return starts


def count_breaks(text: str) -> int:
    """Line breaks in ``text`` as LineIndex counts them."""
    return (text.count("\n") + text.count("\r") - text.count("\r\n") + text.count("\x85")
            + text.count("\u2028") + text.count("\u2029"))


def file_offset(anchors: Sequence[Anchor], index: int) -> int:
    """File offset of the character at ``index`` of a text described by ``anchors``."""
    i = max(bisect.bisect_right(anchors, index, key=_text_index) - 1, 0)
    text_at, file_at = anchors[i]
    return file_at + (index - text_at)


def slice_anchors(anchors: Sequence[Anchor], start: int, end: int) -> tuple[Anchor, ...]:
    """Anchors of ``text[start:end]``, re-based so index 0 is ``start``."""
    result = [(0, file_offset(anchors, start))]
    # Bisect, not a scan: a long block has one anchor per dropped markup and many sentences.
    first = bisect.bisect_right(anchors, start, key=_text_index)
    last = bisect.bisect_left(anchors, end, key=_text_index)
    result += [(t - start, f) for t, f in anchors[first:last]]
    return tuple(result)


def _text_index(anchor: Anchor) -> int:
    return anchor[0]


def locate(
    path: str, index: LineIndex, anchors: Sequence[Anchor], start: int, end: int, segment_id: str
) -> Location:
    """Location of ``text[start:end]`` (end exclusive) in the file."""
    begin = file_offset(anchors, start)
    # The end is one past the last character: map the last character, then step over it.
    finish = file_offset(anchors, end - 1) + 1 if end > start else begin
    line, column = index.position(begin)
    end_line, end_column = index.position(finish)
    # Validated (cheaper than model_construct, pure Python in pydantic 2), sharing one field-name set.
    return Location.lean(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        offset=begin,
        end_offset=finish,
        segment_id=segment_id,
    )
