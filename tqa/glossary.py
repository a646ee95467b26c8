"""Glossaries: term lists merged by priority, and the one place where terms are found in text.

    glossaries/news.fr-en.csv|.tbx     CSV (tqa.glossary_files) or TBX (tqa.tbx); *.rules.toml (tqa.calques)
        -> Glossary.load(paths)        Terms (with "path:line" origins) + GlossaryInfo per file
        -> Glossary.find(text, side)   TermMatch(term, start, end), offsets into the given text

Matching never normalises the text (offsets must stay exact); each term becomes a tolerant
pattern instead (``tqa.termforms``: spacing, apostrophes, hyphens, accents, and word forms from
``tqa.lemmas``). A side's terms are found as one alternation of them, longest first, would
find them, each term's regex compiled only when a text holds its anchor word.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from .errors import TqaError
from .models import Frozen, GlossaryInfo, InputWarning
from .lemmas import forms_of
from .termforms import APOSTROPHE, HYPHENS, WORD_PART, WordTest, term_pattern, word_tests

if TYPE_CHECKING:
    from .calques import CalqueRule

_LANGS_IN_NAME = re.compile(r"\.([a-z]{2,3})-([a-z]{2,3})\.(?:csv|tbx|rules\.toml)$", re.IGNORECASE)
RULES_SUFFIX = ".rules.toml"  # calque rules (tqa.calques), given with -g like a glossary

Side = Literal["source", "target"]
_WORDS = re.compile(r"\w+")
_APOSTROPHE, _HYPHEN = re.compile(APOSTROPHE), re.compile(f"[{HYPHENS}]")
# Characters whose casefolding joins or splits words, or which re's IGNORECASE equates with a
# letter casefolding does not (dotless i): a text holding one skips the word pre-check.
_FOLD_UNSAFE = re.compile("[\u0130\u0131\u0149\u01f0\u0345\u0390\u03b0\u1e96-\u1e99\u1f50\u1f52\u1f54\u1f56"
                          "\u1fb6\u1fb7\u1fc6\u1fc7\u1fd2\u1fd3\u1fd6\u1fd7\u1fe2-\u1fe4\u1fe6\u1fe7\u1ff6\u1ff7]")


class TermStatus(StrEnum):
    """What a glossary row says about its target wording."""

    PREFERRED = "preferred"  # the house rendering of the source term
    ADMITTED = "admitted"  # acceptable, but not the first choice
    FORBIDDEN = "forbidden"  # must not appear in a translation
    DNT = "dnt"  # do not translate: the source stays verbatim


class Term(Frozen):
    """One glossary row."""

    source: str
    target: str
    status: TermStatus
    case_sensitive: bool = False
    note: str = ""
    origin: str = ""  # "path:line" of the row, for messages
    part_of_speech: str = ""  # TBX's picklist (noun, properNoun, verb, adjective, adverb, other)
    context: str = ""  # an example of use (TBX's context)


class TermMatch(NamedTuple):
    """A term found in a text; ``start``/``end`` are offsets into that text (end exclusive)."""

    term: Term
    start: int
    end: int


class Glossary:
    """Terms merged from one or more files; each term's regex is compiled on first use."""

    def __init__(self, source_lang: str, target_lang: str, terms: Iterable[Term] = (),
                 files: Iterable[GlossaryInfo] = (), rules: Iterable[CalqueRule] = (),
                 warnings: Iterable[InputWarning] = ()):
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.terms = tuple(terms)
        self.files = tuple(files)
        self.rules = tuple(rules)  # calque rules of the target language
        self.warnings = tuple(warnings)  # what reading the files passed over (XInclude in TBX)
        self._matchers: dict[Side, _Matcher] = {}

    @classmethod
    def empty(cls, source_lang: str = "fr", target_lang: str = "en") -> Glossary:
        """A glossary with no terms, for runs without glossary files."""
        return cls(source_lang, target_lang)

    @classmethod
    def load(cls, paths: Sequence[Path], display: Sequence[str] | None = None,
             source_lang: str | None = None, target_lang: str | None = None) -> Glossary:
        """Read and merge CSV and TBX files; ``display`` names them in messages (defaults to the paths).

        Languages come from the file names (``news.fr-en.csv``) unless given explicitly. Files
        are in priority order: where they disagree, the first wins (``_merge``).
        """
        from .glossary_files import read_terms  # NOTE: here: glossary_files needs Term from this module

        names = list(display) if display is not None else [str(p) for p in paths]
        source_lang, target_lang = _languages(names, source_lang, target_lang)
        per_file: list[list[Term]] = []
        files, rules, warnings = [], [], []
        for path, name in zip(paths, names, strict=True):
            data = _read_bytes(path, name)
            if name.lower().endswith(RULES_SUFFIX):
                from .calques import read_rules  # only runs with rules pay for the regex module

                found = read_rules(data, name)
                rules += found
                files.append(GlossaryInfo(path=name, sha256=hashlib.sha256(data).hexdigest(), terms=len(found)))
                continue
            rows = read_terms(data, name, source_lang, target_lang, warnings)
            _check_preferred_unique(rows)
            per_file.append(rows)
            digest = hashlib.sha256(data).hexdigest()
            files.append(GlossaryInfo(path=name, sha256=digest, terms=len(rows)))
        return cls(source_lang, target_lang, _merge(per_file), files, rules, warnings)

    def find(self, text: str, side: Side = "target",
             statuses: Iterable[TermStatus] = tuple(TermStatus)) -> list[TermMatch]:
        """Matches of terms with these statuses: leftmost first, then the longest term there.

        NOTE: all terms compete before the status filter, so a longer admitted wording shields
        a forbidden one inside it, and a term written exactly ("City of Light", admitted) beats
        an inflected form of another ("City of Lights", forbidden).
        """
        if side not in self._matchers:
            lang = self.source_lang if side == "source" else self.target_lang
            self._matchers[side] = _Matcher(self.terms, side, lang)
        wanted = set(statuses)
        return [m for m in self._matchers[side].find(text) if m.term.status in wanted]

    def forbidden_in(self, text: str) -> list[TermMatch]:
        """Forbidden target wordings found in a target text."""
        return self.find(text, "target", (TermStatus.FORBIDDEN,))

    def missing_in(self, source: str, target: str) -> list[TermMatch]:
        """Source terms (matches in ``source``) with a preferred or admitted rendering, none of
        whose renderings ``target`` uses."""
        found = [m for m in self.find(source, "source") if _normal(m.term.source) in self._renderings]
        if not found:
            return []
        wanted = (TermStatus.PREFERRED, TermStatus.ADMITTED)
        used = {_normal(m.term.target) for m in self.find(target, "target", wanted)}
        return [m for m in found if not self._renderings[_normal(m.term.source)] & used]

    def dnt_in(self, source: str) -> list[TermMatch]:
        """Do-not-translate terms found in ``source``, whatever row of that wording matched first."""
        return [m for m in self.find(source, "source") if _normal(m.term.source) in self._dnt]

    @cached_property
    def _renderings(self) -> dict[str, set[str]]:
        """Normalised source -> normalised preferred and admitted targets."""
        renderings: dict[str, set[str]] = {}
        for term in self.terms:
            if term.status in (TermStatus.PREFERRED, TermStatus.ADMITTED):
                renderings.setdefault(_normal(term.source), set()).add(_normal(term.target))
        return renderings

    @cached_property
    def _by_source(self) -> dict[str, list[Term]]:
        """Normalised source -> its rows, in priority order."""
        rows: dict[str, list[Term]] = {}
        for term in self.terms:
            rows.setdefault(_normal(term.source), []).append(term)
        return rows

    @cached_property
    def _dnt(self) -> frozenset[str]:
        return frozenset(_normal(t.source) for t in self.terms if t.status == TermStatus.DNT)

    def preferred_for(self, term: Term) -> Term | None:
        """The preferred rendering of ``term``'s source, else the first admitted one, else None."""
        same = self._by_source.get(_normal(term.source), ())
        for status in (TermStatus.PREFERRED, TermStatus.ADMITTED):
            for candidate in same:
                if candidate.status == status:
                    return candidate
        return None


