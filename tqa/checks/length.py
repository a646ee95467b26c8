"""Length: a translation far longer or shorter than its source, or wider than the file allows."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, model_validator

from ..models import Category, Finding, MqmSeverity, Segment, Severity
from .base import Check, Context, has_pair


class RatioOptions(BaseModel):
    """Bounds on target length / source length; short sources get wider bounds (Okapi's)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    short_below: int = 20  # a source with fewer characters than this is short
    slack: int = 10  # differences of fewer characters are never reported ("PM" -> "Après-midi")
    short_min: float = 0.3
    short_max: float = 3.5
    min_ratio: float = 0.45
    max_ratio: float = 2.0

    @model_validator(mode="after")
    def _ordered(self) -> RatioOptions:
        if not (0 <= self.short_min < self.short_max and 0 <= self.min_ratio < self.max_ratio):
            raise ValueError("each minimum must be at least 0 and below its maximum")
        return self


class LengthRatio(Check):
    """The translation is much longer or much shorter than its source.

    Why it matters: a translation a third of its source's length has usually lost a clause;
    one three times as long often carries a translator's note or a duplicated sentence, and
    will not fit the space the interface gives it.

    Example: "Your password must contain at least 8 characters." -> "Mot de passe trop court."
    (LEN01, ratio 0.48 is fine; "8 caractères." at 0.25 is not).

    Options (``[checks.length-ratio]``): ``short_below`` (20 characters), ``short_min`` (0.3)
    and ``short_max`` (3.5) for short sources, ``min_ratio`` (0.45) and ``max_ratio`` (2.0)
    otherwise; ``slack`` (10): a difference of fewer characters is never reported. Lengths
    count characters without surrounding whitespace.
    """

    code = "LEN01"
    name = "length-ratio"
    category = Category.LENGTH
    severity = Severity.WARNING
    mqm_severity = MqmSeverity.MINOR  # a ratio is a hint; a hard limit (LEN02) is what truncates
    Options = RatioOptions

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        if not has_pair(segment) or not segment.source.strip():
            return
        source, target = len(segment.source.strip()), len(segment.text.strip())
        options = self.options
        short = source < options.short_below
        low, high = (options.short_min, options.short_max) if short else (options.min_ratio, options.max_ratio)
        ratio = target / source
        if (ratio < low or ratio > high) and abs(target - source) >= options.slack:
            what = "shorter" if ratio < low else "longer"
            yield self.finding(segment, ctx, f"Translation is {ratio:.2f} times the source's length, {what} "
                               f"than the {low:g}–{high:g} allowed{' for short strings' if short else ''}.")


class MaxWidth(Check):
    """The translation is longer than the maximum width the file sets for the unit.

    Why it matters: XLIFF ``maxwidth`` (and similar limits) describe real space: a button,
    an SMS, a database column. Longer text is cut off or rejected when the file is merged.

    Example: a unit with maxwidth 10 and target "Enregistrer les modifications" (LEN02;
    the span covers the characters past the limit).
    """

    code = "LEN02"
    name = "max-width"
    category = Category.LENGTH
    severity = Severity.ERROR

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        limit = segment.max_width
        if limit is None or len(segment.text) <= limit:
            return
        yield self.finding(segment, ctx, f"Translation has {len(segment.text)} characters; the limit is {limit}.",
                           span=(limit, len(segment.text)))
