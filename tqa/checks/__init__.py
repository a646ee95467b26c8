"""The registry of checks: an explicit tuple, in listing order, and lookups over it."""

from __future__ import annotations

from ..config import Settings
from ..errors import TqaError
from .base import Check
from .consistency import InconsistentTranslation, ReusedTranslation
from .language import EmptyTranslation, UntranslatedText, WrongLanguage
from .length import LengthRatio, MaxWidth
from .markup import InlineCodeMismatch, MarkupMismatch
from .numbers import NumberMismatch
from .placeholders import LinkMismatch, PlaceholderMismatch, PlaceholderOrder
from .punctuation import EndPunctuation, QuoteSpacing, UnpairedBracket, UnpairedQuote
from .style import RepeatedWord
from .terminology import CalqueRule, DntChanged, ForbiddenTerm, MissingTerm
from .typography import FrenchSpacing
from .whitespace import DoubledSpace, EdgeWhitespace, SpaceBeforePunctuation

ALL_CHECKS: tuple[type[Check], ...] = (
    UntranslatedText,
    WrongLanguage,
    EmptyTranslation,
    ForbiddenTerm,
    MissingTerm,
    DntChanged,
    CalqueRule,
    NumberMismatch,
    PlaceholderMismatch,
    PlaceholderOrder,
    LinkMismatch,
    MarkupMismatch,
    InlineCodeMismatch,
    QuoteSpacing,
    UnpairedQuote,
    EndPunctuation,
    UnpairedBracket,
    FrenchSpacing,
    DoubledSpace,
    SpaceBeforePunctuation,
    EdgeWhitespace,
    LengthRatio,
    MaxWidth,
    InconsistentTranslation,
    ReusedTranslation,
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