class _Matcher:
    """The terms of a side, found as one alternation of them, longest first, would find them;
    each term is its own regex, compiled the first time a text holds its anchor word, so a run
    pays for the few terms its texts may hold, not for compiling the whole glossary."""

    def __init__(self, terms: Sequence[Term], side: Side, lang: str):
        self.side = side
        self.by_wording: dict[str, list[Term]] = {}
        for term in terms:
            self.by_wording.setdefault(_normal(getattr(term, side)), []).append(term)
        ordered = sorted(terms, key=lambda t: (-len(getattr(t, side)), not t.case_sensitive))
        alternatives: dict[str, Term] = {}  # same wording in several rows: the first one wins
        forms = forms_of((w for t in terms if not t.case_sensitive for w in _WORDS.findall(getattr(t, side))), lang)
        for term in ordered:
            body = term_pattern(getattr(term, side), lang, None if term.case_sensitive else forms)
            alternatives.setdefault(body if term.case_sensitive else f"(?i:{body})", term)
        self.terms = list(alternatives.values())
        self.patterns = [rf"(?<!\w)(?:{body})(?!\w)" for body in alternatives]
        self.alternation = rf"(?<!\w)(?:{'|'.join(f'({body})' for body in alternatives)})(?!\w)"
        self.anchors = _AnchorIndex(self.terms, side, lang, forms)

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping matches, each given the term written exactly so if there is one."""
        numbers = self.anchors.candidates(text)
        if len(numbers) == len(self.terms) > 1:  # every term may match: one pass, not one per term
            found = [(m, m.lastindex - 1) for m in _compiled(self.alternation).finditer(text)]
        else:
            found = self._search_each(text, numbers)
        return [TermMatch(self._exact(m.group()) or self.terms[n], m.start(), m.end()) for m, n in found]

    def _search_each(self, text: str, numbers: list[int]) -> list[tuple[re.Match[str], int]]:
        """What ``finditer`` over the alternation of these terms finds (leftmost first, then the
        first term in order that matches there), with the number of the term that matched."""
        regexes = [_compiled(self.patterns[n]) for n in numbers]
        upcoming = [regex.search(text) for regex in regexes]
        found = []
        while any(upcoming):
            start = min(m.start() for m in upcoming if m)
            index = next(i for i, m in enumerate(upcoming) if m and m.start() == start)
            match = upcoming[index]
            found.append((match, numbers[index]))
            resume = max(match.end(), start + 1)
            upcoming = [m if m is None or m.start() >= resume else regexes[i].search(text, resume)
                        for i, m in enumerate(upcoming)]
        return found

    def _exact(self, found: str) -> Term | None:
        """The first term written exactly as ``found`` (up to spacing and apostrophes), if any."""
        for term in self.by_wording.get(_normal(found), ()):
            wording = getattr(term, self.side)
            if not term.case_sensitive or _normal(wording, True) == _normal(found, True):
                return term
        return None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Compiled once per process (``re``'s own cache keeps 512 patterns)."""
    return re.compile(pattern)


