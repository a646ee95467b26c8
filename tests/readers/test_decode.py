"""Decoding and dispatch: UTF-8 only, a BOM dropped, bad bytes named by offset."""

import pytest

from tqa.errors import TqaError
from tqa.readers import READERS, SUPPORTED_SUFFIXES, read_document
from tqa.readers.encoding import decode


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"caf\xc3\xa9", "café"),
        (b"\xef\xbb\xbfcaf\xc3\xa9", "café"),  # BOM dropped
        (b"a\r\nb", "a\r\nb"),  # line endings untouched
    ],
)
def test_decode(raw, text):
    assert decode("f.txt", raw) == text


def test_invalid_utf8_names_path_and_byte():
    with pytest.raises(TqaError) as caught:
        decode("docs/latin1.txt", b"ok\nd\xe9j\xe0 vu")
    error = caught.value
    assert error.path == "docs/latin1.txt"
    assert "not valid UTF-8 at byte 4" in error.message
    assert (error.line, error.column) == (2, 2)
    assert str(error).startswith("docs/latin1.txt:2:2: not valid UTF-8 at byte 4")


def test_read_document_refuses_bad_bytes_with_the_display_path(tmp_path):
    path = tmp_path / "bad.md"
    path.write_bytes(b"# Title\n\n\xff\xfe")
    with pytest.raises(TqaError, match="byte 9") as caught:
        read_document(path, "bad.md")
    assert caught.value.path == "bad.md"


def test_suffixes_dispatch_case_insensitively(tmp_path):
    path = tmp_path / "PAGE.HTM"
    path.write_text("<p>Hello</p>", encoding="utf-8")
    doc = read_document(path, "PAGE.HTM")
    assert doc.format == "html" and [b.text for b in doc.blocks] == ["Hello"]
    assert {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xlf", ".xliff", ".po", ".pot",
            ".tmx", ".csv", ".tsv", ".json"} == SUPPORTED_SUFFIXES
    assert set(READERS) == SUPPORTED_SUFFIXES


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "a.rtf"
    path.write_text("x")
    with pytest.raises(TqaError, match="unsupported"):
        read_document(path, "a.rtf")
