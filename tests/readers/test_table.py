"""CSV/TSV: columns by header name, quoted cells with quotes and line breaks, exact cell positions."""

from pathlib import Path

import pytest

from tqa.config import Settings
from tqa.readers import read_document

DATA = Path(__file__).parent / "data" / "bilingual"


def test_csv_units_ids_notes():
    doc = read_document(DATA / "table.csv", "table.csv")
    assert doc.format == "csv"
    assert [(s.unit_id, s.source, s.text, s.notes) for s in doc.units] == [
        ("greeting", "Hello, world!", "Bonjour, le monde !", ()),
        ("quote", 'Say "hi"', 'Dites "salut"\r\net « au revoir »', ("Two lines",)),
        ("empty", "Save changes", "", ()),
        ("last", "Tom", "Tom", ("Name",)),
    ]  # the blank line between rows is skipped


def test_csv_positions_of_quoted_multiline_and_empty_cells():
    doc = read_document(DATA / "table.csv", "table.csv")
    spots = [(s.location.line, s.location.column, s.location.end_line, s.location.end_column) for s in doc.units]
    assert spots == [(2, 27, 2, 46), (3, 21, 4, 17), (6, 20, 6, 20), (7, 11, 7, 14)]
    quote = doc.units[1]
    assert doc.text[quote.location.offset:quote.location.end_offset] == 'Dites ""salut""\r\net « au revoir »'


def test_tsv_with_configured_column_names(tmp_path):
    doc = read_document(DATA / "table.tsv", "table.tsv", Settings(csv_target_column="TARGET"))
    assert [(s.unit_id, s.source, s.text, s.notes) for s in doc.units] == [
        ("open", "Open", "Ouvrir", ()), ("save", "Save", "Enregistrer", ("Toolbar",))]
    path = tmp_path / "langs.tsv"
    path.write_bytes("en\tfr\nCheese\tFromage\n".encode("utf-16"))  # Excel's "Unicode text"
    doc = read_document(path, "langs.tsv", Settings(csv_source_column="en", csv_target_column="fr"))
    assert [(s.source, s.text, s.location.line, s.location.column) for s in doc.units] == [("Cheese", "Fromage", 2, 8)]


@pytest.mark.parametrize(
    ("content", "message", "line", "column"),
    [
        ("source,target\na,b,c\n", "row has 3 cells, the header has 2", 2, 1),
        ('source,target\na,"b\n', "unclosed quote", 2, 3),
        ('source,target\na,"b"c\n', "text after a closing quote", 2, 6),
        ("src,tgt\na,b\n", "no 'source' column in the header (columns: src, tgt)", 1, None),
    ],
)
def test_broken_tables_name_line_and_column(refusal, content, message, line, column):
    error = refusal("bad.csv", content)
    assert message in error.message
    assert (error.path, error.line, error.column) == ("bad.csv", line, column)
