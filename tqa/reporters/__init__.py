"""Output formats: each is ``render(report, color=False) -> str``; the CLI does the writing."""

from collections.abc import Callable

from ..models import Report
from . import github, gitlab, htmlreport, jsonreport, junit, lines, sarif, terminal

Renderer = Callable[..., str]

REPORTERS: dict[str, Renderer] = {
    "terminal": terminal.render,
    "json": jsonreport.render,
    "html": htmlreport.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "lines": lines.render,
}


def render(report: Report, fmt: str, color: bool = False) -> str:
    return REPORTERS[fmt](report, color=color)
