"""Output formats: each is ``render(report, color=False) -> str``; the CLI does the writing."""

from collections.abc import Callable

from ..models import Report
from . import jsonreport, terminal

Renderer = Callable[..., str]

REPORTERS: dict[str, Renderer] = {
    "terminal": terminal.render,
    "json": jsonreport.render,
}


def render(report: Report, fmt: str, color: bool = False) -> str:
    return REPORTERS[fmt](report, color=color)
