"""Glossary terminology in a translation. Matching lives in tqa.glossary; checks only report."""

from __future__ import annotations

from collections.abc import Iterator

from ..glossary import TermMatch
from ..models import Category, Finding, Segment, Severity
from .base import Check, Context


class ForbiddenTerm(Check):
    """A wording the glossary forbids appears in the translation.

    Why it matters: calques of French press periphrases ("the Hebrew state" for *l'État
    hébreu*, "the Abraham Agreements" for *les accords d'Abraham*) read as translationese and
    are the first thing an editor corrects. The glossary records the house wording instead.

    Example: `the Hebrew state signed the Abraham Agreements` should be `Israel signed the
    Abraham Accords` (TERM01, suggestions "Israel" and "Abraham Accords").

    Matching: whole words; case-insensitive unless the term is marked case-sensitive; plural
    and possessive endings, curly or straight apostrophes, hyphen variants and line breaks or
    no-break spaces inside a term all still match; the longest term wins.
    """

    code = "TERM01"
    name = "forbidden-term"
    category = Category.TERMINOLOGY
    severity = Severity.ERROR

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        for match in ctx.glossary.forbidden_in(segment.text):
            yield self._report(segment, ctx, match)

    def _report(self, segment: Segment, ctx: Context, match: TermMatch) -> Finding:
        term = match.term
        better = ctx.glossary.preferred_for(term)
        if better is None:
            message = f'Forbidden term "{term.target}" (glossary entry for "{term.source}").'
        else:
            message = f'Forbidden term "{term.target}": use "{better.target}" for "{term.source}".'
        suggestion = better.target if better else None
        return self.finding(segment, ctx, message, span=(match.start, match.end), suggestion=suggestion)
