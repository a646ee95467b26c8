"""XLIFF 1.2 and 2.0: units, ids, states, notes, languages, inline codes and target positions."""

from pathlib import Path

import pytest

from tqa.errors import TqaError
from tqa.positions import file_offset
from tqa.readers import read_document

DATA = Path(__file__).parent / "data" / "bilingual"


def units(name: str):
    doc = read_document(DATA / name, name)
    return doc, {s.unit_id: s for s in doc.units}


def located(doc, segment) -> str:
    return doc.text[segment.location.offset:segment.location.end_offset]


def codes(segment):
    return [(c.kind, c.id, c.tag, segment.text[c.start:c.end], c.data) for c in segment.target_codes]


def test_xliff12_units_ids_states_and_languages():
    doc, by_id = units("xliff12.xlf")
    assert (doc.format, doc.source_lang, doc.target_lang) == ("xliff", "en-US", "fr-FR")
    # Two <file>s: ids are prefixed by the file's original; translate="no" is skipped.
    assert list(by_id) == ["ui/menu.html/open", "ui/menu.html/bold", "ui/menu.html/ph",
                           "ui/menu.html/entities", "ui/menu.html/untranslated",
                           "ui/dialog.html/open", "ui/dialog.html/empty"]
    assert [s.id for s in doc.units] == [f"u{n}" for n in range(1, 8)]
    states = {k: s.state for k, s in by_id.items()}
    assert states["ui/menu.html/open"] == "approved"  # approved="yes" over state="translated"
    assert states["ui/menu.html/bold"] == "needs-review-translation"
    assert states["ui/dialog.html/open"] == "final"
    opened = by_id["ui/menu.html/open"]
    assert (opened.source, opened.text, opened.notes) == ("Open the file", "Ouvrir le fichier", ("Menu item.",))
    assert (opened.source_lang, opened.target_lang) == ("en-US", "fr-FR")
    assert by_id["ui/dialog.html/open"].target_lang == "fr"  # languages are per <file>
    assert by_id["ui/menu.html/bold"].max_width == 40
    assert opened.max_width is None


def test_xliff12_inline_codes_are_structure_not_text():
    _, by_id = units("xliff12.xlf")
    bold = by_id["ui/menu.html/bold"]
    assert (bold.source, bold.text) == ("Click here now", "Cliquez ici maintenant")
    assert codes(bold) == [("open", "1", "g", "", ""), ("close", "1", "g", "", ""), ("standalone", "2", "x", "", "")]
    assert [c.start for c in bold.target_codes] == [8, 11, 22]
    ph = by_id["ui/menu.html/ph"]
    assert ph.text == "Retour<br/>à la ligne, gras"
    assert codes(ph) == [("standalone", "1", "ph", "<br/>", "<br/>"), ("open", "2", "bpt", "", "<b>"),
                         ("close", "2", "ept", "", "</b>")]
    assert [c.id for c in ph.source_codes] == ["1", "2", "2"]
    dialog = by_id["ui/dialog.html/open"]
    assert dialog.text == "Ouvrir maintenant plus tard OK"  # <mrk> keeps its text
    assert codes(dialog) == [("open", "3", "bx", "", ""), ("close", "3", "ex", "", ""), ("open", "5", "it", "", "<i>")]


def test_xliff12_target_positions():
    doc, by_id = units("xliff12.xlf")
    opened = by_id["ui/menu.html/open"]
    loc = opened.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (8, 38, 8, 55)
    assert located(doc, opened) == "Ouvrir le fichier"
    bold = by_id["ui/menu.html/bold"]
    assert located(doc, bold) == 'Cliquez <g id="1">ici</g> maintenant'
    ph = by_id["ui/menu.html/ph"]
    assert doc.text[file_offset(ph.anchors, ph.text.index("<br/>")):].startswith("&lt;br/&gt;</ph>")
    assert doc.text[file_offset(ph.anchors, ph.text.index("gras")):].startswith("gras<ept")


def test_entities_and_cdata_keep_exact_anchors():
    doc, by_id = units("xliff12.xlf")
    unit = by_id["ui/menu.html/entities"]
    assert unit.text == "Tom & Jérôme été <b>é"
    assert (unit.location.line, unit.location.column) == (20, 73)
    for word, raw in [("&", "&amp;"), ("Jérôme", "Jérôme &#233;"), ("été", "&#233;t<![CDATA[é"), ("<b>", "<b>]]>é")]:
        assert doc.text[file_offset(unit.anchors, unit.text.index(word)):].startswith(raw)


def test_untranslated_and_empty_targets_are_empty_segments_where_a_target_goes():
    doc, by_id = units("xliff12.xlf")
    missing = by_id["ui/menu.html/untranslated"]
    assert (missing.text, missing.source) == ("", "Save changes")
    assert doc.text[:missing.location.offset].endswith("<source>Save changes</source>")
    assert missing.location.offset == missing.location.end_offset
    empty = by_id["ui/dialog.html/empty"]
    assert empty.text == "" and doc.text[:empty.location.offset].endswith("<target/>")


def test_xliff20_units_segments_states_notes():
    doc, by_id = units("xliff20.xlf")
    assert (doc.format, doc.source_lang, doc.target_lang) == ("xliff", "en", "fr")
    assert list(by_id) == ["u-open", "codes", "two#s1", "two#s2", "two#3"]
    assert {k: s.state for k, s in by_id.items()} == {
        "u-open": "translated", "codes": "reviewed", "two#s1": "final", "two#s2": None, "two#3": None}
    assert by_id["u-open"].notes == ("Toolbar button.",)
    assert located(doc, by_id["u-open"]) == "Ouvrir le fichier"
    assert (by_id["u-open"].location.line, by_id["u-open"].location.column) == (9, 19)
    third = by_id["two#3"]
    assert (third.source, third.text) == ("Third.", "")
    assert doc.text[:third.location.offset].endswith("<source>Third.</source>")


def test_xliff20_inline_codes_take_their_original_data():
    doc, by_id = units("xliff20.xlf")
    unit = by_id["codes"]
    assert (unit.source, unit.text) == ("Bold {count} files", "Gras {count} fichiers")
    assert codes(unit) == [("open", "1", "pc", "", "<b>"), ("close", "1", "pc", "", "</b>"),
                           ("standalone", "2", "ph", "{count}", "{count}"), ("standalone", "3", "ph", "", "")]
    # Data shown in the text maps to its <ph/>; the text after it maps to itself.
    assert doc.text[file_offset(unit.anchors, unit.text.index("{count}")):].startswith('<ph id="2"')
    assert doc.text[file_offset(unit.anchors, unit.text.index("fichiers")):].startswith("fichiers<ph")
    second = by_id["two#s2"]
    assert second.text == "Deuxième une.\tfin"  # <cp hex="0009"/> is a tab; <mrk> keeps its text
    assert codes(second) == [("open", "4", "sc", "", ""), ("close", "4", "ec", "", "")]


def test_not_xliff_and_unknown_versions_are_errors(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text('<?xml version="1.0"?>\n<html/>', encoding="utf-8")
    with pytest.raises(TqaError, match="not XLIFF: the root element is <html>") as caught:
        read_document(path, "a.xlf")
    assert (caught.value.line, caught.value.column) == (2, 1)
    path.write_text('<xliff version="3.0"/>', encoding="utf-8")
    with pytest.raises(TqaError, match="unsupported XLIFF version '3.0'"):
        read_document(path, "a.xlf")
