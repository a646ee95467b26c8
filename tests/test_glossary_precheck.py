"""The glossary's word pre-check (anchor words) only skips texts where no term can match."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.mark.parametrize("path", GLOSSARIES, ids=lambda p: p.name)
def test_precheck_never_skips_a_text_with_a_match(path):
    glossary = Glossary.load([path])
    corpus = texts()
    for side, lang in (("source", glossary.source_lang), ("target", glossary.target_lang)):
        matcher = _Matcher(glossary.terms, side, lang)
        skipped = [t for t in corpus if not matcher._may_match(t)]
        assert not [t for t in skipped if matcher.regex.search(t)]
        assert skipped  # it does skip: most texts hold no term at all
