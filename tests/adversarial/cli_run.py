"""Adversarial inputs run through the real command line, in a subprocess, as a user would run it."""

import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"


def run_tqa(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """``tqa ARGS`` in ``cwd``: its exit status, stdout and stderr as text."""
    return subprocess.run([sys.executable, "-m", "tqa", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, encoding="utf-8", errors="strict")
