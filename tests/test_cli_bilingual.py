"""The real command line on bilingual files: findings at the target's line and column, bad files reported."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "bilingual"


def tqa(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tqa", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8")


def test_english_left_in_an_en_fr_po_and_xliff_is_found_at_its_target(tmp_path):
    # No config: the defaults say fr→en, the files say their target is French, so they are read en→fr.
    for name in ("app.po", "app.xlf"):
        shutil.copy(DATA / name, tmp_path)
    run = tqa("check", "app.po", "app.xlf", "--format", "json", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)["findings"]
    lang = [(f["location"]["path"], f["location"]["line"], f["location"]["column"], f["location"]["end_column"])
            for f in findings if f["code"] == "LANG01"]
    assert lang == [("app.po", 10, 9, 57), ("app.xlf", 11, 17, 65)]
    assert all(f["expected_lang"] == "fr" for f in findings if f["code"] == "LANG01")


def test_a_directory_of_catalogs_with_a_broken_one(tmp_path):
    shutil.copy(DATA / "app.po", tmp_path / "good.po")
    (tmp_path / "bad.po").write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "x"}', encoding="utf-8")  # not a key file: skipped
    (tmp_path / "app.pot").write_text('msgid "a"\nmsgstr ""\n', encoding="utf-8")  # a template: skipped
    run = tqa("check", ".", "--format", "json", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr == "tqa: error: bad.po:2:8: unterminated string: no closing quote on this line\n"
    report = json.loads(run.stdout)
    assert report["summary"]["files"] == 1
    assert {f["location"]["path"] for f in report["findings"]} == {"good.po"}
