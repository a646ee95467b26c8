"""Properties over arbitrary input (hypothesis): readers give a Document or a TqaError, never
another exception; the segmenter, the detector and every check never raise, stay inside their
text and give the same answer twice. CI runs a derandomized profile; ``HYPOTHESIS_PROFILE=long``
runs many more examples."""

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.helpers import make_context
from tqa.checks import ALL_CHECKS
from tqa.detect import LanguageDetector
from tqa.errors import TqaError
from tqa.readers import READERS, read_document
from tqa.segment import segment_document

settings.register_profile("ci", max_examples=60, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FOLDER = Path(tempfile.mkdtemp(prefix="tqa-properties-"))
# Text that reaches the readers' and checks' inner states: markup, quotes, escapes, placeholders,
# line breaks of every kind, controls and astral characters, beside arbitrary code points.
ALPHABET = st.one_of(st.sampled_from(list("<>/=\"'&;#%{}()[]$\\:.,!?«»“”  \t\r\n\x85\u2028\u2029\x00\x1b😀éÉ0123"
                                          "abcdefmsgidtrxl")), st.characters(blacklist_categories=("Cs",)))
# No lone surrogates: no reader lets one through (decoding refuses them, JSON's \ud800 too).
TEXT = st.text(ALPHABET, max_size=300)
SNIPPETS = st.sampled_from(['<?xml version="1.0"?>', "<xliff version='1.2'>", "<trans-unit id='1'>", "<target>",
                            "</target>", "<tu>", "<tuv xml:lang='fr'>", "<seg>", 'msgid "', 'msgstr "', '"\n',
                            "#, fuzzy\n", "source,target\n", '{"a": ', "<!DOCTYPE x>", "<![CDATA[", "&amp;",
                            "%(name)s", "{count}", "\ufeff"])
STRUCTURED = st.lists(st.one_of(SNIPPETS, TEXT), max_size=12).map("".join)


def read(suffix: str, data: bytes) -> None:
    path = FOLDER / "locales" / "en" / f"p{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        segments = segment_document(read_document(path, path.name))
    except TqaError:
        return
    for segment in segments:
        assert 1 <= segment.location.line <= segment.location.end_line


@pytest.mark.parametrize("suffix", sorted({".txt", ".md", ".html", ".xlf", ".po", ".tmx", ".csv", ".tsv", ".json"}))
@given(data=st.one_of(st.binary(max_size=400), STRUCTURED.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_a_reader_gives_a_document_or_a_clear_error(suffix, data):
    assert suffix in READERS
    read(suffix, data)


@given(STRUCTURED)
def test_segments_lie_inside_the_text_and_are_stable(text):
    path = FOLDER / "doc.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        doc = read_document(path, "doc.txt")
    except TqaError:
        return
    first, second = segment_document(doc), segment_document(doc)
    assert first == second
    for segment in first:
        assert 0 <= segment.location.offset <= segment.location.end_offset <= len(doc.text)


DETECTOR = LanguageDetector(("en", "fr"), seed=0)


@given(TEXT, st.one_of(st.none(), TEXT))
def test_the_detector_never_raises_and_is_deterministic(text, source):
    assert DETECTOR.detect(text, source) == DETECTOR.detect(text, source)


@pytest.mark.parametrize("cls", ALL_CHECKS, ids=lambda c: c.code)
@given(target=TEXT, source=TEXT)
def test_a_check_stays_inside_its_segment_and_is_deterministic(cls, target, source):
    segment, ctx = make_context(target, source=source)
    first = list(cls().run([segment], ctx))
    assert first == list(cls().run([segment], ctx))
    for finding in first:
        assert 0 <= finding.location.offset <= finding.location.end_offset <= len(target)
