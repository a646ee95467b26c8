"""Markdown (CommonMark + tables): the prose of headings, paragraphs, list items, cells and quotes.

Skipped: front matter, code (fenced, indented, inline), link and image targets, autolinks and bare
URLs. Image alt text becomes a block of its own (kind "alt"). HTML blocks go through the HTML
reader. Inline tokens carry no positions, so each piece of text is found again in the source,
moving forward only, and anchored where it is found.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..directives import comment_ranges
from ..models import Block, Role, Suppression
from . import htmldoc
from .anchored import AnchoredText

FORMAT = "markdown"

_FRONT_MATTER = re.compile(
    r"(---|\+\+\+)[ \t]*(?:\r\n|\r|\n).*?(?:\r\n|\r|\n)(?:\1|\.\.\.)[ \t]*(?=\r\n|\r|\n|$)", re.S
)
_BREAK = re.compile(r"\r\n|\r|\n")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>]+")
_URL_TRAILING = ".,;:!?)]»”\"'"


def read_blocks(text: str) -> list[Block]:
    """Blocks in document order; front matter is blanked first so offsets stay true."""
    source = _mask_front_matter(text)
    parser = _parser()
    line_starts = [0] + [m.end() for m in _BREAK.finditer(source)] + [len(source)]
    walker = _Walker(source)
    context: list[str] = []
    title_seen = False
    for token in parser.parse(source):
        if token.nesting == 1:
            context.append(token.tag if token.type == "heading_open" else token.type)
        elif token.nesting == -1:
            context.pop()
        elif token.type == "html_block":
            start, end = (line_starts[min(n, len(line_starts) - 1)] for n in token.map)
            walker.blocks += htmldoc.read_blocks(source[start:end], base=start)
        elif token.type == "inline":
            walker.cursor = max(walker.cursor, line_starts[token.map[0]])
            walker.limit = line_starts[min(token.map[1], len(line_starts) - 1)]
            kind, role = _kind_and_role(context, title_seen)
            title_seen = title_seen or role is Role.TITLE
            walker.inline(token.children or [], kind, role)
    return sorted(walker.blocks, key=lambda b: b.anchors[0][1])


def read_suppressions(text: str) -> tuple[Suppression, ...]:
    """Ranges of ``<!-- tqa-disable … -->`` comments: in HTML blocks or inline HTML, never in code."""
    if "tqa-" not in text:
        return ()
    source = _mask_front_matter(text)
    line_starts = [0] + [m.end() for m in _BREAK.finditer(source)] + [len(source)]
    found: list[tuple[int, str]] = []
    for token in _parser().parse(source):
        start, end = (line_starts[min(n, len(line_starts) - 1)] for n in token.map or (0, 0))
        if token.type == "html_block":
            found += htmldoc.comments(source[start:end], base=start)
        for child in token.children or []:
            if child.type == "html_inline" and child.content.startswith("<!--"):
                at = source.find(child.content, max(start, found[-1][0] + 1 if found else 0), end)
                if at >= 0:
                    found.append((at, child.content[4:].removesuffix("-->")))
    return comment_ranges(found, len(text))


def _mask_front_matter(text: str) -> str:
    """YAML (---) or TOML (+++) front matter at the top, replaced by spaces, breaks kept."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text
    blank = re.sub(r"[^\r\n]", " ", m.group())
    return blank + text[m.end():]


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable("table")
    # Keep escapes and entities as separate tokens: each carries its source form in .markup.
    return parser.disable("text_join")


def _kind_and_role(context: list[str], title_seen: bool) -> tuple[str, Role | None]:
    parent = context[-1] if context else ""
    if parent.startswith("h") and parent[1:].isdigit():
        return "heading", Role.TITLE if parent == "h1" and not title_seen else None
    if parent in ("th_open", "td_open"):
        return "table_cell", None
    if "list_item_open" in context:
        return "list_item", None
    if "blockquote_open" in context:
        return "blockquote", None
    return "paragraph", None


