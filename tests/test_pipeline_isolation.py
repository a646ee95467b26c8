"""A bug in tqa on one file is reported for that file; the other files are still checked."""

import pytest

from tqa import pipeline, worker
from tqa.checks import select_checks
from tqa.checks.base import Check
from tqa.config import Settings
from tqa.models import Category


class CrashesOnBroken(Check):
    """Stands in for a bug: raises on any segment that contains the word "broken"."""

    code = "BUG01"
    name = "crashes-on-broken"
    category = Category.STYLE

    def check(self, segment, ctx):
        if "broken" in segment.text:
            raise ValueError("simulated bug")
        return iter(())


@pytest.fixture
def files(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("This file is broken somehow.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Vos commentaires\n", encoding="utf-8")
    monkeypatch.setattr(worker, "select_checks", lambda s: [*select_checks(s), CrashesOnBroken()])
    return [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_crash_on_one_file_is_an_input_error_and_the_next_file_is_checked(files, jobs):
    report = pipeline.run(files, Settings(), jobs=jobs)
    assert [e.path for e in report.input_errors] == [files[0]]
    assert "internal error: ValueError: simulated bug" in report.input_errors[0].message
    assert [(f.location.path, f.code) for f in report.findings] == [(files[1], "LANG01")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_debug_lets_the_traceback_through(files, jobs):
    with pytest.raises(ValueError, match="simulated bug"):
        pipeline.run(files, Settings(), debug=True, jobs=jobs)
