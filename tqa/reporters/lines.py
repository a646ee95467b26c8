"""One finding per line, ``path:line:col: CODE message`` (Vale's ``line`` output): for editors'
problem matchers, grep and golden tests. Suppressed findings are left out."""

from __future__ import annotations

from ..models import Report
from .common import active, one_line


def render(report: Report, color: bool = False) -> str:
    return "".join(
        f"{f.location.path}:{f.location.line}:{f.location.column}: {f.code} {one_line(f.message)}\n"
        for f in active(report)
    )
