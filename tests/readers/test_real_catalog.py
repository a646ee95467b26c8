"""Django's French catalog as PO, and as translate-toolkit made it into XLIFF 1.1, XLIFF 2.0, TMX and CSV."""

import html
from pathlib import Path

import pytest

from tqa.config import Settings
from tqa.readers import read_document

REAL = Path(__file__).parent / "data" / "real"
EN_FR = Settings(source_lang="en", target_lang="fr")


def read(name: str):
    return read_document(REAL / name, name, EN_FR)


def pairs(doc):
    return [(s.source, s.text) for s in doc.units]


def test_the_po_catalog():
    doc = read("django.fr.po")
    assert (doc.target_lang, len(doc.units)) == ("fr", 378)
    # 15 plural entries with three msgstr each, though the header says nplurals=2: real files are like that.
    assert sum(s.kind.startswith("plural[") for s in doc.units) == 45
    contexts = [s for s in doc.units if "\x04" in s.unit_id]
    assert len(contexts) == 25
    may = next(s for s in contexts if s.unit_id == "abbrev. month\x04May")
    assert (may.source, may.text) == ("May", "mai")
    assert all("python-format" in s.flags for s in doc.units if "%(" in s.source)
    assert not [s for s in doc.units if not s.text]


@pytest.mark.parametrize("name", ["django.fr.xlf", "django.fr.xliff", "django.fr.tmx"])
def test_converted_catalogs_give_the_same_units(name):
    doc = read(name)
    assert (doc.source_lang[:2], doc.target_lang) == ("en", "fr")
    assert pairs(doc) == pairs(read("django.fr.po"))


def test_csv_has_the_same_units_but_plural_forms_past_the_second():
    po = [(s.source, s.text) for s in read("django.fr.po").units if s.kind in ("unit", "plural[0]", "plural[1]")]
    assert pairs(read("django.fr.csv")) == po


@pytest.mark.parametrize("name", ["django.fr.po", "django.fr.xlf", "django.fr.xliff", "django.fr.tmx", "django.fr.csv"])
def test_every_target_is_located_at_its_own_text(name):
    doc = read(name)
    lines = [s.location.line for s in doc.units]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)  # one target per line, in order
    for segment in doc.units:
        raw = doc.text[segment.location.offset:segment.location.end_offset]
        if name.endswith(".po"):
            raw = raw.replace('"\n"', "").replace('\\"', '"').replace("\\n", "\n")
        elif name.endswith(".csv"):
            raw = raw.replace('""', '"')
        else:
            raw = html.unescape(raw)
        assert raw == segment.text, (name, segment.location.line)
