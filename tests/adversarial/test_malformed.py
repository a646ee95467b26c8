"""Malformed files: one line naming file, line and column; counted as input errors in every report;
the other files still checked; exit status 2; never a traceback."""

import json
import os
import shutil
import xml.etree.ElementTree as ET

import pytest

from cli_run import DATA, run_tqa as tqa

MALFORMED = {
    "malformed/binary.txt": "malformed/binary.txt:1:1: not valid UTF-8 at byte 0: invalid start byte (0x89)",
    "malformed/broken-quoting.po": "malformed/broken-quoting.po:5:7: unterminated string: no closing quote on this line",
    "malformed/locales/en/app.json": "malformed/locales/en/app.json:1:22: invalid JSON: expected a key in double quotes",
    "malformed/ragged.csv": "malformed/ragged.csv:3:1: row has 2 cells, the header has 3",
    "malformed/truncated.xlf": "malformed/truncated.xlf:2:106: not well-formed XML: no element found",
    "malformed/unclosed.tmx": "malformed/unclosed.tmx:2:79: not well-formed XML: mismatched tag",
}


def test_every_malformed_file_is_one_line_and_the_good_one_is_still_checked(tmp_path):
    result = tqa("check", "malformed", "-f", f"json:{tmp_path / 'r.json'}", "-f", "terminal", cwd=DATA)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"tqa: error: {line}" for line in MALFORMED.values()]
    assert "Traceback" not in result.stdout + result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["files"] == ["malformed/good.txt"] and report["summary"]["segments"] == 1
    assert [e["path"] for e in report["input_errors"]] == list(MALFORMED)
    assert report["summary"]["input_errors"] == len(MALFORMED)


def test_sarif_and_junit_count_each_malformed_file_as_an_error(tmp_path):
    sarif, junit = tmp_path / "r.sarif", tmp_path / "r.xml"
    result = tqa("check", "malformed", "-f", f"sarif:{sarif}", "-f", f"junit:{junit}", cwd=DATA)
    assert result.returncode == 2
    run = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == list(MALFORMED.values())
    truncated = notes[-2]["locations"][0]["physicalLocation"]
    assert truncated["region"] == {"startLine": 2, "startColumn": 106}
    suites = ET.parse(junit).getroot()
    errored = [s.get("name") for s in suites.iter("testsuite") if s.get("errors") == "1"]
    assert errored == list(MALFORMED)
    assert suites.get("errors") == str(len(MALFORMED))


def test_debug_shows_no_traceback_for_bad_input_either():
    result = tqa("--debug", "check", "malformed/truncated.xlf", cwd=DATA)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_an_unreadable_file_is_an_input_error(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    locked = tmp_path / "locked.txt"
    locked.write_text("Hello there.\n", encoding="utf-8")
    locked.chmod(0)
    result = tqa("check", "locked.txt", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "tqa: error: locked.txt: cannot read: Permission denied\n")


def test_a_file_the_system_refuses_to_read_is_an_input_error(tmp_path):
    (tmp_path / "mem.txt").symlink_to("/proc/self/mem")  # readable by mode, but read() fails with EIO
    result = tqa("check", "mem.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "tqa: error: mem.txt: cannot read: Input/output error\n"


def test_a_directory_named_like_a_file_is_searched_like_a_directory(tmp_path):
    (tmp_path / "strings.xlf").mkdir()
    shutil.copy(DATA / "malformed" / "good.txt", tmp_path / "strings.xlf" / "inside.txt")
    result = tqa("check", "strings.xlf", "-f", "json", cwd=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout)["files"] == ["strings.xlf/inside.txt"]


def test_a_missing_path_is_named_and_the_others_still_checked():
    result = tqa("check", "nowhere.po", "malformed/good.txt", "-f", "json", cwd=DATA)
    assert result.returncode == 2
    assert result.stderr == "tqa: error: nowhere.po: no such file or directory\n"
    assert json.loads(result.stdout)["files"] == ["malformed/good.txt"]


# Empty and BOM-only files: formats whose grammar allows nothing (text, Markdown, HTML, PO, CSV)
# have zero segments; XML needs a root element and JSON a value, so there they are errors.
def test_empty_and_bom_only_files():
    result = tqa("check", "empty", "-f", "json", cwd=DATA)
    report = json.loads(result.stdout)
    assert result.returncode == 2
    assert report["files"] == [f"empty/{kind}.{suffix}" for kind in ("bom-only", "empty")
                               for suffix in ("csv", "html", "md", "po", "tsv", "txt")]
    assert report["summary"]["segments"] == 0
    assert [(e["path"], e["line"], e["column"], e["message"]) for e in report["input_errors"]] == [
        ("empty/bom-only.tmx", 1, 1, "not well-formed XML: no element found"),
        ("empty/bom-only.xlf", 1, 1, "not well-formed XML: no element found"),
        ("empty/empty.tmx", 1, 1, "not well-formed XML: no element found"),
        ("empty/empty.xlf", 1, 1, "not well-formed XML: no element found"),
        ("empty/locales/en/bom-only.json", 1, 1, "invalid JSON: expected a value"),
        ("empty/locales/en/empty.json", 1, 1, "invalid JSON: expected a value"),
    ]
