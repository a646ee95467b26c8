"""SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.

Rules are the checks of the run (``shortDescription`` from the docstring's first line, help
from the whole docstring); results carry code-point columns (``columnKind``), our fingerprint
under ``partialFingerprints["tqa/v1"]`` (GitHub's ``primaryLocationLineHash`` is left to its
upload action), and suppressed findings carry ``suppressions`` instead of being dropped.
Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
"""

from __future__ import annotations

import json
from urllib.parse import quote

from .. import __version__
from ..fingerprint import VERSION as FINGERPRINT_VERSION
from ..models import FileMessage, Finding, Report, Severity
from .common import CHECKS, rule_doc

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# Inline and config suppressions live with the sources; a baseline is external to them.
_KINDS = {"inline": "inSource", "config": "external", "baseline": "external"}


def render(report: Report, color: bool = False) -> str:
    run = {
        "tool": {"driver": {"name": "tqa", "semanticVersion": __version__, "rules": _rules(report)}},
        "columnKind": "unicodeCodePoints",
        "invocations": [_invocation(report)],
        "results": [_result(f) for f in report.findings],
        "properties": {"signature": report.signature.compact()},
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rules(report: Report) -> list[dict]:
    rules = []
    for code in sorted(set(report.signature.checks) | {f.code for f in report.findings}):
        summary, doc = rule_doc(code)
        rule = {
            "id": code,
            "shortDescription": {"text": summary},
            "fullDescription": {"text": doc},
            "help": {"text": doc},
        }
        if code in CHECKS:
            cls = CHECKS[code]
            rule["name"] = cls.name
            rule["defaultConfiguration"] = {"level": LEVELS[cls.severity]}
            rule["properties"] = {"tags": [cls.category.value]}
        rules.append(rule)
    return rules


def _result(finding: Finding) -> dict:
    loc = finding.location
    result = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": quote(loc.path)},
                    "region": {
                        "startLine": loc.line,
                        "startColumn": loc.column,
                        "endLine": loc.end_line,
                        "endColumn": loc.end_column,
                    },
                }
            }
        ],
    }
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_VERSION: finding.fingerprint}
    if finding.suggestion is not None:
        result["properties"] = {"suggestion": finding.suggestion}
    if finding.suppressed is not None:
        suppression = {"kind": _KINDS[finding.suppressed.by], "status": "accepted"}
        if finding.suppressed.reason:
            suppression["justification"] = finding.suppressed.reason
        result["suppressions"] = [suppression]
    return result


def _invocation(report: Report) -> dict:
    """Input errors, input warnings and unused suppressions, as notifications of the run."""
    notes = [
        {"level": "error", "message": {"text": error.describe()}, "locations": [_place(error)]}
        for error in report.input_errors
    ]
    notes += [
        {"level": "warning", "message": {"text": warning.describe()}, "locations": [_place(warning)]}
        for warning in report.warnings
    ]
    notes += [
        {"level": "note", "message": {"text": unused.describe()}, "locations": [_file(unused.path)]}
        for unused in report.unused_suppressions
    ]
    invocation = {"executionSuccessful": not report.input_errors}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation


def _place(note: FileMessage) -> dict:
    """The file, and the place in it when the reader knows (where reading stopped, or what it read past)."""
    place = _file(note.path)
    if note.line is not None:
        region = {"startLine": note.line} | ({"startColumn": note.column} if note.column else {})
        place["physicalLocation"]["region"] = region
    return place


def _file(path: str) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": quote(path)}}}
