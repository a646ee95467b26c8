"""Offsets to lines and columns, through anchors, in code points."""

import pytest

from tqa.positions import LineIndex, file_offset, locate, slice_anchors


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("ab\ncd", 3, (2, 1)),
        ("ab\r\ncd", 4, (2, 1)),  # CRLF is one break
        ("ab\rcd", 3, (2, 1)),  # a lone CR too
        ("ab\r\ncd", 2, (1, 3)),  # the break itself belongs to its line
        ("é😀x", 2, (1, 3)),  # columns count code points, not bytes or UTF-16 units
        ("", 0, (1, 1)),
    ],
)
def test_line_index_position(text, offset, expected):
    assert LineIndex(text).position(offset) == expected


def test_anchors_map_text_indices_past_dropped_markup():
    # file: "a **bold** word" -> text "a bold word"; "bold" starts at file offset 4, " word" at 10
    anchors = ((0, 0), (2, 4), (6, 10))
    assert [file_offset(anchors, i) for i in (0, 1, 2, 5, 6, 10)] == [0, 1, 4, 7, 10, 14]


def test_slice_anchors_rebases_to_the_slice():
    anchors = ((0, 0), (2, 4), (6, 10))
    assert slice_anchors(anchors, 3, 11) == ((0, 5), (3, 10))


def test_locate_gives_exclusive_end_column_on_the_last_line():
    text = "first line\r\nsecond line"
    location = locate("f.txt", LineIndex(text), ((0, 0),), 12, 18, "p1.s1")
    assert (location.line, location.column, location.end_line, location.end_column) == (2, 1, 2, 7)
    assert text[location.offset : location.end_offset] == "second"


def test_locate_span_across_a_line_break():
    text = "the Hebrew\nstate"
    location = locate("f.txt", LineIndex(text), ((0, 0),), 4, 16, "p1.s1")
    assert (location.line, location.column, location.end_line, location.end_column) == (1, 5, 2, 6)
