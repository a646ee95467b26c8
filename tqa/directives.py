"""Inline suppression directives, as written in comments and notes.

    tqa-disable                      every check, until tqa-enable or the end of the file
    tqa-disable TERM01,STYLE01       these checks (codes or names, comma- or space-separated)
    tqa-disable TERM01 (house style) with a reason, kept in the report
    tqa-enable [CODES]               ends the ranges of these checks (of all, without codes)

Markdown and HTML carry them in comments (``<!-- tqa-disable WS01 -->``); PO files in a
translator comment and XLIFF files in a ``<note from="tqa">``, where they cover their unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from .models import Suppression

_DIRECTIVE = re.compile(r"\s*tqa-(disable|enable)(?![\w-])([^()]*?)\s*(?:\((.*)\))?\s*", re.S)
_CODE = re.compile(r"[A-Za-z][\w-]*")
ALL = ""  # the key of a range that covers every check


class Directive(NamedTuple):
    enable: bool
    codes: tuple[str, ...]
    reason: str | None


def parse(text: str) -> Directive | None:
    """The directive a comment or note holds, or None when it holds none."""
    m = _DIRECTIVE.fullmatch(text)
    if not m:
        return None
    reason = m.group(3).strip() if m.group(3) else None
    return Directive(m.group(1) == "enable", tuple(_CODE.findall(m.group(2))), reason or None)


def comment_ranges(comments: Iterable[tuple[int, str]], end: int) -> tuple[Suppression, ...]:
    """Ranges from (file offset, comment text) pairs in file order; an open range ends at ``end``.

    ``tqa-enable`` without codes closes every open range; with codes, the ranges of those codes.
    """
    open_ranges: dict[str, tuple[int, str | None]] = {}
    ranges: list[Suppression] = []

    def close(key: str, at: int) -> None:
        start, reason = open_ranges.pop(key)
        ranges.append(Suppression(start=start, end=at, codes=(key,) if key else (), reason=reason))

    for offset, text in comments:
        directive = parse(text)
        if directive is None:
            continue
        keys = directive.codes or (ALL,)
        if directive.enable:
            for key in list(open_ranges) if not directive.codes else keys:
                if key in open_ranges:
                    close(key, offset)
        else:
            for key in keys:
                open_ranges.setdefault(key, (offset, directive.reason))
    for key in list(open_ranges):
        close(key, end)
    return tuple(sorted(ranges, key=lambda r: (r.start, r.codes)))
