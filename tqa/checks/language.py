"""Language checks: text left in the source language, written in a third language, or missing."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..langnames import is_language_name, language_name
from ..langwords import clean, frequencies, has_wordlist, words
from ..models import Category, Finding, MqmDimension, Segment, Severity
from ..scoring.similarity import source_similarity
from .base import Check, Context

# A word at least this much more frequent (log10) in the source language than in the target
# one is not a cognate: "Password" in a French target, unlike "Description" or "Date".
SOURCE_ONLY_MARGIN = 1.0
# ...and common in the source language (log10 frequency): rare words are names ("Igbo").
SOURCE_COMMON = -5.5
# chrF of a target against its source from which an undetermined target counts as a copy: the
# source with its typography changed ("Status :" for "Status:"); measured in bench/similarity.md.
NEAR_COPY = 90.0
# Unit states (XLIFF 1.2/2.0, PO) that say nobody has translated the unit yet.
UNTRANSLATED_STATES = frozenset({"new", "initial", "needs-translation", "untranslated"})


class UntranslatedText(Check):
    """Text is still in the source language: it was never translated.

    Why it matters: readers of the translation cannot read it, and it is the most visible
    slip of all; on web pages it is typically interface text copied from the source site,
    such as a comment box ("Vos commentaires") under a translated article; in a catalog, a
    string copied from the source.

    Example: in an English translation of a French page, "Réagissez à cet article" (LANG01);
    in an English-to-French catalog, "Change password" translated as "Change password".

    The language of each segment is detected with langdetect restricted to the languages in
    play plus word-frequency evidence for short strings; a segment whose language cannot be
    told (names, numbers, "Article", "Date") is undetermined and never reported. In bilingual
    files a target identical to its source (ignoring case and spacing) is reported too, and so is
    a near copy whose language cannot be told (chrF ≥ 90 against the source: "Status :" for
    "Status:"), except names, codes and identifiers, numbers, URLs and placeholders only, a
    language's own name ("Deutsch"), and single-word cognates at home in the target language
    ("Description", "Options"); a phrase of two or more ordinary words kept word for word
    ("Content type") is a copy.
    """

    code = "LANG01"
    name = "untranslated-text"
    category = Category.UNTRANSLATED
    severity = Severity.ERROR

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        source = ctx.source_lang
        if source == ctx.target_lang:
            return
        if segment.source is not None and is_unchanged(segment, ctx):
            same = "identical to" if _normal(segment.text) == _normal(segment.source) else "a near copy of"
            yield self.finding(segment, ctx, f"Translation {same} the source" + state_note(segment) + ".",
                               detected_lang=segment.detected_lang, expected_lang=ctx.target_lang)
        elif segment.detected_lang == source:
            yield self.language_finding(segment, ctx, "left in the source language")

    def language_finding(self, segment: Segment, ctx: Context, what: str) -> Finding:
        found = language_name(segment.detected_lang)
        expected = language_name(ctx.target_lang)
        who = "Translation" if segment.source is not None else f"{segment.role.value.capitalize()} text"
        message = f"{who} in {found}, {what}{state_note(segment)}; expected {expected}."
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


class EmptyTranslation(Check):
    """A bilingual unit has a source but an empty (or whitespace-only) translation.

    Why it matters: an empty target usually ships as the source text or as nothing at all;
    either way the reader gets no translation. Units whose state says they are new or
    untranslated are reported too (that is the point), and the message says so.

    Example: msgid "Save changes" with msgstr "" or "  " (LANG03).
    """

    code = "LANG03"
    name = "empty-translation"
    category = Category.UNTRANSLATED
    severity = Severity.ERROR
    mqm_dimension = MqmDimension.ACCURACY_OMISSION  # nothing was translated: MQM's omission

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if segment.source is None or not segment.source.strip() or segment.text.strip():
            return
        what = "Empty translation" if not segment.text else "Translation is only whitespace"
        yield self.finding(segment, ctx, what + state_note(segment) + ".")


def state_note(segment: Segment) -> str:
    """' (the unit is marked new)' when the file itself says the unit is untranslated."""
    if segment.state and segment.state.lower() in UNTRANSLATED_STATES:
        return f" (the unit is marked {segment.state})"
    return ""


def is_unchanged(segment: Segment, ctx: Context) -> bool:
    """Target equal to source, up to case and spacing, and not one of the sensible exceptions."""
    if not is_copy(segment) or is_language_name(segment.text):
        return False
    prose = [w.text for w in words(clean(segment.text)) if w.weight == 1.0]
    if not prose:  # numbers, placeholders, URLs, identifiers, names and acronyms only
        return False
    if segment.detected_lang is not None:
        return segment.detected_lang == ctx.source_lang
    if len(prose) >= 2 or not (has_wordlist(ctx.source_lang) and has_wordlist(ctx.target_lang)):
        return True  # a phrase kept word for word is a copy; only single words can be cognates
    source_words, target_words = frequencies(ctx.source_lang), frequencies(ctx.target_lang)
    floor = -9.0
    return any(source_words.get(w, floor) >= SOURCE_COMMON
               and source_words.get(w, floor) - target_words.get(w, floor) >= SOURCE_ONLY_MARGIN for w in prose)


def is_copy(segment: Segment) -> bool:
    """Equal to its source up to case and spacing; or, when the detector cannot place the target,
    a near copy (chrF against the source ≥ NEAR_COPY). Placed targets need no chrF: decided already."""
    if _normal(segment.text) == _normal(segment.source or ""):
        return True
    return segment.detected_lang is None and source_similarity(segment.source or "", segment.text) >= NEAR_COPY


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())
