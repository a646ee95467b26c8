"""The README is part of the contract: its two commands and the seed report it shows stay true."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_install_run_and_test_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.DOTALL).group(1).splitlines()
    assert len(first_block) == 2
    run, test = first_block
    assert "pip install" in run and "tqa check seeds/morocco-israel-security-agreement.en.txt" in run
    assert "pip install" in test and "[test]" in test and run.split("&&")[0] == test.split("&&")[0]
    assert test.split("&&")[-1].strip() == ".venv/bin/python -m pytest"
    assert test.split("&& ", 1)[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_seed_report_in_readme_is_what_tqa_prints():
    shown = re.search(r"\$ (tqa check seeds/[^\n]*)\n(.*?)```", README, re.DOTALL)
    args = shown.group(1).split()[1:]
    result = subprocess.run(
        [sys.executable, "-m", "tqa", *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8"
    )
    assert result.returncode == 1
    assert result.stdout == shown.group(2)
