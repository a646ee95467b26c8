"""--jobs N writes the report --jobs 1 writes, byte for byte (big catalogs in parts, other files
whole, in worker processes); big catalogs are read in parts with memory that does not grow
with the file. Corpora: Django's real French catalog, repeated with
unique contexts/ids (as bench/scale.py builds its corpora), some copies given another unit's
translation so that the consistency checks fire across parts."""

import tracemalloc
from pathlib import Path

import pytest

from bench.scale import write_po, write_xliff
from tests.adversarial.cli_run import run_tqa as tqa
from tqa import pipeline
from tqa.config import Settings
from tqa.readers import read_document, read_parts
from tqa.reporters import render
from tqa.readers import pieces

REAL = Path(__file__).parent / "readers" / "data" / "real"
SEED = Path(__file__).parents[1] / "seeds" / "morocco-israel-security-agreement.en.txt"


def django_units(copies: int) -> list[tuple[str, str]]:
    """Django's translated units, ``copies`` times; in every third copy a unit in ten takes the
    next unit's translation (CONS01 and CONS02 then point at units several parts away)."""
    units = [(u.source, u.text) for u in read_document(REAL / "django.fr.po", "django.fr.po").units
             if u.source and u.text.strip()]
    result = []
    for copy in range(copies):
        for n, (source, target) in enumerate(units):
            if copy % 3 == 2 and n % 10 == 0:
                target = units[(n + 1) % len(units)][1]
            result.append((source, target))
    return result


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("parallel")
    units = django_units(30)
    write_po(units, len(units), folder / "big.po")
    write_xliff(units, len(units), folder / "big.xlf")
    return {"po": folder / "big.po", "xlf": folder / "big.xlf"}


@pytest.mark.parametrize("kind", ["po", "xlf"])
def test_jobs_give_the_same_report_bytes(catalogs, kind, monkeypatch):
    monkeypatch.setattr(pipeline, "READ_WHOLE_BELOW", 0)  # read in parts, small as it is
    path = str(catalogs[kind])
    assert len(list(read_parts(catalogs[kind], path, Settings()))) >= 3
    reports = {}
    for jobs in (1, 2):
        report = pipeline.run([path], Settings(), jobs=jobs)
        reports[jobs] = (render(report, "json"), render(report, "sarif"))
    assert reports[1] == reports[2]
    assert '"CONS01"' in reports[1][0] and '"CONS02"' in reports[1][0]


def test_jobs_give_the_same_report_over_a_folder_of_formats(tmp_path):
    args = [str(REAL), str(SEED), "-g", "glossaries/news.fr-en.csv", "-f", "json"]
    root = Path(__file__).parents[1]
    one, two = (tqa("check", *args, "-j", jobs, cwd=root) for jobs in ("1", "2"))
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and '"files": [' in one.stdout


@pytest.mark.parametrize("kind", ["po", "xlf"])
def test_parts_are_read_with_memory_that_does_not_grow_with_the_file(kind, tmp_path, monkeypatch):
    monkeypatch.setattr(pieces, "PIECE_BYTES", 16_384)  # small pieces: small files show the shape
    units = django_units(40)
    peaks = []
    for count in (len(units) // 4, len(units)):
        path = tmp_path / f"{count}.{kind}"
        (write_po if kind == "po" else write_xliff)(units, count, path)
        tracemalloc.start()
        parts = sum(1 for _ in read_parts(path, path.name, Settings()))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert parts >= path.stat().st_size // 16_384 - 1
    small, big = peaks
    assert big < 1.5 * small, f"peak {small / 1e6:.1f} MB at a quarter of the units, {big / 1e6:.1f} MB at all"


def test_workers_read_po_pieces_as_the_main_process_would(tmp_path, monkeypatch):
    """With workers, a big PO catalog's pieces are read by the workers, which must number units
    and take the header's language on as reading in order does: here a second header half-way
    (catalogs joined with msgcat) switches the language to German, so French text after it is
    in the wrong language."""
    monkeypatch.setattr(pipeline, "READ_WHOLE_BELOW", 0)
    monkeypatch.setattr(pieces, "PIECE_BYTES", 16_384)
    units = django_units(4)
    first, second = tmp_path / "a.po", tmp_path / "b.po"
    write_po(units, len(units) // 2, first)
    write_po(units, len(units) // 2, second)
    joined = tmp_path / "joined.po"
    joined.write_text(first.read_text(encoding="utf-8")
                      + second.read_text(encoding="utf-8").replace("Language: fr", "Language: de")
                      .replace('msgctxt "c', 'msgctxt "second c'), encoding="utf-8")
    assert len(list(read_parts(joined, "joined.po", Settings()))) >= 6
    reports = [render(pipeline.run([str(joined)], Settings(), jobs=jobs), "json") for jobs in (1, 2)]
    assert reports[0] == reports[1]
    assert f'"segment_id": "u{len(units) - 5}"' in reports[0]  # numbered across the whole file
    assert '"expected_lang": "de"' in reports[0]  # the second header's language reached its units


def test_a_po_piece_that_does_not_parse_is_one_input_error_whoever_reads_it(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "READ_WHOLE_BELOW", 0)
    monkeypatch.setattr(pieces, "PIECE_BYTES", 16_384)
    path = tmp_path / "broken.po"
    write_po(django_units(2), 2_000, path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = next(n for n in range(len(lines) // 2, len(lines)) if lines[n].startswith("msgstr"))
    lines[broken] = "msgstr unquoted\n"
    path.write_text("".join(lines), encoding="utf-8")
    reports = [pipeline.run([str(path)], Settings(), jobs=jobs) for jobs in (1, 2)]
    assert render(reports[0], "json") == render(reports[1], "json")
    [error] = reports[1].input_errors
    assert (error.path, error.line) == (str(path), broken + 1)
    assert reports[1].files == () and reports[1].findings == ()
