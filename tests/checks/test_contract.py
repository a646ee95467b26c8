"""What every check promises, whatever it checks (Weblate's shared check suite, without mocks)."""

import re

import pytest

from tests.helpers import make_context
from tqa.checks import ALL_CHECKS, check_by_code
from tqa.errors import TqaError
from tqa.models import Category, Severity

CHECKS = [pytest.param(cls, id=cls.code) for cls in ALL_CHECKS]


def test_codes_and_names_are_unique():
    assert len({c.code for c in ALL_CHECKS}) == len(ALL_CHECKS)
    assert len({c.name for c in ALL_CHECKS}) == len(ALL_CHECKS)


@pytest.mark.parametrize("cls", CHECKS)
def test_check_is_documented_like_a_linter_rule(cls):
    assert re.fullmatch(r"[A-Z]+\d{2}", cls.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", cls.name)
    assert isinstance(cls.category, Category) and isinstance(cls.severity, Severity)
    assert cls.summary().endswith(".")
    assert "Why it matters:" in cls.__doc__ and "Example:" in cls.__doc__
    assert cls.code in cls.__doc__


@pytest.mark.parametrize("cls", CHECKS)
def test_empty_and_blank_segments_give_no_findings(cls):
    for text in ("", " ", "\n"):
        segment, ctx = make_context(text)
        assert list(cls().run([segment], ctx)) == []


@pytest.mark.parametrize("cls", CHECKS)
def test_configured_severity_replaces_the_default(cls):
    assert cls(Severity.INFO).level is Severity.INFO
    assert cls().level is cls.severity


def test_lookup_by_code_is_case_insensitive_and_unknown_codes_are_errors():
    assert check_by_code("term01").code == "TERM01"
    with pytest.raises(TqaError, match="LANG01"):
        check_by_code("XX99")
