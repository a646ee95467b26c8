"""[checks.<name>] option tables: validated at load against each check's Options model."""

import pytest

from tqa.checks import check_by_code, select_checks
from tqa.config import load_settings
from tqa.errors import TqaError


def _settings(tmp_path, monkeypatch, toml: str):
    (tmp_path / "tqa.toml").write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return load_settings({})


def test_options_reach_the_check_by_name_or_code(tmp_path, monkeypatch):
    settings = _settings(tmp_path, monkeypatch, "[checks.length-ratio]\nmax_ratio = 3.0\nshort_below = 10\n")
    check = next(c for c in select_checks(settings) if c.code == "LEN01")
    assert (check.options.max_ratio, check.options.short_below, check.options.min_ratio) == (3.0, 10, 0.45)
    settings = _settings(tmp_path, monkeypatch, "[checks.LEN01]\nmin_ratio = 0.2\n")
    assert settings.options_for(check_by_code("LEN01")).min_ratio == 0.2


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[checks.length-ratio]\nmax_ratoi = 3.0\n", "checks.length-ratio.max_ratoi: Extra inputs are not permitted"),
        ("[checks.length-ratio]\nmax_ratio = 'big'\n", "checks.length-ratio.max_ratio"),
        ("[checks.length-ratio]\nmin_ratio = 3.0\nmax_ratio = 2.0\n", "below its maximum"),
        ("[checks.lenght-ratio]\nmax_ratio = 3.0\n", "checks.lenght-ratio: no check with this name or code"),
        ("[checks.number-mismatch]\nstrict = true\n", "checks.number-mismatch.strict"),
    ],
)
def test_bad_options_are_one_line_errors_naming_the_file_and_key(tmp_path, monkeypatch, toml, message):
    with pytest.raises(TqaError, match=message.replace(".", r"\.")) as error:
        _settings(tmp_path, monkeypatch, toml)
    assert error.value.path.endswith("tqa.toml")
