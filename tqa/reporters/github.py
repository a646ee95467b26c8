"""GitHub Actions workflow commands: one annotation per finding on the pull request's diff.

``::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::message`` (``warning`` and
``notice`` for lower severities); columns only when the finding is on one line, as GitHub
ignores them otherwise. Escaping follows actions/toolkit's command.ts: in data ``%``, CR and
LF; in properties also ``:`` and ``,`` — so untrusted text can never start a command of its own.
Suppressed findings are left out; the exit status, not the annotations, fails the job.
"""

from __future__ import annotations

from ..models import FileMessage, Finding, Report, Severity
from .common import active

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, color: bool = False) -> str:
    lines = [_annotation(f) for f in active(report)]
    lines += [_file_message("error", "input error", e) for e in report.input_errors]
    lines += [_file_message("warning", "input warning", w) for w in report.warnings]
    lines += [f"::notice file={escape_property(u.path)}{'' if u.line is None else f',line={u.line}'}"
              f",title=unused suppression::{escape_data(u.describe())}" for u in report.unused_suppressions]
    return "".join(line + "\n" for line in lines)


def _annotation(finding: Finding) -> str:
    loc = finding.location
    one_line = loc.end_line == loc.line
    properties = [("file", loc.path), ("line", loc.line), ("col", loc.column if one_line else None),
                  ("endLine", loc.end_line), ("endColumn", loc.end_column if one_line else None),
                  ("title", finding.code)]
    return _command(COMMANDS[finding.severity], properties, finding.message)


def _file_message(kind: str, title: str, note: FileMessage) -> str:
    place = [("file", note.path), ("line", note.line), ("col", note.column), ("title", title)]
    return _command(kind, place, note.message)


def _command(kind: str, properties: list[tuple[str, object]], message: str) -> str:
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties if value is not None)
    return f"::{kind} {joined}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
