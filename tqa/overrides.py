"""Per-glob configuration: ``[[overrides]]`` tables that change severities or ignore checks for
some files only, e.g. legal text quoted verbatim::

    [[overrides]]
    paths = ["docs/legal/**"]          # globs relative to the config file's folder; ** crosses folders
    ignore = ["STYLE01", "WS"]         # codes, names or prefixes: findings kept, suppressed
    severity = { TERM01 = "warning" }
    reason = "quoted verbatim from the statute"

Every matching table applies, later ones over earlier ones. Ignored findings stay in the report
as suppressed ``by: config``, so a reviewer sees what the configuration hides.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .models import Finding, Severity, Suppressed


class Override(BaseModel):
    """One ``[[overrides]]`` table; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    paths: tuple[str, ...] = Field(min_length=1)
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)
    reason: str | None = None

    def applies_to(self, path: str, base: Path) -> bool:
        """Whether ``path`` (as shown, relative to the working directory) matches, seen from ``base``."""
        return _compiled(self.paths).fullmatch(relative_to(path, base)) is not None


def names_check(patterns: Iterable[str], code: str, name: str) -> bool:
    """Whether patterns name a check: by code, name, family prefix ("LANG") or ALL."""
    return any(p == "ALL" or p in (code, name) or code.startswith(p) for p in patterns)


@lru_cache(maxsize=64)
def _compiled(globs: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{glob_regex(g)})" for g in globs))


def glob_regex(glob: str) -> str:
    """A path glob as a regex: ``*`` and ``?`` stay inside a folder, ``**`` crosses folders."""
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            out.append({"*": "[^/]*", "?": "[^/]"}.get(glob[i], re.escape(glob[i])))
            i += 1
    return "".join(out)


def relative_to(path: str, base: Path) -> str:
    """``path`` relative to ``base``, with / separators, as globs are written."""
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def apply_overrides(findings: Iterable[Finding], overrides: Iterable[Override], base: Path) -> list[Finding]:
    """Findings with the severities and config suppressions of the overrides for their file;
    globs are relative to ``base``, the config file's folder."""
    overrides = tuple(overrides)
    result = []
    for finding in findings:
        for override in overrides:
            if override.applies_to(finding.location.path, base):
                finding = _overridden(finding, override)
        result.append(finding)
    return result


def _overridden(finding: Finding, override: Override) -> Finding:
    update: dict = {}
    severity = override.severity.get(finding.code) or override.severity.get(finding.check)
    if severity is not None:
        update["severity"] = severity
    if finding.suppressed is None and names_check(override.ignore, finding.code, finding.check):
        reason = override.reason or f"overrides for {', '.join(override.paths)}"
        update["suppressed"] = Suppressed(by="config", reason=reason)
    return finding.model_copy(update=update) if update else finding
