"""MQM quality score from findings: the linear scoring model of MQM 2024 (peers.md §11).

    finding -> penalty = severity multiplier × dimension weight     (neutral 0, minor 1, major 5, critical 25)
    file    -> penalties (APT) and evaluated words (EWC: source words where a segment has a
               source, else target words)
    score   =  100 × (1 − penalties / evaluated words)               the raw MQM score
    per_1000_words = 1000 × penalties / evaluated words              the normed penalty total (NPT)

NOTE: some vendor tools publish 100 − NPT as "the score"; that is ten times harsher. tqa reports
the raw MQM score and the NPT side by side, under their own names, and never the other one.
Zero evaluated words give no score (null) rather than a made-up one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..models import (
    Category,
    DimensionTotal,
    FileScore,
    Finding,
    MqmDimension,
    MqmSeverity,
    RunScore,
    Score,
    Segment,
)
from ..wordcount import count_words

DEFAULT_MULTIPLIERS = {
    MqmSeverity.NEUTRAL: 0.0,
    MqmSeverity.MINOR: 1.0,
    MqmSeverity.MAJOR: 5.0,
    MqmSeverity.CRITICAL: 25.0,
}

# Every category's MQM dimension and default MQM severity; a check may declare its own instead.
CATEGORY_DEFAULTS: dict[Category, tuple[MqmDimension, MqmSeverity]] = {
    Category.LANGUAGE: (MqmDimension.ACCURACY_UNTRANSLATED, MqmSeverity.MAJOR),
    Category.UNTRANSLATED: (MqmDimension.ACCURACY_UNTRANSLATED, MqmSeverity.MAJOR),
    Category.TERMINOLOGY: (MqmDimension.TERMINOLOGY, MqmSeverity.MAJOR),
    Category.NUMBER: (MqmDimension.ACCURACY_MISTRANSLATION, MqmSeverity.MAJOR),
    Category.PLACEHOLDER: (MqmDimension.DESIGN_AND_MARKUP, MqmSeverity.CRITICAL),  # can break the app
    Category.MARKUP: (MqmDimension.DESIGN_AND_MARKUP, MqmSeverity.CRITICAL),
    Category.PUNCTUATION: (MqmDimension.LINGUISTIC_CONVENTIONS, MqmSeverity.MINOR),
    Category.WHITESPACE: (MqmDimension.LINGUISTIC_CONVENTIONS, MqmSeverity.MINOR),
    Category.LOCALE: (MqmDimension.LOCALE_CONVENTIONS, MqmSeverity.MINOR),
    Category.LENGTH: (MqmDimension.DESIGN_AND_MARKUP, MqmSeverity.MAJOR),
    Category.CONSISTENCY: (MqmDimension.TERMINOLOGY, MqmSeverity.MINOR),
    Category.STYLE: (MqmDimension.STYLE, MqmSeverity.MINOR),
}

WORD_BASIS = "source-else-target"


class ScoreSettings(BaseModel):
    """The ``[score]`` table: multipliers per MQM severity, weights per dimension, auto-fail."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    multipliers: dict[MqmSeverity, float] = Field(default_factory=lambda: dict(DEFAULT_MULTIPLIERS))
    weights: dict[str, float] = Field(
        default_factory=dict, description="By dimension ('accuracy/untranslated') or family ('accuracy'); default 1."
    )
    critical_fails: bool = Field(default=False, description="Any critical finding fails, whatever the score.")

    @field_validator("multipliers")
    @classmethod
    def _complete(cls, value: dict[MqmSeverity, float]) -> dict[MqmSeverity, float]:
        """A table naming some severities keeps the defaults for the others."""
        _non_negative(value.values())
        return DEFAULT_MULTIPLIERS | value

    @field_validator("weights")
    @classmethod
    def _known_dimensions(cls, value: dict[str, float]) -> dict[str, float]:
        known = {d.value for d in MqmDimension} | {family(d) for d in MqmDimension}
        for key in value:
            if key not in known:
                raise ValueError(f"unknown MQM dimension {key!r} (known: {', '.join(sorted(known))})")
        _non_negative(value.values())
        return value

    def weight(self, dimension: MqmDimension) -> float:
        """The dimension's own weight, else its family's, else 1."""
        return self.weights.get(dimension.value, self.weights.get(family(dimension), 1.0))

    def penalty(self, finding: Finding) -> float:
        return self.multipliers[finding.mqm_severity] * self.weight(finding.mqm_dimension)

    def formula(self) -> str:
        """The formula and every number that feeds it, so two scores can be compared."""
        multipliers = ",".join(f"{s.value}={self.multipliers[s]:g}" for s in MqmSeverity)
        weights = ",".join(f"{k}={v:g}" for k, v in sorted(self.weights.items())) or "all=1"
        return f"100*(1-penalties/words)|words:{WORD_BASIS}|multipliers:{multipliers}|weights:{weights}"


