"""What every check is: a code, a name, a category, a default severity and a docstring."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from ..models import Category, Document, Finding, Segment, Severity, Span
from ..positions import LineIndex, locate

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


class Check:
    """Base class. A subclass's docstring is its user documentation (``tqa checks --explain``)."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity] = Severity.WARNING

    def __init__(self, severity: Severity | None = None):
        self.level = severity or type(self).severity

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
        return Finding(
            code=self.code,
            check=self.name,
            category=self.category,
            severity=self.level,
            message=message,
            location=locate(ctx.document.path, ctx.lines, segment.anchors, start, end, segment.id),
            text=segment.text,
            span=Span(start=start, end=end) if span is not None else None,
            role=segment.role,
            **extra,
        )

    @classmethod
    def summary(cls) -> str:
        """First line of the docstring: the one-line description used in listings."""
        return (cls.__doc__ or "").strip().splitlines()[0]
