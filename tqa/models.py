"""Data shared by every stage: what readers produce, what checks report, what reporters render.

    reader  -> Document(blocks)          text + where each character came from
    segment -> Segment                   one sentence (or interface string) with a Role
    detect  -> Segment.detected_lang     "en", "fr", another code, or None (undetermined)
    checks  -> Finding                   a value, never an exception
    report  -> Report                    findings + summary + run signature

Offsets are 0-based code points into the decoded file text; lines and columns are 1-based,
columns counted in code points (what SARIF calls ``unicodeCodePoints``).
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    """Every model: immutable, no unknown fields.

    Pydantic keeps, per instance, the set of field names it was given (0.2–0.7 KB); a
    million-unit run holds a hundred thousand findings, each with a location and a span. So
    the instances a run makes by the thousand (``lean``) share one set naming every field, and
    their copies keep sharing it. Nothing in tqa reads ``model_fields_set``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def lean(cls, **values: Any) -> Self:
        """A validated instance that shares the class's set of field names."""
        instance = cls(**values)
        object.__setattr__(instance, "__pydantic_fields_set__", _every_field(cls))
        return instance

    def __copy__(self) -> Self:
        copied = super().__copy__()  # model_copy's: copies the set of given names
        every = _every_field(type(self))
        if self.__pydantic_fields_set__ == every:  # also true of unpickled ones: share again
            object.__setattr__(copied, "__pydantic_fields_set__", every)
        return copied


@cache
def _every_field(model: type[Frozen]) -> set[str]:
    """One set per model class; ``model_copy(update=...)`` adds names it already has."""
    return set(model.model_fields)


class Severity(StrEnum):
    """Gate severity: what ``--fail-on`` compares against."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def at_least(self, other: Severity) -> bool:
        return self.rank >= other.rank


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(StrEnum):
    """Issue family; summaries, filters and scores roll up by it."""

    LANGUAGE = "language"
    UNTRANSLATED = "untranslated"
    TERMINOLOGY = "terminology"
    NUMBER = "number"
    PLACEHOLDER = "placeholder"
    MARKUP = "markup"
    PUNCTUATION = "punctuation"
    WHITESPACE = "whitespace"
    LOCALE = "locale-convention"
    LENGTH = "length"
    CONSISTENCY = "consistency"
    STYLE = "style"


class MqmSeverity(StrEnum):
    """Score severity (MQM): what a finding costs in the quality score; see tqa/scoring/mqm.py."""

    NEUTRAL = "neutral"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"


class MqmDimension(StrEnum):
    """MQM Core dimension a finding counts against (with the Accuracy subtype where it matters)."""

    TERMINOLOGY = "terminology"
    ACCURACY_MISTRANSLATION = "accuracy/mistranslation"
    ACCURACY_OMISSION = "accuracy/omission"
    ACCURACY_UNTRANSLATED = "accuracy/untranslated"
    LINGUISTIC_CONVENTIONS = "linguistic-conventions"
    STYLE = "style"
    LOCALE_CONVENTIONS = "locale-conventions"
    AUDIENCE_APPROPRIATENESS = "audience-appropriateness"
    DESIGN_AND_MARKUP = "design-and-markup"


class Role(StrEnum):
    """What a piece of a monolingual page is; language expectations and severities follow it."""

    TITLE = "title"
    TAGS = "tags"
    BYLINE = "byline"
    DATELINE = "dateline"
    BODY = "body"
    INTERFACE = "interface"


class Location(Frozen):
    """Where a segment or a finding's span sits in its file."""

    path: str = Field(description="Path as the user gave it (relative paths stay relative).")
    line: int = Field(description="1-based line of the first character.")
    column: int = Field(description="1-based column of the first character, in code points.")
    end_line: int = Field(description="1-based line of the last character.")
    end_column: int = Field(description="1-based column just past the last character (exclusive).")
    offset: int = Field(description="0-based code-point offset of the first character in the file.")
    end_offset: int = Field(description="0-based code-point offset just past the last character.")
    segment_id: str = Field(description="Stable id of the segment inside its file, e.g. 'p3.s2'.")


Anchor = tuple[int, int]
"""(index in a text, offset in the file): from that index on, characters map to consecutive
file offsets until the next anchor. Lets readers drop markup and decode entities without
losing exact positions."""


class Block(Frozen):
    """A run of text as a reader found it: a paragraph, heading, list item, cell or label."""

    text: str
    anchors: tuple[Anchor, ...]
    kind: str = "paragraph"
    role: Role | None = Field(default=None, description="Set when markup says what it is (HTML DOM).")


