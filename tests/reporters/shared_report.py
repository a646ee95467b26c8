"""One hand-built Report that every output format is rendered from (ruff's shared messages).

It holds what formats get wrong: all three severities, a path with a space, a character outside
the BMP before a span (code points vs UTF-16), a multi-line finding, text with markup, a control
character and newlines, a suppressed finding, an input error, an input warning and unused suppressions.
"""

from __future__ import annotations

from tqa.models import (
    Category, Finding, InputError, InputWarning, Location, Report, Role, Severity, Signature, Span, Summary, Suppressed,
    UnusedSuppression,
)

ARTICLE = "seeds/article.en.txt"
GUIDE = "docs/user guide.md"
CLEAN = "docs/clean.txt"
STRINGS = "docs/strings.xlf"


def _at(path, line, column, end_line, end_column, offset, length, segment):
    return Location(path=path, line=line, column=column, end_line=end_line, end_column=end_column,
                    offset=offset, end_offset=offset + length, segment_id=segment)


_UNSORTED = (
    Finding(
        code="TERM01", check="forbidden-term", category=Category.TERMINOLOGY, severity=Severity.ERROR,
        message='Forbidden term "the Hebrew state": use "Israel" for "État hébreu".',
        location=_at(ARTICLE, 6, 26, 6, 42, 314, 16, "p2.s2"),
        text="As part of this process, the Hebrew state inaugurated a first commercial flight.",
        span=Span(start=25, end=41), suggestion="Israel", role=Role.BODY,
        fingerprint="0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    ),
    Finding(
        code="LANG01", check="untranslated-text", category=Category.UNTRANSLATED, severity=Severity.ERROR,
        message="Interface text in French, left in the source language; expected English.",
        location=_at(ARTICLE, 20, 3, 20, 19, 900, 16, "p9.s1"),
        text="🎉 Vos commentaires", role=Role.INTERFACE, detected_lang="fr", expected_lang="en",
        fingerprint="11111111111111111111111111111111",
    ),
    Finding(
        code="QUOTE01", check="quote-spacing", category=Category.PUNCTUATION, severity=Severity.WARNING,
        message="Closing quote ” has a space before it: 50% of readers, at least,\nnotice.",
        location=_at(GUIDE, 3, 12, 3, 14, 40, 2, "p2.s1"),
        text='He said <script>alert("x")</script> today, ”Minister\x07 Gantz said.',
        span=Span(start=42, end=44), suggestion="” ", role=Role.BODY,
        fingerprint="22222222222222222222222222222222",
    ),
    Finding(
        code="WS01", check="doubled-space", category=Category.WHITESPACE, severity=Severity.INFO,
        message="Two spaces in a row.",
        location=_at(GUIDE, 7, 30, 8, 1, 120, 3, "p4.s1"),
        text="A line that ends with spaces  \nand goes on.", span=Span(start=28, end=30), role=Role.BODY,
        fingerprint="33333333333333333333333333333333",
    ),
    Finding(
        code="TERM01", check="forbidden-term", category=Category.TERMINOLOGY, severity=Severity.ERROR,
        message='Forbidden term "Recall that": use "It should be noted that" for "Rappelons que".',
        location=_at(GUIDE, 9, 1, 9, 12, 160, 11, "p5.s1"),
        text="Recall that the accords were signed.", span=Span(start=0, end=11),
        suggestion="It should be noted that", role=Role.BODY,
        fingerprint="44444444444444444444444444444444",
        suppressed=Suppressed(by="baseline", reason="accepted: quoted from the minister"),
    ),
)

FINDINGS = tuple(sorted(_UNSORTED, key=Finding.sort_key))

REPORT = Report(
    signature=Signature(
        tqa_version="0.1.0", source_lang="fr", target_lang="en",
        checks=("LANG01", "QUOTE01", "TERM01", "WS01"), glossaries=(), detector="fixture", seed=0,
    ),
    summary=Summary(
        files=4, segments=12, words=150, findings=4,
        by_severity={"error": 2, "info": 1, "warning": 1},
        by_category={"punctuation": 1, "terminology": 1, "untranslated": 1, "whitespace": 1},
        input_errors=1, suppressed=1,
    ),
    findings=FINDINGS,
    input_errors=(InputError(path="docs/latin1.txt", message="not valid UTF-8 at byte 1", line=1),),
    files=(CLEAN, GUIDE, STRINGS, ARTICLE),
    unused_suppressions=(
        UnusedSuppression(by="inline", path=GUIDE, line=12, codes=("STYLE01",)),
        UnusedSuppression(by="baseline", path=ARTICLE, codes=("WS02",), fingerprint="55555555555555555555555555555555"),
    ),
    warnings=(InputWarning(path=STRINGS, line=4, column=5, message='XInclude <xi:include href="more,strings.xlf">'
                           " not processed: tqa never fetches or includes anything"),),
)
