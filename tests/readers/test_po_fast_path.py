"""PO: the fast path (a whole plain entry at a time) reads what the careful line parser reads,
on each side of where it hands over: obsolete entries, plurals, continuation lines, CRLF, a lone
CR, escapes, odd spacing, numeric escapes, entries with no blank line between them."""

from pathlib import Path

import pytest

from tqa.config import Settings
from tqa.readers import read_document
from tqa.readers.bilingual import RawFile
from tqa.readers.po import read

DATA = Path(__file__).parent / "data"

HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
ENTRIES = {
    "obsolete": '#. shown\nmsgid "Keep"\nmsgstr "Garder"\n\n#~ msgid "Gone"\n#~ msgstr "Parti"\n\n'
                'msgid "Next"\nmsgstr "Suivant"\n',
    "obsolete keyword lines": '#~ msgid "Old"\nmsgid "Odd"\nmsgstr "Bizarre"\n\nmsgid "After"\nmsgstr "Après"\n',
    "plural": '#, c-format\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d fichier"\nmsgstr[1] ""\n'
              '"%d fichiers"\n\n',
    "plural forms out of order": 'msgid "a"\nmsgid_plural "b"\nmsgstr[1] "y"\nmsgstr[0] "x"\n\n',
    "multi-line strings": 'msgctxt ""\n"menu"\nmsgid ""\n"Open the "\n"file"\nmsgstr ""\n"Ouvrir le "\n  "fichier"\n\n',
    "crlf": '# note\r\nmsgid "One"\r\nmsgstr "Un"\r\n\r\nmsgid "Two"\r\nmsgstr "Deux"\r\n',
    "lone cr": 'msgid "One"\rmsgstr "Un"\r\rmsgid "Two"\nmsgstr "Deux"\n\nmsgid "Three"\nmsgstr "Trois"\n',
    "escapes": 'msgid "Say \\"hi\\"\\n"\nmsgstr "Dites \\"salut\\"\\t\\\\n"\n\n'
               'msgid "Octal"\nmsgstr "\\101\\x42!"\n\n',
    "odd spacing": '  #  spaced note\n\tmsgid\t"Tab"\n  msgstr   "Onglet"  \t\n \t\nmsgid"Tight"\nmsgstr"Serré"\n',
    "trailing form feed": 'msgid "a"\nmsgstr "b" \x0c\n\nmsgid "c"\nmsgstr "d"\n',
    "no blank line between entries": 'msgid "a"\nmsgstr "b"\nmsgid "c"\nmsgstr "d"\n# note\nmsgid "e"\nmsgstr "f"',
    "comments before a blank line": '#. for the next one\n\nmsgid "a"\nmsgstr "b"\n',
    "no final newline": 'msgid "a"\nmsgstr ""',
}


def both(path: Path):
    """The units read with the fast path and with the careful parser alone."""
    raw = RawFile(path, path.name, path.read_bytes(), Settings())
    return read(raw).units, read(raw, fast=False).units


@pytest.mark.parametrize("name", ENTRIES)
def test_fast_path_reads_what_the_careful_parser_reads(tmp_path, name):
    path = tmp_path / "catalog.po"
    path.write_bytes((HEADER + ENTRIES[name]).encode("utf-8"))
    fast, careful = both(path)
    assert fast == careful and fast


@pytest.mark.parametrize("name", ["bilingual/catalog.po", "real/django.fr.po"])
def test_real_catalogs_read_the_same_both_ways(name):
    fast, careful = both(DATA / name)
    assert fast == careful


def test_units_on_both_sides_of_a_hand_over(tmp_path):
    path = tmp_path / "catalog.po"
    path.write_bytes((HEADER + ENTRIES["lone cr"] + "\n" + ENTRIES["escapes"]).encode("utf-8"))
    units = read_document(path, "catalog.po").units
    assert [(u.source, u.text, u.location.line, u.location.column) for u in units] == [
        ("One", "Un", 6, 9), ("Two", "Deux", 9, 9), ("Three", "Trois", 12, 9),  # a lone CR ends a line
        ('Say "hi"\n', 'Dites "salut"\t\\n', 15, 9), ("Octal", "AB!", 18, 9),
    ]
    octal = units[-1]
    assert octal.anchors == ((0, octal.location.offset), (1, octal.location.offset + 4), (2, octal.location.offset + 8))
