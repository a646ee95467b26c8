"""``tqa init``: a commented starter ``tqa.toml``. Every key is shown; the ones left active are
the defaults, so the file changes nothing until it is edited."""

from __future__ import annotations

from pathlib import Path

from .errors import TqaError
from .outputs import write_text_atomic

STARTER = '''\
# tqa configuration. Command-line flags override these values; unknown keys are errors.
# Paths and globs are relative to this file.

source_lang = "fr"        # language the text was translated from
target_lang = "en"        # language it should be in

# Glossary CSVs (source,target,status,case_sensitive,note). Without this key tqa uses
# glossaries/*.<source>-<target>.csv under the working directory.
# glossaries = ["glossaries/news.fr-en.csv"]

select = ["ALL"]          # checks to run: codes ("TERM01"), names ("forbidden-term") or prefixes ("LANG")
ignore = []               # checks to skip, same forms
fail_on = "error"         # lowest severity that fails the run: info, warning or error

# Findings recorded in a baseline do not fail the run; only new ones do.
# Write one with: tqa check PATH... --write-baseline tqa-baseline.json
# baseline = "tqa-baseline.json"

# MQM quality score (README, "Quality score"): the run fails (exit 1) below this.
# min_score = 95

# Severity of a check, by code or name.
[severity]
# QUOTE01 = "error"

# What a check's findings cost in the score: neutral, minor, major or critical.
[mqm_severity]
# WS01 = "neutral"

# Score multipliers (neutral 0, minor 1, major 5, critical 25) and weights per MQM dimension.
[score]
# critical_fails = true   # any critical finding fails the run, whatever the score
# multipliers = { critical = 10 }
# weights = { style = 0.5 }

# Per-glob overrides: for matching files, change severities or ignore checks. Ignored
# findings stay in reports as suppressed (by config), out of the gate and the score.
# [[overrides]]
# paths = ["docs/legal/**"]
# ignore = ["STYLE01"]
# severity = { TERM01 = "warning" }
# reason = "quoted verbatim from the statute"
'''


def write_starter(path: Path, force: bool) -> None:
    """Write the starter file; an existing file is kept unless ``force``."""
    if path.exists() and not force:
        raise TqaError("already exists; use --force to overwrite it", path=str(path))
    write_text_atomic(path, STARTER)
