"""Every output format rendered from one shared report, compared with golden files and validated
against its schema. Regenerate the golden files after an intended change with
``TQA_UPDATE_GOLDEN=1 pytest tests/reporters``."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from tests.reporters.shared_report import ARTICLE, GUIDE, REPORT
from tqa.reporters import render
from tqa.reporters.common import rule_doc

HERE = Path(__file__).parent
SCHEMAS = HERE.parent / "data" / "schemas"
GOLDEN = {
    "json": "report.json",
    "terminal": "report.txt",
    "sarif": "report.sarif",
    "junit": "report.junit.xml",
    "github": "report.github.txt",
    "gitlab": "report.gitlab.json",
    "lines": "report.lines.txt",
}


def without_check_docs(text: str) -> str:
    """The rendered text with check docstrings as placeholders: rewording a check's documentation
    is not a format change (test_sarif_rules_results_and_code_point_columns checks they are used)."""
    for code in REPORT.signature.checks:
        for doc in rule_doc(code):
            text = text.replace(json.dumps(doc, ensure_ascii=False), f'"<documentation of {code}>"')
    return text


@pytest.mark.parametrize("fmt", sorted(GOLDEN))
def test_format_matches_its_golden_file(fmt):
    golden = HERE / "golden" / GOLDEN[fmt]
    text = without_check_docs(render(REPORT, fmt))
    if os.environ.get("TQA_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8", newline="")
    assert text == golden.read_text(encoding="utf-8"), f"regenerate with TQA_UPDATE_GOLDEN=1 if intended: {golden}"


def test_sarif_is_valid_against_the_official_schema():
    log = json.loads(render(REPORT, "sarif"))
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)


def test_sarif_rules_results_and_code_point_columns():
    run = json.loads(render(REPORT, "sarif"))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert sorted(rules) == ["LANG01", "QUOTE01", "TERM01", "WS01"]
    assert rules["TERM01"]["defaultConfiguration"] == {"level": "error"}
    assert rules["QUOTE01"]["shortDescription"]["text"].endswith(".")
    assert "Why it matters" in rules["QUOTE01"]["help"]["text"]
    by_rule = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]): r for r in run["results"]}
    french = by_rule[("LANG01", ARTICLE)]
    # "🎉 Vos commentaires": the emoji is one code point (two UTF-16 units), so the span starts at column 3.
    assert french["locations"][0]["physicalLocation"]["region"]["startColumn"] == 3
    assert french["partialFingerprints"] == {"tqa/v1": "11111111111111111111111111111111"}
    assert by_rule[("WS01", "docs/user%20guide.md")]["level"] == "note"
    suppressed = by_rule[("TERM01", "docs/user%20guide.md")]
    assert suppressed["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "accepted: quoted from the minister"}
    ]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["error", "warning", "note", "note"]
    assert notes[1]["locations"][0]["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 5}
    assert run["invocations"][0]["executionSuccessful"] is False  # the input error, not the warning


def test_junit_is_valid_against_the_jenkins_xsd_and_one_suite_per_file():
    text = render(REPORT, "junit")
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd")))
    document = etree.fromstring(text.encode("utf-8"))
    schema.assertValid(document)
    root = ET.fromstring(text)  # the stdlib parser is strict too: no control characters got through
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert sorted(suites) == ["docs/clean.txt", "docs/latin1.txt", "docs/strings.xlf", GUIDE, ARTICLE]
    assert [c.get("name") for c in suites["docs/clean.txt"]] == ["no findings"]
    assert suites["docs/latin1.txt"].find("testcase/error").get("message") == "not valid UTF-8 at byte 1"
    guide = suites[GUIDE]
    assert (guide.get("tests"), guide.get("failures"), guide.get("skipped")) == ("3", "2", "1")
    assert guide.find("testcase[@name='TERM01 9:1']/skipped") is not None
    assert "\\x07" in guide.find("testcase[@name='QUOTE01 3:12']/failure").text
    assert root.get("tests") == "8" and root.get("failures") == "4" and root.get("errors") == "1"


def test_github_annotations_escape_untrusted_text():
    lines = render(REPORT, "github").splitlines()
    assert all(line.startswith("::") for line in lines)  # no text can begin a line of its own
    quote = next(line for line in lines if "title=QUOTE01" in line)
    assert quote == (
        "::warning file=docs/user guide.md,line=3,col=12,endLine=3,endColumn=14,title=QUOTE01"
        "::Closing quote ” has a space before it: 50%25 of readers, at least,%0Anotice."
    )
    spaces = next(line for line in lines if "title=WS01" in line)
    assert spaces.startswith("::notice file=docs/user guide.md,line=7,endLine=8,title=WS01::")  # no columns across lines
    assert not any("TERM01" in line and "user guide" in line for line in lines)  # suppressed: no annotation
    assert "::error file=docs/latin1.txt,line=1,title=input error::not valid UTF-8 at byte 1" in lines


def test_github_property_escaping():
    from tqa.reporters.github import escape_data, escape_property

    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert escape_data("a:b,c%d\r\n") == "a:b,c%25d%0D%0A"


def test_gitlab_is_valid_with_unique_fingerprints_and_no_suppressed_findings():
    issues = json.loads(render(REPORT, "gitlab"))
    schema = json.loads((SCHEMAS / "gitlab-codequality.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(issues, schema)
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(fingerprints) == len(set(fingerprints)) == 5  # 4 active findings, 1 unreadable file
    assert {i["severity"] for i in issues} == {"major", "minor", "info"}
    assert issues[-1]["check_name"] == "input-error" and issues[-1]["location"]["path"] == "docs/latin1.txt"


def test_lines_format_is_one_finding_per_line():
    lines = render(REPORT, "lines").splitlines()
    assert len(lines) == 4
    assert lines[0] == "docs/user guide.md:3:12: QUOTE01 Closing quote ” has a space before it: 50% of readers, at least, notice."
    assert f"{ARTICLE}:20:3: LANG01 Interface text in French, left in the source language; expected English." in lines
