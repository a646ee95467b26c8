"""HTML: blocks at block elements, roles from the DOM, entities and attributes mapped exactly."""

import pytest

from tqa.models import Role
from tqa.positions import file_offset
from tqa.readers.htmldoc import element_role, read_blocks


def test_texts_kinds_and_roles_of_the_page(segmented):
    _, segments = segmented("page.html")
    got = [(s.kind, s.role, s.text) for s in segments.values()]
    assert got == [
        ("title", Role.TITLE, "Harbour reopens – Port News"),
        ("attribute", Role.INTERFACE, "Home page"),
        ("paragraph", Role.INTERFACE, "Port News"),
        ("list_item", Role.INTERFACE, "Accueil"),
        ("list_item", Role.INTERFACE, "Sport"),
        ("heading", Role.TITLE, "Harbour reopens after storm"),
        ("paragraph", Role.BYLINE, "By Jane Doe"),
        ("paragraph", Role.DATELINE, "29 November 2021"),
        ("paragraph", Role.BODY, "The harbour reopened on Monday."),
        ("paragraph", Role.BODY, "Café owners were pleased & relieved."),
        ("paragraph", Role.BODY, "Boats waited “for hours” at the gate."),
        ("paragraph", Role.BODY, "Then they left."),
        ("attribute", Role.INTERFACE, "A crane lifting a boat"),
        ("paragraph", Role.TAGS, "port, storm"),
        ("paragraph", Role.INTERFACE, "Lire aussi"),
        ("heading", Role.INTERFACE, "Laisser un commentaire"),
        ("paragraph", Role.INTERFACE, "Nom"),
        ("attribute", Role.INTERFACE, "Votre nom"),
        ("paragraph", Role.INTERFACE, "Envoyer"),
        ("attribute", Role.INTERFACE, "Publier"),
        ("paragraph", Role.INTERFACE, "© 2021 Port News"),
    ]


def test_skipped_content_never_shows(segmented):
    doc, _ = segmented("page.html")
    texts = " ".join(b.text for b in doc.blocks)
    for hidden in ("color", "Not text", "not text", "Enable JavaScript", "crane.png", "utf-8"):
        assert hidden not in texts


def test_positions_after_entities_are_exact(segmented):
    doc, segments = segmented("page.html")
    cafe = next(s for s in segments.values() if s.text.startswith("Café"))
    assert doc.text[cafe.location.offset:].startswith("Caf&eacute; owners")
    assert doc.text[file_offset(cafe.anchors, cafe.text.index("owners")):].startswith("owners")
    assert doc.text[file_offset(cafe.anchors, cafe.text.index("relieved")):].startswith("relieved.</p>")
    loc = cafe.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (16, 40, 17, 17)
    boats = next(s for s in segments.values() if s.text.startswith("Boats"))
    assert doc.text[file_offset(boats.anchors, boats.text.index("at the")):].startswith("at the gate")


def test_attribute_blocks_sit_at_their_values(segmented):
    doc, segments = segmented("page.html")
    for text in ("Home page", "Votre nom", "Publier", "A crane lifting a boat"):
        segment = next(s for s in segments.values() if s.text == text)
        loc = segment.location
        assert doc.text[loc.offset:loc.end_offset] == text


def test_whitespace_runs_read_as_one_space_and_map_past_the_run():
    text = "<p>one \n\t  two</p>"
    (block,) = read_blocks(text)
    assert block.text == "one two"
    assert text[file_offset(block.anchors, 4):].startswith("two")


def test_implicitly_closed_items_and_unknown_entities():
    blocks = read_blocks("<ul><li>AT&T &bogus; ok<li>two</ul>")
    assert [(b.kind, b.text) for b in blocks] == [("list_item", "AT&T &bogus; ok"), ("list_item", "two")]


def test_inline_role_elements_split_only_when_the_role_changes():
    blocks = read_blocks('<p class="byline">By <a rel="author">Ann Lee</a>, <time>Monday</time></p>')
    assert [(b.role, b.text) for b in blocks] == [(Role.BYLINE, "By Ann Lee,"), (Role.DATELINE, "Monday")]


@pytest.mark.parametrize(
    ("tag", "attrs", "role"),
    [
        ("div", [("id", "respond")], Role.INTERFACE),
        ("section", [("class", "comment-list")], Role.INTERFACE),
        ("footer", [("class", "comment-meta")], Role.INTERFACE),
        ("span", [("itemprop", "author")], Role.BYLINE),
        ("div", [("class", "post-date")], Role.DATELINE),
        ("span", [("class", "candidate")], None),  # "date" only as a whole word
        ("a", [("rel", "tag")], Role.TAGS),
        ("h1", [], Role.TITLE),
        ("label", [], Role.INTERFACE),
        ("p", [], None),
    ],
)
def test_element_role(tag, attrs, role):
    assert element_role(tag, attrs) is role


@pytest.mark.parametrize(
    "text",
    ["<div>" * 20_000 + "x" + "</div>" * 20_000, "<b>" * 20_000 + "x" + "</i>" * 20_000,
     "<li>a" * 20_000, "&amp;" * 40_000],
)
def test_deep_or_broken_markup_reads_in_linear_time(text):
    # Sizes, not timers: a quadratic walk of the open-element stack would not finish here.
    assert read_blocks(text)
