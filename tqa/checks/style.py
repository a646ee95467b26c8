"""Word-level style slips: the same word twice in a row."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Category, Finding, MqmDimension, Segment, Severity
from .base import Check, Context

_REPEATED = re.compile(r"\b(\w+)(\s+)(\1)\b", re.IGNORECASE)

# Doublings that are grammatical: English "had had", "that that"; French reflexive
# "nous nous", "vous vous" (Okapi's default exceptions) and "elle-même elle".
_ALLOWED = {
    "en": frozenset({"had", "that", "is"}),
    "fr": frozenset({"nous", "vous"}),
}


class RepeatedWord(Check):
    """The same word is written twice in a row.

    Why it matters: a doubled word ("the the") is a classic editing slip that spell checkers
    do not catch.

    Example: `signed in in Rabat` (STYLE01). Grammatical doublings are allowed per language:
    English "had had", "that that"; French "nous nous", "vous vous". Numbers are ignored.
    """

    code = "STYLE01"
    name = "repeated-word"
    category = Category.STYLE
    severity = Severity.WARNING
    mqm_dimension = MqmDimension.LINGUISTIC_CONVENTIONS  # MQM files a doubled word under grammar

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        allowed = _ALLOWED.get(ctx.target_lang, frozenset())
        for match in _REPEATED.finditer(segment.text):
            word = match.group(1)
            if word.lower() in allowed or word.isdigit():
                continue
            yield self.finding(
                segment,
                ctx,
                f"Repeated word “{word}”.",
                span=match.span(),
                suggestion=word,
            )
