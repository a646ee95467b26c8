"""What several machine formats share: which findings count, check documentation, safe text."""

from __future__ import annotations

import inspect
import re

from ..checks import ALL_CHECKS
from ..models import Finding, Report

CHECKS = {cls.code: cls for cls in ALL_CHECKS}
# XML 1.0 forbids these characters even escaped; segment text may hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def active(report: Report) -> list[Finding]:
    """Findings that count: annotations and issue lists leave suppressed ones out."""
    return [f for f in report.findings if f.suppressed is None]


def rule_doc(code: str) -> tuple[str, str]:
    """(one-line summary, full documentation) of a check, from its docstring."""
    cls = CHECKS.get(code)
    if cls is None:
        return code, code
    return cls.summary(), inspect.cleandoc(cls.__doc__ or "")


def one_line(text: str) -> str:
    """Line breaks as spaces: formats that hold one finding per line."""
    return " ".join(text.splitlines())


def xml_safe(text: str) -> str:
    """Characters XML cannot hold, shown as \\xNN instead of making the document invalid."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
