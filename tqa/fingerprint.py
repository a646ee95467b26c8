"""Fingerprints: one stable id per finding, the key of baselines, SARIF and GitLab reports.

Recipe (version ``tqa/v1``): SHA-256 over the check code, the path, the unit id (bilingual
files; empty for documents), the segment text with whitespace runs collapsed, the offending
span's text and an occurrence number, truncated to 32 hex digits. Never line numbers or
segment numbers: text inserted or moved above a finding does not change its fingerprint. The
occurrence number (0, 1, ... in report order) keeps identical findings apart, so every
fingerprint is unique within a report.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping

from .models import Finding

VERSION = "tqa/v1"
_SPACES = re.compile(r"\s+")


def fingerprinted(findings: list[Finding], units: Mapping[tuple[str, str], str]) -> list[Finding]:
    """The findings, in the same order, each with its fingerprint: the list itself, updated in
    place, so a run with a hundred thousand findings never holds them twice.

    ``units`` maps (path, segment id) to the unit id of bilingual segments.
    """
    seen: Counter[bytes] = Counter()  # occurrences by identity, kept as 16-byte digests
    for n, finding in enumerate(findings):
        key = identity(finding, units.get((finding.location.path, finding.location.segment_id), ""))
        mark = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()
        findings[n] = finding.model_copy(update={"fingerprint": _digest(key, seen[mark])})
        seen[mark] += 1
    return findings


def identity(finding: Finding, unit: str) -> str:
    """What makes two findings the same finding across runs, as one string."""
    span = finding.text[finding.span.start:finding.span.end] if finding.span else ""
    parts = (finding.code, finding.location.path, unit, normalized(finding.text), normalized(span))
    return "\x1f".join(parts)


def normalized(text: str) -> str:
    """NFC, whitespace runs as one space, trimmed: rewrapping a paragraph is not a new finding."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _digest(key: str, occurrence: int) -> str:
    return hashlib.sha256(f"{VERSION}\x1f{key}\x1f{occurrence}".encode()).hexdigest()[:32]
