"""JSON i18n: source found by path convention, dotted keys, missing and extra keys, exact positions."""

import shutil
from pathlib import Path

import pytest

from tqa.config import Settings
from tqa.errors import TqaError
from tqa.positions import file_offset
from tqa.readers import found_in_directory, read_document
from tqa.readers.jsoni18n import path_language

DATA = Path(__file__).parent / "data" / "bilingual"
EN_FR = Settings(source_lang="en", target_lang="fr")


def test_directory_convention_pairs_keys_in_source_order():
    doc = read_document(DATA / "locales/fr/common/app.json", "locales/fr/common/app.json", EN_FR)
    assert (doc.format, doc.source_lang, doc.target_lang) == ("json", "en", "fr")
    assert [(s.unit_id, s.source, s.text, s.notes) for s in doc.units] == [
        ("menu.open", "Open", "Ouvrir", ()),
        ("menu.save", "Save {{count}} files", 'Enregistrer {{count}} fichiers ét"é"', ()),
        ("menu.quit", "Quit", "", ()),
        ("greeting", "Hello, {name}!", "Bonjour, {name} !", ()),
        ("steps.0", "One", "Un", ()),
        ("steps.1", "Two", "Deux", ()),
        ("obsolete", None, "Vieux", ("not in the source file",)),
    ]  # "count": 3 is not a string: not a unit


def test_positions_escapes_and_the_missing_key():
    doc = read_document(DATA / "locales/fr/common/app.json", "app.json", EN_FR)
    units = {s.unit_id: s for s in doc.units}
    opened = units["menu.open"].location
    assert (opened.line, opened.column, opened.end_line, opened.end_column) == (3, 14, 3, 20)
    save = units["menu.save"]
    assert doc.text[file_offset(save.anchors, save.text.index("ét")):].startswith("\\u00e9t")
    assert doc.text[file_offset(save.anchors, save.text.index('"é"')):].startswith('\\"é\\"')
    quit_ = units["menu.quit"].location  # at the } closing "menu", where the key belongs
    assert (quit_.line, quit_.column, doc.text[quit_.offset]) == (5, 3, "}")


def test_file_name_convention(tmp_path):
    doc = read_document(DATA / "names/app.fr.json", "names/app.fr.json", EN_FR)
    assert [(s.unit_id, s.source, s.text) for s in doc.units] == [("hello", "Hello", "Bonjour")]
    assert path_language(Path("i18n/pt-BR.json")) == "pt"
    assert path_language(Path("src/app/config.json")) is None  # "app" is no language code


def test_directory_search_takes_only_translations():
    settings = EN_FR
    assert found_in_directory(DATA / "locales/fr/common/app.json", settings)
    assert not found_in_directory(DATA / "locales/en/common/app.json", settings)  # the source
    assert not found_in_directory(DATA / "package.json", settings)
    assert found_in_directory(DATA / "catalog.po", settings)
    assert not found_in_directory(Path("messages.pot"), settings)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("package.json", "not an i18n key file: its path names no language"),
        ("locales/en/common/app.json", "a source-language (en) key file"),
    ],
)
def test_files_named_explicitly_that_cannot_be_paired(name, message):
    with pytest.raises(TqaError) as caught:
        read_document(DATA / name, name, EN_FR)
    assert caught.value.message.startswith(message) and caught.value.path == name


def test_a_missing_source_says_what_was_looked_for(tmp_path):
    target = tmp_path / "locales" / "de" / "app.json"
    target.parent.mkdir(parents=True)
    target.write_text('{"a": "b"}', encoding="utf-8")
    with pytest.raises(TqaError) as caught:
        read_document(target, "locales/de/app.json", EN_FR)
    assert caught.value.message.startswith("no source file for this de key file: looked for locales/en/app.json")
    shutil.copytree(DATA / "names", tmp_path / "names")
    (tmp_path / "names/app.en.json").rename(tmp_path / "names/app.en-GB.json")
    doc = read_document(tmp_path / "names/app.es.json", "app.es.json", EN_FR)
    assert [(s.source, s.text) for s in doc.units] == [("Hello", "Hola")]  # a regional variant of en


@pytest.mark.parametrize(
    ("content", "message", "line", "column"),
    [
        ('{"a": "x",\n "a": "y"}', "duplicate key 'a'", 2, 2),
        ('{"a": "x"\n "b": "y"}', "expected ','", 2, 2),
        ('{"a": "x\ny"}', "control character in a string", 1, 9),
        ('{"a": "\\q"}', "invalid escape", 1, 8),
        ('{"a": tru}', "expected a value", 1, 7),
        ('{"a": "x"} []', "unexpected text after the JSON value", 1, 12),
    ],
)
def test_invalid_json_names_line_and_column(tmp_path, refusal, content, message, line, column):
    (tmp_path / "en.json").write_text('{"a": "x"}', encoding="utf-8")
    error = refusal("fr.json", content, EN_FR)
    assert message in error.message
    assert (error.path, error.line, error.column) == ("fr.json", line, column)
