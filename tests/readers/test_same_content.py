"""A PO file, an XLIFF 1.2, an XLIFF 2.0, a TMX and a CSV with the same content: same segments, same findings."""

from pathlib import Path

from tqa.config import Settings
from tqa.pipeline import run
from tqa.readers import read_document

SAME = Path(__file__).parent / "data" / "bilingual" / "same"
FILES = ["same.po", "same.xlf", "same.xliff", "same.tmx", "same.csv"]
EN_FR = Settings(source_lang="en", target_lang="fr")


def test_every_format_gives_the_same_segments():
    expected = [
        ("u1", "Open the file", "Open the file", "Ouvrir le fichier", ("Toolbar.",)),
        ("u2", "Delete %(name)s?", "Delete %(name)s?", "Supprimer %(name)s ?", ()),
        ("u3", 'Say "hello" & go', 'Say "hello" & go', "Dites « bonjour » & partez", ()),
        ("u4", "Please close all the windows before you leave.", "Please close all the windows before you leave.",
         "Please close all the windows before you leave.", ()),
        ("u5", "Save changes", "Save changes", "", ()),
    ]
    for name in FILES:
        doc = read_document(SAME / name, name, EN_FR)
        assert [(s.id, s.unit_id, s.source, s.text, s.notes) for s in doc.units] == expected, name
        for segment in doc.units:  # every target located at its own text (escapes aside)
            raw = doc.text[segment.location.offset:segment.location.end_offset]
            assert raw.replace("&amp;", "&").replace('""', '"') == segment.text, name


def test_every_format_gives_the_same_findings():
    report = run([str(SAME / name) for name in FILES], EN_FR)
    assert not report.input_errors
    by_file: dict[str, set] = {name: set() for name in FILES}
    for finding in report.findings:
        by_file[Path(finding.location.path).name].add((finding.location.segment_id, finding.code, finding.message))
    assert by_file["same.po"]  # at least the English left in u4 and the empty u5
    assert {"LANG01"} <= {code for _, code, _ in by_file["same.po"]}
    for name in FILES[1:]:
        assert by_file[name] == by_file["same.po"], name
