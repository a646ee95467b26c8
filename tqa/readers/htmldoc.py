"""HTML: text blocks cut at block-level elements, with roles read from the DOM around them.

Runs on the stdlib parser with ``convert_charrefs=False`` so every text run and entity arrives
with its own position; entities are decoded here, with an anchor after each one.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from typing import NamedTuple

from ..directives import comment_ranges
from ..models import Block, Role, Suppression
from .anchored import AnchoredText, shift

FORMAT = "html"

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br button caption dd details dialog div dl dt fieldset"
    " figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr html label legend li main"
    " menu nav ol optgroup option p pre section select summary table tbody td textarea tfoot th"
    " thead title tr ul".split()
)
SKIP_TAGS = frozenset({"script", "style", "template", "noscript"})
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
INTERFACE_TAGS = frozenset(
    "nav header footer form label button aside select option optgroup textarea menu".split()
)
# Ids and classes of comment sections (WordPress: "comments", "respond", "comment-reply-title").
COMMENT_MARKERS = ("comment", "respond", "reply", "discussion")
TEXT_ATTRIBUTES = frozenset({"placeholder", "alt", "title", "aria-label"})
BUTTON_TYPES = frozenset({"submit", "button", "reset"})
KINDS = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "li": "list_item", "dt": "list_item", "dd": "list_item",
    "td": "table_cell", "th": "table_cell",
    "title": "title", "blockquote": "blockquote", "figcaption": "caption", "caption": "caption",
}
# Elements a new sibling of the same name closes (<li>a<li>b).
SELF_CLOSING_SIBLINGS = frozenset({"p", "li", "dt", "dd", "option", "tr", "td", "th"})

_WORD_SPLIT = re.compile(r"[\s_-]+")
# Whitespace runs, entities (a lone "&" too), and the text between them.
_PIECE = re.compile(
    r"[ \t\n\r\f]+|&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)|&|[^ \t\n\r\f&]+"
)
_TAG_NAME = re.compile(r"<[^\s/>]+")
_ATTRIBUTE = re.compile(
    r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)


def read_blocks(text: str, base: int = 0) -> list[Block]:
    """Blocks of an HTML text in document order; ``base`` is the text's offset in its file."""
    parser = _Parser(text)
    parser.feed(text)
    parser.close()
    parser.flush()
    blocks = sorted(parser.blocks, key=lambda b: b.anchors[0][1])
    return [shift(b, base) for b in blocks] if base else blocks


def read_suppressions(text: str) -> tuple[Suppression, ...]:
    """Ranges of ``<!-- tqa-disable … -->`` … ``<!-- tqa-enable … -->`` comments."""
    if "tqa-" not in text:
        return ()
    return comment_ranges(comments(text), len(text))


def comments(text: str, base: int = 0) -> list[tuple[int, str]]:
    """(file offset, body) of every comment, in order; comments in script or style are not."""
    parser = _Parser(text)
    parser.feed(text)
    parser.close()
    return [(offset + base, body) for offset, body in parser.comments]


def element_role(tag: str, attrs: list[tuple[str, str | None]]) -> Role | None:
    """What an element says its content is, by tag name and by id/class/itemprop/rel."""
    values = {name: (value or "").lower() for name, value in attrs}
    names = f"{values.get('id', '')} {values.get('class', '')}"
    words = set(_WORD_SPLIT.split(f"{names} {values.get('itemprop', '')} {values.get('rel', '')}"))
    if any(marker in names for marker in COMMENT_MARKERS):
        return Role.INTERFACE
    if tag in ("title", "h1"):
        return Role.TITLE
    if any("author" in w or "byline" in w for w in words):
        return Role.BYLINE
    if tag == "time" or words & {"date", "dateline", "published", "updated"}:
        return Role.DATELINE
    if words & {"tag", "tags"}:
        return Role.TAGS
    if tag in INTERFACE_TAGS:
        return Role.INTERFACE
    return None


class _Open(NamedTuple):
    """An open element, with the role and block kind its content inherits."""

    tag: str
    role: Role | None
    kind: str
    boundary: bool  # it started a block, so closing it ends one


