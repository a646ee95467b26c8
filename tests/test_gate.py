"""The CI gate through the real command line: baselines, inline and config suppressions,
several outputs in one run, tqa init. Files are real files in real formats, in a temp folder."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from tests.test_cli import GLOSSARY, ROOT, SEED, tqa

SCHEMAS = ROOT / "tests" / "data" / "schemas"

NEW_CALQUE = "The decision was welcomed in the Hexagon.\n"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the seed article and the glossary, checked from the copy's folder."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "glossaries").mkdir()
    shutil.copy(ROOT / SEED, tmp_path / SEED)
    shutil.copy(ROOT / GLOSSARY, tmp_path / GLOSSARY)
    return tmp_path


def check_json(cwd: Path, *args: str) -> tuple[int, dict]:
    result = tqa("check", SEED, "-g", GLOSSARY, "-f", "json", *args, cwd=cwd)
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)


def active(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["suppressed"] is None]


def test_baseline_suppresses_the_seed_and_fails_only_on_a_new_calque(project):
    status, plain = check_json(project)
    assert status == 1 and plain["summary"]["findings"] >= 8
    written = tqa("check", SEED, "-g", GLOSSARY, "--write-baseline", "tqa-baseline.json", "-f", "lines", cwd=project)
    assert written.returncode == 0, written.stderr
    baseline = json.loads((project / "tqa-baseline.json").read_text(encoding="utf-8"))
    assert baseline["version"] == 1
    assert sorted(baseline["entries"]) == sorted(f["fingerprint"] for f in plain["findings"])

    status, report = check_json(project, "--baseline", "tqa-baseline.json")
    assert status == 0
    assert active(report) == [] and report["summary"]["findings"] == 0
    assert report["summary"]["suppressed"] == len(plain["findings"])
    assert {f["suppressed"]["by"] for f in report["findings"]} == {"baseline"}

    article = project / SEED
    paragraphs = article.read_text(encoding="utf-8").split("\n\n")
    article.write_text("\n\n".join([paragraphs[0], NEW_CALQUE, *paragraphs[1:]]), encoding="utf-8")
    status, report = check_json(project, "--baseline", "tqa-baseline.json")
    assert status == 1
    assert [(f["code"], f["text"]) for f in active(report)] == [("TERM01", NEW_CALQUE.strip())]
    assert report["unused_suppressions"] == []


def test_moving_paragraphs_keeps_the_baseline_valid(project):
    assert tqa("check", SEED, "-g", GLOSSARY, "--write-baseline", "b.json", cwd=project).returncode == 0
    article = project / SEED
    paragraphs = article.read_text(encoding="utf-8").split("\n\n")
    # The body paragraphs between the dateline and the comment form, in reverse order.
    body = paragraphs[3:7]
    article.write_text("\n\n".join([*paragraphs[:3], *reversed(body), *paragraphs[7:]]), encoding="utf-8")
    moved, _ = check_json(project)
    assert moved == 1  # without the baseline the findings are all still there
    status, report = check_json(project, "--baseline", "b.json")
    assert status == 0, active(report)
    assert report["unused_suppressions"] == []


def test_fixed_findings_leave_unused_baseline_entries_reported(project):
    assert tqa("check", SEED, "-g", GLOSSARY, "--write-baseline", "b.json", cwd=project).returncode == 0
    article = project / SEED
    article.write_text(article.read_text(encoding="utf-8").replace("Recall that", "It should be noted that"),
                       encoding="utf-8")
    status, report = check_json(project, "--baseline", "b.json")
    assert status == 0
    [unused] = report["unused_suppressions"]
    assert (unused["by"], unused["path"], unused["codes"]) == ("baseline", SEED, ["TERM01"])
    terminal = tqa("check", SEED, "-g", GLOSSARY, "--baseline", "b.json", cwd=project).stdout
    assert "unused suppression: " in terminal and "suppressed" in terminal


def test_triage_decisions_merge_with_the_baseline_and_survive_a_rewrite(project):
    assert tqa("check", SEED, "-g", GLOSSARY, "--write-baseline", "b.json", cwd=project).returncode == 0
    recorded = json.loads((project / "b.json").read_text(encoding="utf-8"))["entries"]
    first = sorted(recorded)[0]
    # What the HTML report's triage download holds: decided findings only, with a status.
    decisions = {"version": 1, "entries": {first: {**recorded[first], "status": "false-alarm", "reason": "a quotation"}}}
    (project / "decisions.json").write_text(json.dumps(decisions), encoding="utf-8")
    status, report = check_json(project, "--baseline", "b.json", "--baseline", "decisions.json")
    assert status == 0 and report["summary"]["findings"] == 0
    assert {"by": "baseline", "reason": "a quotation"} in [f["suppressed"] for f in report["findings"]]
    tqa("check", SEED, "-g", GLOSSARY, "--baseline", "b.json", "--baseline", "decisions.json",
        "--write-baseline", "b.json", cwd=project)
    again = json.loads((project / "b.json").read_text(encoding="utf-8"))["entries"]
    assert sorted(again) == sorted(recorded)
    assert (again[first]["status"], again[first]["reason"]) == ("false-alarm", "a quotation")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "baseline is not JSON"),
        ('{"version": 2, "entries": {}}', "version"),
        ('{"version": 1, "entries": {"abc": {"code": "TERM01", "path": "a", "statsu": "x"}}}', "entries.abc.statsu"),
    ],
)
def test_bad_baseline_is_one_line_exit_2(project, content, message):
    (project / "b.json").write_text(content, encoding="utf-8")
    result = tqa("check", SEED, "--baseline", "b.json", cwd=project)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "b.json" in result.stderr and message in result.stderr


def test_markdown_and_html_comments_disable_checks_and_unused_ones_are_reported(tmp_path):
    (tmp_path / "guide.md").write_text(
        "# Guide\n\n"
        "<!-- tqa-disable WS01 (copied from the law) -->\n"
        "The  law says so.\n"
        "<!-- tqa-enable WS01 -->\n\n"
        "This  one counts.\n\n"
        "<!-- tqa-disable STYLE01 -->\n"
        "Nothing to hide here.\n\n"
        "```\n<!-- tqa-disable -->\n```\n",
        encoding="utf-8",
    )
    (tmp_path / "page.html").write_text(
        "<html><body><p>It is the the end. <!-- tqa-disable -->It is the the start.</p></body></html>\n", encoding="utf-8"
    )
    result = tqa("check", "guide.md", "page.html", "--select", "WS01,STYLE01", "-f", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    by_line = {(f["location"]["path"], f["location"]["line"], f["location"]["column"]): f["suppressed"]
               for f in report["findings"]}
    assert by_line == {
        ("guide.md", 4, 4): {"by": "inline", "reason": "copied from the law"},
        ("guide.md", 7, 5): None,
        ("page.html", 1, 22): None,
        ("page.html", 1, 61): {"by": "inline", "reason": None},
    }
    assert [(u["path"], u["line"], u["codes"]) for u in report["unused_suppressions"]] == [("guide.md", 9, ["STYLE01"])]
    assert result.returncode == 0  # WS01 is a warning


def test_config_overrides_per_glob(tmp_path):
    (tmp_path / "legal").mkdir()
    (tmp_path / "news").mkdir()
    for folder in ("legal", "news"):
        (tmp_path / folder / "a.txt").write_text("The  decision was welcomed in the Hexagon.\n", encoding="utf-8")
    shutil.copy(ROOT / GLOSSARY, tmp_path / "news.fr-en.csv")
    (tmp_path / "tqa.toml").write_text(
        'glossaries = ["news.fr-en.csv"]\n\n'
        '[[overrides]]\npaths = ["legal/**"]\nignore = ["WS"]\nseverity = { TERM01 = "warning" }\n'
        'reason = "quoted verbatim"\n',
        encoding="utf-8",
    )
    result = tqa("check", "legal", "news", "-f", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    found = {(f["location"]["path"], f["code"]): (f["severity"], f["suppressed"]) for f in report["findings"]}
    assert found == {
        ("legal/a.txt", "WS01"): ("warning", {"by": "config", "reason": "quoted verbatim"}),
        ("legal/a.txt", "TERM01"): ("warning", None),
        ("news/a.txt", "WS01"): ("warning", None),
        ("news/a.txt", "TERM01"): ("error", None),
    }
    assert result.returncode == 1
    # Globs are relative to the config file, wherever tqa runs from.
    below = json.loads(tqa("check", "a.txt", "../legal/a.txt", "--select", "WS", "-f", "json", cwd=tmp_path / "news").stdout)
    assert [(f["location"]["path"], f["suppressed"] is not None) for f in below["findings"]] == [
        ("../legal/a.txt", True), ("a.txt", False),
    ]


def test_init_writes_a_starter_that_loads_and_refuses_to_overwrite(tmp_path):
    assert tqa("init", cwd=tmp_path).returncode == 0
    starter = (tmp_path / "tqa.toml").read_text(encoding="utf-8")
    assert "[[overrides]]" in starter and "baseline" in starter
    (tmp_path / "a.txt").write_text("Hello world.\n", encoding="utf-8")
    assert tqa("check", "a.txt", cwd=tmp_path).returncode == 0
    again = tqa("init", cwd=tmp_path)
    assert again.returncode == 2 and "--force" in again.stderr
    (tmp_path / "tqa.toml").write_text("# mine\n", encoding="utf-8")
    assert tqa("init", "--force", cwd=tmp_path).returncode == 0
    assert (tmp_path / "tqa.toml").read_text(encoding="utf-8") == starter


def test_several_outputs_in_one_run(tmp_path):
    result = tqa("check", str(ROOT / SEED), "-g", str(ROOT / GLOSSARY), "-f", "lines",
                 "-f", f"sarif:{tmp_path / 'tqa.sarif'}", "-f", f"junit:{tmp_path / 'tqa.xml'}",
                 "-f", f"gitlab:{tmp_path / 'cq.json'}")
    assert result.returncode == 1 and result.stderr == ""
    assert len(result.stdout.splitlines()) == 8
    sarif = json.loads((tmp_path / "tqa.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == 8
    jsonschema.Draft4Validator(json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))).validate(sarif)
    assert len(json.loads((tmp_path / "cq.json").read_text(encoding="utf-8"))) == 8
    junit = etree.parse(str(tmp_path / "tqa.xml"))
    etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd"))).assertValid(junit)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cq.json", "tqa.sarif", "tqa.xml"]  # no temp files left


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-f", "lines", "-f", "json"), "at most one format can go to standard output"),
        (("-f", "json", "-f", "lines", "-o", "x.json"), "exactly one --format without a file"),
        (("-f", "yaml:x.yaml",), "'yaml' is not a format"),
        (("-f", "json:no/such/folder/x.json",), "cannot write"),
    ],
)
def test_output_mistakes_are_one_line_exit_2(tmp_path, args, message):
    result = tqa("check", str(ROOT / SEED), *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_exit_zero_reports_but_passes():
    result = tqa("check", SEED, "-g", GLOSSARY, "--exit-zero", "-f", "lines")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 8


def test_progress_bar_only_on_a_terminal_and_never_in_the_report(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    for n in range(6):
        (tmp_path / f"{n}.txt").write_text("Hello world.\n", encoding="utf-8")
    piped = tqa("check", ".", "-f", "json", cwd=tmp_path)
    assert piped.returncode == 0 and piped.stderr == ""
    leader, follower = pty.openpty()
    with subprocess.Popen([sys.executable, "-m", "tqa", "check", ".", "-f", "json"], cwd=tmp_path,
                          stdout=subprocess.PIPE, stderr=follower) as process:
        os.close(follower)
        stdout = process.stdout.read()
        bar = b""
        while chunk := _read(leader):
            bar += chunk
        os.close(leader)
    assert process.returncode == 0
    assert b"checking" in bar and b"6/6" in bar
    assert stdout.decode() == piped.stdout  # the report is the same bytes


def _read(fd: int) -> bytes:
    import os

    try:
        return os.read(fd, 4096)
    except OSError:  # EIO: the terminal's other side closed
        return b""


def test_po_translator_comment_and_xliff_note_suppress_their_unit(tmp_path):
    (tmp_path / "m.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "# tqa-disable STYLE01 (the author's tic)\n"
        'msgid "C\'est la la fin."\nmsgstr "It is the the end."\n\n'
        'msgid "Encore la la fin."\nmsgstr "Again the the end."\n',
        encoding="utf-8",
    )
    (tmp_path / "m.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file source-language="fr" target-language="en" datatype="plaintext" original="a"><body>\n'
        '<trans-unit id="1"><source>La la fin.</source><target>The the end.</target>\n'
        '<note from="tqa">tqa-disable STYLE01</note></trans-unit>\n'
        '<trans-unit id="2"><source>Bonjour.</source><target>Hello.</target>\n'
        '<note from="tqa">tqa-disable STYLE01</note></trans-unit>\n'
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    result = tqa("check", "m.po", "m.xlf", "--select", "STYLE01", "-f", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    found = [(f["location"]["path"], f["location"]["line"], f["suppressed"]) for f in report["findings"]]
    assert found == [
        ("m.po", 8, {"by": "inline", "reason": "the author's tic"}),
        ("m.po", 11, None),
        ("m.xlf", 4, {"by": "inline", "reason": None}),
    ]
    assert [(u["path"], u["line"]) for u in report["unused_suppressions"]] == [("m.xlf", 6)]


def test_pre_commit_hook_checks_translation_files_it_can_read():
    """pre-commit passes every matching file of a repository: the default must not take in
    files that are often not translations (package.json, README.md), which would fail the hook."""
    from tqa.readers import SUPPORTED_SUFFIXES

    manifest = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: tqa\n" in manifest and "  entry: tqa check\n" in manifest
    files = re.search(r"^  files: (.+)$", manifest, re.MULTILINE).group(1)
    hooked = {s for s in SUPPORTED_SUFFIXES if re.search(files, f"a{s}")}
    assert hooked == {".po", ".xlf", ".xliff", ".tmx"}
    assert not any(re.search(files, name) for name in ("package.json", "README.md", "a.pot", "setup.py"))


def test_config_baseline_is_one_file_or_several_relative_to_the_config(tmp_path, monkeypatch):
    from tqa.config import load_settings

    (tmp_path / "sub").mkdir()
    (tmp_path / "tqa.toml").write_text('baseline = "b.json"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub")
    assert load_settings({}).baseline == ("../b.json",)
    (tmp_path / "tqa.toml").write_text('baseline = ["b.json", "triage/d.json"]\n', encoding="utf-8")
    assert load_settings({}).baseline == ("../b.json", "../triage/d.json")
    assert load_settings({"baseline": ("x.json",)}).baseline == ("x.json",)  # the command line wins
