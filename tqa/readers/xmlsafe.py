"""The one XML parser every XML reader uses: expat, hardened, building a small positioned tree.

Why expat: it streams, gives exact line and column (in characters, any encoding) for every event,
and has no 65,535-line limit (lxml's ``sourceline`` has one). Hardening:

- entity declarations are refused (``<!ENTITY``, general or parameter): that alone stops billion
  laughs and quadratic blowup, since no entity can be expanded;
- external entities and DTDs are never fetched (parameter-entity parsing off, external-entity
  handler refuses); a plain ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` is accepted and ignored;
- references to undeclared entities are errors, not silently skipped;
- size (bytes) and nesting depth are capped; XInclude is never processed: an ``xi:include``
  becomes a warning naming the file and place, and the file is read without it.

The text is decoded by us (BOM, then the XML declaration) and fed to expat as UTF-8 with the
declaration overridden, so expat's lines and columns are code points of ``Document.text``.
"""

from __future__ import annotations

import bisect
import re
import xml.parsers.expat as expat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import TqaError
from ..models import InputWarning
from ..positions import LineIndex
from .encoding import decode_declared
from .pieces import Piece

MAX_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 256
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
XINCLUDE_NAMESPACES = frozenset({"http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude"})

_DECLARATION = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UTF16_NO_BOM = {b"<\x00?\x00": "utf-16-le", b"\x00<\x00?": "utf-16-be"}


class Text(NamedTuple):
    """A run of character data and the file offset of its first character (an entity reference
    or a CRLF arrives as its own run, so the next run's offset tells what it stood for)."""

    text: str
    offset: int


@dataclass(eq=False)
class Element:
    """An element: local name, namespace, attributes by local name (``xml:lang`` kept as such),
    and offsets of its start tag, its content and the end of its end tag."""

    name: str
    namespace: str
    attrs: dict[str, str]
    offset: int
    children: list[Element | Text] = field(default_factory=list)
    inner: int = -1
    end: int = -1
    ancestors: list[Element] = field(default_factory=list)  # set on elements handed out one by one

    def find(self, name: str) -> Element | None:
        """The first child element called ``name``."""
        return next(self.iter(name), None)

    def iter(self, name: str):
        """Child elements called ``name``, in order."""
        return (c for c in self.children if isinstance(c, Element) and c.name == name)

    def descendants(self, name: str):
        """Elements called ``name`` below this one, in document order, not looking inside them."""
        for child in self.children:
            if isinstance(child, Element):
                if child.name == name:
                    yield child
                else:
                    yield from child.descendants(name)

    def text(self) -> str:
        """All character data inside, markup dropped."""
        return "".join(c.text if isinstance(c, Text) else c.text() for c in self.children)


def decode_xml(path: str, raw: bytes) -> str:
    """The document's text: BOM, else the XML declaration's encoding, else UTF-8."""
    if len(raw) > MAX_BYTES:
        raise TqaError(f"file too large for an XML reader (over {MAX_BYTES // 2**20} MiB)", path=path)
    return decode_declared(path, raw, xml_declared(raw[:200]))


def parse_file(path: str, raw: bytes, root_name: str, format_name: str,
               warnings: list[InputWarning] | None = None) -> tuple[str, LineIndex, Element]:
    """Decode and parse a whole file whose root element must be ``root_name``."""
    text = decode_xml(path, raw)
    lines = LineIndex(text)
    root = parse(path, text, lines, warnings)
    if root.name != root_name:
        line, column = lines.position(root.offset)
        raise TqaError(f"not {format_name}: the root element is <{root.name}>", path, line, column)
    return text, lines, root


def parse(path: str, text: str, lines: LineIndex, warnings: list[InputWarning] | None = None) -> Element:
    """The root element of ``text``; anything unsafe or not well-formed raises TqaError, what is
    read past (XInclude) is added to ``warnings``."""
    builder = _Builder(path, text, lines, warnings=warnings)
    builder.feed(text, True)
    assert builder.root is not None  # expat refuses a document without a root element
    return builder.root


def xml_declared(head: bytes) -> str | None:
    """The encoding the start of an XML file says it is in (UTF-16 without a BOM by its first
    bytes, else the XML declaration), None when it says nothing."""
    for prefix, encoding in _UTF16_NO_BOM.items():
        if head.startswith(prefix):
            return encoding
    declared = _DECLARATION.match(head[:200])
    return declared.group(1).decode("ascii") if declared else None


def parse_pieces(path: str, pieces: Iterable[Piece], cut: frozenset[str], root_name: str,
                 format_name: str, warnings: list[InputWarning] | None = None) -> Iterator[Batch]:
    """The elements called one of ``cut`` (XLIFF units) that each piece of text completes, with
    the text around them; for files too big to hold as a tree. A batch per piece, then a last
    one (maybe empty) at the end of the file.

    The tree keeps only the open elements: a cut element leaves its parent once handed out,
    and its parent forgets its other children too (readers look at the ancestors' attributes
    only). A cut element's ``ancestors`` are set to the open elements above it, root first.
    """
    builder = _Builder(path, "", LineIndex(""), cut, warnings)
    for piece in pieces:
        builder.feed(piece.text, False)
        if builder.root is not None and builder.root.name != root_name:
            start, line = builder.line_start(builder.root.offset)
            raise TqaError(f"not {format_name}: the root element is <{builder.root.name}>", path, line + 1,
                           builder.root.offset - start + 1)
        yield builder.hand_out()
    builder.feed("", True)
    yield builder.hand_out()


