"""TMX: the language pair from header, options and command line; tuids, notes, inline codes, positions."""

from pathlib import Path

import pytest

from tqa.config import Settings, load_settings
from tqa.errors import TqaError
from tqa.positions import file_offset
from tqa.readers import read_document

DATA = Path(__file__).parent / "data" / "bilingual"


def memory(settings=None):
    return read_document(DATA / "memory.tmx", "memory.tmx", settings)


def pinned(tmp_path, **languages) -> Settings:
    """Settings as the command line gives them (flags beat the file), with an empty config."""
    config = tmp_path / "tqa.toml"
    config.write_text("", encoding="utf-8")
    return load_settings(languages, config)


def test_three_languages_source_from_header_target_from_settings():
    doc = memory(Settings(source_lang="fr", target_lang="en"))
    # srclang="en" is the source; the configured target is the source too, so the configured
    # source (fr) is the target: the fr→en settings read an en→fr memory the other way round.
    assert (doc.format, doc.source_lang, doc.target_lang) == ("tmx", "en", "fr")
    assert [(s.unit_id, s.source, s.text) for s in doc.units] == [
        ("open", "Open the file", "Ouvrir le fichier"),
        ("bold", "Bold %s and this", "Gras %s et ça"),
        ("no-french", "Save changes", ""),
    ]  # "german-only" has no English: skipped


def test_command_line_languages_pick_another_pair(tmp_path):
    doc = memory(pinned(tmp_path, source_lang="en", target_lang="de"))
    assert (doc.source_lang, doc.target_lang) == ("en", "de")
    assert [s.text for s in doc.units] == ["Datei öffnen", "", "Änderungen speichern"]
    doc = memory(pinned(tmp_path, source_lang="de", target_lang="fr"))
    assert [(s.unit_id, s.source, s.text) for s in doc.units] == [
        ("open", "Datei öffnen", "Ouvrir le fichier"), ("german-only", "Nur Deutsch", ""),
        ("no-french", "Änderungen speichern", "")]


def test_a_language_the_memory_lacks_is_an_error(tmp_path):
    with pytest.raises(TqaError, match=r"no es segments in this TMX \(languages: de, en, fr\)"):
        memory(pinned(tmp_path, target_lang="es"))


def test_notes_codes_and_positions():
    doc = memory(Settings(source_lang="en", target_lang="fr"))
    opened, bold, missing = doc.units
    assert opened.notes == ("Menu item.",)
    assert bold.notes == ("Check the tags.",)
    assert (opened.location.line, opened.location.column, opened.location.end_column) == (9, 34, 51)
    assert doc.text[opened.location.offset:opened.location.end_offset] == "Ouvrir le fichier"
    assert [(c.kind, c.id, c.tag, bold.text[c.start:c.end], c.data) for c in bold.target_codes] == [
        ("open", "1", "bpt", "", "<b>"), ("close", "1", "ept", "", "</b>"),
        ("standalone", "2", "ph", "%s", "%s"), ("open", "4", "it", "", "<i>")]
    assert doc.text[file_offset(bold.anchors, bold.text.index("ça")):].startswith("ça</hi>")
    assert doc.text[:missing.location.offset].endswith('<seg>Save changes</seg></tuv>')


def test_two_language_memory_needs_no_settings(tmp_path):
    path = tmp_path / "pair.tmx"
    path.write_text('<tmx version="1.4"><header srclang="de"/><body>'
                    '<tu><tuv xml:lang="de"><seg>Ja</seg></tuv><tuv xml:lang="it"><seg>Sì</seg></tuv></tu>'
                    "</body></tmx>", encoding="utf-8")
    doc = read_document(path, "pair.tmx")
    assert (doc.source_lang, doc.target_lang, doc.units[0].text) == ("de", "it", "Sì")
