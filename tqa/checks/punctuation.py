"""Typography of quotation marks: spacing around curly quotes, and quotes left unpaired."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import groupby

from ..langwords import lexicon
from ..models import Category, Finding, Segment, Severity
from .base import Check, Context, has_pair

# NOTE: languages whose typography puts a space *inside* quotes (French « … ») are exempt
# from QUOTE01; it encodes the English-style rule "no space inside, space outside".
_SPACE_INSIDE_QUOTES = frozenset({"fr"})

# From the start of a run of spaces only: a long run tried from every space was quadratic.
_CLOSING_SPACED = re.compile(r"(?<![ \t\u00a0\u202f])[ \t\u00a0\u202f]+”(?=\w)")
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
_ANY_QUOTE = re.compile('[“”«»"]')


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
            for match in _ANY_QUOTE.finditer(segment.text):  # the quotes only, not every character
                index, char = match.start(), match.group()
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


# Sentence-final marks by what they mean; full-width forms count as their ASCII meaning.
_END_MARKS = {".": "full stop", "。": "full stop", "?": "question mark", "？": "question mark",
              "!": "exclamation mark", "！": "exclamation mark", ":": "colon", "：": "colon",
              ";": "semicolon", "；": "semicolon", "…": "ellipsis"}
_TRAILING_CLOSERS = "\"'”’»)]}>\u00a0\u202f \t\n"
_LAST_WORD = re.compile(r"(?:^|(?<=\s))[^\W\d_]+(?:\.[^\W\d_]+)*$")  # a word, not the "s" of "%(n)s"


class EndPunctuation(Check):
    """The translation ends with different punctuation than its source.

    Why it matters: a lost question mark turns a question into a statement, a lost colon
    detaches a label from its value, and a full stop added to a button label looks broken.

    Example: "Delete this page?" -> "Supprimer cette page" (PUNC01).

    French spacing before "?", "!", ":" and ";" (normal, no-break or narrow no-break space)
    is fine; "…" and "..." are the same mark; closing quotes and brackets after the mark are
    looked through. Only bilingual units are checked.
    """

    code = "PUNC01"
    name = "end-punctuation"
    category = Category.PUNCTUATION
    severity = Severity.WARNING

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if not has_pair(segment) or not segment.source.strip():
            return
        expected, _ = end_mark(segment.source, ctx.source_lang)
        found, at = end_mark(segment.text, ctx.target_lang)
        if expected == found:
            return
        if found is None:
            end = len(segment.text.rstrip())
            yield self.finding(segment, ctx, f"The source ends with a {expected}, the translation with none.",
                               span=(end, end))
        else:
            what = f"a {expected}" if expected else "no punctuation"
            yield self.finding(segment, ctx, f"The translation ends with a {found}; the source with {what}.",
                               span=at)


def end_mark(text: str, lang: str) -> tuple[str | None, tuple[int, int]]:
    """What the text's final punctuation means ("question mark"), and where it stands; the
    full stop of an abbreviation ("Aug.", "p.m.", "avr.") is not sentence punctuation."""
    end = len(text.rstrip(_TRAILING_CLOSERS))
    if text[:end].endswith("..."):
        return "ellipsis", (end - 3, end)
    if end and text[end - 1] == "." and _is_abbreviation(_LAST_WORD.search(text[: end - 1]), lang):
        return None, (end, end)
    if end and text[end - 1] in _END_MARKS:
        return _END_MARKS[text[end - 1]], (end - 1, end)
    return None, (end, end)


def _is_abbreviation(word: re.Match[str] | None, lang: str) -> bool:
    if word is None:
        return False
    text = word.group()
    return "." in text or len(text) == 1 or (lang in ("en", "fr") and text.lower() in lexicon(f"ui-abbreviations.{lang}.txt"))


_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_OPENERS = {closer: opener for opener, closer in _BRACKETS.items()}
_ANY_BRACKET = re.compile(r"[][(){}]")


class UnpairedBracket(Check):
    """A bracket in the translation has no partner, where the source's brackets pair up.

    Why it matters: an unclosed parenthesis usually means text was cut while editing, and
    it leaves the reader unsure where the aside ends.

    Example: "Name (optional)" -> "Nom (facultatif" (PUNC02).

    Compared with the source: a list marker such as "a)" that the source has too is fine.
    Only bilingual units are checked.
    """

    code = "PUNC02"
    name = "unpaired-bracket"
    category = Category.PUNCTUATION
    severity = Severity.WARNING

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if segment.source is None:
            return
        unpaired = unpaired_brackets(segment.text)
        if not unpaired:  # most targets: the source's brackets need no counting
            return
        allowed = Counter(segment.source[i] for i in unpaired_brackets(segment.source))
        for index in unpaired:
            char = segment.text[index]
            if allowed[char] > 0:
                allowed[char] -= 1
                continue
            partner = _BRACKETS.get(char) or _OPENERS[char]
            yield self.finding(segment, ctx, f"Bracket {char} has no matching {partner}.", span=(index, index + 1))


def unpaired_brackets(text: str) -> list[int]:
    """Indexes of brackets that no partner closes or opens, in order (only the brackets are
    visited: most characters of most texts are none)."""
    stack: list[int] = []
    unpaired = []
    for match in _ANY_BRACKET.finditer(text):
        index, char = match.start(), match.group()
        if char in _BRACKETS:
            stack.append(index)
        elif char in _OPENERS:
            if stack and text[stack[-1]] == _OPENERS[char]:
                stack.pop()
            else:
                unpaired.append(index)
    return sorted(unpaired + stack)
