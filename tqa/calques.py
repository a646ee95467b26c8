"""Calque rules: what a single glossary term cannot say, as a regex and the context it needs.

    glossaries/news.fr-en.rules.toml
        [[rule]]
        id = "tel-aviv-metonym"
        pattern = 'Tel\\s+Aviv'                      # what is flagged (the span of the finding)
        context = 'between\\s+Tel\\s+Aviv\\s+and'    # only where a match of this covers it
        unless = ''                                # never where a match of this covers it
        message = "…"                              # why, for the reader
        suggestion = "Israel"                      # optional

"Tel Aviv" for the Israeli government ("between Tel Aviv and Rabat") is flagged, "a flight to
Tel Aviv" is not. Patterns are Python regexes with Unicode word boundaries, case-sensitive unless
they say ``(?i)``. So that no rule can hang a run, patterns with a quantified group that itself
holds a quantifier (``(a+)+``, the classic catastrophic backtracking) are refused when the file
is read, and every search runs under a timeout (the ``regex`` module's).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator

from .errors import TqaError
from .models import Frozen

TIMEOUT = 0.5  # seconds per search: far above any sane rule on one segment
KEYS = {"id", "pattern", "context", "unless", "message", "suggestion"}
# A group containing a quantifier, itself quantified: (a+)+, (\w*\s?)*, (?:x{2,})+
_NESTED = re.compile(r"\((?:[^()\\]|\\.)*(?:[+*]|\{\d*,?\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,?\d*\})")


class CalqueRule(Frozen):
    """One rule of a rules file; ``origin`` is "path:line" of its ``[[rule]]``."""

    id: str
    pattern: str
    context: str = ""
    unless: str = ""
    message: str
    suggestion: str | None = None
    origin: str = ""

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of ``text`` the rule flags: pattern matches inside a context match, none inside an unless match."""
        matches = list(_search(self.pattern, text))
        if not matches:
            return
        contexts = list(_search(self.context, text)) if self.context else [(0, len(text))]
        exceptions = list(_search(self.unless, text)) if self.unless else []
        for start, end in matches:
            if _covered(start, end, contexts) and not _covered(start, end, exceptions):
                yield start, end


def read_rules(data: bytes, name: str) -> list[CalqueRule]:
    """The rules of one file; a bad key, a bad or risky regex is a TqaError at its line."""
    try:
        text = data.decode("utf-8-sig")
        table = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TqaError(f"not a rules file: {exc}", path=name) from None
    starts = [i + 1 for i, line in enumerate(text.splitlines()) if line.strip() == "[[rule]]"]
    rules = table.get("rule", [])
    if set(table) - {"rule"} or not isinstance(rules, list):
        raise TqaError("a rules file holds only [[rule]] tables", path=name, line=1)
    return [_rule(entry, name, starts[i] if i < len(starts) else 1) for i, entry in enumerate(rules)]


def regex_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be a rule's regex, or None."""
    import regex

    try:
        regex.compile(pattern, regex.VERSION0)
    except regex.error as exc:
        return f"malformed regex {pattern!r}: {exc}"
    if _NESTED.search(pattern):
        return f"regex {pattern!r} nests quantifiers and could backtrack catastrophically"
    return None


def _rule(entry: dict, name: str, line: int) -> CalqueRule:
    unknown = set(entry) - KEYS
    missing = {"id", "pattern", "message"} - set(entry)
    if unknown or missing:
        what = f"unknown key {sorted(unknown)[0]!r}" if unknown else f"missing key {sorted(missing)[0]!r}"
        raise TqaError(what, path=name, line=line)
    for key in ("pattern", "context", "unless"):
        if entry.get(key) and (problem := regex_problem(entry[key])):
            raise TqaError(f"{key}: {problem}", path=name, line=line)
    return CalqueRule(**entry, origin=f"{name}:{line}")


def _search(pattern: str, text: str) -> Iterator[tuple[int, int]]:
    import regex

    try:
        for m in regex.finditer(pattern, text, timeout=TIMEOUT):
            yield m.span()
    except TimeoutError:
        return  # NOTE: refused patterns never get here; a slow one simply finds nothing more


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)
