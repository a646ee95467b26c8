"""XInclude is never processed: the file is read without the included part, and a warning names
the file and the place of the ``xi:include`` (XLIFF, TMX, TBX glossaries: every XML reader goes
through readers/xmlsafe.py). A warning does not change the exit status."""

import json
import shutil

from cli_run import DATA, run_tqa as tqa
from tqa.config import Settings
from tqa.glossary import Glossary
from tqa.models import InputWarning
from tqa.readers import read_document, read_parts

HOSTILE = DATA.parent.parent / "readers" / "data" / "hostile"
XINCLUDE = DATA / "xinclude"
NOT_PROCESSED = "not processed: tqa never fetches or includes anything"


def warning(path: str, line: int, column: int, href: str) -> InputWarning:
    return InputWarning(path=path, line=line, column=column,
                        message=f'XInclude <xi:include href="{href}"> {NOT_PROCESSED}')


def test_xliff_unit_is_read_without_the_include_and_the_include_is_named():
    document = read_document(HOSTILE / "xinclude.xlf", "xinclude.xlf")
    assert [(u.source, u.text) for u in document.units] == [("Open", "Ouvrir")]
    assert document.warnings == (warning("xinclude.xlf", 3, 55, "file:///etc/passwd"),)


def test_xliff_read_in_parts_keeps_an_include_after_the_last_unit():
    parts = list(read_parts(XINCLUDE / "after-the-last-unit.xlf", "strings.xlf", Settings()))
    assert sum(len(p.units) for p in parts) == 5
    assert [w for p in parts for w in p.warnings] == [warning("strings.xlf", 31, 5, "units-2.xlf")]


def test_tmx_include_is_named_and_the_units_around_it_read():
    document = read_document(XINCLUDE / "memory.tmx", "memory.tmx")
    assert [u.unit_id for u in document.units] == ["open", "bold", "no-french"]
    assert document.warnings == (warning("memory.tmx", 16, 5, "../../../../../etc/passwd"),)


def test_tbx_glossary_include_is_named_and_its_terms_load():
    glossary = Glossary.load([XINCLUDE / "glossary.fr-en.tbx"], ["glossary.fr-en.tbx"])
    assert {t.target for t in glossary.terms} >= {"Western Sahara", "senior official"}
    assert glossary.warnings == (warning("glossary.fr-en.tbx", 14, 7, "https://terms.example.org/more.tbx"),)


def test_a_file_without_xinclude_has_no_warning():
    assert read_document(HOSTILE / "external-dtd.tmx", "external-dtd.tmx").warnings == ()


def test_check_reports_the_warning_in_every_format_and_keeps_the_exit_status(tmp_path):
    shutil.copy(HOSTILE / "xinclude.xlf", tmp_path / "xinclude.xlf")
    plain = (HOSTILE / "xinclude.xlf").read_text(encoding="utf-8")
    (tmp_path / "plain.xlf").write_text(plain.replace('<xi:include href="file:///etc/passwd" parse="text"/>', ""),
                                        encoding="utf-8")
    shutil.copy(XINCLUDE / "glossary.fr-en.tbx", tmp_path / "glossary.fr-en.tbx")
    args = ["-s", "en", "-t", "fr", "-f", f"sarif:{tmp_path / 'out.sarif'}"]
    included = tqa("check", "xinclude.xlf", *args, "-f", "json", cwd=tmp_path)
    without = tqa("check", "plain.xlf", "-s", "en", "-t", "fr", "-f", "json", cwd=tmp_path)
    assert included.returncode == without.returncode != 2
    report = json.loads(included.stdout)
    assert report["warnings"] == [warning("xinclude.xlf", 3, 55, "file:///etc/passwd").model_dump()]
    notes = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["invocations"][0]
    assert [n["level"] for n in notes["toolExecutionNotifications"]] == ["warning"]
    terminal = tqa("check", "xinclude.xlf", "-s", "en", "-t", "fr", "-g", "glossary.fr-en.tbx", cwd=tmp_path)
    lines = terminal.stdout.splitlines()
    assert f'glossary.fr-en.tbx:14:7: warning: XInclude <xi:include href="https://terms.example.org/more.tbx"> ' \
           f"{NOT_PROCESSED}" in lines
    assert f'xinclude.xlf:3:55: warning: XInclude <xi:include href="file:///etc/passwd"> {NOT_PROCESSED}' in lines
