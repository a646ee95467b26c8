"""Locale typography: the spacing French puts around high punctuation and guillemets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Category, Finding, Segment, Severity
from ..tokens import inside, protected
from .base import Check, Context

_NO_BREAK = "\u00a0\u202f"
_HIGH = ";:!?"
# What may follow a mark used as punctuation (not "11:52", "a:b", "?id=1", "[HH:]MM"): end,
# space, a closing quote, another mark, or a tag.
_AFTER = " \t\n\u00a0\u202f\"'”’»<.,…" + _HIGH
# Which space Weblate's autofix (and the Imprimerie nationale) puts before each mark.
_MARKS = re.compile(f"[{_HIGH}«»]")
_WANTED = {":": "\u00a0", ";": "\u202f", "!": "\u202f", "?": "\u202f", "«": "\u00a0", "»": "\u00a0"}


class FrenchSpacing(Check):
    """French punctuation lacks its no-break space: before ; : ! ? and inside « ».

    Why it matters: French typography sets a space before high punctuation and inside
    guillemets; without it the text looks English, and with a normal space the line can
    break between the word and its "?" or leave "»" alone at the start of a line.

    Example: "Êtes-vous sûr?" or "Nom :" with a normal space (TYPO01, suggestion with a
    no-break space: U+00A0 before ":" and inside « », U+202F before ";", "!" and "?").

    Only for French targets. Marks inside URLs, placeholders and tags, times ("11:52") and
    a mark after another one ("?!") are not checked.
    """

    code = "TYPO01"
    name = "french-spacing"
    category = Category.LOCALE
    severity = Severity.WARNING
    fix_safety = "safe"  # the same mark with the no-break space French typography wants

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if ctx.target_lang != "fr":
            return
        text = segment.text
        marks = list(_MARKS.finditer(text))  # only the marks, not every character (a hot path)
        skip = protected(text) if marks else ()
        for match in marks:
            index, char = match.start(), match.group()
            if inside(index, skip):
                continue
            if char in _HIGH and self._is_mark(text, index):
                yield from self._report(segment, ctx, index - 1, index, f"before “{char}”")
            elif char == "«" and index + 1 < len(text):
                yield from self._report(segment, ctx, index + 1, index, "after “«”")
            elif char == "»" and index > 0:
                yield from self._report(segment, ctx, index - 1, index, "before “»”")

    @staticmethod
    def _is_mark(text: str, index: int) -> bool:
        after_ok = index + 1 == len(text) or text[index + 1] in _AFTER
        before = text[index - 1] if index else ""
        return after_ok and bool(before) and before not in _HIGH and (before.isalnum() or before in " \u00a0\u202f»)]”’\"'")

    def _report(self, segment: Segment, ctx: Context, at: int, mark: int, where: str) -> Iterator[Finding]:
        space = segment.text[at]
        char = segment.text[mark]
        wanted = _WANTED[char]
        if space in _NO_BREAK:
            return
        if space == " ":
            start, end = min(at, mark), max(at, mark) + 1
            fixed = wanted + char if at < mark else char + wanted
            yield self.finding(segment, ctx, f"Normal space {where}: the line can break there; use a no-break space.",
                               span=(start, end), suggestion=fixed)
        elif not space.isspace():
            fixed = wanted + char if at < mark else char + wanted
            yield self.finding(segment, ctx, f"No space {where}; French puts a no-break space there.",
                               span=(mark, mark + 1), suggestion=fixed)
