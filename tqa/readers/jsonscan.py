"""A JSON scanner that keeps where every string's characters are, for i18n key files.

The stdlib ``json`` gives no positions and keeps the last of duplicate keys silently; this one
reads strict JSON (RFC 8259) into the string leaves of a key file, keyed by dotted path
(``menu.open``; array items by index, ``steps.0``), each with anchors into the file (escapes
decoded, an anchor after each), refuses duplicate keys, and tells where each object closes (so a
missing key can be located in the object it belongs to).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import TqaError
from ..positions import LineIndex
from .anchored import AnchoredText

MAX_DEPTH = 128

_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_PLAIN = re.compile(r'[^"\\\x00-\x1f]+')
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


@dataclass
class KeyFile:
    """String leaves by dotted key, in file order, and where each object closes (its ``}``)."""

    strings: dict[str, tuple[AnchoredText, int]] = field(default_factory=dict)
    closings: dict[str, int] = field(default_factory=dict)


def scan(path: str, text: str, lines: LineIndex) -> KeyFile:
    """The string leaves of a JSON document; anything but strict JSON raises TqaError."""
    scanner = _Scanner(path, text, lines)
    i = scanner.value(scanner.space(0), "", 0)
    if scanner.space(i) != len(text):
        scanner.error("unexpected text after the JSON value", scanner.space(i))
    return scanner.found


class _Scanner:
    def __init__(self, path: str, text: str, lines: LineIndex):
        self.path = path
        self.text = text
        self.lines = lines
        self.found = KeyFile()

    def error(self, message: str, offset: int):
        line, column = self.lines.position(offset)
        raise TqaError(f"invalid JSON: {message}", self.path, line, column)

    def space(self, i: int) -> int:
        return _SPACE.match(self.text, i).end()

    def value(self, i: int, key: str, depth: int) -> int:
        """Read the value at ``i`` (recording it under ``key``); return the offset past it."""
        if depth > MAX_DEPTH:
            self.error(f"nested deeper than {MAX_DEPTH}", i)
        char = self.text[i:i + 1]
        if char == "{":
            return self.object(i, key, depth)
        if char == "[":
            return self.array(i, key, depth)
        if char == '"':
            value, end = self.string(i)
            self.found.strings[key] = (value, i + 1)
            return end
        for literal in ("true", "false", "null"):
            if self.text.startswith(literal, i):
                return i + len(literal)
        number = _NUMBER.match(self.text, i)
        if number is None or not number.group():
            self.error("expected a value", i)
        return number.end()

    def object(self, i: int, key: str, depth: int) -> int:
        seen: set[str] = set()
        i = self.space(i + 1)
        while not self.text.startswith("}", i):
            if seen:
                i = self.expect(",", i)
            if not self.text.startswith('"', i):
                self.error("expected a key in double quotes", i)
            name_text, after = self.string(i)
            name = name_text.raw()[0]
            if name in seen:
                self.error(f"duplicate key {name!r}", i)
            seen.add(name)
            i = self.space(self.value(self.space(self.expect(":", self.space(after))),
                                      _join(key, name), depth + 1))
        self.found.closings[key] = i
        return i + 1

    def array(self, i: int, key: str, depth: int) -> int:
        i = self.space(i + 1)
        index = 0
        while not self.text.startswith("]", i):
            if index:
                i = self.expect(",", i)
            i = self.space(self.value(i, _join(key, str(index)), depth + 1))
            index += 1
        return i + 1

    def expect(self, char: str, i: int) -> int:
        if not self.text.startswith(char, i):
            self.error(f"expected {char!r}", i)
        return self.space(i + 1)

    def string(self, i: int) -> tuple[AnchoredText, int]:
        """The decoded string whose opening quote is at ``i``, and the offset past its closing quote."""
        out = AnchoredText()
        i += 1
        while True:
            plain = _PLAIN.match(self.text, i)
            if plain:
                out.add(plain.group(), i)
                i = plain.end()
            char = self.text[i:i + 1]
            if char == '"':
                return out, i + 1
            if char != "\\":
                self.error("unterminated string" if not char else "control character in a string", i)
            decoded, length = self.escape(i)
            out.add(decoded, i)
            i += length

    def escape(self, i: int) -> tuple[str, int]:
        letter = self.text[i + 1:i + 2]
        if letter in _ESCAPES:
            return _ESCAPES[letter], 2
        if letter != "u" or not re.fullmatch(r"[0-9A-Fa-f]{4}", self.text[i + 2:i + 6]):
            self.error("invalid escape", i)
        code = int(self.text[i + 2:i + 6], 16)
        low = self.text[i + 6:i + 12]
        if 0xD800 <= code < 0xDC00 and re.fullmatch(r"\\u[dD][c-fC-F][0-9A-Fa-f]{2}", low):
            return chr(0x10000 + ((code - 0xD800) << 10) + (int(low[2:], 16) - 0xDC00)), 12
        if 0xD800 <= code < 0xE000:  # half a surrogate pair is no character: no encoding can write it
            self.error("lone surrogate in a \\u escape", i)
        return chr(code), 6


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name
