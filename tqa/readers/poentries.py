"""PO text -> entries: a fast path for plain entries, the careful line parser for everything else.

The careful parser reads line by line and is the one source of truth: every syntax error and its
place come from it. The fast path matches a whole well-formed entry with one regex (comments but
no ``#~``, the keywords in their usual order, strings whose escapes are all letters, then a blank
line or the end) and fills the parser's state for it, which the same ``finish`` then checks and
decodes; whatever it does not recognise is read by the careful parser up to the next blank line.
``fuzz/fuzz_po.py`` checks on every input that the two read the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import TqaError
from ..models import Anchor
from .anchored import AnchoredText

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]*(?=\")")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f",
            "v": "\v", "?": "?", "'": "'"}
_LETTERS = re.escape("".join(_ESCAPES))
_ESCAPE = re.compile(rf"\\([{_LETTERS}]|[0-7]{{1,3}}|x[0-9A-Fa-f]+)")
_QUOTE_OR_ESCAPE = re.compile(r'["\\]')

# The fast path. A string's text may hold letter escapes only: numeric ones go to the careful
# parser, which checks that they make a character. Continuation lines are matched loosely here
# (checked one by one in _Parser.fast_strings): that keeps the entry regex cheap.
_TEXT = rf'[^"\\\r\n]*(?:\\[{_LETTERS}][^"\\\r\n]*)*'
_EOL = r"[ \t]*(?:\r?\n|\Z)"
_MORE = r'(?:[ \t]*"[^\r\n]*\r?\n)*'


def _keyword(word: str, name: str) -> str:
    return rf'[ \t]*{word}[ \t]*"(?P<{name}>{_TEXT})"{_EOL}(?P<{name}_more>{_MORE})'


_FAST_ENTRY = re.compile(
    r"(?m)^(?P<comments>(?:[ \t]*#(?!~)[^\r\n]*\r?\n)*)"
    rf"(?:{_keyword('msgctxt', 'msgctxt')})?{_keyword('msgid', 'msgid')}"
    rf'(?:{_keyword("msgid_plural", "msgid_plural")}(?P<forms>(?:[ \t]*msgstr\[[0-9]+\][ \t]*"[^\r\n]*\r?\n{_MORE})+)'
    rf"|{_keyword('msgstr', 'msgstr')})"
    rf"(?:{_EOL})+"  # a blank line, or the end
)
_FAST_KEYS = ("msgctxt", "msgid", "msgid_plural", "msgstr")
_FAST_COMMENT = re.compile(r"(?m)^[ \t]*(#[^\r\n]*)")
_FAST_STRING = re.compile(rf'(?m)^[ \t]*(?:(msgstr\[[0-9]+\])[ \t]*)?"({_TEXT})"{_EOL}')

Literal = tuple[str, int, int, int]
"""A string's text inside its quotes: the line, the text's start and end in it, the line's file offset."""


class Value(NamedTuple):
    """A keyword's decoded text and anchors, and where its first string's text starts (where an
    empty msgstr sits)."""

    text: str
    anchors: tuple[Anchor, ...]
    inside: int


@dataclass(slots=True)
class Entry:
    line: int = 0
    obsolete: bool = False
    flags: list[str] = field(default_factory=list)
    translator: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    strings: dict[str, Value] = field(default_factory=dict)


def entries(path: str, text: str, offset: int = 0, line: int = 0, fast: bool = True) -> list[Entry]:
    """The entries of ``text`` (obsolete ones dropped); ``offset`` and ``line``: where it starts in
    the file, for a piece of a big one. ``fast=False`` reads every line carefully: what the fast
    path must agree with."""
    parser = _Parser(path, text, offset)
    at, number = 0, line + 1
    while at < len(text):
        found = _FAST_ENTRY.match(text, at) if fast else None
        if found is not None and parser.fast_entry(found, number):
            number += text.count("\n", at, found.end())
            at = found.end()
        else:
            at, number = parser.careful(at, number)
    parser.finish()
    return parser.done