class Document(Frozen):
    """A file after reading: its decoded text, and blocks (documents) or units (bilingual files)."""

    path: str
    format: str
    text: str = Field(repr=False)
    blocks: tuple[Block, ...] = ()
    units: tuple[Segment, ...] = Field(default=(), description="Bilingual units, already segments.")
    source_lang: str | None = None
    target_lang: str | None = None
    suppressions: tuple[Suppression, ...] = Field(
        default=(), description="Ranges where comments in the file disable checks (Markdown, HTML)."
    )
    origin: tuple[int, int] = Field(
        default=(0, 0),
        description="Where ``text`` starts in the file (offset, line breaks before it): a part of a big "
        "file read piece by piece has the text of its piece only.",
    )
    warnings: tuple[InputWarning, ...] = Field(
        default=(), description="What the reader read past without acting on (XInclude), in file order."
    )


class Suppression(Frozen):
    """An inline ``tqa-disable`` directive: from ``start`` to ``end`` (file offsets), these checks
    are off. No codes means every check. Readers find them in comments, the pipeline in notes."""

    start: int
    end: int
    codes: tuple[str, ...] = ()
    reason: str | None = None


class Suppressed(Frozen):
    """Why a finding does not count: it stays in the report but out of the gate and the score."""

    by: Literal["baseline", "inline", "config"]
    reason: str | None = None


class UnusedSuppression(Frozen):
    """A suppression that matched no finding: stale, so reported (ruff's RUF100, PHPStan's
    reportUnmatchedIgnoredErrors) to keep suppressions from outliving their reason."""

    by: Literal["baseline", "inline"]
    path: str
    line: int | None = None
    codes: tuple[str, ...] = ()
    fingerprint: str | None = None

    def describe(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        what = ",".join(self.codes) or "all checks"
        if self.by == "baseline":
            return f"{where}: baseline entry {self.fingerprint} ({what}) matches no finding"
        return f"{where}: tqa-disable {what} matches no finding"


class InlineCode(Frozen):
    """An inline code of a bilingual unit (XLIFF <ph>, <g>, <bx/>…; a PO/JSON placeholder is not one).

    Kept as structure, never flattened into plain text: checks compare codes by id and kind.
    ``start``/``end`` are offsets into the segment text where the code stands (equal for a code
    shown as nothing); ``data`` is its original markup or native text, e.g. ``<b>`` or ``%s``.
    A placeholder (``<ph>``) shows its native text in the segment text, start..end covering it;
    paired and split codes (``<g>``, ``<pc>``, ``<bpt>``/``<ept>``, ``<bx/>``/``<ex/>``,
    ``<sc/>``/``<ec/>``, ``<it>``) and ``<x/>`` are zero-width. Rules: ``tqa/readers/inline.py``.
    """

    kind: Literal["open", "close", "standalone"]
    id: str
    tag: str = Field(description="Element it came from: g, x, bx, ex, ph, pc, sc, ec, bpt, ept, it.")
    start: int
    end: int
    data: str = ""


class Segment(Frozen):
    """One unit of checking: a sentence of a paragraph, a short string, or a bilingual unit.

    Monolingual documents fill ``text`` (the target) and leave ``source`` empty; bilingual
    files (XLIFF, PO, TMX, CSV, JSON) fill both, and ``location`` points at the target.
    """

    id: str
    text: str
    anchors: tuple[Anchor, ...]
    kind: str = "paragraph"
    role: Role = Role.BODY
    location: Location
    detected_lang: str | None = Field(
        default=None, description="Set by the detect step; None means undetermined."
    )
    source: str | None = None
    source_lang: str | None = Field(default=None, description="As the file declares it, if it does.")
    target_lang: str | None = Field(default=None, description="As the file declares it, if it does.")
    unit_id: str | None = Field(default=None, description="XLIFF unit id, PO msgctxt+msgid, TMX tuid, key.")
    notes: tuple[str, ...] = ()
    state: str | None = Field(default=None, description="new, fuzzy, needs-review, translated, approved, final…")
    flags: tuple[str, ...] = Field(default=(), description="Format flags such as python-format.")
    source_codes: tuple[InlineCode, ...] = ()
    target_codes: tuple[InlineCode, ...] = ()
    max_width: int | None = Field(default=None, description="XLIFF maxwidth, in characters.")


class Span(Frozen):
    """Offsets of the offending text inside the segment's text (0-based, end exclusive)."""

    start: int
    end: int


class Finding(Frozen):
    """One problem found by one check in one segment."""

    code: str = Field(description="Stable check code, e.g. 'TERM01'.")
    check: str = Field(description="Readable check name, e.g. 'forbidden-term'.")
    category: Category
    severity: Severity
    message: str
    location: Location = Field(description="Position of the offending span in the file.")
    text: str = Field(description="The whole segment the finding is in.")
    span: Span | None = None
    suggestion: str | None = None
    role: Role | None = None
    detected_lang: str | None = None
    expected_lang: str | None = None
    mqm_severity: MqmSeverity | None = Field(default=None, description="What it costs in the score.")
    mqm_dimension: MqmDimension | None = Field(default=None, description="MQM dimension it counts against.")
    source: str | None = Field(default=None, description="The source of a bilingual unit; None in documents.")
    fingerprint: str | None = Field(
        default=None, description="Stable id across runs (check, file, unit, text; never lines): baseline key."
    )
    suppressed: Suppressed | None = Field(
        default=None, description="Set when a baseline, an inline comment or config suppresses it."
    )

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.offset, loc.end_offset, self.code, self.message)


