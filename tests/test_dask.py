"""`tqa check --dask`: the same report as `--jobs 1`, byte for byte, from a real LocalCluster.

The cross-unit checks (CONS01/CONS02) are reduced in the main process in file order, so units
planted in different parts of a big catalog, checked by different Dask workers, must still be
compared with each other exactly as in one process.
"""

from __future__ import annotations

from bisect import bisect_left
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.scale import po_quote
from tqa import pipeline
from tqa.config import Settings
from tqa.dask_backend import local_cluster
from tqa.readers import read_document, read_parts
from tqa.reporters import render

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests/readers/data/real/django.fr.po"
FILES = ["tests/data/bilingual/app.po", "tests/data/bilingual/app.xlf", "tests/data/bilingual/checks.en-fr.po",
         "tests/data/bilingual/codes.xlf", "tests/readers/data/article.md",
         "tests/readers/data/climate-talks.en.txt", "tests/readers/data/real/django.fr.xlf"]
# One translation for sources that differ (CONS02 on all but the first, each in a later part).
REUSED = ["Open the folder", "Show the folder", "Display the folder", "Browse the folder", "View the folder",
          "Reveal the folder", "See the folder", "Enter the folder"]


@pytest.fixture(scope="module")
def scheduler():
    """One LocalCluster of two single-threaded worker processes for the module."""
    with local_cluster(2) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Real files of five formats in one folder."""
    folder = tmp_path_factory.mktemp("files")
    for name in FILES:
        shutil.copy(ROOT / name, folder)
    return folder


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory) -> list[Path]:
    """A PO catalog of 8,000 real units (unique msgctxt) read in several parts, with planted
    units: REUSED spread over its parts, "Save the draft" in its last part; then a small catalog
    that translates "Save the draft" differently (CONS01) and reuses the folder's translation."""
    units = [(u.source, u.text) for u in read_document(REAL, str(REAL)).units if u.text.strip() and u.source]
    folder = tmp_path_factory.mktemp("catalogs")
    big, later = folder / "big.po", folder / "later.po"
    with big.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for n in range(8_000):
            source, target = units[n % len(units)]
            out.write(f"msgctxt \"c{n}\"\nmsgid {po_quote(source)}\nmsgstr {po_quote(target)}\n\n")
            if n % 1_000 == 0:
                out.write(f"msgid {po_quote(REUSED[n // 1_000])}\nmsgstr \"Ouvrir le dossier\"\n\n")
        out.write('msgid "Save the draft"\nmsgstr "Enregistrer le brouillon"\n\n')
    later.write_text(HEADER + 'msgid "Save the draft"\nmsgstr "Sauvegarder le brouillon"\n\n'
                     'msgid "Close the folder"\nmsgstr "Ouvrir le dossier"\n\n', encoding="utf-8")
    return [big, later]


HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def json_report(paths: list[str], **how) -> str:
    return render(pipeline.run(paths, Settings(), **how), "json")


@pytest.fixture(scope="module")
def folder_report(folder) -> str:
    """The folder's JSON report from one process."""
    return json_report([str(folder)], jobs=1)


def test_real_files_of_several_formats_give_the_jobs_1_report(scheduler, folder, folder_report):
    assert json_report([str(folder)], scheduler=scheduler) == folder_report


def test_consistency_across_parts_checked_by_different_workers(scheduler, catalogs, monkeypatch):
    monkeypatch.setattr(pipeline, "READ_WHOLE_BELOW", 0)  # read in parts, small as it is
    big, later = (str(p) for p in catalogs)
    parts = list(read_parts(catalogs[0], big, Settings()))
    assert len(parts) >= 3
    ends = [part.units[-1].location.line for part in parts]

    report = pipeline.run([big, later], Settings(), scheduler=scheduler)

    reused = [f for f in report.findings if f.code == "CONS02" and f.source in REUSED]
    assert len(reused) == len(REUSED) - 1
    assert len({bisect_left(ends, f.location.line) for f in reused}) >= 3
    assert {f.message.split(" at ")[1].split(",")[0] for f in reused} == {f"{big}:11:9"}  # the first, in part 1
    later_codes = sorted(f.code for f in report.findings if f.location.path == later)
    assert later_codes == ["CONS01", "CONS02"]
    assert render(report, "json") == json_report([big, later], jobs=1)


def tqa(*args: str, prelude: str = "") -> subprocess.CompletedProcess:
    """The command line in a fresh interpreter, ``prelude`` run first."""
    code = f"import sys\n{prelude}\nfrom tqa.cli import main\nsys.argv[0] = 'tqa'\nmain()"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True)


def test_command_line_dask_local_cluster_writes_the_jobs_1_report(folder, folder_report):
    run = tqa("check", str(folder), "--dask", "--jobs", "2", "-f", "json")
    assert (run.returncode, run.stdout, run.stderr) == (1, folder_report, "")  # nothing from dask's logs
    assert '"CONS02"' in run.stdout


def test_without_the_extra_dask_is_one_line_and_status_2(folder):
    hidden = "sys.modules['distributed'] = None"  # `import distributed` fails as if not installed
    run = tqa("check", str(folder), "--dask", prelude=hidden)
    assert (run.returncode, run.stdout, run.stderr) == (
        2, "", "tqa: error: --dask needs the dask extra: pip install 'tqa[dask]'\n")


def test_a_bad_scheduler_address_is_one_line_and_status_2(folder):
    run = tqa("check", str(folder), "--scheduler", "nonsense://host:8786")
    assert run.returncode == 2
    assert run.stderr.startswith("tqa: error: cannot connect to the Dask scheduler nonsense://host:8786: ")
    assert run.stderr.count("\n") == 1