def _key(keyword: str) -> str:
    """``msgstr[01]`` is ``msgstr[1]``: plural forms are told apart by their number."""
    return f"msgstr[{int(keyword[7:-1])}]" if keyword.startswith("msgstr[") else keyword


def _has_msgstr(keys) -> bool:
    return "msgstr" in keys or any(key.startswith("msgstr[") for key in keys)


def _note_comment(entry: Entry, body: str) -> None:
    """What a ``#`` line says about its entry (references ``#:`` and ``#|`` are not kept)."""
    if body.startswith("#~"):
        entry.obsolete = True
    elif body.startswith("#,"):
        entry.flags += [f.strip() for f in body[2:].split(",") if f.strip()]
    elif body.startswith("#."):
        entry.extracted.append(body[2:].strip())
    elif not body.startswith(("#:", "#|")):
        entry.translator.append(body[1:].removeprefix(" "))


def _value(literals: list[Literal], inside: int) -> Value:
    """A keyword's strings decoded (their escapes known good), anchored at each run and escape."""
    if len(literals) == 1:
        content, run, end, start = literals[0]
        if content.find("\\", run, end) == -1:  # one string without escapes (most): one run
            return Value(content[run:end], ((0, start + run),) if end > run else (), inside)
    out = AnchoredText()
    for content, run, end, start in literals:
        for escape in _ESCAPE.finditer(content, run, end):
            out.add(content[run:escape.start()], start + run)
            out.add(_unescape(escape.group(1)), start + escape.start())
            run = escape.end()
        out.add(content[run:end], start + run)
    return Value(*out.raw(), inside)


def _unescape(sequence: str) -> str | None:
    """The character an escape (without its backslash) stands for; None when it is no character."""
    if sequence in _ESCAPES:
        return _ESCAPES[sequence]
    code = int(sequence[1:], 16) if sequence[0] == "x" else int(sequence, 8)
    return chr(code) if code < 0x110000 and not 0xD800 <= code < 0xE000 else None


