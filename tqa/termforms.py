"""Term forms: a glossary term as a regex that matches the ways running text writes it.

Word forms come from simplemma's dictionaries when it knows the word (``tqa.lemmas``: passed in
as ``forms``); the suffix rules below only cover words it does not know (names, rare words).

    "accords d'Abraham"    also "accord d'Abraham", "accords d’Abraham"   (French content words)
    "État hébreu"          also "États hébreux"                           (nouns and adjectives agree)
    "Minister of Defense"  also "Ministers of Defense"                    (English head noun before "of")
    "Hebrew state"         also "Hebrew states", "Hebrew state's"         (English last word)

Any run of whitespace (NBSP, line breaks) between words, any apostrophe or hyphen variant, and
composed or decomposed accents match too; a hyphen and a space stand for each other
("israélo-marocain", "israélo marocain"). Guards for whole words are the caller's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import NamedTuple

APOSTROPHES = "'\u2019\u02bc\u2018"  # straight, right single quote, modifier letter, left quote
HYPHENS = "-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen
APOSTROPHE = f"[{APOSTROPHES}]"
_PIECES = re.compile(rf"\s+|{APOSTROPHE}|[{HYPHENS}]|.", re.DOTALL)
_WORDS = re.compile(r"\w+")
# A run of letters that running text keeps whole under the term regex: \w, less the apostrophes
# (U+02BC is a letter to \w, but stands for any apostrophe in a term).
WORD_PART = re.compile(rf"[^\W{APOSTROPHES}]+")
# Words after which the head noun comes first: "ministres de la Défense", "Ministers of Defense".
_LINK_WORDS = {
    "en": frozenset({"of", "for", "in", "on", "at", "to", "from"}),
    "fr": frozenset({"de", "du", "des", "d", "à", "au", "aux", "en", "pour", "sur", "la", "le", "les", "l"}),
}


def term_pattern(term: str, lang: str, forms: Mapping[str, Sequence[str]] | None = None) -> str:
    """A regex for ``term`` as it may be written in running text (no word-boundary guards).

    ``forms``: casefolded word -> its inflected forms (``tqa.lemmas.forms_of``); only for
    case-insensitive terms, since the forms are lower case."""
    term = unicodedata.normalize("NFC", term.strip())
    found = list(_WORDS.finditer(term))
    inflected = inflected_words([m.group() for m in found], lang)
    parts, at = [], 0
    for index, match in enumerate(found):
        word = match.group()
        parts.append(_literal(term[at:match.start()]))
        parts.append(_inflected(word, lang, forms or {}) if index in inflected else _literal(word))
        at = match.end()
    return "".join(parts) + _literal(term[at:])


def inflected_words(words: Sequence[str], lang: str) -> set[int]:
    """Indexes of the words that may take a plural ending: the last word; in French every
    content word (nouns and adjectives agree: "États hébreux"); in English a head noun before
    "of" ("Ministers of Defense")."""
    if not words:
        return set()
    links = _LINK_WORDS.get(lang, frozenset())
    chosen = {len(words) - 1}
    if lang == "fr":
        chosen |= {i for i, w in enumerate(words) if w.lower() not in links and len(w) > 2}
    elif len(words) > 1 and words[1].lower() in links:
        chosen.add(0)
    return chosen


def _literal(text: str) -> str:
    """``text`` as a regex, loose only where spellings vary: spaces, apostrophes, hyphens, accents."""
    parts = []
    for piece in _PIECES.findall(text):
        if piece.isspace():
            parts.append(rf"(?:\s+|[{HYPHENS}])")
        elif piece in APOSTROPHES:
            parts.append(APOSTROPHE)
        elif piece in HYPHENS:
            parts.append(rf"(?:[{HYPHENS}]|\s+)")
        else:
            parts.append(_letter(piece))
    return "".join(parts)


def _letter(char: str) -> str:
    """A character, also in its decomposed form (e + combining accent), as copy-paste produces."""
    decomposed = unicodedata.normalize("NFD", char)
    if decomposed == char:
        return re.escape(char)
    return f"(?:{re.escape(char)}|{re.escape(decomposed)})"


def _inflected(word: str, lang: str, forms: Mapping[str, Sequence[str]]) -> str:
    """The word in its dictionary forms, else with the plural endings ``lang`` allows; in English
    also possessive."""
    if not word:
        return ""
    known = forms.get(word.casefold())
    if known:
        body = "(?:" + "|".join(_literal(f) for f in known) + ")"
        return body + rf"(?:{APOSTROPHE}s|(?<=[sS]){APOSTROPHE})?" if lang == "en" else body
    if lang == "en":
        return _english(word) + rf"(?:{APOSTROPHE}s|(?<=[sS]){APOSTROPHE})?"
    if lang == "fr":
        stem = word[:-1] if len(word) > 3 and word[-1] in "sxSX" else word
        return _literal(stem) + "[sxSX]?"
    return _literal(word)


def _english(word: str) -> str:
    """An English word in the singular or the plural, whichever the glossary wrote."""
    # NOTE: "Agreements" also matches "Agreement": a final -s is read as a plural, except in
    # -ss/-us/-is endings (boss, status, analysis), which are kept whole.
    lower = word.lower()
    if len(word) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        word, lower = word[:-1], lower[:-1]
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return _literal(word) + "(?:es)?"
    if len(lower) > 1 and lower.endswith("y") and lower[-2] not in "aeiou":
        return _literal(word[:-1]) + "(?:y|ies)"
    return _literal(word) + "s?"


class WordTest(NamedTuple):
    """A word every match of a term holds whole: its casefolded spellings (their first
    ``WORD_PART``), and whether those are only prefixes (a word under the suffix rules)."""

    spellings: frozenset[str]
    prefix: bool


def word_tests(term: str, lang: str, forms: Mapping[str, Sequence[str]] | None = None) -> list[WordTest]:
    """The words of ``term`` that every match of ``term_pattern(term, lang, forms)`` holds as
    whole words, for cheap tests that a text cannot match: the most telling first (whole
    spellings, then an uninflected word, then the longest); none when the term has no word to test."""
    term = unicodedata.normalize("NFC", term.strip())
    words = _WORDS.findall(term)
    inflected = inflected_words(words, lang)
    ranked = []
    for index, word in enumerate(words):
        spellings, prefix = _spellings(word, lang, forms or {}) if index in inflected else ((word,), False)
        folded = frozenset(part.group() if (part := WORD_PART.search(s.casefold())) else "" for s in spellings)
        if all(folded):
            ranked.append(((not prefix, index not in inflected, min(map(len, folded))), WordTest(folded, prefix)))
    return [test for _, test in sorted(ranked, key=lambda r: r[0], reverse=True)]


def _spellings(word: str, lang: str, forms: Mapping[str, Sequence[str]]) -> tuple[tuple[str, ...], bool]:
    """What ``_inflected`` lets a word be: its dictionary forms, else for the suffix rules a
    prefix (they change at most the last two letters: "Flys" -> "Fl(?:y|ies)")."""
    known = forms.get(word.casefold())
    if known:
        return tuple(known), False
    if lang in ("en", "fr"):
        return (word[:-2],), True
    return (word,), False
