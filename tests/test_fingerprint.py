"""Fingerprints and the pieces suppressions are made of: directives, glob overrides."""

from __future__ import annotations

from tests.reporters.shared_report import FINDINGS
from tqa.directives import comment_ranges, parse
from tqa.fingerprint import fingerprinted
from tqa.models import Location
from tqa.overrides import glob_regex


def moved(finding, lines: int, chars: int):
    loc = finding.location
    location = Location(**{**loc.model_dump(), "line": loc.line + lines, "end_line": loc.end_line + lines,
                           "offset": loc.offset + chars, "end_offset": loc.end_offset + chars, "segment_id": "p9.s9"})
    return finding.model_copy(update={"location": location, "fingerprint": None})


def test_fingerprints_ignore_lines_and_segment_numbers_but_not_text():
    finding = FINDINGS[0]
    [a] = fingerprinted([finding], {})
    [b] = fingerprinted([moved(finding, 5, 300)], {})
    assert a.fingerprint == b.fingerprint and len(a.fingerprint) == 32
    [c] = fingerprinted([finding.model_copy(update={"text": finding.text + " More."})], {})
    assert c.fingerprint != a.fingerprint


def test_identical_findings_get_distinct_fingerprints_and_units_count():
    finding = FINDINGS[0]
    twice = fingerprinted([finding, moved(finding, 2, 40)], {})
    assert len({f.fingerprint for f in twice}) == 2
    [in_unit] = fingerprinted([finding], {(finding.location.path, finding.location.segment_id): "msg-1"})
    assert in_unit.fingerprint != twice[0].fingerprint


def test_directives_parse_codes_and_reasons():
    assert parse(" tqa-disable TERM01, STYLE01 (quoted) ") == (False, ("TERM01", "STYLE01"), "quoted")
    assert parse("tqa-enable") == (True, (), None)
    assert parse("tqa-disabled") is None and parse("just a comment") is None


def test_comment_ranges_open_close_and_run_to_the_end():
    ranges = comment_ranges([(0, "tqa-disable A,B"), (10, "tqa-enable A"), (20, "tqa-disable"), (30, "tqa-enable")], 99)
    assert [(r.start, r.end, r.codes) for r in ranges] == [(0, 10, ("A",)), (0, 30, ("B",)), (20, 30, ())]  # enable without codes closes all


def test_globs_stay_in_folders_unless_doubled():
    import re

    assert re.fullmatch(glob_regex("docs/*.md"), "docs/a.md")
    assert not re.fullmatch(glob_regex("docs/*.md"), "docs/legal/a.md")
    assert re.fullmatch(glob_regex("docs/**"), "docs/legal/a.md")
    assert re.fullmatch(glob_regex("**/*.po"), "a.po") and re.fullmatch(glob_regex("**/*.po"), "x/y/a.po")