SEEN_WORDS = 50_000  # about 5 MB of words remembered per side


class _AnchorIndex:
    """Term numbers by anchor word, the most telling of the words every match of the term holds
    whole (``termforms.word_tests``): a text's words then name the few terms worth searching for,
    and the terms' other words must be there too."""

    def __init__(self, terms: Sequence[Term], side: Side, lang: str, forms):
        self.count = len(terms)
        self.always: list[int] = []  # terms with no word to test
        self.words: dict[str, list[int]] = {}
        self.prefixes: dict[str, list[int]] = {}  # the suffix rules' words: prefixes of a text's words
        self.others: list[list[WordTest]] = []
        for number, term in enumerate(terms):
            tests = word_tests(getattr(term, side), lang, None if term.case_sensitive else forms)
            self.others.append(tests[1:])
            if not tests:
                self.always.append(number)
                continue
            for spelling in tests[0].spellings:
                (self.prefixes if tests[0].prefix else self.words).setdefault(spelling, []).append(number)
        self.prefix_lengths = sorted({len(p) for p in self.prefixes})
        # Running text repeats its words: each is looked up once, then set operations find the few
        # that name a term. Forgotten past SEEN_WORDS, so memory does not grow with the file.
        self.seen: set[str] = set()
        self.hits: dict[str, tuple[int, ...]] = {}

    def candidates(self, text: str) -> list[int]:
        """Numbers, in order, of the terms that may match in ``text``."""
        if not text.isascii() and (_FOLD_UNSAFE.search(text) or not unicodedata.is_normalized("NFC", text)):
            return list(range(self.count))  # decomposed accents or odd case folds: words may not split as the regex sees them
        tokens = set(WORD_PART.findall(text.casefold()))
        if new := tokens - self.seen:
            if len(self.seen) > SEEN_WORDS:
                self.seen, self.hits = set(), {}
                new = tokens
            self.seen |= new
            self.hits.update((token, numbers) for token in new if (numbers := self._terms_of(token)))
        found = set(self.always)
        for token in tokens & self.hits.keys():
            found.update(self.hits[token])
        return [n for n in sorted(found) if all(_holds(test, tokens) for test in self.others[n])]

    def _terms_of(self, token: str) -> tuple[int, ...]:
        """The terms whose anchor is ``token``, or a prefix of it."""
        numbers = list(self.words.get(token, ()))
        for length in self.prefix_lengths:
            if length > len(token):
                break
            numbers += self.prefixes.get(token[:length], ())
        return tuple(numbers)


