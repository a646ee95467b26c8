"""Inline suppressions: findings inside a ``tqa-disable`` range are kept, marked, and left out of
the gate and the score; a directive that suppresses nothing is reported as unused.

Ranges come from the reader (Markdown and HTML comments, ``Document.suppressions``) and from the
notes of bilingual units (a PO translator comment ``# tqa-disable TERM01 (reason)``, an XLIFF
``<note from="tqa">tqa-disable TERM01</note>``), which cover their unit.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from .directives import parse
from .models import Document, Finding, Segment, Suppressed, Suppression, UnusedSuppression
from .overrides import names_check
from .positions import LineIndex


def apply_inline(
    findings: Sequence[Finding],
    document: Document,
    segments: Iterable[Segment],
    lines: LineIndex,
    ran: Collection[tuple[str, str]],
) -> tuple[list[Finding], list[UnusedSuppression]]:
    """Findings with inline suppressions marked, and the directives that matched none.

    ``ran`` is (code, name) of the checks that ran: a directive for checks that did not run is
    not called unused, since it had nothing to match.
    """
    ranges = (*document.suppressions, *note_suppressions(segments))
    used: set[int] = set()
    result = []
    for finding in findings:
        hit = next((i for i, r in enumerate(ranges) if covers(r, finding)), None)
        if hit is not None:
            used.add(hit)
            finding = finding.model_copy(update={"suppressed": Suppressed(by="inline", reason=ranges[hit].reason)})
        result.append(finding)
    unused = [
        UnusedSuppression(by="inline", path=document.path, line=lines.position(r.start)[0], codes=r.codes)
        for i, r in enumerate(ranges)
        if i not in used and (not r.codes or any(names_check(r.codes, code, name) for code, name in ran))
    ]
    return result, unused


def suppressed_by(
    finding: Finding, ranges: Sequence[Suppression], unused: list[UnusedSuppression]
) -> tuple[Finding, bool]:
    """A cross-unit check's finding, marked if one of its unit's ranges covers it; the range is
    then used after all, so it leaves ``unused`` (filled when the unit's part was checked)."""
    hit = next((r for r in ranges if covers(r, finding)), None)
    if hit is None:
        return finding, False
    loc = finding.location
    unused[:] = [u for u in unused if not (u.by == "inline" and u.path == loc.path and u.line == loc.line
                                           and u.codes == hit.codes)]
    return finding.model_copy(update={"suppressed": Suppressed(by="inline", reason=hit.reason)}), True


def note_suppressions(segments: Iterable[Segment]) -> list[Suppression]:
    """``tqa-disable`` lines in a unit's notes, as ranges over the unit's text."""
    ranges = []
    for segment in segments:
        for line in (line for note in segment.notes for line in note.splitlines()):
            directive = parse(line.lstrip("#").strip())
            if directive is not None and not directive.enable:
                loc = segment.location
                for codes in [(code,) for code in directive.codes] or [()]:
                    ranges.append(Suppression(start=loc.offset, end=loc.end_offset, codes=codes, reason=directive.reason))
    return ranges


def covers(suppression: Suppression, finding: Finding) -> bool:
    """Whether the finding starts inside the range and the range names its check (or all)."""
    inside = suppression.start <= finding.location.offset <= suppression.end
    names = not suppression.codes or names_check(suppression.codes, finding.code, finding.check)
    return inside and names
