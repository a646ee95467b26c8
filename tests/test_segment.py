"""Sentence splitting, roles, and segments on the seed and a second hand-made article."""

from pathlib import Path

import pytest

from tqa.models import Document, Role
from tqa.readers import plaintext, read_document
from tqa.roles import is_byline, is_dateline, is_form_wording, is_title
from tqa.segment import segment_document
from tqa.sentences import split_sentences

ROOT = Path(__file__).parent.parent
SEED = "seeds/morocco-israel-security-agreement.en.txt"


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def plain_document(text: str) -> Document:
    return Document(path="t.txt", format="plaintext", text=text, blocks=plaintext.read_blocks(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to Mr. Gantz, it works. It ends.", ["According to Mr. Gantz, it works.", "It ends."]),
        ("Mrs. Lee and Dr. Who met St. John.", ["Mrs. Lee and Dr. Who met St. John."]),
        ("The U.S. President met the U.K. envoy.", ["The U.S. President met the U.K. envoy."]),
        ("Fruit, e.g. apples, i.e. food, etc. are fine.", ["Fruit, e.g. apples, i.e. food, etc. are fine."]),
        ("It was No. 5 on the list.", ["It was No. 5 on the list."]),
        ("The answer is no. Then we left.", ["The answer is no.", "Then we left."]),
        ("Apple vs. Google, cf. Smith.", ["Apple vs. Google, cf. Smith."]),
        ("It opened on Jan. 5 and closed in Dec. 2021.", ["It opened on Jan. 5 and closed in Dec. 2021."]),
        ("M. Dupont et Mme Durand, p. ex. Paris.", ["M. Dupont et Mme Durand, p. ex. Paris."]),
        ("It rose 3.5 per cent at 11.52 today. Good.", ["It rose 3.5 per cent at 11.52 today.", "Good."]),
        ("J. R. R. Tolkien wrote it. Donald J. Trump read it.",
         ["J. R. R. Tolkien wrote it.", "Donald J. Trump read it."]),
        ("J.R.R. Tolkien wrote it.", ["J.R.R. Tolkien wrote it."]),
        ("He said “We did it.” Then he left.", ["He said “We did it.”", "Then he left."]),
        ("She said 'no.' He left.", ["She said 'no.'", "He left."]),
        ("(See above.) Next.", ["(See above.)", "Next."]),
        ("Il a dit\u00a0: «\u00a0C’est fini.\u00a0» Puis il est parti.",
         ["Il a dit\u00a0: «\u00a0C’est fini.\u00a0»", "Puis il est parti."]),
        ("« Vraiment\u202f? » Oui\u202f! Bien.", ["« Vraiment\u202f? »", "Oui\u202f!", "Bien."]),
        ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
        ("Wait... what? He paused… Then he went.", ["Wait... what?", "He paused…", "Then he went."]),
        ("Dots . . . and more.", ["Dots . . . and more."]),
        ("Line one\nline two. Line\r\nthree.", ["Line one\nline two.", "Line\r\nthree."]),
        ("No final stop", ["No final stop"]),
        ("  spaced out.  ", ["spaced out."]),
        ("", []),
    ],
)
def test_split_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [". " * 100_000, ". . . ." * 30_000, "a" * 200_000, "." * 200_000 + "a", "Mr. " * 50_000,
     "A. " * 70_000, "?" * 100_000 + " " + "x" * 100_000, " " * 200_000 + "."],
)
def test_adversarial_inputs_finish_and_cover_the_text(text):
    spans = split_sentences(text)
    assert all(a < b for a, b in spans)
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")


SEED_ROLES = [
    ("p1.s1", Role.TITLE, "Morocco and Israel sign historic security cooperation agreement"),
    ("p1.s2", Role.TAGS, None),
    ("p1.s3", Role.BYLINE, "Fiona Urbain"),
    ("p1.s4", Role.DATELINE,
     "Monday 29 November 2021 Last update on Monday, November 29, 2021 At 11:52\u202fAM"),
    ("p8.s1", Role.INTERFACE, "Réagissez à cet article"),
    ("p9.s1", Role.INTERFACE, "Vos commentaires"),
    ("p10.s1", Role.INTERFACE, "Rejoignez la discussion"),
    ("p11.s1", Role.INTERFACE, "Your email address will not be published."),
    ("p11.s2", Role.INTERFACE, "Required fields are marked *"),
]


@pytest.fixture(scope="module")
def seed():
    doc = read_document(ROOT / SEED, SEED)
    return doc, segment_document(doc)


