"""Numbers as a reader understands them, whatever the locale writes.

    "1,234.5" (en)  "1 234,5" / "1\u202f234,5" (fr)   -> 1234.5
    "11:52", "11:52 AM", "11 h 52", "11h52"           -> time 11:52
    "1st", "1er", "1re", "2e", "2nd"                   -> 1, 2
    "12/31/2024"                                      -> 12, 31, 2024 (compared as a multiset)

Numbers inside placeholders, tags, URLs and e-mail addresses are code, not quantities, and are
skipped; so are digits glued to a preceding letter ("mp3", "x86", "H2O"). Spelled-out small
numbers ("two", "deux", "first") are not numbers here, but excuse a number on the other side
(``spelled``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from .tokens import inside, protected

_SPACE_GROUP = " \u00a0\u202f\u2009"
_NO_BREAK_GROUP = "\u00a0\u202f\u2009"
# (separators between groups of three digits, decimal mark): first the language's own way,
# then, for numbers it cannot read ("2.5" in a French software string), any other way.
# NOTE: a normal space groups digits only in French: in English "page 5 123" is two numbers.
_OWN = {"en": ((",'" + _NO_BREAK_GROUP, "."),), "fr": (("." + _SPACE_GROUP, ","),)}
_ANY = ((",'" + _NO_BREAK_GROUP, "."), ("." + _NO_BREAK_GROUP, ","))

_TIME = re.compile(
    r"(?<![\w:.,])(\d{1,2})(?::(\d{2})|[ \u00a0\u202f]?h[ \u00a0\u202f]?(\d{2})?)?"
    r"(?:[ \u00a0\u202f]?([AaPp])\.?[Mm]\.?)?(?![\w:])"
)
# A sign only where it cannot be a range dash: "-5 °C", not "5-10".
_ANY_DIGIT = re.compile(r"\d")  # every time and number has one
_NUMBER = re.compile(rf"(?:(?<!\w)[-\u2212])?(?<![^\W\d_])(?<![\d.,])\d+(?:[.,'{_SPACE_GROUP}]\d+)*")

SPELLED = {
    "en": {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "first": 1, "second": 2,
           "third": 3, "fourth": 4, "fifth": 5, "once": 1, "twice": 2, "hundred": 100,
           "thousand": 1000, "million": 1000000},
    "fr": {"zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
           "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "premier": 1,
           "première": 1, "premiers": 1, "premières": 1, "second": 2, "seconde": 2, "deuxième": 2,
           "troisième": 3, "quatrième": 4, "cinquième": 5, "cent": 100, "mille": 1000,
           "million": 1000000},
}
_WORD = re.compile(r"[^\W\d_]+")


class Number(NamedTuple):
    """A number in a text: the values it may mean (locales disagree) and where it stands."""

    values: frozenset[str]
    text: str
    start: int
    end: int


def numbers(text: str, lang: str) -> list[Number]:
    """Times and numbers in ``text`` outside protected tokens, in order of appearance."""
    digit = _ANY_DIGIT.search(text)
    if not digit:  # most strings: no need to find their protected tokens
        return []
    skip = protected(text)
    found: list[Number] = []
    taken: list[tuple[int, int]] = []
    # Both patterns are searched from the first digit (a number's sign one before): no match starts
    # earlier, and their lookbehinds still see the text before it.
    for match in _TIME.finditer(text, digit.start()):
        if match.group(2) or match.group(3) or match.group(4) or _is_french_hour(match):
            if not inside(match.start(), skip):
                found.append(Number(frozenset({_time(match)}), match.group(), *match.span()))
                taken.append(match.span())
    for match in _NUMBER.finditer(text, max(digit.start() - 1, 0)):
        if inside(match.start(), skip) or any(a <= match.start() < b for a, b in taken):
            continue
        found.extend(_read(match.group(), match.start(), lang))
    return sorted(found, key=lambda n: n.start)


def spelled(text: str, lang: str) -> set[int]:
    """Values of the small numbers written out in words ("two", "deux", "first")."""
    table = SPELLED.get(lang, {})
    lowered = text.lower()
    return {table[w] for w in _WORD.findall(lowered) if w in table}


def _is_french_hour(match: re.Match[str]) -> bool:
    """"11 h" is a time only with the h: "11" alone is a plain number."""
    return "h" in match.group().lower()


def _time(match: re.Match[str]) -> str:
    hour, minute = int(match.group(1)), int(match.group(2) or match.group(3) or 0)
    meridiem = (match.group(4) or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return f"time {hour:02d}:{minute:02d}"


def _read(raw: str, start: int, lang: str) -> list[Number]:
    """One run of digits and separators, found at ``start``."""
    return [Number(values, text, start + offset, start + end) for values, text, offset, end in _parse(raw, lang)]


@lru_cache(maxsize=4096)
def _parse(raw: str, lang: str) -> tuple[tuple[frozenset[str], str, int, int], ...]:
    """A number in the language's convention, else in any convention, else a list of numbers
    ("1,2,3", "1.2.3", "12/31": each part on its own), with offsets in ``raw``; remembered, as
    the same few numbers ("1", "10", "2024") come back all the time."""
    raw = raw.rstrip(_SPACE_GROUP + ".,'")
    for conventions in (_OWN.get(lang, _ANY), _ANY):
        values = {v for groups, decimal in conventions if (v := _value(raw, groups, decimal)) is not None}
        if values:
            return ((frozenset(values), raw, 0, len(raw)),)
    return tuple((frozenset({str(int(m.group()))}), m.group(), m.start(), m.end()) for m in re.finditer(r"\d+", raw))


def _value(raw: str, groups: str, decimal: str) -> str | None:
    """The canonical value of ``raw`` under one convention, or None if it breaks its rules."""
    sign = "-" if raw[0] in "-\u2212" else ""
    body = raw.lstrip("-\u2212")
    head, _, fraction = body.rpartition(decimal) if decimal in body else (body, "", "")
    if decimal in body and not head:
        return None
    parts = re.split(f"[{re.escape(groups)}]", head)
    if len(parts) > 1 and (not 1 <= len(parts[0]) <= 3 or any(len(p) != 3 for p in parts[1:])):
        return None
    if not all(p.isdigit() for p in parts) or (fraction and not fraction.isdigit()):
        return None
    try:
        value = Decimal(sign + "".join(parts) + ("." + fraction if fraction else ""))
    except InvalidOperation:
        return None
    return format(value.normalize(), "f") if value == value.to_integral() else str(value.normalize())