def _non_negative(values: Iterable[float]) -> None:
    if any(v < 0 for v in values):
        raise ValueError("must not be negative")


def family(dimension: MqmDimension) -> str:
    """'accuracy' for 'accuracy/untranslated'; a top-level dimension is its own family."""
    return dimension.value.split("/")[0]


def scored(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that count: suppressed ones (baseline, inline) and unscored ones do not."""
    return [f for f in findings if f.mqm_severity is not None and f.suppressed is None]


def score(
    findings: Sequence[Finding], words: int, settings: ScoreSettings, min_score: float | None
) -> Score:
    """Score one set of findings over ``words`` evaluated words."""
    counted = scored(findings)
    penalties = round(sum(settings.penalty(f) for f in counted), 6)
    value = per_1000 = None
    if words:
        value = round(100 * (1 - penalties / words), 2)
        per_1000 = round(1000 * penalties / words, 2)
    critical = any(f.mqm_severity is MqmSeverity.CRITICAL for f in counted)
    return Score(
        value=value,
        penalties=penalties,
        evaluated_words=words,
        per_1000_words=per_1000,
        passed=passes(value, penalties, critical, min_score, settings.critical_fails),
        by_dimension=by_dimension(counted, settings),
    )


def passes(
    value: float | None, penalties: float, critical: bool, min_score: float | None, critical_fails: bool
) -> bool | None:
    """None when no gate is set. With no words, any penalty fails: nothing was done right."""
    if min_score is None and not critical_fails:
        return None
    if critical_fails and critical:
        return False
    if min_score is None:
        return True
    return penalties == 0 if value is None else value >= min_score


def by_dimension(findings: Iterable[Finding], settings: ScoreSettings) -> dict[str, DimensionTotal]:
    counts: dict[str, int] = defaultdict(int)
    penalties: dict[str, float] = defaultdict(float)
    for finding in findings:
        counts[finding.mqm_dimension.value] += 1
        penalties[finding.mqm_dimension.value] += settings.penalty(finding)
    return {d: DimensionTotal(findings=counts[d], penalties=round(penalties[d], 6)) for d in sorted(counts)}


def score_run(
    findings: Sequence[Finding],
    words_by_file: Sequence[tuple[str, int]],
    settings: ScoreSettings,
    min_score: float | None,
) -> RunScore:
    """The run's score over every checked file, and each file's own (in the order checked)."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.location.path].append(finding)
    files = tuple(
        FileScore(path=path, **dict(score(by_path[path], words, settings, min_score)))
        for path, words in words_by_file
    )
    total = score(findings, sum(words for _, words in words_by_file), settings, min_score)
    return RunScore(**dict(total), formula=settings.formula(), files=files)


def evaluated_words(segments: Iterable[Segment]) -> int:
    """EWC: each segment's source words where it has a source (bilingual units), else its target words."""
    return sum(count_words(s.source if s.source is not None else s.text) for s in segments)
