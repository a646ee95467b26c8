"""GitLab Code Quality (a Code Climate subset): a JSON array of issues for merge request widgets.

Each issue has ``description``, ``check_name``, ``fingerprint`` (ours, unique per finding, since
GitLab merges issues with equal fingerprints), ``severity`` and ``location.path`` with
``lines.begin``. Suppressed findings are left out. Docs: https://docs.gitlab.com/ci/testing/code_quality/
"""

from __future__ import annotations

import json

from ..models import Finding, Report, Severity
from .common import active, one_line

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report, color: bool = False) -> str:
    return json.dumps([_issue(f) for f in active(report)], indent=2, ensure_ascii=False) + "\n"


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
