"""JUnit XML for CI test views (GitLab, Jenkins): one testsuite per file, one testcase per finding.

A file without findings gets one passing testcase; a suppressed finding is a skipped testcase
(kept visible, not failing); a file that could not be read is a testcase with an error.
Valid against Jenkins' junit-10.xsd (tests/data/schemas). Testcase names are unique per file,
since GitLab keeps only the first of identical names.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from itertools import groupby

from ..models import Finding, Report
from .common import xml_safe


def render(report: Report, color: bool = False) -> str:
    root = ET.Element("testsuites", name="tqa")
    by_path = {path: list(group) for path, group in groupby(report.findings, key=lambda f: f.location.path)}
    for path in sorted(set(report.files) | set(by_path)):
        _suite(root, path, by_path.get(path, []))
    for error in report.input_errors:
        suite = _element(root, "testsuite", name=error.path, tests="1", failures="0", errors="1", skipped="0")
        case = _element(suite, "testcase", name="read", classname=error.path)
        _element(case, "error", message=error.message, type="input-error")
    _totals(root)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(root: ET.Element, path: str, findings: list[Finding]) -> None:
    failures = sum(f.suppressed is None for f in findings)
    suite = _element(
        root, "testsuite", name=path, tests=str(max(len(findings), 1)), failures=str(failures),
        errors="0", skipped=str(len(findings) - failures), file=path,
    )
    if not findings:
        _element(suite, "testcase", name="no findings", classname=path)
    names: Counter[str] = Counter()
    for finding in findings:
        loc = finding.location
        name = f"{finding.code} {loc.line}:{loc.column}"
        names[name] += 1
        case = _element(suite, "testcase", name=name if names[name] == 1 else f"{name} #{names[name]}", classname=path)
        if finding.suppressed is not None:
            reason = finding.suppressed.reason
            _element(case, "skipped", message=f"suppressed by {finding.suppressed.by}" + (f": {reason}" if reason else ""))
        else:
            failure = _element(case, "failure", message=finding.message, type=finding.severity.value)
            failure.text = xml_safe(_details(finding))


def _details(finding: Finding) -> str:
    loc = finding.location
    lines = [f"{loc.path}:{loc.line}:{loc.column} {finding.code} {finding.check} ({finding.severity.value})",
             finding.message, f"segment: {finding.text}"]
    if finding.suggestion is not None:
        lines.append(f"suggestion: {finding.suggestion}")
    return "\n".join(lines)


def _element(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, tag, {k: xml_safe(v) for k, v in attributes.items()})


def _totals(root: ET.Element) -> None:
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(suite.get(key)) for suite in root)))
