"""TBX glossaries as users have them: translate-toolkit's TBX 2008 output, TBX v3 Basic and Min."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqa.glossary import Glossary, TermStatus
from tqa.tbx import convert_file, read_concepts, rows_for_pair

from tests.test_cli import GLOSSARY, ROOT, SEED, tqa

DATA = ROOT / "tests/data/tbx"
SAMPLES = ["translate-toolkit.fr-en.tbx", "basic-v3.tbx", "min-v3.tbx"]


def pair_terms(path: Path, source: str, target: str) -> set[tuple[str, str, str]]:
    """(side, term, status) of a TBX as tqa reads it for one pair."""
    rows = rows_for_pair(read_concepts(path.read_bytes(), str(path)), source, target)
    return ({("source", r["source"], "") for r in rows}
            | {("target", r["target"], r["status"]) for r in rows})


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("pair", [("fr", "en"), ("en", "fr")])
def test_tbx_to_csv_to_tbx_keeps_every_term_and_status(tmp_path: Path, name: str, pair: tuple[str, str]):
    source, target = pair
    original = pair_terms(DATA / name, source, target)
    csv_file, back = tmp_path / "g.csv", tmp_path / "g.tbx"
    convert_file(DATA / name, csv_file, source, target)
    convert_file(csv_file, back, source, target)
    assert pair_terms(back, source, target) == original
    assert original or pair == ("en", "fr")  # every sample has terms in fr -> en


def test_statuses_from_both_picklists():
    rows = {r["target"]: r["status"] for r in
            rows_for_pair(read_concepts((DATA / "min-v3.tbx").read_bytes(), "min"), "fr", "en")}
    assert rows == {"Western Sahara": "preferred", "Occidental Sahara": "forbidden", "Spanish Sahara": "forbidden",
                    "senior official": "preferred", "top civil servant": "admitted"}
    tt = Glossary.load([DATA / "translate-toolkit.fr-en.tbx"])
    assert {(t.target, t.status) for t in tt.terms} >= {("Hebrew state", TermStatus.FORBIDDEN),
                                                         ("Minister of Defense", TermStatus.ADMITTED)}
    assert all(t.part_of_speech == "noun" for t in tt.terms)
    basic = Glossary.load([DATA / "basic-v3.tbx"], source_lang="fr", target_lang="en")
    iphone = next(t for t in basic.terms if t.source == "iPhone")
    assert (iphone.status, iphone.case_sensitive) == (TermStatus.DNT, True)
    assert next(t for t in basic.terms if t.target == "Abraham Accords").context.startswith("Morocco joined")


def test_shipped_csv_to_tbx_to_csv_is_identical(tmp_path: Path):
    tbx, back = tmp_path / "news.fr-en.tbx", tmp_path / "back.fr-en.csv"
    run = tqa("glossary", "convert", GLOSSARY, str(tbx))
    assert (run.returncode, run.stderr) == (0, f"wrote {tbx}\n")
    convert_file(tbx, back, None, None)  # the pair from the file name
    assert back.read_bytes() == (ROOT / GLOSSARY).read_bytes()


def test_a_tbx_glossary_checks_like_its_csv(tmp_path: Path):
    tbx = tmp_path / "news.fr-en.tbx"
    tqa("glossary", "convert", GLOSSARY, str(tbx))
    with_csv = tqa("check", SEED, "-g", GLOSSARY, "-f", "lines")
    with_tbx = tqa("check", SEED, "-g", str(tbx), "-f", "lines")
    assert with_tbx.stdout == with_csv.stdout and "TERM01" in with_tbx.stdout


def test_malformed_tbx_is_one_line_with_file_line_column(tmp_path: Path):
    bad = tmp_path / "bad.fr-en.tbx"
    bad.write_text('<?xml version="1.0"?>\n<martif type="TBX">\n<text><body>\n<termEntry>\n</body></text></martif>\n')
    run = tqa("check", SEED, "-g", str(bad))
    assert run.returncode == 2
    assert run.stderr == f"tqa: error: {bad}:5:3: not well-formed XML: mismatched tag\n"
    not_tbx = tmp_path / "x.fr-en.tbx"
    not_tbx.write_text("<tmx version='1.4'/>")
    assert "not TBX: the root element is <tmx>" in tqa("glossary", "convert", str(not_tbx), str(tmp_path / "o.csv")).stderr
    bomb = tmp_path / "bomb.fr-en.tbx"
    bomb.write_text('<!DOCTYPE martif [<!ENTITY a "aaaa">]><martif/>')
    assert "entity declarations are not allowed" in tqa("glossary", "lint", str(bomb)).stderr
