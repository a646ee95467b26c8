"""Whitespace: doubled spaces, and spaces before punctuation where the language has none."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Category, Finding, Segment, Severity
from .base import Check, Context, has_pair

# NOTE: only ordinary spaces and tabs count. No-break spaces (U+00A0, U+202F) are deliberate
# typography: "11:52\u202fAM", French "« Oui »" and "Quoi ?".
_DOUBLED = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")

# Punctuation that takes no space before it, by target language. French spaces ; : ! ?
_NO_SPACE_BEFORE = {"fr": ",.…", "default": ",.;:!?…"}
_SPACED_MARK = {lang: re.compile(rf"(?<=\w)[ \t\u00a0\u202f]+([{re.escape(marks)}])(?!\w)")
                for lang, marks in _NO_SPACE_BEFORE.items()}


class DoubledSpace(Check):
    """Two or more spaces (or tabs) in a row between words.

    Why it matters: doubled spaces are invisible in most editors but show in print and in
    justified text; they usually come from deleting a word while editing a translation.

    Example: `the two  countries` (WS01). No-break spaces, such as the narrow one in
    `11:52 AM`, are typography and are not reported; in bilingual units, neither are doubled
    spaces when the source has some too (alignment, fixed-width layouts).
    """

    code = "WS01"
    name = "doubled-space"
    category = Category.WHITESPACE
    severity = Severity.WARNING
    fix_safety = "safe"  # one space for several, nothing else changes

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        # A run of two spaces or tabs has "  " or a tab: most targets have neither (a hot path).
        if ("  " not in segment.text and "\t" not in segment.text) or (
                segment.source is not None and _DOUBLED.search(segment.source)):
            return
        for match in _DOUBLED.finditer(segment.text):
            yield self.finding(
                segment, ctx, f"{len(match.group())} spaces in a row.", span=match.span(), suggestion=" "
            )


class SpaceBeforePunctuation(Check):
    """A space stands before punctuation that the target language writes without one.

    Why it matters: French typography puts a (no-break) space before ; : ! ? and inside
    « »; carried into an English translation it looks like a typo. Commas and full stops
    take no space in either language.

    Example: English `Why ?` or `as follows :` (WS02). For a French target only `,` `.` `…`
    are checked.
    """

    code = "WS02"
    name = "space-before-punctuation"
    category = Category.WHITESPACE
    severity = Severity.WARNING

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        pattern = _SPACED_MARK.get(ctx.target_lang, _SPACED_MARK["default"])
        for match in pattern.finditer(segment.text):
            yield self.finding(
                segment,
                ctx,
                f"Space before “{match.group(1)}”.",
                span=match.span(),
                suggestion=match.group(1),
            )


_FRENCH_SPACED = frozenset(";:!?»")
_INDENTED_BREAK = re.compile(r"\n[ \t]+")  # a template block's indentation


class EdgeWhitespace(Check):
    """The translation starts or ends with different whitespace than its source.

    Why it matters: programs concatenate strings; a lost trailing space glues two words
    together ("Total:" + "5"), an added leading newline shifts a layout.

    Example: source "Total: " with target "Total :" (WS03, trailing space lost).

    Compared as kinds of edge: none, spaces (or tabs, no-break spaces), or a line break; in a
    unit with indented lines (a template block) line breaks and indentation are layout and
    are not compared. Only bilingual units are checked; empty targets are LANG03's.
    """

    code = "WS03"
    name = "edge-whitespace"
    category = Category.WHITESPACE
    severity = Severity.WARNING

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if not has_pair(segment) or not segment.source.strip() or not _has_edge_space(segment.text, segment.source):
            return
        text = segment.text
        lead, trail = len(text) - len(text.lstrip()), len(text.rstrip())
        # NOTE: " :" alone in French: the space belongs to the colon (TYPO01 judges which space).
        french_mark = ctx.target_lang == "fr" and text.lstrip()[:1] in _FRENCH_SPACED
        layout = _INDENTED_BREAK.search(segment.source) is not None
        source_lead = segment.source[: len(segment.source) - len(segment.source.lstrip())]
        if not french_mark and _differ(source_lead, text[:lead], layout):
            yield self.finding(segment, ctx, "Leading whitespace differs from the source.", span=(0, lead))
        if _differ(segment.source[len(segment.source.rstrip()):], text[trail:], layout):
            yield self.finding(segment, ctx, "Trailing whitespace differs from the source.", span=(trail, len(text)))


def _has_edge_space(*texts: str) -> bool:
    """Whether a text starts or ends with whitespace: when none does, every edge is "none" (most units)."""
    return any(text[:1].isspace() or text[-1:].isspace() for text in texts)


def _differ(source: str, target: str, layout: bool) -> bool:
    """Whether two edges differ in kind: none, spaces (a word boundary), or a line break.

    NOTE: in a unit with indented lines (a template block) line breaks and indentation are
    layout, so an edge with a line break on either side is not compared."""
    kinds = (_kind(source), _kind(target))
    return kinds[0] != kinds[1] and not (layout and "n" in kinds)


def _kind(space: str) -> str:
    return "" if not space else "n" if "\n" in space or "\r" in space else "s"
