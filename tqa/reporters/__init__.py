"""Output formats: each is ``render(report, color=False) -> str``; the CLI does the writing.

Each reporter's module is imported when its format is first asked for, so `tqa check` with the
terminal format never pays for jinja2 (the HTML report) or the schema machinery.
"""

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module

from ..models import Report

Renderer = Callable[..., str]

_MODULES = ("terminal", "json", "html", "sarif", "junit", "github", "gitlab", "lines")
_MODULE_OF = {"json": "jsonreport", "html": "htmlreport"}  # the others are named as their format


class _Reporters(Mapping[str, Renderer]):
    """Format name -> render function, importing the reporter's module on first lookup."""

    def __getitem__(self, fmt: str) -> Renderer:
        if fmt not in _MODULES:
            raise KeyError(fmt)
        return import_module(f"{__name__}.{_MODULE_OF.get(fmt, fmt)}").render

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


REPORTERS: Mapping[str, Renderer] = _Reporters()


def render(report: Report, fmt: str, color: bool = False) -> str:
    return REPORTERS[fmt](report, color=color)
