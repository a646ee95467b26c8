"""Glossary terminology in a translation. Matching lives in tqa.glossary; checks only report."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..glossary import Glossary, Term, TermMatch, TermStatus, same_wording
from ..termforms import term_pattern
from ..tokens import inside, protected
from ..models import Category, Finding, Segment, Severity
from .base import Check, Context, has_pair

_ARTICLE = re.compile(r"\b(?:the|The|THE)\s+$")


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

    Fix: `tqa fix` replaces the term when its one preferred rendering is a name ("the Hebrew
    state" -> "Israel"); a phrase rewrite ("Recall that") stays for a human.
    """

    code = "TERM01"
    name = "forbidden-term"
    category = Category.TERMINOLOGY
    severity = Severity.ERROR
    fix_safety = "sometimes"  # a name for a name only: see sure_fix

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

    def sure_fix(self, finding: Finding, text: str, glossary: Glossary) -> tuple[int, int, str] | None:
        """Sure only when a name replaces the term as the glossary writes it.

        The rule (``tqa fix``): the source has exactly one preferred rendering, it is a name
        (every word capitalised: "Israel", "Abraham Accords"; or part of speech noun/properNoun
        in the glossary), and the text holds the forbidden term as written, possibly possessive.
        A phrase rewrite ("Recall that" -> "It should be noted that") is not a name and stays
        for a human. A common-noun calque's leading "the" goes with it ("the Hebrew state" ->
        "Israel"); a name keeps its article ("the Abraham Agreements" -> "the Abraham Accords").
        """
        start, end = finding.location.offset, finding.location.end_offset
        term = next((m.term for m in glossary.forbidden_in(text[start:end]) if m.end - m.start == end - start), None)
        better = term and glossary.preferred_for(term)
        if better is None or better.status != TermStatus.PREFERRED or not _is_name(better):
            return None
        written, possessive = _strip_possessive(text[start:end])
        if not same_wording(written, term.target, term.case_sensitive):
            return None
        article = _ARTICLE.search(text[max(0, start - 8):start])
        if article and not _is_name(term) and not better.target.lower().startswith("the "):
            start -= len(article.group())
        return start, end, better.target + possessive


def _is_name(term: Term) -> bool:
    """A proper name by the glossary's word, else by its spelling: every word capitalised."""
    if term.part_of_speech:
        return term.part_of_speech in ("noun", "properNoun")
    return all(word[0].isupper() for word in term.target.split())


def _strip_possessive(written: str) -> tuple[str, str]:
    """("Hebrew state", "'s") for "Hebrew state's": the possessive stays after a replacement."""
    m = re.search(r"(?:['\u2019]s|(?<=s)['\u2019])$", written)
    return (written[:m.start()], m.group()) if m else (written, "")


class MissingTerm(Check):
    """A glossary term occurs in the source, but none of its approved renderings in the target.

    Why it matters: terminology is what makes a product or a newsroom sound like itself; a
    term rendered freely ("Abraham Agreements", "mot-clé" for "passphrase") confuses readers
    and breaks search, and reviewers catch it only with the glossary at hand.

    Example: source "the Abraham Accords" (glossary: "Abraham Accords" -> "accords
    d'Abraham") with target "les accords Abraham" (TERM02, suggestion "accords d'Abraham").

    Matching is on word forms in both languages: "accord"/"accords", "ministre"/"ministres de
    la Défense", "État"/"États", "Accord"/"Accords" all count; any preferred or admitted
    rendering satisfies the check. The finding covers the whole segment, since the term is
    what is absent.
    """

    code = "TERM02"
    name = "missing-term"
    category = Category.TERMINOLOGY
    severity = Severity.WARNING

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if not has_pair(segment):
            return
        code = protected(segment.source)  # "%(user)s" is a placeholder, not the term "user"
        for match in ctx.glossary.missing_in(segment.source, segment.text):
            if inside(match.start, code):
                continue
            better = ctx.glossary.preferred_for(match.term)
            written = segment.source[match.start:match.end]
            yield self.finding(segment, ctx, f'Source term "{written}" is not rendered as "{better.target}".',
                               suggestion=better.target)


class DntChanged(Check):
    """A do-not-translate term of the source is not kept verbatim in the translation.

    Why it matters: product names, brands and commands ("Django", "Wagtail", "git push")
    must read exactly as in the source; a translated or re-cased name is a different name.

    Example: source "Open Django admin" with target "Ouvrez l'admin de django" (TERM03,
    span "django", suggestion "Django").
    """

    code = "TERM03"
    name = "dnt-changed"
    category = Category.TERMINOLOGY
    severity = Severity.ERROR

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if not has_pair(segment):
            return
        left = segment.text  # occurrences already accounted for are blanked out
        for match in ctx.glossary.dnt_in(segment.source):
            written = segment.source[match.start:match.end]
            if written in left:
                left = left.replace(written, "\0" * len(written), 1)
                continue
            variant = re.search(rf"(?<!\w){term_pattern(written, ctx.target_lang)}(?!\w)", left, re.IGNORECASE)
            if variant is None:
                yield self.finding(segment, ctx, f'Do-not-translate term "{written}" is missing.', suggestion=written)
            else:
                left = left[:variant.start()] + "\0" * len(variant.group()) + left[variant.end():]
                yield self.finding(segment, ctx, f'Do-not-translate term "{written}" is written "{variant.group()}".',
                                   span=variant.span(), suggestion=written)


class CalqueRule(Check):
    """A calque that a single glossary term cannot describe: a rule's regex, in the context it needs.

    Why it matters: some calques are ordinary words used the French way. "Tel Aviv" is a city;
    French news also writes «Tel-Aviv» for the Israeli government ("the rapprochement between
    Tel Aviv and Rabat"), which English news does not, since that government sits in Jerusalem.

    Example: `the rapprochement between Tel Aviv and Rabat` (TERM04, span "Tel Aviv", suggestion
    "Israel"), while `a flight to Tel Aviv` is not reported.

    Rules live in `*.rules.toml` files given with `-g` like glossaries (or found beside them):
    `[[rule]]` tables with `id`, `pattern`, `context`, `unless`, `message` and `suggestion`
    (see `tqa/calques.py`). `tqa glossary lint` reports malformed and risky regexes.
    """

    code = "TERM04"
    name = "calque-rule"
    category = Category.TERMINOLOGY
    severity = Severity.WARNING

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        for rule in ctx.glossary.rules:
            for span in rule.find(segment.text):
                yield self.finding(segment, ctx, f"{rule.message} [{rule.id}]", span=span, suggestion=rule.suggestion)

