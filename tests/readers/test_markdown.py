"""Markdown: prose kept, code/URLs/front matter skipped, positions exact through markup."""

from tqa.models import Role
from tqa.positions import file_offset
from tqa.readers.markdown import read_blocks


def _position_of(segment, word):
    """Mapped file offset of ``word`` inside the segment's text."""
    return file_offset(segment.anchors, segment.text.index(word))


def test_blocks_kinds_and_texts(segmented):
    doc, _ = segmented("article.md")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Harbour reopens after storm"),
        ("paragraph", "By Jane Doe"),
        ("paragraph", "The harbour reopened on Monday, said the port authority.\n"
                      "Boats queued from 6 a.m. See for the live feed.\n"
                      "Café owners were pleased & relieved."),
        ("alt", "A crane lifting a boat"),
        ("table_cell", "Berth"), ("table_cell", "Status"),
        ("table_cell", "North"), ("table_cell", "Open"),
        ("table_cell", "South"), ("table_cell", "Closed for"),
        ("list_item", "First item with"), ("list_item", "Second item"),
        ("blockquote", "A quoted line\nthat goes on."),
        ("heading", "Next steps"),
    ]
    skipped = ("title:", "print(", "https://", "images/", "repairs", "auto.example")
    assert not any(s in b.text for b in doc.blocks for s in skipped)


def test_roles(segmented):
    _, segments = segmented("article.md")
    assert segments["p1.s1"].role is Role.TITLE
    assert segments["p2.s1"].role is Role.BYLINE
    assert segments["p14.s1"].role is Role.BODY  # a level-2 heading is not the title
    assert {s.role for i, s in segments.items() if i.startswith("p3.")} == {Role.BODY}


def test_title_position_skips_the_heading_marker_and_emphasis(segmented):
    doc, segments = segmented("article.md")
    title = segments["p1.s1"]
    assert (title.location.line, title.location.column) == (6, 3)
    assert doc.text[_position_of(title, "after"):].startswith("after storm")
    assert doc.text[_position_of(title, "reopens"):].startswith("reopens*")


def test_positions_after_emphasis_links_entities_and_urls_are_exact(segmented):
    doc, segments = segmented("article.md")
    first, third, fourth = segments["p3.s1"], segments["p3.s3"], segments["p3.s4"]
    assert first.text == "The harbour reopened on Monday, said the port authority."
    assert doc.text[_position_of(first, "Monday"):].startswith("Monday**")
    assert doc.text[_position_of(first, "port authority"):].startswith("port authority]")
    assert doc.text[file_offset(first.anchors, len(first.text) - 1)] == "."
    assert third.text == "See for the live feed."
    assert doc.text[_position_of(third, "for the")] == "f"
    assert fourth.text == "Café owners were pleased & relieved."
    assert doc.text[_position_of(fourth, "&"):].startswith("&amp;")
    assert doc.text[_position_of(fourth, "relieved"):].startswith("relieved.")
    assert (fourth.location.line, fourth.location.column) == (12, 1)


def test_segments_without_markup_are_their_file_text(segmented):
    doc, segments = segmented("article.md")
    for seg_id in ("p2.s1", "p3.s2", "p5.s1", "p10.s1", "p11.s1", "p14.s1"):
        loc = segments[seg_id].location
        assert doc.text[loc.offset:loc.end_offset] == segments[seg_id].text


def test_alt_text_and_table_cell_positions(segmented):
    doc, segments = segmented("article.md")
    alt = segments["p4.s1"]
    assert (alt.kind, alt.location.line, alt.location.column) == ("alt", 14, 3)
    assert doc.text[_position_of(alt, "lifting"):].startswith("lifting*")
    cell = segments["p9.s1"]
    assert (cell.text, cell.location.line, cell.location.column) == ("South", 23, 3)


def test_crlf_escapes_and_html_blocks():
    text = "Para \\*one\\*\r\nline two\r\n\r\n<div>\r\n<p>Raw &amp; html</p>\r\n</div>\r\n"
    blocks = read_blocks(text)
    assert [b.text for b in blocks] == ["Para *one*\r\nline two", "Raw & html"]
    para, raw = blocks
    assert text[file_offset(para.anchors, para.text.index("one"))] == "o"
    assert text[file_offset(para.anchors, para.text.index("line"))] == "l"
    assert text[file_offset(raw.anchors, raw.text.index("html"))] == "h"


def test_front_matter_only_at_the_top_and_toml_too():
    assert [b.text for b in read_blocks("+++\ntitle = 'x'\n+++\nBody")] == ["Body"]
    later = read_blocks("Intro\n\n---\nnot: front matter\n---\n")
    assert "Intro" in [b.text for b in later]


def test_long_inputs_of_markup_read_without_rescanning():
    text = "Some *emph* and [link](u) `c` text. " * 5_000
    (block,) = read_blocks(text)
    assert block.text.startswith("Some emph and link text. Some emph")
    assert len(read_blocks("*" * 100_000 + " a")) == 1
