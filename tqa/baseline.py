"""Baselines: today's findings recorded by fingerprint, so a gate fails only on new ones.

The file (``tqa check --write-baseline FILE``; read with ``--baseline FILE`` or ``baseline =``
in config) is JSON with sorted keys and no timestamps, so it diffs cleanly::

    {"version": 1,
     "entries": {"<fingerprint>": {"code": "TERM01", "path": "docs/a.md", "unit": "p3.s1",
                                   "count": 1, "status": "accepted", "reason": "house style"}}}

``code``, ``path`` and ``unit`` are for people reading the file; matching is by fingerprint
only (``fingerprint.py``: never line numbers). ``status`` (``false-alarm`` or ``accepted``) and
``reason`` are optional: the HTML report's triage download writes them, and rewriting a baseline
keeps them. Entries for checked files that match no finding any more are reported as unused.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import TqaError
from .models import Finding, Suppressed, UnusedSuppression


class Entry(BaseModel):
    """One recorded finding."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    path: str
    unit: str | None = None
    count: int = Field(default=1, ge=1)
    status: Literal["false-alarm", "accepted"] | None = None
    reason: str | None = None


class Baseline(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1] = 1
    entries: dict[str, Entry] = Field(default_factory=dict)


def load_baselines(paths: Sequence[str]) -> Baseline | None:
    """The baselines merged (a recorded baseline and a reviewer's triage download, say); for a
    fingerprint in several, the entry with a triage decision wins. None without files."""
    if not paths:
        return None
    entries: dict[str, Entry] = {}
    for baseline in map(load_baseline, paths):
        for fingerprint, entry in baseline.entries.items():
            if fingerprint not in entries or (entry.status and not entries[fingerprint].status):
                entries[fingerprint] = entry
    return Baseline(entries=entries)


def load_baseline(path: str) -> Baseline:
    """The baseline file, or a TqaError naming the file and the bad key."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise TqaError(f"cannot read baseline: {exc.strerror}", path=path) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TqaError(f"baseline is not JSON: {exc}", path=path) from None
    try:
        return Baseline.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(p) for p in error["loc"]) or "baseline"
        raise TqaError(f"{key}: {error['msg']}", path=path) from None


def apply_baseline(
    findings: Sequence[Finding], baseline: Baseline, checked: Iterable[str], ran: Iterable[str]
) -> tuple[list[Finding], list[UnusedSuppression]]:
    """Findings recorded in the baseline marked as suppressed, and the entries left unused among
    those of files checked (``checked``) by checks that ran (codes in ``ran``)."""
    result = []
    for finding in findings:
        entry = baseline.entries.get(finding.fingerprint or "")
        if entry is not None and finding.suppressed is None:
            reason = entry.reason or entry.status
            finding = finding.model_copy(update={"suppressed": Suppressed(by="baseline", reason=reason)})
        result.append(finding)
    seen = {f.fingerprint for f in findings}
    checked, ran = set(checked), set(ran)
    unused = [
        UnusedSuppression(by="baseline", path=entry.path, codes=(entry.code,), fingerprint=fingerprint)
        for fingerprint, entry in sorted(baseline.entries.items(), key=lambda kv: (kv[1].path, kv[0]))
        if fingerprint not in seen and entry.path in checked and entry.code in ran
    ]
    return result, unused


def render_baseline(findings: Iterable[Finding], previous: Baseline | None = None) -> str:
    """Every finding not suppressed inline or by config, keeping earlier triage decisions."""
    kept = previous.entries if previous else {}
    entries = {}
    for finding in findings:
        if finding.fingerprint is None or (finding.suppressed and finding.suppressed.by != "baseline"):
            continue
        earlier = kept.get(finding.fingerprint)
        entries[finding.fingerprint] = Entry(
            code=finding.code,
            path=finding.location.path,
            unit=finding.location.segment_id,
            status=earlier.status if earlier else None,
            reason=earlier.reason if earlier else None,
        )
    baseline = Baseline(entries=entries)
    return json.dumps(baseline.model_dump(mode="json", exclude_none=True), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
