"""Glossary files: loading, errors that name file and line, and the tolerant term matcher."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tqa.errors import TqaError
from tqa.glossary import Glossary, Term, TermStatus

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "glossaries" / "news.fr-en.csv"
EDGES = Path(__file__).parent / "data" / "glossaries" / "edges.fr-en.csv"
HEADER = "source,target,status,case_sensitive,note\n"


@pytest.fixture(scope="module")
def edges() -> Glossary:
    return Glossary.load([EDGES])


def write(folder: Path, name: str, body: str, header: str = HEADER) -> Path:
    path = folder / name
    path.write_text(header + body, encoding="utf-8")
    return path


def found(glossary: Glossary, text: str, side: str = "target", statuses=tuple(TermStatus)) -> list:
    return [(text[m.start:m.end], m.term.target) for m in glossary.find(text, side, statuses)]


# --- loading -------------------------------------------------------------------------------


def test_loads_rows_with_origins_languages_and_file_info(tmp_path):
    rows = "État hébreu,Israel,preferred,,\nÉtat hébreu,Hebrew state,forbidden,yes,calque\n"
    path = write(tmp_path, "house.fr-en.csv", rows)
    glossary = Glossary.load([path], display=["glossaries/house.fr-en.csv"])
    assert (glossary.source_lang, glossary.target_lang) == ("fr", "en")
    assert glossary.terms[1] == Term(source="État hébreu", target="Hebrew state", status=TermStatus.FORBIDDEN,
                                     case_sensitive=True, note="calque", origin="glossaries/house.fr-en.csv:3")
    [info] = glossary.files
    assert (info.path, info.terms) == ("glossaries/house.fr-en.csv", 2)
    assert info.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_merges_files_skips_blank_rows_and_accepts_bom_and_any_column_order(tmp_path):
    first = write(tmp_path, "a.fr-en.csv", "Quai d'Orsay,French Foreign Ministry,preferred,false,\n,,,,\n")
    second = tmp_path / "b.fr-en.csv"
    second.write_text("\ufeffstatus,source,target,note,case_sensitive\ndnt,Le Monde,,,1\n", encoding="utf-8")
    glossary = Glossary.load([first, second])
    assert [t.origin for t in glossary.terms] == [f"{first}:2", f"{second}:2"]
    dnt = glossary.terms[1]
    assert (dnt.target, dnt.status, dnt.case_sensitive) == ("Le Monde", TermStatus.DNT, True)


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("YES", True), ("1", True),
                                                 ("false", False), ("no", False), ("0", False), ("", False)])
def test_case_sensitive_spellings(tmp_path, value, expected):
    glossary = Glossary.load([write(tmp_path, "x.fr-en.csv", f"a,b,forbidden,{value},\n")])
    assert glossary.terms[0].case_sensitive is expected


def test_languages_come_from_the_name_unless_given(tmp_path):
    path = write(tmp_path, "x.en-de.csv", "a,b,preferred,,\n")
    assert (Glossary.load([path]).source_lang, Glossary.load([path]).target_lang) == ("en", "de")
    overridden = Glossary.load([path], source_lang="fr", target_lang="en")
    assert (overridden.source_lang, overridden.target_lang) == ("fr", "en")


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["terms.csv"], "cannot tell the glossary languages"),
        (["a.fr-en.csv", "b.en-fr.csv"], "glossaries disagree on languages"),
    ],
)
def test_languages_must_be_known_and_agree(tmp_path, names, message):
    paths = [write(tmp_path, name, "a,b,preferred,,\n") for name in names]
    with pytest.raises(TqaError, match=message):
        Glossary.load(paths)


@pytest.mark.parametrize(
    ("header", "body", "line", "message"),
    [
        ("source,target,status,note\n", "", 1, "missing header column 'case_sensitive'"),
        ("source,target,status,case_sensitive,note,extra\n", "", 1, "unexpected header column 'extra'"),
        ("", "", 1, "missing header column 'source'"),
        (HEADER, "a,b,prefered,false,\n", 2, "unknown status 'prefered'"),
        (HEADER, "a,b,,false,\n", 2, "unknown status ''"),
        (HEADER, "ok,fine,preferred,,\na,b,forbidden,maybe,\n", 3, "case_sensitive must be true or false"),
        (HEADER, "\n ,b,forbidden,false,\n", 3, "empty source"),
        (HEADER, "a,,forbidden,false,\n", 2, "empty target (required for forbidden terms)"),
        (HEADER, "a,b,preferred,false\n", 2, "expected 5 fields, found 4"),
        (HEADER, '"a\nb",c,preferred,,\nd,e,oops,,\n', 4, "unknown status 'oops'"),
        (HEADER, "a,b,preferred,,\nA,c,preferred,,\n", 3, "second preferred target 'c' for 'A'"),
    ],
)
def test_bad_rows_name_file_line_and_problem(tmp_path, header, body, line, message):
    path = write(tmp_path, "bad.fr-en.csv", body, header=header)
    with pytest.raises(TqaError) as caught:
        Glossary.load([path], display=["glossaries/bad.fr-en.csv"])
    error = caught.value
    assert (error.path, error.line) == ("glossaries/bad.fr-en.csv", line)
    assert message in error.message
    assert str(error).startswith(f"glossaries/bad.fr-en.csv:{line}: ")


def test_undecodable_and_missing_files(tmp_path):
    latin = tmp_path / "latin.fr-en.csv"
    latin.write_bytes((HEADER + "État,State,preferred,,\n").encode("latin-1"))
    with pytest.raises(TqaError, match="not UTF-8"):
        Glossary.load([latin])
    with pytest.raises(TqaError, match="cannot read glossary"):
        Glossary.load([tmp_path / "missing.fr-en.csv"])


# --- matching ------------------------------------------------------------------------------

TARGET_MATCHES = [
    # (id, text, [(matched text, term target), ...])
    ("plain", "the Hebrew state said", [("Hebrew state", "Hebrew state")]),
    ("case-insensitive", "THE HEBREW STATE", [("HEBREW STATE", "Hebrew state")]),
    ("plural", "two Hebrew states", [("Hebrew states", "Hebrew state")]),
    ("possessive", "the Hebrew state's army", [("Hebrew state's", "Hebrew state")]),
    ("plural-possessive", "the Hebrew states' armies", [("Hebrew states'", "Hebrew state")]),
    ("curly-possessive", "the Hebrew state’s army", [("Hebrew state’s", "Hebrew state")]),
    ("singular-of-plural-term", "an Abraham Agreement", [("Abraham Agreement", "Abraham Agreements")]),
    ("y-plural", "two agencies", [("agencies", "agency")]),
    ("sibilant-plural", "two boxes", [("boxes", "box")]),
    ("line-break-inside", "the Hebrew\nstate", [("Hebrew\nstate", "Hebrew state")]),
    ("crlf-and-spaces-inside", "the Abraham \r\n  Agreements",
     [("Abraham \r\n  Agreements", "Abraham Agreements")]),
    ("nbsp-inside", "the Hebrew\u00a0state", [("Hebrew\u00a0state", "Hebrew state")]),
    ("hyphen-variants", "outre\u2011Atlantic and outre\u2010Atlantic",
     [("outre\u2011Atlantic", "outre-Atlantic"), ("outre\u2010Atlantic", "outre-Atlantic")]),
    ("no-match-inside-longer-word", "a Hebrew statesman", []),
    ("no-match-after-word-char", "stateless", []),
    ("longest-first", "Hebrew state", [("Hebrew state", "Hebrew state")]),
    ("shorter-alone", "the state", [("state", "state")]),
    ("overlap-leftmost-wins", "Hebrew state affairs", [("Hebrew state", "Hebrew state")]),
    ("exact-wording-beats-inflection", "the City of Light", [("City of Light", "City of Light")]),
    ("inflected-forbidden", "the City of Lights", [("City of Lights", "City of Lights")]),
    ("case-sensitive-hit", "Recall that it rained.", [("Recall that", "Recall that")]),
    ("case-sensitive-miss", "Residents recall that it rained.", []),
    ("case-sensitive-acronym", "OTAN and NATO, not Otan", [("OTAN", "OTAN"), ("NATO", "NATO")]),
    ("preferred-terms-too", "Israel signed.", [("Israel", "Israel")]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in TARGET_MATCHES],
                         ids=[c[0] for c in TARGET_MATCHES])
def test_target_matching(edges, text, expected):
    assert found(edges, text) == expected


SOURCE_MATCHES = [
    ("curly-apostrophe", "les accords d’Abraham", [("accords d’Abraham", "Abraham Accords")]),
    ("modifier-apostrophe", "les accords dʼAbraham", [("accords dʼAbraham", "Abraham Accords")]),
    ("decomposed-accents", "l'E\u0301tat he\u0301breu", [("E\u0301tat he\u0301breu", "Israel")]),
    ("french-x-plural", "les bureaux", [("bureaux", "office")]),
    ("french-s-plural", "les agences", [("agences", "agency")]),
    ("elided-article", "l'État", [("État", "state")]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SOURCE_MATCHES],
                         ids=[c[0] for c in SOURCE_MATCHES])
def test_source_matching(edges, text, expected):
    assert found(edges, text, side="source") == expected


def test_forbidden_in_reports_only_forbidden_terms_with_offsets_into_the_text(edges):
    text = "Israel,\nthe Hebrew\nstate, and the City of Light."
    [match] = edges.forbidden_in(text)
    assert (match.term.target, match.start, match.end) == ("Hebrew state", 12, 24)
    assert edges.find(text, statuses=[TermStatus.ADMITTED])[0].term.target == "City of Light"


@pytest.mark.parametrize(
    ("target", "expected"),
    [("Hebrew state", "Israel"), ("City of Lights", "City of Light"), ("OTAN", "NATO"), ("box", None)],
)
def test_preferred_for_falls_back_to_admitted(edges, target, expected):
    term = next(t for t in edges.terms if t.target == target)
    better = edges.preferred_for(term)
    assert (better.target if better else None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hebrew " * 30_000,
        "Hebrew" + " \u00a0\n" * 70_000 + "stat",
        "Abraham Agreement" + "s" * 200_000,
        "a" * 200_000,
        "state's'" * 25_000,
    ],
    ids=["repeated-first-word", "whitespace-run", "long-suffix", "one-long-word", "apostrophes"],
)
def test_adversarial_input_finishes(edges, text):
    assert isinstance(edges.find(text), list)


def test_empty_glossary_finds_nothing():
    assert Glossary.empty().find("Hebrew state") == []


# --- the shipped glossary ----------------------------------------------------------------

REQUIRED_ENTRIES = [
    ("État hébreu", "Israel", "preferred"),
    ("État hébreu", "Hebrew state", "forbidden"),
    ("accords d'Abraham", "Abraham Accords", "preferred"),
    ("accords d'Abraham", "Abraham Agreements", "forbidden"),
    ("Sahara occidental", "Western Sahara", "preferred"),
    ("ministre de la Défense", "Defense Minister", "preferred"),
    ("ministre de la Défense", "Minister of Defense", "admitted"),
    ("Rappelons que", "Recall that", "forbidden"),
    ("l'Hexagone", "France", "preferred"),
    ("l'Hexagone", "the Hexagon", "forbidden"),
    ("Quai d'Orsay", "French Foreign Ministry", "preferred"),
    ("Royaume chérifien", "Morocco", "preferred"),
    ("Royaume chérifien", "Cherifian Kingdom", "forbidden"),
]


def test_shipped_glossary_loads_with_required_entries_and_notes():
    glossary = Glossary.load([SHIPPED])
    assert (glossary.source_lang, glossary.target_lang) == ("fr", "en")
    rows = {(t.source, t.target, t.status.value) for t in glossary.terms}
    assert set(REQUIRED_ENTRIES) <= rows
    assert len({t.source for t in glossary.terms}) >= 17
    assert all(t.note for t in glossary.terms)
    preferred = {t.source for t in glossary.terms if t.status == TermStatus.PREFERRED}
    assert {t.source for t in glossary.terms if t.status == TermStatus.FORBIDDEN} <= preferred