class Batch(NamedTuple):
    """Elements handed out together, the file's text from the line where the first one starts
    to the end of the last one (``origin``: offset and line of that text), and the root."""

    elements: list[Element]
    text: str
    origin: tuple[int, int]
    root: Element | None


class _Builder:
    """Expat callbacks that build the tree and refuse what is unsafe.

    Text is fed piece by piece; the builder keeps the text and line starts it may still need
    (from the line of the oldest element not yet handed out, or of the last event), so memory
    is bounded by the biggest unit, not the file.
    """

    def __init__(self, path: str, text: str, lines: LineIndex, cut: frozenset[str] = frozenset(),
                 warnings: list[InputWarning] | None = None):
        self.path = path
        self.text = text
        self.base = lines.starts[0]  # file offset of text[0], a line start
        self.starts = lines.starts  # line starts from there on
        self.first_line = lines.first_line  # 0-based number of the line at starts[0]
        self.cut = cut
        self.warnings = [] if warnings is None else warnings
        self.done: list[Element] = []
        self.open_cut: Element | None = None
        self.last = self.base
        self.stack: list[Element] = []
        self.root: Element | None = None
        # The element whose content starts at the next event (its start tag just ended).
        self.opening: Element | None = None
        parser = expat.ParserCreate("utf-8", " ")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.data
        parser.CommentHandler = parser.ProcessingInstructionHandler = self.other
        parser.EntityDeclHandler = self.entity_declaration
        parser.ExternalEntityRefHandler = self.external_entity
        parser.SkippedEntityHandler = self.skipped_entity
        self.parser = parser

    def feed(self, text: str, final: bool) -> None:
        if text is not self.text:
            at = self.base + len(self.text)
            self.text += text
            self.starts += LineIndex(text, (at, 0)).starts[1:]
        try:
            self.parser.Parse(text.encode("utf-8"), final)
        except expat.ExpatError as error:
            message = expat.ErrorString(error.code)
            raise TqaError(f"not well-formed XML: {message}", path=self.path, line=error.lineno,
                           column=error.offset + 1) from None

    def hand_out(self) -> Batch:
        """The cut elements ended so far, then forget the text before what is still open."""
        batch = Batch([], "", (self.base, self.first_line), self.root)
        if self.done:
            start, line = self.line_start(self.done[0].offset)
            batch = Batch(self.done, self.text[start - self.base:self.done[-1].end - self.base], (start, line),
                          self.root)
            self.done = []
        keep, line = self.line_start(self.open_cut.offset if self.open_cut is not None else self.last)
        self.text = self.text[keep - self.base:]
        self.starts = self.starts[line - self.first_line:]
        self.base, self.first_line = keep, line
        return batch

    def line_start(self, offset: int) -> tuple[int, int]:
        """The start of the line holding ``offset`` and that line's 0-based number."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.starts[index], self.first_line + index

    def here(self) -> int:
        self.last = self.starts[self.parser.CurrentLineNumber - 1 - self.first_line] + self.parser.CurrentColumnNumber
        return self.last

    def refuse(self, message: str):
        raise TqaError(message, path=self.path, line=self.parser.CurrentLineNumber,
                       column=self.parser.CurrentColumnNumber + 1)

    def event(self) -> int:
        at = self.here()
        if self.opening is not None:
            self.opening.inner = at
            self.opening = None
        return at

    def start(self, name: str, attrs: dict[str, str]) -> None:
        at = self.event()
        if len(self.stack) >= MAX_DEPTH:
            self.refuse(f"elements nested deeper than {MAX_DEPTH}")
        namespace, _, local = name.rpartition(" ")
        element = Element(local, namespace, {_attribute_name(k): v for k, v in attrs.items()}, at)
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)
        self.opening = element
        if local == "include" and namespace in XINCLUDE_NAMESPACES:
            self.read_past_xinclude(element)
        if local in self.cut and self.open_cut is None:
            self.open_cut = element

    def read_past_xinclude(self, element: Element) -> None:
        href = element.attrs.get("href", "")
        message = f'XInclude <xi:include href="{href}"> not processed: tqa never fetches or includes anything'
        self.warnings.append(InputWarning(path=self.path, message=message, line=self.parser.CurrentLineNumber,
                                          column=self.parser.CurrentColumnNumber + 1))

    def end(self, name: str) -> None:
        element = self.stack.pop()
        empty = self.opening is element
        at = self.event()
        here = at - self.base
        if empty and self.text[here - 2:here] == "/>":  # <x/>: expat reports its end past the "/>"
            element.inner = element.end = at
        else:
            element.end = self.text.index(">", here) + 1 + self.base
        if element is self.open_cut:
            element.ancestors = list(self.stack)
            self.done.append(element)
            if self.stack:
                self.stack[-1].children.clear()
            self.open_cut = None

    def data(self, data: str) -> None:
        if self.stack:
            self.stack[-1].children.append(Text(data, self.event()))

    def other(self, *_) -> None:
        self.event()

    def entity_declaration(self, name, is_parameter, *_) -> None:
        kind = "parameter entity" if is_parameter else "entity"
        self.refuse(f"{kind} declarations are not allowed ({name!r}): tqa never expands entities")

    def external_entity(self, context, base, system_id, public_id) -> int:
        self.refuse(f"external entity {system_id!r} refused: tqa never fetches anything")
        return 0

    def skipped_entity(self, name: str, is_parameter: bool) -> None:
        self.refuse(f"undefined entity &{name};")


def _attribute_name(name: str) -> str:
    namespace, _, local = name.rpartition(" ")
    return f"xml:{local}" if namespace == XML_NAMESPACE else local