class _Parser:
    """Lines -> entries; every syntax error names its line and column."""

    def __init__(self, path: str, text: str, offset: int):
        self.path = path
        self.text = text
        self.offset = offset
        self.done: list[Entry] = []
        self.entry = Entry()
        # The entry's strings so far: where each keyword's text starts, and its literals.
        self.strings: dict[str, tuple[int, list[Literal]]] = {}
        self.current: list[Literal] | None = None

    def fast_entry(self, found: re.Match, number: int) -> bool:
        """Take the entry ``_FAST_ENTRY`` matched; False (nothing taken) when a continuation line
        is not a plain string or a plural form comes twice: the careful parser reads it then."""
        strings: dict[str, tuple[int, list[Literal]]] = {}
        for key in _FAST_KEYS:
            start = found.start(key)
            if start == -1:
                continue
            literals = [(self.text, start, found.end(key), self.offset)]
            strings[key] = (self.offset + start, literals)
            more_start, more_end = found.span(f"{key}_more")
            if more_start != more_end and not self.fast_strings(strings, more_start, more_end, literals):
                return False
        forms_start, forms_end = found.span("forms")
        if forms_start != -1 and not self.fast_strings(strings, forms_start, forms_end, None):
            return False
        comments_start, comments_end = found.span("comments")
        for comment in _FAST_COMMENT.finditer(self.text, comments_start, comments_end):
            _note_comment(self.entry, comment.group(1))
        self.entry.line = number + self.text.count("\n", comments_start, comments_end)
        self.strings = strings
        self.finish()
        return True

    def fast_strings(self, strings: dict[str, tuple[int, list[Literal]]], start: int, end: int,
                     literals: list[Literal] | None) -> bool:
        """Add the string lines from ``start`` to ``end`` to ``literals``, or to the plural form each
        ``msgstr[n]`` starts; False when a line is not a plain string or a form comes twice."""
        for line in _FAST_STRING.finditer(self.text, start, end):
            if line.start() != start:
                return False
            if line.group(1):
                key = _key(line.group(1))
                if key in strings:
                    return False
                literals = []
                strings[key] = (self.offset + line.start(2), literals)
            literals.append((self.text, line.start(2), line.end(2), self.offset))
            start = line.end()
        return start == end

    def careful(self, at: int, number: int) -> tuple[int, int]:
        """Read lines from ``at`` up to a blank line after which nothing is pending (or the end):
        where to go on, and that line's number."""
        for found in _LINE.finditer(self.text, at):
            if found.start() == len(self.text) and not found.group():
                break
            self.line(number, found.group(1), found.start() + self.offset)
            number += 1
            if not found.group(1).strip(" \t") and not self.strings and self.entry == Entry():
                return found.end(), number
        return len(self.text), number

    def error(self, message: str, line: int, column: int):
        raise TqaError(message, path=self.path, line=line, column=column)

    def line(self, number: int, content: str, start: int) -> None:
        body = content.lstrip(" \t")
        indent = len(content) - len(body)
        if not body:
            if self.strings or self.entry.obsolete:
                self.finish()
            self.current = None
        elif body.startswith("#"):
            if self.strings:
                self.finish()
            self.current = None
            _note_comment(self.entry, body)
        elif body.startswith('"'):
            if self.current is None:
                self.error("string with no keyword before it", number, indent + 1)
            self.literal(self.current, number, content, indent, start)
        else:
            self.keyword(number, content, indent, start)

    def keyword(self, number: int, content: str, indent: int, start: int) -> None:
        m = _KEYWORD.match(content, indent)
        if m is None:
            self.error(f"expected a keyword (msgid, msgstr…) or a quoted string, found {content.strip()[:20]!r}",
                       number, indent + 1)
        key = _key(m.group(1))
        if key in ("msgctxt", "msgid") and _has_msgstr(self.strings) or key in self.strings:
            self.finish()
        if not self.strings:
            self.entry.line = number
        self.current = []
        self.strings[key] = (start + m.end() + 1, self.current)
        self.literal(self.current, number, content, m.end(), start)

    def literal(self, literals: list[Literal], number: int, content: str, quote: int, start: int) -> None:
        """Check the quoted string at ``content[quote]`` and keep where its text is."""
        end = self.closing_quote(number, content, quote)
        if content[end + 1:].strip():
            self.error("unexpected text after the closing quote", number, end + 2)
        literals.append((content, quote + 1, end, start))

    def closing_quote(self, number: int, content: str, quote: int) -> int:
        """Where the string opened at ``content[quote]`` closes, its escapes checked on the way."""
        end = content.find('"', quote + 1)
        if end != -1 and content.find("\\", quote + 1, end) == -1:  # no escape (most lines)
            return end
        at = quote + 1
        while (stop := _QUOTE_OR_ESCAPE.search(content, at)) is not None and stop.group() == "\\":
            escape = _ESCAPE.match(content, stop.start())
            if escape is None:
                self.error(f"unknown escape sequence \\{content[stop.start() + 1:stop.start() + 2]}",
                           number, stop.start() + 1)
            if _unescape(escape.group(1)) is None:
                self.error(f"escape sequence {escape.group()} is not a Unicode character", number, stop.start() + 1)
            at = escape.end()
        if stop is None:
            self.error("unterminated string: no closing quote on this line", number, quote + 1)
        return stop.start()

    def finish(self) -> None:
        """Check the entry read so far and decode its strings."""
        entry, strings = self.entry, self.strings
        self.entry, self.strings, self.current = Entry(), {}, None
        if entry.obsolete or not strings:
            return
        if "msgid" not in strings:
            self.error("entry without msgid", entry.line, 1)
        if not _has_msgstr(strings):
            self.error("msgid without msgstr", entry.line, 1)
        plural = "msgid_plural" in strings
        if plural == ("msgstr" in strings):
            expected = "msgstr[n]" if plural else "msgstr (msgstr[n] needs msgid_plural)"
            self.error(f"entry needs {expected}", entry.line, 1)
        entry.strings = {key: _value(literals, inside) for key, (inside, literals) in strings.items()}
        self.done.append(entry)