class FileMessage(Frozen):
    """A message about a file, or a place in it when the reader knows."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def where(self) -> str:
        """``path``, ``path:line`` or ``path:line:column``."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where


class InputError(FileMessage):
    """A file tqa could not read; reported, never raised past the pipeline."""

    def describe(self) -> str:
        return f"{self.where()}: {self.message}"


class InputWarning(FileMessage):
    """Something in a file that tqa read past without acting on it (an XInclude, which it never
    processes): the file is still checked, and the exit status does not change."""

    def describe(self) -> str:
        return f"{self.where()}: warning: {self.message}"


class Summary(Frozen):
    files: int
    segments: int
    words: int
    findings: int
    by_severity: dict[str, int]
    by_category: dict[str, int]
    input_errors: int = 0
    suppressed: int = Field(default=0, description="Findings suppressed; not in the counts above.")


class GlossaryInfo(Frozen):
    path: str
    sha256: str
    terms: int


class Signature(Frozen):
    """Every setting that changes the findings, so two reports can be compared (sacrebleu's idea)."""

    tqa_version: str
    source_lang: str
    target_lang: str
    checks: tuple[str, ...]
    glossaries: tuple[GlossaryInfo, ...]
    detector: str
    seed: int

    def compact(self) -> str:
        glossaries = ",".join(g.sha256[:12] for g in self.glossaries) or "none"
        return (
            f"tqa:{self.tqa_version}|langs:{self.source_lang}-{self.target_lang}"
            f"|checks:{len(self.checks)}|glossaries:{glossaries}|detector:{self.detector}|seed:{self.seed}"
        )


class Paragraph(Frozen):
    """A document paragraph as its segments, in order: a flagged sentence shown among its neighbours."""

    path: str
    segments: tuple[tuple[str, str], ...] = Field(description="(segment id, text) pairs in document order.")


class DimensionTotal(Frozen):
    """Findings and penalty points of one MQM dimension."""

    findings: int
    penalties: float


class Score(Frozen):
    """MQM quality score: 100 × (1 − penalties / evaluated words); see the README."""

    value: float | None = Field(description="The score, 2 decimals; null when no words were evaluated.")
    penalties: float = Field(description="Sum of severity multiplier × dimension weight over findings.")
    evaluated_words: int = Field(description="Source words where a segment has a source, else target words.")
    per_1000_words: float | None = Field(description="Penalty points per 1,000 evaluated words (not the score).")
    passed: bool | None = Field(description="Against min_score and critical_fails; null when neither is set.")
    by_dimension: dict[str, DimensionTotal]


class FileScore(Score):
    path: str


class RunScore(Score):
    """The run's score, over all files' findings and words, with each file's own."""

    formula: str = Field(description="Formula, word basis, multipliers and weights used.")
    files: tuple[FileScore, ...] = ()


class Report(Frozen):
    """The result of one run; every output format is rendered from it."""

    schema_version: int = 1
    signature: Signature
    summary: Summary
    findings: tuple[Finding, ...]
    input_errors: tuple[InputError, ...] = ()
    score: RunScore | None = Field(default=None, description="MQM quality score of the run and of each file.")
    paragraphs: tuple[Paragraph, ...] = Field(
        default=(), description="The paragraphs findings point into, so a report can show their context."
    )
    files: tuple[str, ...] = Field(default=(), description="Every file checked, as shown in findings.")
    unused_suppressions: tuple[UnusedSuppression, ...] = ()
    warnings: tuple[InputWarning, ...] = Field(
        default=(), description="What readers read past without acting on (XInclude), in file order."
    )