class _Parser(HTMLParser):
    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """``<![`` with a keyword the stdlib does not know (``<![OCTYPE html>``) is a bogus comment
        up to the next ``>``, as browsers read it; Python 3.11's parser raised AssertionError."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text = text
        # HTMLParser counts lines by "\n" only, whatever the line endings.
        self.line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.stack: list[_Open] = []
        self.open_tags: Counter[str] = Counter()  # for stray end tags: no scan of a deep stack
        self.skipping = 0
        self.current = AnchoredText()
        self.blocks: list[Block] = []
        self.comments: list[tuple[int, str]] = []

    def here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if self.skipping or tag in SKIP_TAGS:
            self.skipping += tag in SKIP_TAGS
            return
        own_role = element_role(tag, attrs)
        # An inline element starts a block only when it changes the role (<time> in a body text).
        boundary = tag in BLOCK_TAGS or (own_role is not None and own_role != self.role())
        if boundary:
            self.flush()
        if tag in SELF_CLOSING_SIBLINGS and self.stack and self.stack[-1].tag == tag:
            self.close_from(len(self.stack) - 1)
        self.attribute_blocks(tag, attrs)
        if tag not in VOID_TAGS:
            kind = KINDS.get(tag, "paragraph") if tag in BLOCK_TAGS else self.kind()
            self.stack.append(_Open(tag, own_role or self.role(), kind, boundary))
            self.open_tags[tag] += 1

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and self.skipping:
            self.skipping -= 1
            return
        if self.skipping or not self.open_tags[tag]:
            return
        depth = len(self.stack) - 1
        while self.stack[depth].tag != tag:
            depth -= 1
        if any(element.boundary for element in self.stack[depth:]):
            self.flush()
        self.close_from(depth)

    def close_from(self, depth: int) -> None:
        for element in self.stack[depth:]:
            self.open_tags[element.tag] -= 1
        del self.stack[depth:]

    def handle_comment(self, data):
        self.comments.append((self.here(), data))

    def handle_data(self, data):
        self.add_text(data, self.here())

    def handle_entityref(self, name):
        self.add_reference("&" + name)

    def handle_charref(self, name):
        self.add_reference("&#" + name)

    def add_reference(self, raw: str) -> None:
        start = self.here()
        if self.text.startswith(";", start + len(raw)):
            raw += ";"
        self.add_text(raw, start)

    def add_text(self, raw: str, start: int) -> None:
        if not self.skipping:
            add_decoded(self.current, raw, start)

    def role(self) -> Role | None:
        """The role of the innermost element that has one."""
        return self.stack[-1].role if self.stack else None

    def kind(self) -> str:
        return self.stack[-1].kind if self.stack else "paragraph"

    def flush(self) -> None:
        """Close the current block, its role and kind taken from the elements around it."""
        block = self.current.to_block(self.kind(), self.role())
        if block is not None:
            self.blocks.append(block)
        self.current = AnchoredText()

    def attribute_blocks(self, tag: str, attrs) -> None:
        """Interface strings held in attributes (placeholder, alt, button values…), located at
        the value itself, found again in the raw start tag since the parser gives no positions."""
        raw = self.get_starttag_text() or ""
        start = self.here()
        is_button = tag == "input" and (dict(attrs).get("type") or "").lower() in BUTTON_TYPES
        name_end = _TAG_NAME.match(raw).end()
        for m in _ATTRIBUTE.finditer(raw, name_end):
            name = m.group(1).lower()
            group = next((g for g in (2, 3, 4) if m.group(g) is not None), None)
            if group is None or not (name in TEXT_ATTRIBUTES or (name == "value" and is_button)):
                continue
            value = AnchoredText()
            add_decoded(value, m.group(group), start + m.start(group))
            block = value.to_block("attribute", Role.INTERFACE)
            if block is not None:
                self.blocks.append(block)


def add_decoded(out: AnchoredText, raw: str, start: int) -> None:
    """Append raw HTML text: entities decoded, each whitespace run read as one space."""
    for m in _PIECE.finditer(raw):
        piece, at = m.group(), start + m.start()
        if piece[0] in " \t\n\r\f":
            if not out.ends_with_space():
                out.add(" ", at)
        elif piece[0] == "&":
            out.add(html.unescape(piece), at)
        else:
            out.add(piece, at)
