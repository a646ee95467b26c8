"""The registry of checks: an explicit tuple, in listing order, and lookups over it."""

from __future__ import annotations

from ..config import Settings
from ..errors import TqaError
from .base import Check
from .language import UntranslatedText, WrongLanguage
from .punctuation import QuoteSpacing, UnpairedQuote
from .style import RepeatedWord
from .terminology import ForbiddenTerm
from .whitespace import DoubledSpace, SpaceBeforePunctuation

ALL_CHECKS: tuple[type[Check], ...] = (
    UntranslatedText,
    WrongLanguage,
    ForbiddenTerm,
    QuoteSpacing,
    UnpairedQuote,
    DoubledSpace,
    SpaceBeforePunctuation,
    RepeatedWord,
)


def check_by_code(code: str) -> type[Check]:
    """The check class with this code (case-insensitive), or a TqaError listing the codes."""
    for cls in ALL_CHECKS:
        if cls.code == code.upper():
            return cls
    known = ", ".join(cls.code for cls in ALL_CHECKS)
    raise TqaError(f"no check with code {code!r} (known: {known})")


def select_checks(settings: Settings) -> list[Check]:
    """Instances of the checks the settings select, at their configured severities."""
    return [
        cls(
            settings.severity_for(cls.code, cls.name),
            settings.options_for(cls),
            settings.mqm_severity_for(cls.code, cls.name),
        )
        for cls in ALL_CHECKS
        if settings.is_selected(cls.code, cls.name)
    ]
