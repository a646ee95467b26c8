"""Output of ``tqa score``: sacrebleu's own score lines for people, the MetricsReport model as JSON."""

from __future__ import annotations

from ..scoring.reference import MetricsReport, SegmentScore
from .terminal import clean, plural

WORST = 5  # segments listed in the terminal format


def render_terminal(report: MetricsReport, width: int = 1) -> str:
    """Corpus scores as sacrebleu prints them, then the segments with the lowest chrF."""
    lines = [m.text for m in (report.bleu, report.chrf, report.chrfpp, report.ter)]
    refs = ", ".join(report.references)
    lines.append(f"{report.hypothesis} against {refs}: {plural(len(report.segments), 'segment')}.")
    worst = worst_segments(report.segments)
    if worst:
        lines.append(f"Lowest chrF ({len(worst)}):")
    for seg in worst:
        unit = f" (unit {seg.unit_id})" if seg.unit_id is not None else ""
        lines.append(f"  line {seg.line}{unit}: chrF {seg.chrf:.{width}f}, TER {seg.ter:.{width}f}")
        lines.append(f"    hyp: {clean(seg.hypothesis)}")
        lines.append(f"    ref: {clean(seg.reference)}")
    return "\n".join(lines) + "\n"


def worst_segments(segments: tuple[SegmentScore, ...], count: int = WORST) -> list[SegmentScore]:
    """Lowest chrF first; ties by higher TER, then by line, so the order never varies."""
    return sorted(segments, key=lambda s: (s.chrf, -s.ter, s.line))[:count]


def render_json(report: MetricsReport) -> str:
    return report.model_dump_json(indent=2) + "\n"
