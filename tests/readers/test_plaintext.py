"""Plain text: paragraphs, line endings kept, a BOM dropped, positions exact."""

from tqa.models import Role
from tqa.readers.plaintext import read_blocks


def test_paragraphs_split_at_blank_lines_keep_their_line_breaks():
    blocks = read_blocks("a\r\nb\r\n\r\n  \t\nc\rd\n")
    assert [b.text for b in blocks] == ["a\r\nb", "c\rd"]
    assert [b.anchors for b in blocks] == [((0, 0),), ((0, 12),)]


def test_bom_is_dropped_and_crlf_kept(segmented):
    doc, segments = segmented("bom-crlf.txt")
    assert not doc.text.startswith("\ufeff")
    assert "\r\n" in doc.text
    assert doc.format == "plaintext" and doc.path == "bom-crlf.txt"
    body = segments["p2.s2"]
    assert body.text == "It came back late."
    loc = body.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (4, 1, 4, 19)
    assert (loc.offset, loc.end_offset) == (83, 101)


def test_every_segment_is_its_own_file_text(segmented):
    for name in ("bom-crlf.txt", "climate-talks.en.txt"):
        doc, segments = segmented(name)
        for segment in segments.values():
            loc = segment.location
            assert doc.text[loc.offset:loc.end_offset] == segment.text, segment.id


def test_a_sentence_across_a_line_break_keeps_the_break_and_maps_both_lines(segmented):
    doc, segments = segmented("climate-talks.en.txt")
    sentence = segments["p2.s2"]
    assert sentence.text == (
        "Dr. Smith, who led\nthe U.K. delegation, said the talks would resume in Jan. next year."
    )
    loc = sentence.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (5, 56, 6, 68)


def test_roles_of_the_crlf_file(segmented):
    _, segments = segmented("bom-crlf.txt")
    assert {i: s.role for i, s in segments.items()} == {
        "p1.s1": Role.TITLE,
        "p2.s1": Role.BODY,
        "p2.s2": Role.BODY,
        "p2.s3": Role.BODY,
        "p3.s1": Role.INTERFACE,
        "p3.s2": Role.INTERFACE,
    }
