"""Numbers: every quantity, time and date of the source, read the way each locale writes it."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Category, Finding, Segment, Severity
from ..numbers import Number, numbers, spelled
from .base import Check, Context, has_pair


class NumberMismatch(Check):
    """A number of the source is missing or changed in the translation, or one was added.

    Why it matters: a wrong quantity, price, version, date or time is a factual error that
    readers trust, and spell checkers never see.

    Example: "Wait 5 minutes." -> "Attendez 15 minutes." (NUM01, "5" changed to "15").

    Locale-aware: "1,234.5" and "1 234,5" (normal, no-break or narrow no-break spaces) are the
    same number; "10%" and "10 %" too; "11:52", "11:52 AM" and "11 h 52" the same time;
    ordinals "1st"/"1er"/"1re" count as 1. A number written out on the other side ("two",
    "deux", "first") is fine. Numbers inside placeholders, tags, URLs and e-mail addresses,
    and digits glued to letters ("mp3", "x86"), are not compared. Dates may reorder their parts.
    """

    code = "NUM01"
    name = "number-mismatch"
    category = Category.NUMBER
    severity = Severity.ERROR

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if not has_pair(segment):
            return
        missing, extra = _unmatched(numbers(segment.source, ctx.source_lang), numbers(segment.text, ctx.target_lang))
        missing = [n for n in missing if not _written_out(n, segment.text, ctx.target_lang)]
        extra = [n for n in extra if not _written_out(n, segment.source, ctx.source_lang)]
        for lost, added in zip(missing, extra):
            yield self.finding(segment, ctx, f"Number {lost.text!r} of the source is {added.text!r} here.",
                               span=(added.start, added.end), suggestion=lost.text)
        for lost in missing[len(extra):]:
            yield self.finding(segment, ctx, f"Number {lost.text!r} of the source is missing.")
        for added in extra[len(missing):]:
            yield self.finding(segment, ctx, f"Number {added.text!r} is not in the source.",
                               span=(added.start, added.end))


def _unmatched(source: list[Number], target: list[Number]) -> tuple[list[Number], list[Number]]:
    """Numbers of each side with no partner of the same value on the other, in order."""
    left = list(target)
    missing = []
    for number in source:
        partner = next((t for t in left if t.values & number.values), None)
        if partner is None:
            missing.append(number)
        else:
            left.remove(partner)
    return missing, left


def _written_out(number: Number, other_text: str, other_lang: str) -> bool:
    """Whether the other side writes this number in words ("2" and "deux", "1st" and "first")."""
    words = {str(v) for v in spelled(other_text, other_lang)}
    return bool(number.values & words)
