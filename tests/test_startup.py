"""`tqa check` on one small file loads only what that run needs: pre-commit hooks run it once
per commit, so its start-up is most of its cost (README, Performance). Nothing is timed: the real
command runs under ``python -X importtime``, which names every module it imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ["seeds/morocco-israel-security-agreement.en.txt", "-g", "glossaries/news.fr-en.csv"]
CATALOG = ["tests/data/bilingual/app.po", "-g", "glossaries/news.fr-en.csv"]
# Loaded only by the runs that need them: scoring against references, a segment that word
# evidence cannot decide, the HTML report, Markdown files, --jobs on several files or big
# catalogs, --dask, calque rules, XML formats; and word lists or word forms not cached yet.
NOT_FOR_A_SMALL_FILE = ("sacrebleu", "langdetect", "jinja2", "markdown_it", "multiprocessing", "concurrent",
                        "dask", "distributed", "regex", "xml", "wordfreq", "msgpack", "simplemma",
                        "tqa.reporters.html", "tqa.scoring.reference", "tqa.fix", "tqa.glossary_lint", "tqa.tbx",
                        "tqa.calques", "tqa.readers.markdown", "tqa.readers.xliff", "tqa.dask_backend")


def imported(args: list[str], cache: Path) -> set[str]:
    """Every module a real `tqa check` run imported, checked to have run to its report."""
    env = {**os.environ, "TQA_CACHE_DIR": str(cache)}
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "tqa", "check", *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 1 and "signature: tqa:" in run.stdout, run.stderr[-2000:]
    lines = [line for line in run.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[1].strip() for line in lines[1:]}  # the first line is the header


def loaded(modules: set[str], name: str) -> bool:
    return name in modules or any(m.startswith(name + ".") for m in modules)


@pytest.mark.parametrize("args", [SEED, CATALOG], ids=["seed", "po"])
def test_a_small_file_loads_only_what_its_run_needs(args, tmp_path):
    imported(args, tmp_path)  # the first run builds the word indexes and the glossary's word forms
    modules = imported(args, tmp_path)
    assert {"tqa.cli", "tqa.checks.terminology", "tqa.glossary", "pydantic"} <= modules
    assert [name for name in NOT_FOR_A_SMALL_FILE if loaded(modules, name)] == []
