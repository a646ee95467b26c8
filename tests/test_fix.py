"""`tqa fix` as a user runs it: the seed article and a Latin-1 PO catalog, dry run and --write."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from tqa.atomic import replace_file
from tqa.errors import TqaError

from tests.test_cli import GLOSSARY, ROOT, SEED, tqa

@pytest.fixture()
def seed_copy(tmp_path: Path) -> Path:
    shutil.copy(ROOT / SEED, tmp_path / "seed.en.txt")
    shutil.copy(ROOT / GLOSSARY, tmp_path / "news.fr-en.csv")
    return tmp_path


def test_dry_run_prints_a_minimal_diff_and_changes_nothing(seed_copy: Path):
    before = (seed_copy / "seed.en.txt").read_bytes()
    run = tqa("fix", "seed.en.txt", "-g", "news.fr-en.csv", cwd=seed_copy)
    assert run.returncode == 0, run.stderr
    assert (seed_copy / "seed.en.txt").read_bytes() == before
    # Two lines change (paragraphs 6 and 12), by the three replacements only.
    assert run.stdout == (ROOT / "tests/data/fix/seed.diff").read_text(encoding="utf-8")
    removed = [line[1:] for line in run.stdout.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in run.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert [r.replace("the Hebrew state", "Israel").replace("Abraham Agreements", "Abraham Accords")
            for r in removed] == added


def test_write_replaces_the_three_sure_terms_and_nothing_else(seed_copy: Path):
    seed = seed_copy / "seed.en.txt"
    original = seed.read_text(encoding="utf-8")
    os.chmod(seed, 0o640)
    run = tqa("fix", "seed.en.txt", "-g", "news.fr-en.csv", "--write", cwd=seed_copy)
    assert "fixed 3 in seed.en.txt" in run.stderr
    expected = (original.replace("the Hebrew state", "Israel")
                .replace("Abraham Agreements", "Abraham Accords"))
    assert original.count("the Hebrew state") == 2
    assert seed.read_text(encoding="utf-8") == expected
    assert stat.S_IMODE(os.stat(seed).st_mode) == 0o640
    assert sorted(p.name for p in seed_copy.iterdir()) == ["news.fr-en.csv", "seed.en.txt"]  # no temp file left
    # The re-check: "Recall that" (a phrase rewrite, not a name) stays for a human.
    assert "Hebrew state" not in run.stdout and "Abraham Agreements" not in run.stdout
    assert 'TERM01 error Forbidden term "Recall that"' in run.stdout
    again = tqa("check", "seed.en.txt", "-g", "news.fr-en.csv", "-f", "lines", cwd=seed_copy)
    assert [line for line in again.stdout.splitlines() if "TERM01" in line] == [
        'seed.en.txt:16:1: TERM01 Forbidden term "Recall that": use "It should be noted that" for "Rappelons que".'
    ]


def test_latin1_po_is_edited_byte_for_byte_and_a_split_term_is_left_alone(tmp_path: Path):
    catalog = tmp_path / "news.po"
    shutil.copy(ROOT / "tests/data/fix/news.fr-en.latin1.po", catalog)
    before = catalog.read_bytes()
    run = tqa("fix", "news.po", "-g", str(ROOT / GLOSSARY), "--write", cwd=tmp_path)
    assert "news.po:10:9 TERM01 not fixed: the file writes this span with an escape, an entity or a line break" in run.stderr
    expected = (before.replace(b'"The  minister signed with the Hebrew state."', b'"The minister signed with Israel."')
                .replace(b"Abraham Agreements", b"Abraham Accords"))
    assert catalog.read_bytes() == expected
    assert b"sign\xe9" in expected  # still Latin-1, never re-serialised


def test_replace_file_refuses_a_file_changed_since_it_was_read(tmp_path: Path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"the Hebrew state\n")
    read = target.read_bytes()
    target.write_bytes(b"edited meanwhile\n")
    with pytest.raises(TqaError, match="changed since it was read"):
        replace_file(target, read, b"Israel\n")
    assert target.read_bytes() == b"edited meanwhile\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_french_spacing_fixes_keep_crlf_and_touch_only_the_spaces(tmp_path: Path):
    note = tmp_path / "note.fr.txt"
    note.write_bytes("Est-ce vrai ? Oui : « non », dit-il  hier.\r\n".encode())
    run = tqa("fix", "note.fr.txt", "-t", "fr", "-s", "en", "--write", cwd=tmp_path)
    assert "fixed 5 in note.fr.txt" in run.stderr
    assert note.read_bytes() == "Est-ce vrai\u202f? Oui\u00a0: «\u00a0non\u00a0», dit-il hier.\r\n".encode()


def test_xliff_is_edited_in_place_and_a_span_written_with_an_entity_is_skipped(tmp_path: Path):
    xliff = tmp_path / "news.xlf"
    shutil.copy(ROOT / "tests/data/fix/news.xlf", xliff)
    before = xliff.read_bytes()
    run = tqa("fix", "news.xlf", "-g", str(ROOT / GLOSSARY), "--write", cwd=tmp_path)
    assert "news.xlf:11:17 TERM01 not fixed: the file writes this span with an escape, an entity or a line break" in run.stderr
    assert xliff.read_bytes() == before.replace(
        b"<target>The Hebrew state &amp; Morocco signed the Abraham   Agreements.</target>",
        b"<target>Israel &amp; Morocco signed the Abraham Accords.</target>")