def _holds(test: WordTest, tokens: set[str]) -> bool:
    """Whether one of the words ``tokens`` passes ``test``."""
    if test.prefix:
        prefixes = tuple(test.spellings)
        return any(token.startswith(prefixes) for token in tokens)
    return not test.spellings.isdisjoint(tokens)


def same_wording(a: str, b: str, case_sensitive: bool = False) -> bool:
    """Whether two spellings are one wording (spacing, apostrophes, hyphens; case unless sensitive)."""
    return _normal(a, case_sensitive) == _normal(b, case_sensitive)


def _normal(text: str, case_sensitive: bool = False) -> str:
    """A key under which two spellings of one wording compare equal."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))
    text = _HYPHEN.sub("-", _APOSTROPHE.sub("'", text))
    return text if case_sensitive else text.casefold()


def _merge(per_file: Sequence[list[Term]]) -> list[Term]:
    """Files in priority order; a later file's row is dropped when an earlier file gives the same
    wording another status, or the same source another preferred target (``glossary lint`` says so)."""
    status_of: dict[tuple[str, str], TermStatus] = {}
    preferred_of: dict[str, str] = {}
    merged: list[Term] = []
    for terms in per_file:
        kept = [t for t in terms if _agrees(t, status_of, preferred_of)]
        for term in kept:
            status_of.setdefault((_normal(term.source), _normal(term.target)), term.status)
            if term.status == TermStatus.PREFERRED:
                preferred_of.setdefault(_normal(term.source), _normal(term.target))
        merged.extend(kept)
    return merged


def _agrees(term: Term, status_of: dict, preferred_of: dict) -> bool:
    """Whether ``term`` agrees with what higher-priority files say."""
    source, target = _normal(term.source), _normal(term.target)
    if status_of.get((source, target), term.status) != term.status:
        return False
    return term.status != TermStatus.PREFERRED or preferred_of.get(source, target) == target


def pair_from_name(name: str) -> tuple[str, str] | None:
    """(source, target) from a file name like ``news.fr-en.csv`` or ``client.fr-en.tbx``."""
    m = _LANGS_IN_NAME.search(name)
    return (m.group(1).lower(), m.group(2).lower()) if m else None


def _languages(names: Sequence[str], source: str | None, target: str | None) -> tuple[str, str]:
    """Languages given explicitly, else the one pair all file names agree on."""
    found = {}
    for name in names:
        if pair := pair_from_name(name):
            found[name] = pair
    pairs = set(found.values())
    if len(pairs) > 1 and not (source and target):
        listing = ", ".join(f"{n} ({s}-{t})" for n, (s, t) in found.items())
        raise TqaError(f"glossaries disagree on languages: {listing}")
    from_names = pairs.pop() if pairs else (None, None)
    source, target = source or from_names[0], target or from_names[1]
    if not (source and target):
        raise TqaError("cannot tell the glossary languages: name the file <name>.<src>-<tgt>.csv",
                       path=names[0] if names else None)
    return source, target


def _read_bytes(path: Path, name: str) -> bytes:
    """The raw bytes: parsed here, and hashed for the run signature."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise TqaError(f"cannot read glossary: {exc.strerror or exc}", path=name) from None


def _check_preferred_unique(terms: Sequence[Term]) -> None:
    """Two preferred renderings of one source would make suggestions arbitrary."""
    seen: dict[str, Term] = {}
    for term in terms:
        if term.status != TermStatus.PREFERRED:
            continue
        first = seen.setdefault(_normal(term.source), term)
        if first is not term and _normal(first.target) != _normal(term.target):
            path, _, line = term.origin.rpartition(":")
            raise TqaError(f"second preferred target {term.target!r} for {term.source!r} "
                           f"(first: {first.target!r} at {first.origin})", path=path, line=int(line))
