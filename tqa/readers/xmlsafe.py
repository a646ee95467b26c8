"""The one XML parser every XML reader uses: expat, hardened, building a small positioned tree.

Why expat: it streams, gives exact line and column (in characters, any encoding) for every event,
and has no 65,535-line limit (lxml's ``sourceline`` has one). Hardening:

- entity declarations are refused (``<!ENTITY``, general or parameter): that alone stops billion
  laughs and quadratic blowup, since no entity can be expanded;
- external entities and DTDs are never fetched (parameter-entity parsing off, external-entity
  handler refuses); a plain ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` is accepted and ignored;
- references to undeclared entities are errors, not silently skipped;
- size (bytes) and nesting depth are capped; XInclude is never processed (no XML reader here
  knows it).

The text is decoded by us (BOM, then the XML declaration) and fed to expat as UTF-8 with the
declaration overridden, so expat's lines and columns are code points of ``Document.text``.
"""

from __future__ import annotations

import re
import xml.parsers.expat as expat
from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import TqaError
from ..positions import LineIndex
from .encoding import decode_declared

MAX_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 256
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"

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
    for prefix, encoding in _UTF16_NO_BOM.items():
        if raw.startswith(prefix):
            return decode_declared(path, raw, encoding)
    declared = _DECLARATION.match(raw[:200])
    return decode_declared(path, raw, declared.group(1).decode("ascii") if declared else None)


def parse_file(path: str, raw: bytes, root_name: str, format_name: str) -> tuple[str, LineIndex, Element]:
    """Decode and parse a whole file whose root element must be ``root_name``."""
    text = decode_xml(path, raw)
    lines = LineIndex(text)
    root = parse(path, text, lines)
    if root.name != root_name:
        line, column = lines.position(root.offset)
        raise TqaError(f"not {format_name}: the root element is <{root.name}>", path, line, column)
    return text, lines, root


def parse(path: str, text: str, lines: LineIndex) -> Element:
    """The root element of ``text``; anything unsafe or not well-formed raises TqaError."""
    builder = _Builder(path, text, lines)
    try:
        builder.parser.Parse(text.encode("utf-8"), True)
    except expat.ExpatError as error:
        message = expat.ErrorString(error.code)
        raise TqaError(f"not well-formed XML: {message}", path=path, line=error.lineno,
                       column=error.offset + 1) from None
    assert builder.root is not None  # expat refuses a document without a root element
    return builder.root


class _Builder:
    """Expat callbacks that build the tree and refuse what is unsafe."""

    def __init__(self, path: str, text: str, lines: LineIndex):
        self.path = path
        self.text = text
        self.starts = lines.starts
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

    def here(self) -> int:
        return self.starts[self.parser.CurrentLineNumber - 1] + self.parser.CurrentColumnNumber

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

    def end(self, name: str) -> None:
        element = self.stack.pop()
        empty = self.opening is element
        at = self.event()
        if empty and self.text[at - 2:at] == "/>":  # <x/>: expat reports its end past the "/>"
            element.inner = element.end = at
        else:
            element.end = self.text.index(">", at) + 1

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
