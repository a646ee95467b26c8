"""Reports made as a user makes them: the real command line on real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = "seeds/morocco-israel-security-agreement.en.txt"
GLOSSARY = "glossaries/news.fr-en.csv"
PAYLOADS = "tests/report/data/payloads.en.txt"
CATALOG = "tests/report/data/messages.fr-en.po"  # bilingual, with a payload in a target


def html_report(tmp: Path, *args: str, fmt: str = "html") -> Path:
    """``tqa check ARGS -g GLOSSARY --format FMT -o FILE``, run as a user runs it."""
    out = tmp / f"report.{fmt}"
    done = subprocess.run(
        [sys.executable, "-m", "tqa", "check", *args, "-g", GLOSSARY, "--format", fmt, "-o", str(out)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
    )
    assert done.returncode == 1 and done.stderr == "", done.stderr
    return out