class _Walker:
    """Finds inline tokens' text in the source, in order, and builds blocks from it."""

    def __init__(self, source: str):
        self.source = source
        self.cursor = 0
        self.limit = len(source)  # end of the current block's lines: no search goes past it
        self.blocks: list[Block] = []
        # Just skipped code, a URL or an image: a space on both sides of it would double.
        self.gap = False

    def find(self, needle: str) -> int:
        """Offset of ``needle`` at or after the cursor (the cursor when it cannot be found)."""
        at = self.source.find(needle, self.cursor, self.limit)
        return self.cursor if at < 0 else at

    def inline(self, tokens: list[Token], kind: str, role: Role | None) -> None:
        out = AnchoredText()
        self.children(tokens, out)
        self.emit(out, kind, role)

    def emit(self, out: AnchoredText, kind: str, role: Role | None) -> None:
        block = out.to_block(kind, role)
        if block is not None:
            self.blocks.append(block)

    def children(self, tokens: list[Token], out: AnchoredText) -> None:
        skipping = False  # inside an autolink: its text is a URL
        for token in tokens:
            if token.type == "link_open" and token.markup == "autolink":
                skipping = True
            elif token.type == "link_close" and skipping:
                skipping = False
                self.cursor = self.find(">") + 1
                self.gap = True
            elif token.type == "link_close":
                self.skip_target()
            elif token.type in ("text", "text_special"):
                self.text(token, out, skipping)
            elif token.type in ("softbreak", "hardbreak"):
                self.line_break(out)
            elif token.type == "code_inline":
                self.skip_code(token.markup)
            elif token.type == "html_inline":
                self.cursor = self.find(token.content) + len(token.content)
                self.gap = True
            elif token.type == "image":
                self.image(token)

    def text(self, token: Token, out: AnchoredText, skipping: bool) -> None:
        source_form = token.markup if token.type == "text_special" else token.content
        at = self.find(source_form)
        self.cursor = at + len(source_form)
        if skipping:
            return
        if token.type == "text_special":
            # An escape maps to the character after its backslash, an entity to its "&".
            escaped = token.info == "escape"
            out.add(token.content, at + len(source_form) - len(token.content) if escaped else at)
        else:
            content = token.content
            if self.gap and out.ends_with_space():
                content = content.lstrip(" ")
            add_without_urls(out, content, at + len(token.content) - len(content))
        self.gap = False

    def line_break(self, out: AnchoredText) -> None:
        m = _BREAK.search(self.source, self.cursor, self.limit)
        if m:
            out.add(m.group(), m.start())
            self.cursor = m.end()

    def skip_code(self, fence: str) -> None:
        opening = self.find(fence) + len(fence)
        closing = re.compile(f"(?<!`){fence}(?!`)").search(self.source, opening, self.limit)
        self.cursor = closing.end() if closing else opening
        self.gap = True

    def skip_target(self) -> None:
        """Step over ``](destination "title")`` or ``][label]`` after a link's text."""
        at = self.find("]") + 1
        rest = self.source[at:at + 1]
        if rest == "[":
            at = self.source.find("]", at, self.limit) + 1 or at
        elif rest == "(":
            at = _past_parentheses(self.source, at, self.limit)
        self.cursor = at

    def image(self, token: Token) -> None:
        """Alt text as its own block; the image's place in the paragraph is dropped."""
        self.cursor = self.find("![") + 2
        alt = AnchoredText()
        self.children(token.children or [], alt)
        self.emit(alt, "alt", None)
        self.skip_target()
        self.gap = True


def _past_parentheses(text: str, start: int, limit: int) -> int:
    """Index just past the parenthesis that closes the one at ``start``."""
    depth = 0
    for i in range(start, limit):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    return limit


def add_without_urls(out: AnchoredText, text: str, at: int) -> None:
    """Append text with bare URLs left out ("see URL for" -> "see for")."""
    position = 0
    for m in _URL.finditer(text):
        out.add(text[position:m.start()], at + position)
        position = m.start() + len(m.group().rstrip(_URL_TRAILING))
        if out.ends_with_space():
            while text[position:position + 1] == " ":
                position += 1
    out.add(text[position:], at + position)
