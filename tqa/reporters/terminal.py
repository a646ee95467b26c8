"""Human output: findings grouped by file, one ``path:line:col CODE severity message`` line each."""

from __future__ import annotations

import re
from itertools import groupby

import click

from ..models import Finding, Report, RunScore, Severity

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}

# Segment text is untrusted: never let it move the cursor or recolour the terminal.
# C0/C1 controls (ESC starts ANSI sequences), Unicode line breaks and bidi overrides (Trojan Source).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def render(report: Report, color: bool = False) -> str:
    lines: list[str] = []
    shown = [f for f in report.findings if f.suppressed is None]  # suppressed: counted, not listed
    for path, findings in groupby(shown, key=lambda f: f.location.path):
        lines.append(click.style(clean(path), bold=True) if color else clean(path))
        lines.extend(_finding_line(f, color) for f in findings)
        lines.append("")
    lines.extend(f"error: {clean(e.describe())}" for e in report.input_errors)
    lines.extend(clean(w.describe()) for w in report.warnings)
    lines.extend(f"unused suppression: {clean(u.describe())}" for u in report.unused_suppressions)
    lines.append(_summary_line(report))
    if report.score is not None:
        lines.extend(_score_lines(report.score))
    lines.append(f"signature: {report.signature.compact()}")
    return "\n".join(lines) + "\n"


def _finding_line(finding: Finding, color: bool) -> str:
    loc = finding.location
    severity = finding.severity.value
    if color:
        severity = click.style(severity, fg=_COLORS[finding.severity])
    line = f"{clean(loc.path)}:{loc.line}:{loc.column} {finding.code} {severity} {clean(finding.message)}"
    line += f"\n    {clean(excerpt(finding))}"
    if finding.suggestion is not None:
        line += f"\n    suggestion: {clean(finding.suggestion)!r}"
    return line


def excerpt(finding: Finding, width: int = 30) -> str:
    """The offending span in brackets with a little context, or the start of the segment."""
    text, span = finding.text, finding.span
    if span is None:
        return text if len(text) <= 2 * width else text[: 2 * width] + "…"
    head = "…" if span.start > width else ""
    tail = "…" if span.end + width < len(text) else ""
    before = text[max(span.start - width, 0) : span.start]
    after = text[span.end : span.end + width]
    return f"{head}{before}[{text[span.start:span.end]}]{after}{tail}"


def _summary_line(report: Report) -> str:
    s = report.summary
    ranked = sorted(s.by_severity.items(), key=lambda kv: -Severity(kv[0]).rank)
    counts = ", ".join(plural(n, sev) for sev, n in ranked)
    line = plural(s.findings, "finding") + (f" ({counts})" if counts else "")
    line += f" in {plural(s.files, 'file')}, {plural(s.segments, 'segment')}, {plural(s.words, 'word')}"
    if s.suppressed:
        line += f"; {s.suppressed} suppressed"
    if s.input_errors:
        line += f"; {plural(s.input_errors, 'file')} could not be checked"
    return line + "."


def _score_lines(score: RunScore) -> list[str]:
    """The MQM score with its basis, the dimensions that cost most first, then each file's score."""
    verdict = {True: "; passed", False: "; failed", None: ""}
    line = f"score: {_value(score.value)} (MQM: {score.penalties:g} penalty point{'' if score.penalties == 1 else 's'} in {plural(score.evaluated_words, 'word')}"
    if score.per_1000_words is not None:
        line += f", {score.per_1000_words:.2f} per 1,000 words"
    lines = [line + ")" + verdict[score.passed]]
    ranked = sorted(score.by_dimension.items(), key=lambda kv: (-kv[1].penalties, kv[0]))
    if ranked:
        lines.append("by dimension: " + ", ".join(f"{d} {t.penalties:g} ({plural(t.findings, 'finding')})" for d, t in ranked))
    if len(score.files) > 1:
        lines.extend(f"score {_value(f.value)}{verdict[f.passed]}: {f.path}" for f in score.files)
    return lines


def _value(value: float | None) -> str:
    return "none (no words)" if value is None else f"{value:.2f}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def clean(text: str) -> str:
    """Neutralise control characters and line breaks so one finding stays on its lines."""
    return _CONTROL.sub(_escaped, text.replace("\n", " ").replace("\r", " "))


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
