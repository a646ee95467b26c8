"""GitLab Code Quality (a Code Climate subset): a JSON array of issues for merge request widgets.

Each issue has ``description``, ``check_name``, ``fingerprint`` (ours, unique per finding, since
GitLab merges issues with equal fingerprints), ``severity`` and ``location.path`` with
``lines.begin``. Suppressed findings are left out; unreadable files are issues too. Docs: https://docs.gitlab.com/ci/testing/code_quality/
"""

from __future__ import annotations

import hashlib
import json

from ..models import Finding, InputError, Report, Severity
from .common import active, one_line

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report, color: bool = False) -> str:
    issues = [_issue(f) for f in active(report)] + [_unreadable(e) for e in report.input_errors]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _unreadable(error: InputError) -> dict:
    """A file tqa could not read: shown on the merge request too, not only in the job log."""
    return {
        "type": "issue",
        "description": one_line(f"input error: {error.message}"),
        "check_name": "input-error",
        "categories": ["Bug Risk"],
        "fingerprint": hashlib.sha256(f"input-error\0{error.path}\0{error.message}".encode()).hexdigest()[:32],
        "severity": "major",
        "location": {"path": error.path, "lines": {"begin": error.line or 1}},
    }


def _issue(finding: Finding) -> dict:
    loc = finding.location
    return {
        "type": "issue",
        "description": one_line(f"{finding.code} {finding.message}"),
        "check_name": finding.code,
        "categories": ["Style"],
        "fingerprint": finding.fingerprint or "",
        "severity": SEVERITIES[finding.severity],
        "location": {"path": loc.path, "lines": {"begin": loc.line, "end": loc.end_line}},
    }
