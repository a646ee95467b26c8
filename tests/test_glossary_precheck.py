"""The glossary's word pre-check (anchor words) only skips terms that cannot match, and terms
searched one by one match as the whole alternation of a side's terms does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tqa import glossary as glossary_module
from tqa.config import load_settings
from tqa.glossary import Glossary, _Matcher
from tqa.readers import read_document

ROOT = Path(__file__).resolve().parent.parent
GLOSSARIES = [ROOT / "glossaries" / "news.fr-en.csv", *sorted((ROOT / "tests" / "data" / "glossaries").glob("*.csv"))]
CATALOGS = [ROOT / "tests" / "readers" / "data" / "real" / name for name in ("django.fr.po", "django.fr.xlf")]
# Spellings the regex matches but a naive word test would miss: decomposed accents, dotless and
# dotted capital i, other case, plural and possessive forms, hyphen for space.
TRICKY = ["E\u0301tat he\u0301breu", "États hébreux", "ISRAEL", "\u0131srael", "\u0130srael", "the HEBREW STATES'",
          "Abraham Agreement's", "accords dʼAbraham", "City-of-Lights", "Jose\u0301x", "Flies", "mis\u00a0en examen", "l’Hexagone"]


def texts() -> list[str]:
    found = set(TRICKY)
    settings = load_settings({})
    for path in CATALOGS:
        for unit in read_document(path, path.name, settings).units:
            for text in (unit.text, unit.source or ""):
                found.update((text, text.upper(), text.replace("e", "e\u0301"), text.replace("i", "\u0131")))
    for path in (ROOT / "seeds").glob("*.txt"):
        found.update(path.read_text(encoding="utf-8").splitlines())
    return sorted(found)


def matchers(path: Path) -> list[_Matcher]:
    """The glossary's source-side and target-side matchers."""
    glossary = Glossary.load([path])
    return [_Matcher(glossary.terms, side, lang)
            for side, lang in (("source", glossary.source_lang), ("target", glossary.target_lang))]


@pytest.mark.parametrize("path", GLOSSARIES, ids=lambda p: p.name)
def test_precheck_never_skips_a_term_that_matches(path):
    corpus = texts()
    for matcher in matchers(path):
        regexes = [re.compile(pattern) for pattern in matcher.patterns]
        for text in corpus:
            candidates = set(matcher.anchors.candidates(text))
            assert not [n for n, regex in enumerate(regexes) if n not in candidates and regex.search(text)], text
        assert [t for t in corpus if not matcher.anchors.candidates(t)]  # it does skip: many texts hold no term


@pytest.mark.parametrize("path", GLOSSARIES, ids=lambda p: p.name)
def test_terms_searched_one_by_one_match_as_the_whole_alternation(path):
    corpus = texts()
    for matcher in matchers(path):
        alternation = re.compile(matcher.alternation)
        every = list(range(len(matcher.terms)))
        for text in corpus:
            one_by_one = [(m.span(), n) for m, n in matcher._search_each(text, every)]
            assert one_by_one == [(m.span(), m.lastindex - 1) for m in alternation.finditer(text)], text


def test_forgetting_the_words_seen_changes_no_candidate(monkeypatch):
    corpus = texts()
    remembering = [matcher.anchors.candidates(t) for matcher in matchers(GLOSSARIES[0]) for t in corpus]
    monkeypatch.setattr(glossary_module, "SEEN_WORDS", 10)
    forgetting = [matcher.anchors.candidates(t) for matcher in matchers(GLOSSARIES[0]) for t in corpus]
    assert forgetting == remembering and any(remembering)
