"""Sentence boundaries in a paragraph, aware of abbreviations, initials, decimals and quotes.

A boundary is a run of . ! ? … (plus any closing quotes or brackets, so “We did it.” keeps its
quote) followed by whitespace and a word that does not start in lower case. A full stop is no
boundary after an abbreviation or an initial. Line breaks count as plain whitespace.
Every pattern here is linear: no nested quantifiers, possessive runs.
"""

from __future__ import annotations

import re

# Lower case, without their final dot: a full stop after these never ends a sentence (titles,
# Latin and reference words, months, French forms).
NON_FINAL_ABBREVIATIONS = frozenset(
    """
    mr mrs ms messrs dr prof st mt ft gen col lt sgt capt maj adm cmdr gov sen rep rev hon pres
    supt insp e.g i.e cf vs viz approx ca esp incl jan feb mar apr jun jul aug sep sept oct nov dec
    mme mmes mlle mlles mm mgr pr ste ex env av bd boul chap éd
    """.split()
)
# Ordinary words too: they are abbreviations only before a number ("No. 5", "p. 12", "art. 3").
NUMBER_ABBREVIATIONS = frozenset("no nos nr n° p pp vol art fig figs ch sec para tel".split())

OPENERS = "([{\"'“‘«¿¡"
CLOSERS = "”\"’')]»"

# (?<!...) starts a match only at the start of a run of stops: with the possessive ++ and *+,
# a long run of dots is scanned once.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]++(?:[\u00a0\u202f ]?»|[”\"’')\]])*+(?=\s|$)")
_NEXT_CHAR = re.compile(r"\s*+(\S)")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # "J.R.R", "U.S", "U.K"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in ``text``, surrounding whitespace left out."""
    spans, start = [], 0
    for m in _CANDIDATE.finditer(text):
        if _ends_sentence(text, m):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in (strip_span(text, *span) for span in spans) if a < b]


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_sentence(text: str, m: re.Match) -> bool:
    following = _NEXT_CHAR.match(text, m.end())
    if following is None:
        return True
    next_char = following.group(1)
    if next_char.islower() or next_char in ".…":  # "etc. and", a spaced ellipsis ". . ."
        return False
    stops = m.group().rstrip(CLOSERS + "\u00a0\u202f ")
    if stops != m.group() or stops != ".":  # a closing quote, ?, !, an ellipsis
        return True
    return not is_abbreviation(_word_before(text, m.start()), next_char)


def is_abbreviation(word: str, next_char: str) -> bool:
    """Whether the full stop after ``word`` (followed by ``next_char``) marks an abbreviation."""
    lower = word.lower()
    if lower in NON_FINAL_ABBREVIATIONS:
        return True
    if (len(word) == 1 and word.isupper()) or _INITIALS.fullmatch(word):
        return True  # "J. R. R. Tolkien", "Donald J. Trump", "M. Dupont", "U.S. President"
    return next_char.isdigit() and lower in NUMBER_ABBREVIATIONS


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip(OPENERS)
