"""Language checks: text left in the source language, or written in a third language."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Category, Finding, Segment, Severity
from .base import Check, Context
from ..langnames import language_name


class UntranslatedText(Check):
    """Text is still in the source language: it was never translated.

    Why it matters: readers of the translation cannot read it, and it is the most visible
    slip of all; on web pages it is typically interface text copied from the source site,
    such as a comment box ("Vos commentaires") under a translated article.

    Example: in an English translation of a French page, "Réagissez à cet article" (LANG01).

    The language of each segment is detected with langdetect restricted to the languages in
    play plus word-frequency evidence for short strings; a segment whose language cannot be
    told (names, numbers, "Article", "Date") is undetermined and never reported.
    """

    code = "LANG01"
    name = "untranslated-text"
    category = Category.UNTRANSLATED
    severity = Severity.ERROR

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        source = ctx.source_lang
        if segment.detected_lang == source and source != ctx.target_lang:
            yield self.language_finding(segment, ctx, "left in the source language")

    def language_finding(self, segment: Segment, ctx: Context, what: str) -> Finding:
        found = language_name(segment.detected_lang)
        expected = language_name(ctx.target_lang)
        message = f"{segment.role.value.capitalize()} text in {found}, {what}; expected {expected}."
        return self.finding(
            segment,
            ctx,
            message,
            detected_lang=segment.detected_lang,
            expected_lang=ctx.target_lang,
        )


class WrongLanguage(UntranslatedText):
    """Text is in a language that is neither the target nor the source language.

    Why it matters: a paragraph pasted from the wrong file, a reader comment in another
    language, or a machine-translation mix-up; none of it is readable by the audience.

    Example: a German sentence inside an English article translated from French (LANG02).

    Detection restricted to two languages must not force everything into one of them: other
    scripts (Arabic, Cyrillic, CJK, …) and clear Latin-script sentences in a third language
    are reported as such.
    """

    code = "LANG02"
    name = "wrong-language"
    category = Category.LANGUAGE
    severity = Severity.ERROR

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        lang = segment.detected_lang
        if lang is not None and lang not in (ctx.target_lang, ctx.source_lang):
            yield self.language_finding(segment, ctx, "neither the target nor the source language")
