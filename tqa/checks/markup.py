"""Markup: HTML/XML tags written in the text, and the inline codes of XLIFF units."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..models import Category, Finding, InlineCode, Segment, Severity
from ..tokens import tags
from .base import Check, Context, has_pair
from .placeholders import TokenCheck


class MarkupMismatch(TokenCheck):
    """An HTML or XML tag of the source is missing, changed or added in the translation.

    Why it matters: a lost closing tag breaks the page layout or the XML, a lost opening tag
    loses the emphasis or the link, and a translated tag name is not markup any more.

    Example: "Click <b>Save</b>" -> "Cliquez sur <b>Enregistrer" (TAG01, "</b>" missing).

    Tags are compared by kind and name ("<a>", "</a>", "<br/>"); attribute values may be
    translated (title, alt), but links in them must survive (URL01).
    """

    code = "TAG01"
    name = "markup-mismatch"
    category = Category.MARKUP
    severity = Severity.ERROR
    what = "Tag"

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if not has_pair(segment):
            return
        yield from self.compare(segment, ctx, tags(segment.source), tags(segment.text))


class InlineCodeMismatch(Check):
    """An inline code of the source unit is missing, added, changed or out of order.

    Why it matters: XLIFF inline codes (<g>, <x/>, <bx/>/<ex/>, <ph>, <pc>, <sc/>/<ec/>) stand
    for formatting and fields of the original document; a lost code loses them in the
    translated file, an extra or reordered one corrupts it when it is merged back.

    Example: source "<g id='1'>Save</g> now" with target "Enregistrer maintenant" (CODE01,
    code 1 missing). Codes are compared by id and kind; a closing code before its opening
    code is reported too.
    """

    code = "CODE01"
    name = "inline-code-mismatch"
    category = Category.MARKUP
    severity = Severity.ERROR

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if not has_pair(segment) or not (segment.source_codes or segment.target_codes):
            return
        source, target = Counter(map(_key, segment.source_codes)), Counter(map(_key, segment.target_codes))
        for code_id, kind in sorted((source - target).elements()):
            yield self.finding(segment, ctx, f"Inline code {code_id} ({kind}) of the source is missing.")
        spare = target - source
        for code in segment.target_codes:
            if spare[_key(code)] > 0:
                spare[_key(code)] -= 1
                yield self.finding(segment, ctx, f"Inline code {code.id} ({code.kind}) is not in the source.",
                                   span=(code.start, code.end))
        yield from self._order(segment, ctx)

    def _order(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        """A closing code that comes before its opening code."""
        opened = set()
        for code in segment.target_codes:
            if code.kind == "open":
                opened.add(code.id)
            elif code.kind == "close" and code.id not in opened and ("open", code.id) in {
                    (c.kind, c.id) for c in segment.target_codes}:
                yield self.finding(segment, ctx, f"Inline code {code.id} closes before it opens.",
                                   span=(code.start, code.end))


def _key(code: InlineCode) -> tuple[str, str]:
    return code.id, code.kind
