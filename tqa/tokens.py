"""Tokens that must survive translation: placeholders, markup tags, URLs and e-mail addresses.

    placeholders(text)  printf, Python %(name)s and {name}, ICU {n, plural, ...}, i18next {{x}},
                        $var / ${var}: one table of syntaxes (SYNTAXES), tried in order
    tags(text)          HTML/XML tags: <b>, </b>, <br/>
    links(text)         URLs and e-mail addresses
    protected(text)     spans of all of the above, for checks that must look past them (numbers);
                        inside(index, spans) tells whether a position falls in one

Results are cached by text (checks of one unit ask for the same text several times) and are
tuples, so callers cannot change a cached answer. Each ``Token`` has a ``key``: what must be equal between source and target. For placeholders
the key is the token without insignificant spaces; an ICU argument's key is its name and type,
never its translated branches.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple


class Token(NamedTuple):
    """A protected token: ``kind`` names the syntax, ``key`` is what source and target compare."""

    kind: str
    key: str
    start: int
    end: int
    ordered: bool = False  # its position among the others carries meaning (%s, {})


class Syntax(NamedTuple):
    """One placeholder syntax: its regex, the character every token of it starts with (a text
    without it is not searched), and whether its tokens are matched by position."""

    kind: str
    pattern: re.Pattern[str]
    ordered: bool = False
    sign: str = "%"


# NOTE: order matters, earlier syntaxes win where they overlap: "{{name}}" is i18next, not a
# Python brace escape; "%(name)s" is Python, not printf. "%%" is matched only to be skipped.
# printf has no space flag here: "50 % de remise" is French typography, not "% d".
SYNTAXES: tuple[Syntax, ...] = (
    Syntax("percent", re.compile(r"%%")),
    Syntax("python", re.compile(r"%\(\w+\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")),
    Syntax("printf-positional", re.compile(r"%\d+\$[-+#0]*\d*(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGcsaApS@]")),
    Syntax("printf", re.compile(r"%[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGcsaApS@]"),
           ordered=True),
    Syntax("i18next", re.compile(r"\{\{\s*[-\w.]+\s*(?:,[^{}]*)?\}\}"), sign="{"),
    Syntax("dollar", re.compile(r"\$\{\s*\w+(?:\.\w+)*\s*\}|\$[A-Za-z_]\w*"), sign="$"),
)

_BRACE_FIELD = re.compile(r"\{\s*([\w.\[\]]*)\s*(![rsa])?(:[^{}]*)?\}")
_ICU_HEAD = re.compile(r"\{\s*(\w+)\s*,\s*(\w+)\s*(?:,|\})")
_ATTRIBUTES = r"""(?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*"""
_TAG = re.compile(rf"<(/?)([A-Za-z][\w:.-]*)({_ATTRIBUTES})\s*(/?)>")
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"'«»]+[^\s<>\"'«».,;:!?)\]]|\bwww\.[\w-]+(?:\.[\w-]+)+(?:/[^\s<>\"'«»]*[^\s<>\"'«».,;:!?)\]])?")
# The local part is at most 64 characters (RFC 5321): unbounded, a long "a.a.a…" without "@" was
# scanned again from every word boundary in it.
_EMAIL = re.compile(r"\b[\w.+-]{1,64}+@[\w-]+(?:\.[\w-]+)+\b")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def placeholders(text: str) -> tuple[Token, ...]:
    """Every placeholder in ``text``, in order of appearance ("%%" and "{{"-escapes excluded)."""
    if "%" not in text and "{" not in text and "$" not in text:  # every syntax needs one: most texts
        return ()
    found: list[Token] = []
    taken: list[tuple[int, int]] = []
    for syntax in SYNTAXES:
        if syntax.sign not in text:
            continue
        for match in syntax.pattern.finditer(text):
            if not _overlaps(match.span(), taken):
                taken.append(match.span())
                if syntax.kind != "percent":
                    found.append(Token(syntax.kind, _SPACES.sub("", match.group()), *match.span(), syntax.ordered))
    found.extend(t for t in _braces(text, 0, len(text)) if not _overlaps((t.start, t.end), taken))
    return tuple(sorted(found, key=lambda t: t.start))


def _braces(text: str, start: int, end: int) -> Iterator[Token]:
    """Python/ICU brace fields between ``start`` and ``end``; ICU branches are searched inside."""
    index = start
    while (open_at := text.find("{", index, end)) != -1:
        close_at = _matching_brace(text, open_at, end)
        if close_at is None:
            return
        head = _ICU_HEAD.match(text, open_at, close_at + 1)
        field = _BRACE_FIELD.fullmatch(text, open_at, close_at + 1)
        if head:
            yield Token("icu", f"{{{head.group(1)},{head.group(2)}}}", open_at, close_at + 1)
            yield from _braces(text, head.end(), close_at)
        elif field:
            name = field.group(1)
            yield Token("brace", _SPACES.sub("", field.group()), open_at, close_at + 1, ordered=not name)
        else:  # an ICU branch, "{# items by {author}}": its text is translated, its arguments kept
            yield from _braces(text, open_at + 1, close_at)
        index = close_at + 1


def _matching_brace(text: str, open_at: int, end: int) -> int | None:
    depth = 0
    for index in range(open_at, end):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return None


@lru_cache(maxsize=8192)
def tags(text: str) -> tuple[Token, ...]:
    """HTML/XML tags; the key is the kind and name ("<b>", "</b>", "<br/>"), not the attributes.

    NOTE: words in angle brackets with no attribute value ("<missing product>") are prose."""
    if "<" not in text:
        return ()
    return tuple(Token("tag", f"<{m.group(1)}{m.group(2).lower()}{m.group(4)}>", *m.span())
                 for m in _TAG.finditer(text) if not m.group(3).strip() or "=" in m.group(3))


@lru_cache(maxsize=8192)
def links(text: str) -> tuple[Token, ...]:
    """URLs and e-mail addresses, compared exactly (an e-mail inside a URL counts once)."""
    if "@" not in text and "://" not in text and "www." not in text:  # what every link needs: most texts
        return ()
    urls = [Token("url", m.group(), *m.span()) for m in _URL.finditer(text)]
    spans = [(t.start, t.end) for t in urls]
    emails = [Token("email", m.group(), *m.span()) for m in _EMAIL.finditer(text) if not _overlaps(m.span(), spans)]
    return tuple(sorted(urls + emails, key=lambda t: t.start))


@lru_cache(maxsize=8192)
def protected(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of every token above: text there is code, not prose."""
    return tuple(sorted((t.start, t.end) for t in (*placeholders(text), *tags(text), *links(text))))


def inside(index: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``index`` falls in one of the sorted ``spans`` (such as ``protected(text)``)."""
    at = bisect.bisect_right(spans, (index, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= index < spans[at][1]


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)
