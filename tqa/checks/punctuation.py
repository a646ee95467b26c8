"""Typography of quotation marks: spacing around curly quotes, and quotes left unpaired."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby

from ..models import Category, Finding, Segment, Severity
from .base import Check, Context

# NOTE: languages whose typography puts a space *inside* quotes (French « … ») are exempt
# from QUOTE01; it encodes the English-style rule "no space inside, space outside".
_SPACE_INSIDE_QUOTES = frozenset({"fr"})

_CLOSING_SPACED = re.compile(r"[ \t\u00a0\u202f]+”(?=\w)")
_OPENING_SPACED = re.compile(r"(?<=\w)“[ \t\u00a0\u202f]+")


class QuoteSpacing(Check):
    """A curly quotation mark is spaced on the wrong side.

    Why it matters: a closing quote set with a space before it and glued to the next word
    (French-style spacing carried into English) reads as an opening quote and breaks the
    quotation's boundaries.

    Example: `step today, ”Minister Gantz said` should be `step today,” Minister Gantz said`
    (QUOTE01). The mirror case, `said“ Hello`, is reported too.
    """

    code = "QUOTE01"
    name = "quote-spacing"
    category = Category.PUNCTUATION
    severity = Severity.WARNING

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if ctx.target_lang in _SPACE_INSIDE_QUOTES:
            return
        for match in _CLOSING_SPACED.finditer(segment.text):
            yield self.finding(
                segment,
                ctx,
                "Closing quote ” has a space before it and none after it.",
                span=match.span(),
                suggestion="” ",
            )
        for match in _OPENING_SPACED.finditer(segment.text):
            yield self.finding(
                segment,
                ctx,
                "Opening quote “ has no space before it and a space after it.",
                span=match.span(),
                suggestion=" “",
            )


_PAIRS = {"“": "”", "«": "»"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}


class UnpairedQuote(Check):
    """A quotation mark has no partner in its paragraph.

    Why it matters: an opening quote that is never closed (or a closing one never opened)
    leaves readers unsure where a quotation ends, and often means text was lost or reordered.

    Example: `He said: “We will sign it.` with no closing ” anywhere in the paragraph
    (QUOTE02). Straight double quotes are counted too: an odd number in a paragraph is
    reported once. Quotations may span several sentences; pairing is checked per paragraph.
    """

    code = "QUOTE02"
    name = "unpaired-quote"
    category = Category.PUNCTUATION
    severity = Severity.WARNING

    def run(self, segments: Iterable[Segment], ctx: Context) -> Iterator[Finding]:
        for _, paragraph in groupby(segments, key=paragraph_id):
            yield from self._check_paragraph(list(paragraph), ctx)

    def _check_paragraph(self, segments: list[Segment], ctx: Context) -> Iterator[Finding]:
        open_marks: list[tuple[Segment, int]] = []
        straight: list[tuple[Segment, int]] = []
        for segment in segments:
            for index, char in enumerate(segment.text):
                if char in _PAIRS:
                    open_marks.append((segment, index))
                elif char in _CLOSERS:
                    if open_marks and open_marks[-1][0].text[open_marks[-1][1]] == _CLOSERS[char]:
                        open_marks.pop()
                    else:
                        yield self._unpaired(segment, ctx, index, f"Closing quote {char} was never opened.")
                elif char == '"':
                    straight.append((segment, index))
        for segment, index in open_marks:
            char = segment.text[index]
            yield self._unpaired(segment, ctx, index, f"Opening quote {char} is never closed.")
        if len(straight) % 2:
            segment, index = straight[-1]
            yield self._unpaired(segment, ctx, index, 'Odd number of straight quotes " in the paragraph.')

    def _unpaired(self, segment: Segment, ctx: Context, index: int, message: str) -> Finding:
        return self.finding(segment, ctx, message, span=(index, index + 1))


def paragraph_id(segment: Segment) -> str:
    """The block a segment came from: 'p3' for 'p3.s2'."""
    return segment.id.split(".")[0]
