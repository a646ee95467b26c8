"""PO: contexts, plurals, flags, comments, obsolete entries, escapes and exact msgstr positions."""

from pathlib import Path

import pytest

from tqa.positions import file_offset
from tqa.readers import read_document

DATA = Path(__file__).parent / "data" / "bilingual"


def catalog():
    doc = read_document(DATA / "catalog.po", "catalog.po")
    return doc, doc.units


def test_units_ids_sources_and_targets():
    doc, units = catalog()
    assert (doc.format, doc.source_lang, doc.target_lang) == ("po", None, "fr_FR")
    assert [(s.unit_id, s.kind, s.source, s.text) for s in units] == [
        ("Open", "unit", "Open", "Ouvrir"),
        ("button\x04Remove %(name)s", "unit", "Remove %(name)s", "Supprimer %(name)s"),
        ("%d file deleted.", "plural[0]", "%d file deleted.", "%d fichier supprimé."),
        ("%d file deleted.", "plural[1]", "%d files deleted.", "%d fichiers supprimés."),
        ("A long message on two lines.", "unit", "A long message on two lines.", "Un long message sur deux lignes."),
        ('Say "hi"\tnow\n', "unit", 'Say "hi"\tnow\n', "Dites « salut »\tmaintenant\n"),
        ("Save changes", "unit", "Save changes", ""),
    ]  # header and the obsolete #~ entry are not units


def test_flags_states_and_notes():
    _, units = catalog()
    assert units[0].notes == ("Shown on the toolbar.", "Translators: keep it short.")
    assert (units[0].state, units[0].flags) == (None, ())
    assert (units[1].state, units[1].flags) == ("fuzzy", ("python-format",))
    assert all(s.target_lang == "fr_FR" for s in units)


def test_msgstr_positions_are_the_string_content():
    doc, units = catalog()
    spots = [(s.location.line, s.location.column, s.location.end_line, s.location.end_column) for s in units]
    assert spots[:5] == [(15, 9, 15, 15), (21, 9, 21, 27), (26, 12, 26, 32), (27, 12, 27, 34), (33, 2, 34, 18)]
    for segment in units[:4]:
        assert doc.text[segment.location.offset:segment.location.end_offset] == segment.text


def test_anchors_cross_continuation_lines_and_escapes():
    doc, units = catalog()
    long = units[4]
    assert doc.text[file_offset(long.anchors, long.text.index("sur")):].startswith('sur deux lignes."')
    quoted = units[5]
    assert doc.text[file_offset(quoted.anchors, quoted.text.index("\t")):].startswith("\\tmaintenant")
    assert doc.text[file_offset(quoted.anchors, quoted.text.index("maintenant")):].startswith("maintenant\\n")


def test_an_empty_msgstr_sits_inside_its_quotes():
    doc, units = catalog()
    empty = units[6]
    assert (empty.location.line, empty.location.column) == (40, 9)
    assert doc.text[empty.location.offset - 8:empty.location.offset + 1] == 'msgstr ""'


def test_charset_from_the_header_and_crlf(tmp_path):
    content = ('msgid ""\r\nmsgstr ""\r\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\r\n"Language: fr\\n"\r\n\r\n'
               'msgid "Coffee"\r\nmsgstr "Caf\u00e9 cr\u00e8me"\r\n')
    path = tmp_path / "latin.po"
    path.write_bytes(content.encode("latin-1"))
    doc = read_document(path, "latin.po")
    (unit,) = doc.units
    assert (unit.text, doc.target_lang) == ("Café crème", "fr")
    assert (unit.location.line, unit.location.column, unit.location.end_column) == (7, 9, 19)


def test_pot_templates_have_empty_targets(tmp_path):
    path = tmp_path / "app.pot"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n\n'
                    'msgid "One"\nmsgid_plural "Many"\nmsgstr[0] ""\nmsgstr[1] ""\n', encoding="utf-8")
    doc = read_document(path, "app.pot")
    assert [(s.kind, s.source, s.text) for s in doc.units] == [("plural[0]", "One", ""), ("plural[1]", "Many", "")]


@pytest.mark.parametrize(
    ("content", "message", "line", "column"),
    [
        ('msgid "a"\nmsgstr "b\n', "unterminated string", 2, 8),
        ('msgid "a"\nmsgstr "b" x\n', "unexpected text after the closing quote", 2, 11),
        ('msgid "a\\q"\nmsgstr "b"\n', "unknown escape sequence \\q", 1, 9),
        ('msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', "msgid without msgstr", 1, 1),
        ('msgid "a"\nmsgid_plural "b"\nmsgstr "c"\n', "entry needs msgstr[n]", 1, 1),
        ('"orphan"\n', "string with no keyword before it", 1, 1),
        ('msgid "a"\nmsgsrt "b"\n', "expected a keyword", 2, 1),
        # these three crashed the reader (ValueError, UnicodeEncodeError on output, TypeError)
        ('msgid "a"\nmsgstr "\\x110000"\n', "escape sequence \\x110000 is not a Unicode character", 2, 9),
        ('msgid "a"\nmsgstr "b\\xd800"\n', "escape sequence \\xd800 is not a Unicode character", 2, 10),
        ('msgid "a"\nmsgid_plural "b"\nmsgstr[0] "x"\nmsgstr[00] "y"\n', "entry without msgid", 4, 1),
    ],
)
def test_broken_files_name_line_and_column(refusal, content, message, line, column):
    error = refusal("bad.po", content)
    assert message in error.message
    assert (error.path, error.line, error.column) == ("bad.po", line, column)
