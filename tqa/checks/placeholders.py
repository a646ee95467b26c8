"""Tokens that must survive translation: placeholders (and their order), URLs, e-mail addresses.

Syntaxes live in tqa.tokens; the checks here only compare what each side has.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from ..models import Category, Finding, MqmSeverity, Segment, Severity
from ..tokens import Token, links, placeholders
from .base import Check, Context, has_pair


class TokenCheck(Check):
    """Shared reporting: tokens of the source missing from the target, changed, or added."""

    what: str = "Token"

    def compare(self, segment: Segment, ctx: Context, source: Sequence[Token],
                target: Sequence[Token], key=lambda token: token.key) -> Iterator[Finding]:
        """One finding per token with no partner: a changed token where one was lost and one added."""
        if not source and not target:  # most units: nothing to count (a hot path at 1M units)
            return
        if sorted(map(key, source)) == sorted(map(key, target)):  # most others: the same tokens
            return
        wanted, have = Counter(key(t) for t in source), Counter(key(t) for t in target)
        lost = list((wanted - have).elements())
        spare = have - wanted
        added = []
        for token in target:
            if spare[key(token)] > 0:
                spare[key(token)] -= 1
                added.append(token)
        originals = {key(t): _shown(segment.source, t) for t in source}
        for old, new in zip(lost, added):
            yield self.finding(segment, ctx, f"{self.what} {originals[old]!r} of the source is "
                               f"{_shown(segment.text, new)!r} here.", span=(new.start, new.end),
                               suggestion=None if new.kind == "icu" else originals[old])
        for old in lost[len(added):]:
            yield self.finding(segment, ctx, f"{self.what} {originals[old]!r} of the source is missing.")
        for new in added[len(lost):]:
            yield self.finding(segment, ctx, f"{self.what} {_shown(segment.text, new)!r} is not in the source.",
                               span=(new.start, new.end))


def _shown(text: str, token: Token) -> str:
    """The token as written; an ICU argument by its name and type, not its translated branches."""
    return token.key if token.kind == "icu" else text[token.start:token.end]


class PlaceholderMismatch(TokenCheck):
    """A placeholder of the source is missing, changed or added in the translation.

    Why it matters: the program fills placeholders at run time; a missing one loses data
    ("Deleted %(count)s files" -> "Fichiers supprimés"), a changed or added one crashes the
    formatting call or shows the raw placeholder to the user.

    Example: "Hello %(name)s" -> "Bonjour %(nom)s" (PH01, "%(name)s" changed to "%(nom)s").

    Syntaxes: printf ("%s", "%d", positional "%1$s"; "%%" is a literal percent sign),
    Python "%(name)s" and "{name}", "{0}", "{name!r:>10}", ICU "{count, plural, one {…} other
    {…}}" (argument names and types are compared, not the translated branches), i18next
    "{{var}}", "$var" and "${var}".
    """

    code = "PH01"
    name = "placeholder-mismatch"
    category = Category.PLACEHOLDER
    severity = Severity.ERROR
    what = "Placeholder"

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if not has_pair(segment):
            return
        yield from self.compare(segment, ctx, placeholders(segment.source), placeholders(segment.text))


class PlaceholderOrder(Check):
    """Placeholders filled by position appear in a different order in the translation.

    Why it matters: "%s" and "{}" are filled in the order they appear; swapping them to fit
    the target grammar swaps the values ("%s sent %s" -> "%s a reçu de %s" names the wrong
    person). Reorder with positional forms instead: "%2$s a reçu de %1$s", "{1}", "{0}".

    Example: "From %s to %d" -> "Vers %d depuis %s" (PH02).

    Named and numbered placeholders ("%(name)s", "%1$s", "{0}", "{name}") may move freely.
    """

    code = "PH02"
    name = "placeholder-order"
    category = Category.PLACEHOLDER
    severity = Severity.ERROR

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if segment.source is None:
            return
        source = [t for t in placeholders(segment.source) if t.ordered]
        if not source:
            return  # nothing to reorder; a placeholder only in the target is PH01's business
        target = [t for t in placeholders(segment.text) if t.ordered]
        if Counter(t.key for t in source) != Counter(t.key for t in target):
            return  # PH01's business
        for expected, found in zip(source, target):
            if expected.key != found.key:
                yield self.finding(segment, ctx, f"Placeholder {found.key!r} stands where the source has "
                                   f"{expected.key!r}; use positional placeholders to reorder.",
                                   span=(found.start, found.end), suggestion=expected.key)
                return


class LinkMismatch(TokenCheck):
    """A URL or e-mail address of the source is missing or altered in the translation.

    Why it matters: a link that was translated, truncated or mistyped leads nowhere, and an
    altered address sends mail to a stranger.

    Example: "See https://example.com/help" -> "Voir https://exemple.com/aide" (URL01).

    A language code swapped in a path, subdomain or query ("/en/" -> "/fr/", "?lang=fr") is a
    localised link, not an error.
    """

    code = "URL01"
    name = "link-mismatch"
    category = Category.PLACEHOLDER
    severity = Severity.ERROR
    mqm_severity = MqmSeverity.MAJOR  # a wrong link misleads; unlike a placeholder it breaks no build
    what = "Link"

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if not has_pair(segment):
            return
        source, target = links(segment.source), links(segment.text)
        if not source and not target:  # most units: no pattern to look up
            return
        langs = "|".join(re.escape(lang) for lang in {ctx.source_lang, ctx.target_lang})
        localised = re.compile(rf"(?<=[/.=_-])(?:{langs})(?:[-_][A-Za-z]{{2}})?(?=[/.&#_-]|$)", re.IGNORECASE)
        yield from self.compare(segment, ctx, source, target, key=lambda token: localised.sub("*", token.key))
