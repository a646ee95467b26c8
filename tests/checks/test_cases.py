"""Run every case file in cases/<CODE>.toml through its check (STYLE §3.9).

Case file schema (unknown keys are errors, so a typo cannot silently skip an assertion):

    check = "TERM01"                     required: the code of the check under test
    glossary = "../data/x.fr-en.csv"     optional: relative to the case file; default: the
                                         shipped glossaries/news.fr-en.csv
    source_lang = "en"                   optional: default languages of the file's cases
    target_lang = "fr"
    [[case]]
    id = "plural-possessive"             required, unique in the file; pytest id "<CODE>-<id>"
    text = "The Hebrew state's army"     required: the segment text
    role = "body"                        optional: a tqa.models.Role value (default body)
    target_lang = "fr"                   optional: Settings.target_lang (default en)
    source_lang = "en"                   optional: Settings.source_lang (default fr)
    expect = ["TERM01"]                  required: codes of the findings, in order
    spans = [[4, 16]]                    optional: [start, end) of each finding, in order (a
                                         whole-segment finding: [0, length of text])
    suggestions = ["Israel"]             optional: each finding's suggestion ("" for none)
    source = "Wait 5 minutes."           optional: the unit's source (a bilingual unit); also
    state, unit_id, max_width, flags     the unit's other fields, as in tqa.models.Segment, and
    source_codes, target_codes           inline codes as tables {kind, id, tag, start, end}
    options = { max_ratio = 3.0 }        optional: the check's [checks.<name>] options
    before = [{ source = "…", text = "…" }]  optional: units the same check instance sees first
                                         (cross-unit checks); their own findings are ignored

Segments are language-detected as the pipeline does it. Findings are ordered by span start. Select one check with `pytest -k TERM01`.
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
from tqa.models import InlineCode, Role
from tqa.detect import LanguageDetector
from tqa.worker import detected

CASES = Path(__file__).parent / "cases"
SHIPPED_GLOSSARY = Path(__file__).parents[2] / "glossaries" / "news.fr-en.csv"
FILE_KEYS = {"check", "glossary", "case", "source_lang", "target_lang"}
UNIT_KEYS = {"source", "state", "unit_id", "max_width", "flags", "source_codes", "target_codes"}
CASE_KEYS = {"id", "text", "role", "target_lang", "source_lang", "expect", "spans", "suggestions", "options",
             "before"} | UNIT_KEYS
REQUIRED = {"id", "text", "expect"}


@cache
def detector(target: str, source: str) -> LanguageDetector:
    return LanguageDetector((target, source), seed=0)


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
            case = {k: data[k] for k in ("source_lang", "target_lang") if k in data} | case
            params.append(pytest.param(data["check"], case, glossary, id=f"{data['check']}-{case['id']}"))
    return params


def _check_keys(table: dict, allowed: set[str], required: set[str], where: str) -> None:
    unknown, missing = set(table) - allowed, required - set(table)
    assert not unknown, f"{where}: unknown keys {sorted(unknown)}"
    assert not missing, f"{where}: missing keys {sorted(missing)}"


def _unit_fields(table: dict) -> dict:
    """The bilingual fields of a case or of a ``before`` unit, as Segment arguments."""
    fields = {k: table[k] for k in UNIT_KEYS if k in table}
    for key in ("source_codes", "target_codes"):
        if key in fields:
            fields[key] = tuple(InlineCode(**code) for code in fields[key])
    if "flags" in fields:
        fields["flags"] = tuple(fields["flags"])
    return fields


@cache
def glossary_at(path: Path) -> Glossary:
    return Glossary.load([path])


@pytest.mark.parametrize(("code", "case", "glossary"), load_cases())
def test_case(code: str, case: dict, glossary: Path) -> None:
    languages = {k: case[k] for k in ("target_lang", "source_lang") if k in case}
    settings = Settings(**languages)
    cls = check_by_code(code)
    check = cls(options=cls.Options(**case.get("options", {})))
    for unit in case.get("before", []):
        _check_keys(unit, {"text"} | UNIT_KEYS, {"text"}, f"{code}-{case['id']} before")
        earlier, ctx = make_context(unit["text"], glossary=glossary_at(glossary), settings=settings,
                                    **_unit_fields(unit))
        list(check.run([detected(earlier, detector(ctx.target_lang, ctx.source_lang))], ctx))
    segment, ctx = make_context(
        case["text"],
        role=Role(case.get("role", "body")),
        glossary=glossary_at(glossary),
        settings=settings,
        **_unit_fields(case),
    )
    segment = detected(segment, detector(ctx.target_lang, ctx.source_lang))
    findings = sorted(check.run([segment], ctx), key=lambda f: f.span.start if f.span else -1)
    assert [f.code for f in findings] == case["expect"]
    if "spans" in case:
        whole = [0, len(segment.text)]  # a finding without a span covers the whole segment
        assert [[f.span.start, f.span.end] if f.span else whole for f in findings] == case["spans"]
    if "suggestions" in case:
        assert [f.suggestion or "" for f in findings] == case["suggestions"]
