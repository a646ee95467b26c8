"""What every check is: a code, a name, a category, a default severity and a docstring."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from pydantic import BaseModel, ConfigDict

from ..models import Category, Document, Finding, Location, MqmDimension, MqmSeverity, Role, Segment, Severity, Span
from ..positions import LineIndex, locate
from ..scoring.mqm import CATEGORY_DEFAULTS

if TYPE_CHECKING:
    from ..config import Settings
    from ..glossary import Glossary


@dataclass(frozen=True)
class Context:
    """What a check may look at besides the segment: settings, glossary, the whole document.

    ``source_lang``/``target_lang`` are the document's languages as resolved by the pipeline
    (command line > what the file declares > configuration); checks use these, not settings.
    """

    settings: Settings
    glossary: Glossary
    document: Document
    lines: LineIndex
    source_lang: str
    target_lang: str


class NoOptions(BaseModel):
    """Options of a check that has none: any key in its ``[checks.<name>]`` table is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Check:
    """Base class. A subclass's docstring is its user documentation (``tqa checks --explain``)."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity] = Severity.WARNING
    Options: ClassVar[type[BaseModel]] = NoOptions  # validated from [checks.<name>] in config
    # What a finding costs in the MQM score; None: the category's default (scoring/mqm.py).
    mqm_dimension: ClassVar[MqmDimension | None] = None
    mqm_severity: ClassVar[MqmSeverity | None] = None
    # What `tqa fix` may do with its findings (ruff's fix safety): "safe" applies the suggestion
    # over the span; "sometimes" asks ``sure_fix`` per finding; "never" leaves them to a human.
    fix_safety: ClassVar[str] = "never"

    def __init__(
        self,
        severity: Severity | None = None,
        options: BaseModel | None = None,
        mqm_severity: MqmSeverity | None = None,
    ):
        self.level = severity or type(self).severity
        self.options = options or self.Options()
        self.dimension, default = self.mqm_defaults()
        self.mqm_level = mqm_severity or default

    @classmethod
    def mqm_defaults(cls) -> tuple[MqmDimension, MqmSeverity]:
        """The check's MQM dimension and default MQM severity: its own, else its category's."""
        dimension, severity = CATEGORY_DEFAULTS[cls.category]
        return cls.mqm_dimension or dimension, cls.mqm_severity or severity

    def run(self, segments: Iterable[Segment], ctx: Context) -> Iterator[Finding]:
        """Check a document. Override only for checks that look across segments."""
        for segment in segments:
            yield from self.check(segment, ctx)

    def check(self, segment: Segment, ctx: Context) -> Iterator[Finding]:
        return iter(())

    def finding(
        self,
        segment: Segment,
        ctx: Context,
        message: str,
        span: tuple[int, int] | None = None,
        **extra,
    ) -> Finding:
        """A finding located at ``span`` of the segment (the whole segment when None)."""
        start, end = span if span is not None else (0, len(segment.text))
        location = locate(ctx.document.path, ctx.lines, segment.anchors, start, end, segment.id)
        return self.finding_at(location, segment.text, segment.role, segment.source, message,
                               Span.lean(start=start, end=end) if span is not None else None, **extra)

    def finding_at(self, location: Location, text: str, role: Role | None, source: str | None, message: str,
                   span: Span | None = None, **extra) -> Finding:
        """A finding whose location is known already."""
        return Finding.lean(
            code=self.code,
            check=self.name,
            category=self.category,
            severity=self.level,
            mqm_severity=self.mqm_level,
            mqm_dimension=self.dimension,
            message=message,
            location=location,
            text=text,
            span=span,
            role=role,
            source=source,
            **extra,
        )

    def sure_fix(self, finding: Finding, text: str, glossary: Glossary) -> tuple[int, int, str] | None:
        """The edit tqa is sure of, as (offset, end_offset, replacement) in the file's ``text``."""
        if self.fix_safety != "safe" or finding.suggestion is None:
            return None
        return finding.location.offset, finding.location.end_offset, finding.suggestion

    @classmethod
    def summary(cls) -> str:
        """First line of the docstring: the one-line description used in listings."""
        return (cls.__doc__ or "").strip().splitlines()[0]


class CrossUnitCheck(Check):
    """A check that compares units across the whole run (consistency).

    Its work is split in two so that a run spread over processes gives the serial answer:
    ``key`` looks at one unit, in any process; ``conflict`` remembers the keys in run order, in
    one process, and says what is wrong with a unit. Keys must be compact (hashes, not texts):
    they are what a million-unit run keeps in memory.
    """

    def key(self, segment: Segment, ctx: Context) -> tuple | None:
        raise NotImplementedError

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.forget()

    def conflict(self, key: tuple, where: Place) -> str | None:
        raise NotImplementedError

    def forget(self) -> None:
        """Start with an empty memory: a new run, or a finished one whose report needs the room."""
        self.first: dict[int, int] = {}  # a key's hash -> the first unit's hashes and place, packed
        self.places = Places()

    def run(self, segments: Iterable[Segment], ctx: Context) -> Iterator[Finding]:
        for segment in segments:
            key = self.key(segment, ctx)
            if key is not None and (message := self.conflict(key, place(segment))) is not None:
                yield self.finding(segment, ctx, message)


Place = tuple[str, int, int]  # path, line, column


def place(segment: Segment) -> Place:
    loc = segment.location
    return loc.path, loc.line, loc.column


class Places:
    """Places remembered as one int each (file number, line, column), named when reported: a
    million remembered units cost ints, not strings."""

    def __init__(self):
        self.paths: list[str] = []
        self.numbers: dict[str, int] = {}

    def pack(self, where: Place) -> int:
        path, line, column = where
        if path not in self.numbers:
            self.numbers[path] = len(self.paths)
            self.paths.append(path)
        return self.numbers[path] << 80 | line << 40 | column

    def name(self, packed: int) -> str:
        """``path:line:column``, as messages name other places."""
        mask = (1 << 40) - 1
        return f"{self.paths[packed >> 80]}:{packed >> 40 & mask}:{packed & mask}"


def has_pair(segment: Segment) -> bool:
    """A bilingual unit with a target to compare: an empty target is LANG03's, not every check's."""
    return segment.source is not None and bool(segment.text.strip())

