"""Run every case file in cases/<CODE>.toml through its check (STYLE §3.9).

Case file schema (unknown keys are errors, so a typo cannot silently skip an assertion):

    check = "TERM01"                     required: the code of the check under test
    glossary = "../data/x.fr-en.csv"     optional: relative to the case file; default: the
                                         shipped glossaries/news.fr-en.csv
    [[case]]
    id = "plural-possessive"             required, unique in the file; pytest id "<CODE>-<id>"
    text = "The Hebrew state's army"     required: the segment text
    role = "body"                        optional: a tqa.models.Role value (default body)
    target_lang = "fr"                   optional: Settings.target_lang (default en)
    source_lang = "en"                   optional: Settings.source_lang (default fr)
    expect = ["TERM01"]                  required: codes of the findings, in order
    spans = [[4, 16]]                    optional: [start, end) of each finding, in order
    suggestions = ["Israel"]             optional: each finding's suggestion ("" for none)

Findings are ordered by span start. Select one check with `pytest -k TERM01`.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from tests.helpers import make_context
from tqa.checks import check_by_code
from tqa.config import Settings
from tqa.glossary import Glossary
from tqa.models import Role

CASES = Path(__file__).parent / "cases"
SHIPPED_GLOSSARY = Path(__file__).parents[2] / "glossaries" / "news.fr-en.csv"
FILE_KEYS = {"check", "glossary", "case"}
CASE_KEYS = {"id", "text", "role", "target_lang", "source_lang", "expect", "spans", "suggestions"}
REQUIRED = {"id", "text", "expect"}


def load_cases() -> list:
    params = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        _check_keys(data, FILE_KEYS, {"check", "case"}, path.name)
        ids = [case.get("id") for case in data["case"]]
        assert len(ids) == len(set(ids)), f"{path.name}: duplicate case ids"
        for case in data["case"]:
            _check_keys(case, CASE_KEYS, REQUIRED, f"{path.name} case {case.get('id')!r}")
            glossary = path.parent / data["glossary"] if "glossary" in data else SHIPPED_GLOSSARY
            params.append(pytest.param(data["check"], case, glossary, id=f"{data['check']}-{case['id']}"))
    return params


def _check_keys(table: dict, allowed: set[str], required: set[str], where: str) -> None:
    unknown, missing = set(table) - allowed, required - set(table)
    assert not unknown, f"{where}: unknown keys {sorted(unknown)}"
    assert not missing, f"{where}: missing keys {sorted(missing)}"


@cache
def glossary_at(path: Path) -> Glossary:
    return Glossary.load([path])


@pytest.mark.parametrize(("code", "case", "glossary"), load_cases())
def test_case(code: str, case: dict, glossary: Path) -> None:
    languages = {k: case[k] for k in ("target_lang", "source_lang") if k in case}
    segment, ctx = make_context(
        case["text"],
        role=Role(case.get("role", "body")),
        glossary=glossary_at(glossary),
        settings=Settings(**languages),
    )
    check = check_by_code(code)()
    findings = sorted(check.run([segment], ctx), key=lambda f: f.span.start if f.span else -1)
    assert [f.code for f in findings] == case["expect"]
    if "spans" in case:
        assert [[f.span.start, f.span.end] if f.span else None for f in findings] == case["spans"]
    if "suggestions" in case:
        assert [f.suggestion or "" for f in findings] == case["suggestions"]
