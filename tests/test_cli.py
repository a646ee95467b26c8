"""The real command line, run as a user runs it, on the seed article and on bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/morocco-israel-security-agreement.en.txt"
GLOSSARY = "glossaries/news.fr-en.csv"


def tqa(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tqa", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8"
    )


@pytest.fixture(scope="module")
def seed_run() -> subprocess.CompletedProcess:
    return tqa("check", SEED, "-g", GLOSSARY, "--format", "json")


@pytest.fixture(scope="module")
def seed_report(seed_run) -> dict:
    return json.loads(seed_run.stdout)


def where(report: dict) -> set[tuple[str, int, int]]:
    return {(f["code"], f["location"]["line"], f["location"]["column"]) for f in report["findings"]}


def test_seed_exits_1_with_findings(seed_run):
    assert seed_run.returncode == 1, seed_run.stderr
    assert seed_run.stderr == ""


def test_seed_reports_exactly_the_known_problems(seed_report):
    assert where(seed_report) == {
        ("TERM01", 6, 188),  # the Hebrew state
        ("TERM01", 12, 94),  # Abraham Agreements
        ("TERM01", 12, 360),  # the Hebrew state, again
        ("QUOTE01", 14, 157),  # today, ”Minister
        ("TERM01", 16, 1),  # Recall that
        ("LANG01", 18, 1),  # Réagissez à cet article
        ("LANG01", 20, 1),  # Vos commentaires
        ("LANG01", 22, 1),  # Rejoignez la discussion
    }


def test_seed_findings_carry_suggestions_and_languages(seed_report):
    by_place = {(f["location"]["line"], f["location"]["column"]): f for f in seed_report["findings"]}
    assert by_place[(6, 188)]["suggestion"] == "Israel"
    assert by_place[(12, 94)]["suggestion"] == "Abraham Accords"
    assert by_place[(12, 94)]["location"]["end_column"] == 94 + len("Abraham Agreements")
    french = by_place[(20, 1)]
    assert french["text"] == "Vos commentaires"
    assert (french["detected_lang"], french["expected_lang"], french["role"]) == ("fr", "en", "interface")
    assert french["category"] == "untranslated" and french["severity"] == "error"
    assert by_place[(14, 157)]["severity"] == "warning"


def test_seed_summary_and_signature(seed_report):
    summary = seed_report["summary"]
    assert summary["files"] == 1
    assert summary["findings"] == 8
    assert summary["by_severity"] == {"error": 7, "warning": 1}
    assert summary["by_category"] == {"punctuation": 1, "terminology": 4, "untranslated": 3}
    signature = seed_report["signature"]
    assert (signature["source_lang"], signature["target_lang"], signature["seed"]) == ("fr", "en", 0)
    assert signature["glossaries"][0]["path"] == GLOSSARY
    assert "LANG01" in signature["checks"]


def test_json_is_byte_identical_across_runs_and_working_directories(seed_run, tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "glossaries").mkdir()
    shutil.copy(ROOT / SEED, tmp_path / SEED)
    shutil.copy(ROOT / GLOSSARY, tmp_path / GLOSSARY)
    again = tqa("check", SEED, "-g", GLOSSARY, "--format", "json")
    elsewhere = tqa("check", SEED, "-g", GLOSSARY, "--format", "json", cwd=tmp_path)
    assert again.stdout == seed_run.stdout
    assert elsewhere.stdout == seed_run.stdout


def test_shipped_glossary_is_the_default(seed_report):
    default = json.loads(tqa("check", SEED, "--format", "json").stdout)
    assert default == seed_report


def test_terminal_output_is_grouped_by_file_with_locations():
    result = tqa("check", SEED, "-g", GLOSSARY)
    lines = result.stdout.splitlines()
    assert lines[0] == SEED
    assert f"{SEED}:20:1 LANG01 error Interface text in French, left in the source language; expected English." in lines
    assert any(line.startswith(f"{SEED}:6:188 TERM01 error ") for line in lines)
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal
    assert "8 findings (7 errors, 1 warning) in 1 file" in result.stdout


def test_output_file_and_directory_input(tmp_path):
    out = tmp_path / "report.json"
    result = tqa("check", "seeds", "-g", GLOSSARY, "--format", "json", "-o", str(out))
    assert result.returncode == 1 and result.stdout == ""
    report = json.loads(out.read_text(encoding="utf-8"))
    assert {f["location"]["path"] for f in report["findings"]} == {SEED}


@pytest.mark.parametrize(
    ("fail_on", "select", "status"),
    [
        ("error", "QUOTE01", 0),  # only a warning, below the default gate
        ("warning", "QUOTE01", 1),
        ("info", "QUOTE01", 1),
        ("error", "LANG", 1),
        ("error", "WS,QUOTE02", 0),
        ("warning", "WS", 0),  # no whitespace slips in the seed (the narrow no-break space is fine)
    ],
)
def test_exit_status_follows_fail_on(fail_on, select, status):
    result = tqa("check", SEED, "-g", GLOSSARY, "--fail-on", fail_on, "--select", select)
    assert result.returncode == status, result.stdout + result.stderr


def test_missing_file_is_one_line_exit_2_and_others_still_checked(tmp_path):
    result = tqa("check", "no/such/file.txt", SEED, "-g", GLOSSARY, "--format", "json")
    assert result.returncode == 2
    assert result.stderr == "tqa: error: no/such/file.txt: no such file or directory\n"
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 1 and report["summary"]["findings"] == 8
    assert report["input_errors"] == [
        {"path": "no/such/file.txt", "message": "no such file or directory", "line": None, "column": None}
    ]


def test_undecodable_file_names_file_and_byte(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Réagissez à cet article\n".encode("latin-1"))
    result = tqa("check", str(bad), "-g", GLOSSARY)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert str(bad) in result.stderr and "byte 1" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", SEED, "--format", "yaml"), "Invalid value for '-f' / '--format'"),
        (("check", SEED, "-g", "missing.csv"), "missing.csv: glossary not found"),
        (("check", SEED, "--target-lang", "english!"), "target_lang"),
        (("checks", "--explain", "NOPE99"), "NOPE99"),
    ],
)
def test_usage_and_config_errors_exit_2_without_traceback(args, message):
    result = tqa(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ('target_lang = "en"\nfial_on = "warning"\n', "fial_on"),
        ('[[overrides]]\npaths = ["*.txt"]\nignroe = ["WS01"]\n', "overrides.0.ignroe"),
    ],
)
def test_bad_config_file_exit_2(tmp_path, config, key):
    (tmp_path / "tqa.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hello world.\n", encoding="utf-8")
    result = tqa("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "tqa.toml" in result.stderr and key in result.stderr


def test_config_file_sets_languages_glossaries_and_gate(tmp_path):
    shutil.copy(ROOT / GLOSSARY, tmp_path / "house.fr-en.csv")
    (tmp_path / "tqa.toml").write_text(
        'glossaries = ["house.fr-en.csv"]\nfail_on = "warning"\nignore = ["LANG"]\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("The Hebrew state and the Abraham  Accords.\n", encoding="utf-8")
    report = json.loads(tqa("check", "a.txt", "--format", "json", cwd=tmp_path).stdout)
    assert [f["code"] for f in report["findings"]] == ["TERM01", "WS01"]
    assert report["signature"]["glossaries"][0]["path"] == "house.fr-en.csv"


def test_checks_lists_every_check_and_explains_one():
    listing = tqa("checks").stdout
    for code in ("LANG01", "LANG02", "TERM01", "QUOTE01", "QUOTE02", "WS01", "WS02", "STYLE01"):
        assert code in listing
    explained = tqa("checks", "--explain", "QUOTE01")
    assert explained.returncode == 0
    assert "Why it matters" in explained.stdout and "”Minister" in explained.stdout


def test_schema_describes_the_json_report(seed_report):
    schema = json.loads(tqa("schema").stdout)
    assert set(schema["required"]) >= {"signature", "summary", "findings"}
    finding = schema["$defs"]["Finding"]
    assert set(finding["properties"]) >= {
        "code", "category", "severity", "message", "location", "text", "span", "suggestion",
        "detected_lang", "expected_lang", "role",
    }
    assert set(schema["$defs"]["Location"]["properties"]) >= {
        "path", "line", "column", "end_line", "end_column", "segment_id",
    }


def test_seed_report_validates_against_the_schema(seed_report):
    import jsonschema

    jsonschema.validate(seed_report, json.loads(tqa("schema").stdout))


def test_html_page_flags_french_interface_from_the_dom_and_nothing_in_the_article():
    report = json.loads(tqa("check", "tests/readers/data/page.html", "--format", "json").stdout)
    flagged = {(f["text"], f["role"], f["location"]["line"], f["location"]["column"]) for f in report["findings"]}
    assert flagged == {
        ("Accueil", "interface", 11, 28),  # <nav> link
        ("Lire aussi", "interface", 24, 10),  # <aside>
        ("Laisser un commentaire", "interface", 26, 9),  # comment section heading
        ("Nom", "interface", 28, 25),  # <label>
        ("Votre nom", "interface", 29, 37),  # placeholder attribute, located at its value
        ("Envoyer", "interface", 30, 29),  # <button>
        ("Publier", "interface", 31, 35),  # submit input value
    }
    assert {f["code"] for f in report["findings"]} == {"LANG01"}


def test_severity_override_in_config_changes_the_gate(tmp_path):
    (tmp_path / "tqa.toml").write_text('select = ["QUOTE01"]\n[severity]\nQUOTE01 = "error"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("We did it today, ”Minister Gantz said.\n", encoding="utf-8")
    result = tqa("check", "a.txt", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1
    assert [f["severity"] for f in json.loads(result.stdout)["findings"]] == ["error"]
