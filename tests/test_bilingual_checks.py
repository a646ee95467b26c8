"""The bilingual checks end to end: real PO and XLIFF files through the real command line.

checks.en-fr.po has one defect per entry (and traps that must stay quiet: "Description" kept
as is, a balanced bracket); later.en-fr.po translates "Save" differently from the first file,
for the run-wide consistency check; codes.xlf loses an inline code and exceeds a maxwidth.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path("tests/data/bilingual")
GLOSSARY = "tests/data/glossaries/ui.en-fr.csv"

EXPECTED = [
    ("checks.en-fr.po", "NUM01", 8, 18, 20),  # 5 -> 15, at "15"
    ("checks.en-fr.po", "PH01", 12, 17, 24),  # %(name)s -> %(nom)s
    ("checks.en-fr.po", "PH02", 15, 14, 16),  # %s ... %d swapped
    ("checks.en-fr.po", "URL01", 18, 14, 38),
    ("checks.en-fr.po", "TAG01", 21, 9, 35),  # </b> lost: whole target
    ("checks.en-fr.po", "PUNC01", 24, 29, 29),  # "?" lost: at the end of the target
    ("checks.en-fr.po", "TYPO01", 30, 22, 23),  # "sûr?"
    ("checks.en-fr.po", "TYPO01", 33, 14, 16),  # "Total :" with a normal space
    ("checks.en-fr.po", "WS03", 33, 16, 16),  # trailing space of the source lost
    ("checks.en-fr.po", "LANG01", 36, 9, 24),  # "Change password" copied
    ("checks.en-fr.po", "TERM02", 36, 9, 24),
    ("checks.en-fr.po", "LANG03", 39, 9, 9),  # empty msgstr, located inside its quotes
    ("checks.en-fr.po", "LEN01", 45, 9, 22),
    ("checks.en-fr.po", "TERM02", 45, 9, 22),
    ("checks.en-fr.po", "CONS02", 51, 9, 15),  # "Ouvrir" for "Open" and for "Close"
    ("checks.en-fr.po", "TERM02", 57, 9, 21),
    ("checks.en-fr.po", "TERM01", 57, 13, 21),  # "réglages" forbidden
    ("checks.en-fr.po", "TERM03", 60, 9, 18),  # "Wagtail" dropped
    ("codes.xlf", "CODE01", 11, 17, 39),
    ("codes.xlf", "CODE01", 11, 17, 39),
    ("codes.xlf", "LEN02", 15, 29, 46),  # the characters past maxwidth 12
    ("later.en-fr.po", "CONS01", 6, 9, 20),  # "Sauvegarder", the first file said "Enregistrer"
]


def test_every_bilingual_check_reports_its_defect_at_the_target_span():
    files = [str(DATA / name) for name in ("checks.en-fr.po", "later.en-fr.po", "codes.xlf")]
    run = subprocess.run([sys.executable, "-m", "tqa", "check", *files, "-g", GLOSSARY, "--format", "json"],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)["findings"]
    found = [(Path(f["location"]["path"]).name, f["code"], f["location"]["line"], f["location"]["column"],
              f["location"]["end_column"]) for f in findings]
    assert found == EXPECTED
    consistency = next(f for f in findings if f["code"] == "CONS01")
    assert consistency["message"] == (
        "Same source as at tests/data/bilingual/checks.en-fr.po:54:9, translated differently there.")
