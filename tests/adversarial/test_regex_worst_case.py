"""No catastrophic backtracking: every regular expression in tqa, fed ~40,000-character worst cases
(runs of one character, near-misses), in a subprocess that must finish (``redos_probe.py``; run it
with ``--length 200000 --times`` for the full-size check). Not a speed test: the timeout is generous."""

import subprocess
import sys
from pathlib import Path

PROBE = Path(__file__).parent / "redos_probe.py"


def test_every_pattern_finishes_on_worst_case_input():
    try:
        done = subprocess.run([sys.executable, str(PROBE), "--length", "40000"], capture_output=True, text=True,
                              timeout=300)
    except subprocess.TimeoutExpired as timeout:
        tried = (timeout.stdout or b"").decode().split()
        raise AssertionError(f"catastrophic backtracking in {tried[-1] if tried else '?'}") from None
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "done" and not [line for line in lines if "slow:" in line]
    assert len(lines) > 60  # the probe really found the patterns
