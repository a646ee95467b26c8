"""Plain text: one block per paragraph, paragraphs separated by blank lines.

Line breaks inside a paragraph are kept as they are (CRLF, LF, CR, NEL, U+2028/9): the segmenter reads them as
whitespace inside a sentence, and as line boundaries when it looks for a title, tags, a byline or
an interface string, which in plain text are told apart only by their lines.
"""

from __future__ import annotations

import re

from ..models import Block
from ..positions import LINE_BREAK_CHARS

FORMAT = "plaintext"

_LINE = re.compile(rf"[^{LINE_BREAK_CHARS}]*(?:\r\n|[{LINE_BREAK_CHARS}]|$)")


def read_blocks(text: str) -> list[Block]:
    """Paragraph blocks, each one run of file text, so a single anchor maps it."""
    blocks: list[Block] = []
    start = end = None
    for m in _LINE.finditer(text):
        line = m.group().rstrip(LINE_BREAK_CHARS)
        if line.strip():
            start = m.start() if start is None else start
            end = m.start() + len(line)
        elif start is not None:
            blocks.append(_paragraph(text, start, end))
            start = None
        if m.end() == len(text):
            break
    if start is not None:
        blocks.append(_paragraph(text, start, end))
    return blocks


def _paragraph(text: str, start: int, end: int) -> Block:
    return Block(text=text[start:end], anchors=((0, start),), kind="paragraph")
