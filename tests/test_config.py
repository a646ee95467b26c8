"""Settings: defaults < config file < flags; typos and bad values are errors."""

from pathlib import Path

import pytest

from tqa.config import Settings, load_settings
from tqa.errors import TqaError
from tqa.models import Severity


def test_defaults_without_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = load_settings({})
    assert (settings.target_lang, settings.source_lang, settings.fail_on) == ("en", "fr", Severity.ERROR)


def test_pyproject_tool_table_is_found_from_a_subfolder(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tqa]\ntarget_lang = "fr"\nsource_lang = "en"\nglossaries = ["g/ui.en-fr.csv"]\n', encoding="utf-8"
    )
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")
    settings = load_settings({})
    assert (settings.target_lang, settings.source_lang) == ("fr", "en")
    assert settings.glossaries == (str(Path("../g/ui.en-fr.csv")),)


def test_flags_override_the_file(tmp_path, monkeypatch):
    (tmp_path / "tqa.toml").write_text('fail_on = "warning"\ntarget_lang = "de"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = load_settings({"target_lang": "en_GB", "fail_on": None, "select": ()})
    assert settings.target_lang == "en"  # region dropped, flag wins
    assert settings.fail_on == Severity.WARNING  # not given on the command line: the file's value


@pytest.mark.parametrize(
    ("flags", "declared", "pair"),
    [
        ({}, ("en-US", "fr-FR"), ("en", "fr")),  # the file's languages beat the config (fr→en)
        ({}, (None, "fr"), ("en", "fr")),  # only the target, equal to the configured source: reversed
        ({}, (None, "de"), ("fr", "de")),
        ({}, ("en", None), ("en", "fr")),  # TMX with several languages: configured target is the source
        ({}, (None, None), ("fr", "en")),  # CSV: the configuration
        ({"source_lang": "de"}, ("en", "fr"), ("de", "fr")),  # the command line beats the file
        ({"source_lang": "fr"}, (None, "fr"), ("fr", "fr")),  # pinned: taken as given
    ],
)
def test_language_pair_of_a_file(tmp_path, monkeypatch, flags, declared, pair):
    monkeypatch.chdir(tmp_path)
    assert load_settings(flags).resolve_pair(*declared) == pair


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('fial_on = "error"', "fial_on"),
        ('fail_on = "fatal"', "fail_on"),
        ('target_lang = "english"', "target_lang"),
        ("target_lang = ", "invalid TOML"),
    ],
)
def test_bad_config_is_a_tqa_error_naming_the_file(tmp_path, monkeypatch, toml, message):
    (tmp_path / "tqa.toml").write_text(toml + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TqaError) as caught:
        load_settings({})
    assert message in str(caught.value) and "tqa.toml" in str(caught.value)


@pytest.mark.parametrize(
    ("select", "ignore", "selected"),
    [
        (("ALL",), (), True),
        (("LANG",), (), True),
        (("untranslated-text",), (), True),
        (("TERM",), (), False),
        (("ALL",), ("LANG01",), False),
    ],
)
def test_selection_by_code_name_and_prefix(select, ignore, selected):
    settings = Settings(select=select, ignore=ignore)
    assert settings.is_selected("LANG01", "untranslated-text") is selected
