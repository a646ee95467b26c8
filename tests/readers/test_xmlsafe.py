"""The hardened XML parser: real attack files refused, positions exact in any encoding and length."""

from pathlib import Path

import pytest

from tqa.errors import TqaError
from tqa.positions import LineIndex
from tqa.readers import read_document
from tqa.readers.xmlsafe import MAX_DEPTH, decode_xml, parse

HOSTILE = Path(__file__).parent / "data" / "hostile"


def read(path: Path, shown: str = "f.xlf"):
    return read_document(path, shown)


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("billion-laughs.xlf", "entity declarations are not allowed ('lol')", 3),
        ("quadratic-blowup.xlf", "entity declarations are not allowed ('a')", 2),
        ("xxe-file.xlf", "entity declarations are not allowed ('xxe')", 2),
        ("parameter-entity.tmx", "parameter entity declarations are not allowed ('remote')", 3),
        ("external-dtd-entity.tmx", "undefined entity &secret;", 4),
    ],
)
def test_attacks_are_refused_with_file_and_line(name, message, line):
    with pytest.raises(TqaError) as caught:
        read_document(HOSTILE / name, f"hostile/{name}")
    error = caught.value
    assert message in error.message
    assert (error.path, error.line) == (f"hostile/{name}", line)
    assert error.column is not None


def test_nothing_from_passwd_ever_reaches_a_segment():
    for name in ("xxe-file.xlf", "xinclude.xlf"):
        try:
            doc = read_document(HOSTILE / name, name)
        except TqaError:
            continue
        assert all("root:" not in s.text for s in doc.units)


def test_a_plain_external_dtd_is_accepted_and_not_fetched():
    # The DTD URL points at a closed local port: fetching it would fail the parse.
    doc = read_document(HOSTILE / "external-dtd.tmx", "external-dtd.tmx")
    assert [(s.source, s.text) for s in doc.units] == [("Open", "Ouvrir")]


def test_xinclude_is_not_processed():
    doc = read_document(HOSTILE / "xinclude.xlf", "xinclude.xlf")
    assert [s.text for s in doc.units] == ["Ouvrir"]


def test_nesting_is_capped(tmp_path):
    deep = "<a>" * (MAX_DEPTH + 5) + "</a>" * (MAX_DEPTH + 5)
    with pytest.raises(TqaError, match=f"nested deeper than {MAX_DEPTH}"):
        parse("deep.xml", deep, LineIndex(deep))


def test_not_well_formed_names_line_and_column():
    text = "<xliff>\n  <file>\n  </fil>\n</xliff>"
    with pytest.raises(TqaError) as caught:
        parse("bad.xlf", text, LineIndex(text))
    assert (caught.value.line, caught.value.column) == (3, 5)
    assert "not well-formed XML: mismatched tag" in caught.value.message


def test_offsets_of_elements_and_character_data_after_non_ascii():
    text = '<a>é😀<b x=">">y</b>&amp;z<c/>\r\n<![CDATA[<w>]]></a>'
    root = parse("t.xml", text, LineIndex(text))
    b, c = root.find("b"), root.find("c")
    assert text[b.offset:b.end] == '<b x=">">y</b>'
    assert text[b.inner] == "y"
    assert text[c.offset:c.end] == "<c/>" and c.inner == c.end
    runs = [(t.text, text[t.offset:t.offset + 1]) for t in root.children if not hasattr(t, "name")]
    assert runs == [("é😀", "é"), ("&", "&"), ("z", "z"), ("\n", "\r"), ("<w>", "<")]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "iso-8859-1", "utf-8-sig"])
def test_declared_and_bom_encodings_give_the_same_positions(tmp_path, encoding):
    name = encoding.replace("-sig", "") if encoding != "utf-8-sig" else "UTF-8"
    declared = "UTF-16" if encoding.startswith("utf-16") else name
    content = (f'<?xml version="1.0" encoding="{declared}"?>\n'
               '<xliff version="1.2"><file original="x" source-language="en" target-language="fr"><body>\n'
               '<trans-unit id="é"><source>Café</source><target>Un café</target></trans-unit>\n'
               "</body></file></xliff>\n")
    path = tmp_path / "enc.xlf"
    path.write_bytes(content.encode(encoding))
    doc = read_document(path, "enc.xlf")
    (unit,) = doc.units
    assert (unit.unit_id, unit.text) == ("é", "Un café")
    assert (unit.location.line, unit.location.column) == (3, 49)
    assert doc.text[unit.location.offset:unit.location.end_offset] == "Un café"


def test_declared_encoding_is_honoured_without_a_bom():
    raw = '<?xml version="1.0" encoding="ISO-8859-1"?><a>d\u00e9j\u00e0</a>'.encode("latin-1")
    assert decode_xml("t.xml", raw).endswith("<a>déjà</a>")


def test_positions_stay_exact_past_line_65535(tmp_path):
    filler = "<!-- filler -->\n" * 70_000
    content = ('<xliff version="1.2"><file original="x" source-language="en" target-language="fr"><body>\n'
               + filler
               + '<trans-unit id="far"><source>Far</source><target>Loin</target></trans-unit>\n'
               "</body></file></xliff>\n")
    path = tmp_path / "long.xlf"
    path.write_text(content, encoding="utf-8")
    (unit,) = read_document(path, "long.xlf").units
    assert (unit.location.line, unit.location.column) == (70_002, 50)
