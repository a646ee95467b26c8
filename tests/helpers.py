"""Build the real objects a check sees, for one piece of text, without readers or segmenter."""

from __future__ import annotations

from tqa.checks.base import Context
from tqa.config import Settings
from tqa.glossary import Glossary
from tqa.models import Block, Document, Role, Segment
from tqa.positions import LineIndex, locate

PATH = "case.txt"


def make_context(
    text: str,
    role: Role = Role.BODY,
    glossary: Glossary | None = None,
    settings: Settings | None = None,
    **unit,
) -> tuple[Segment, Context]:
    """``text`` as the only block of a plain-text document and as its only segment.

    ``unit`` sets bilingual fields of the segment (``source=``, ``state=``, ``target_codes=``…).
    """
    settings = settings or Settings()
    anchors = ((0, 0),)
    document = Document(path=PATH, format="text", text=text, blocks=(Block(text=text, anchors=anchors),))
    lines = LineIndex(text)
    segment = Segment(
        id="p1.s1",
        text=text,
        anchors=anchors,
        role=role,
        location=locate(PATH, lines, anchors, 0, len(text), "p1.s1"),
        **unit,
    )
    glossary = glossary or Glossary.empty(settings.source_lang, settings.target_lang)
    context = Context(settings, glossary, document, lines, settings.source_lang, settings.target_lang)
    return segment, context