def test_seed_head_and_interface_roles(seed):
    _, segments = seed
    by_id = {s.id: s for s in segments}
    for seg_id, role, text in SEED_ROLES:
        assert by_id[seg_id].role is role, seg_id
        if text is not None:
            assert by_id[seg_id].text == text
    assert by_id["p1.s2"].text.startswith("#Cooperation #DecisionMakers")
    assert [s.id for s in segments if s.role is Role.INTERFACE] == [i for i, r, _ in SEED_ROLES[4:]]


def test_seed_body_sentences(seed):
    _, segments = seed
    body = [s for s in segments if s.role is Role.BODY]
    assert {s.id.split(".")[0] for s in body} == {f"p{n}" for n in range(2, 8)}
    texts = [s.text for s in body]
    assert any(t.startswith("According to Mr. Gantz, it concerns “the regulation") and
               t.endswith("” of the two countries.") for t in texts)
    assert any(t.startswith("“I thank King Mohammed VI") and t.endswith("two countries.") for t in texts)
    assert "We have taken a historic step today, ”Minister Gantz said on Twitter." in texts
    assert all(t.count("“") <= 1 and t.count("”") <= 1 for t in texts)


def test_seed_segments_map_to_their_file_text(seed):
    doc, segments = seed
    for segment in segments:
        loc = segment.location
        assert doc.text[loc.offset:loc.end_offset] == segment.text, segment.id
        assert loc.path == SEED and loc.segment_id == segment.id
    dateline = segments[3].location
    assert (dateline.line, dateline.column, dateline.end_line, dateline.end_column) == (4, 1, 4, 77)
    last = segments[-1].location
    assert (last.line, last.column, last.end_column) == (24, 43, 71)


def test_second_article_roles():
    """No tags line, a byline with two authors, a French dateline, a French comment box with
    different wording written as one block of lines."""
    path = "tests/readers/data/climate-talks.en.txt"
    segments = segment_document(read_document(ROOT / path, path))
    got = [(s.id, s.role, s.text) for s in segments]
    assert got[:3] == [
        ("p1.s1", Role.TITLE, "Paris climate talks end without a deal"),
        ("p1.s2", Role.BYLINE, "By Claire Martin and John O'Neil"),
        ("p1.s3", Role.DATELINE, "Dimanche 28 novembre 2021 à 18h05"),
    ]
    assert [(i, t) for i, r, t in got if r is Role.INTERFACE] == [
        ("p4.s1", "Laisser un commentaire"),
        ("p4.s2", "Nom *"),
        ("p4.s3", "Adresse de messagerie *"),
        ("p4.s4", "Votre adresse de messagerie ne sera pas publiée."),
        ("p4.s5", "Envoyer"),
    ]
    body = [t for _, r, t in got if r is Role.BODY]
    assert len(body) == 7 and body[-1] == "Nobody followed."


def test_a_wrapped_first_paragraph_is_not_a_title():
    segments = segment_document(plain_document("The talks began in Paris and\nlasted two weeks. They failed."))
    assert [(s.role, s.text) for s in segments] == [
        (Role.BODY, "The talks began in Paris and\nlasted two weeks."),
        (Role.BODY, "They failed."),
    ]


def test_a_body_ending_in_a_sentence_keeps_its_last_paragraph():
    segments = segment_document(plain_document("Title\n\nBody text here. More.\n\nThe end came at last."))
    assert [s.role for s in segments] == [Role.TITLE, Role.BODY, Role.BODY, Role.BODY]


@pytest.mark.parametrize(
    ("check", "line", "expected"),
    [
        (is_title, "Morocco and Israel sign historic agreement", True),
        (is_title, "This is a sentence.", False),
        (is_dateline, "29/11/2021", True),
        (is_dateline, "Published November 29, 2021", True),
        (is_dateline, "Lundi 29 novembre 2021, 11h52", True),
        (is_dateline, "On 29 November 2021 the talks began and lasted until the evening.", False),
        (is_dateline, "May we go now", False),
        (is_byline, "Fiona Urbain", True),
        (is_byline, "Par Jean de La Fontaine", True),
        (is_byline, "Fiona Urbain, AFP", True),
        (is_byline, "Fiona", False),
        (is_byline, "Fiona went home", False),
        (is_form_wording, "Your email address will not be published.", True),
        (is_form_wording, "Required fields are marked *", True),
        (is_form_wording, "Votre adresse e-mail ne sera pas publiée.", True),
        (is_form_wording, "Vos commentaires", True),
        (is_form_wording, "He did not reply.", False),
    ],
)
def test_line_heuristics(check, line, expected):
    assert check(line) is expected


def test_segment_ids_count_sentences_per_block():
    segments = segment_document(plain_document("One. Two.\n\nThree."))
    assert [s.id for s in segments] == ["p1.s1", "p1.s2", "p2.s1"]
