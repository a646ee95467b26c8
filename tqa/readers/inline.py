"""Inline content of XLIFF 1.2, XLIFF 2.x and TMX segments: text with positions, codes as structure.

How codes stand in the segment text (see ``models.InlineCode``):

- a placeholder shows its native form: 1.2/TMX ``<ph>%s</ph>`` and 2.x ``<ph dataRef="d1"/>``
  (with ``<data id="d1">%s</data>``) put ``%s`` in the text, the code's start..end covering it;
  a 2.x ``<ph/>`` without data shows nothing;
- paired and split codes are zero-width (start == end), their native markup in ``data``:
  ``<g>``/``<pc>`` (an open code before their content, a close code after), ``<bx/>``/``<ex/>``,
  ``<bpt>``/``<ept>``, ``<sc/>``/``<ec/>``, ``<it>`` (open or close by ``pos``);
- ``<x/>`` and TMX ``<ut>`` are zero-width standalone codes;
- annotations (``<mrk>``, TMX ``<hi>``) keep their text and leave no code; ``<sm/>``/``<em/>``
  leave nothing; 2.x ``<cp hex="…"/>`` becomes its character.

So language detection and word checks see clean text, and placeholder checks see every code.
Codes pair by id: ``startRef`` (2.x ``<ec>``), ``rid`` (1.2), ``i`` (TMX pairs), else ``id``/``x``.
"""

from __future__ import annotations

from ..models import InlineCode
from .anchored import AnchoredText
from .xmlsafe import Element, Text

_OPENING = frozenset({"bpt", "bx", "sc"})
_CLOSING = frozenset({"ept", "ex", "ec"})
_STANDALONE = frozenset({"x", "ut"})
_ID_ATTRIBUTES = ("startRef", "rid", "i", "id", "x")
_IT_POSITIONS = {"open": "open", "begin": "open", "close": "close", "end": "close"}


def read_inline(element: Element, data: dict[str, str] | None = None) -> tuple[AnchoredText, list[InlineCode]]:
    """The text of a ``<source>``, ``<target>`` or ``<seg>`` and its codes.

    ``data`` is the unit's 2.x ``<originalData>``, by id.
    """
    out = AnchoredText()
    codes: list[InlineCode] = []
    _walk(element, out, codes, data or {})
    return out, codes


def original_data(unit: Element) -> dict[str, str]:
    """A 2.x unit's ``<originalData>``: native code by data id."""
    block = unit.find("originalData")
    return {d.attrs.get("id", ""): d.text() for d in block.iter("data")} if block is not None else {}


def _walk(element: Element, out: AnchoredText, codes: list[InlineCode], data: dict[str, str]) -> None:
    for child in element.children:
        if isinstance(child, Text):
            out.add(child.text, child.offset)
        elif child.name in ("g", "pc"):
            codes.append(_code("open", child, out.length, data.get(child.attrs.get("dataRefStart"), "")))
            _walk(child, out, codes, data)
            codes.append(_code("close", child, out.length, data.get(child.attrs.get("dataRefEnd"), "")))
        elif child.name == "ph":
            _placeholder(child, out, codes, data)
        elif child.name in _OPENING or child.name in _CLOSING or child.name in _STANDALONE:
            kind = "open" if child.name in _OPENING else "close" if child.name in _CLOSING else "standalone"
            codes.append(_code(kind, child, out.length, _native(child, data)))
        elif child.name == "it":
            kind = _IT_POSITIONS.get(child.attrs.get("pos", ""), "standalone")
            codes.append(_code(kind, child, out.length, _native(child, data)))
        elif child.name == "cp":
            out.add(_code_point(child), child.offset)
        else:  # mrk, hi, sm/em and anything unknown: their text (if any) is the segment's
            _walk(child, out, codes, data)


def _placeholder(ph: Element, out: AnchoredText, codes: list[InlineCode], data: dict[str, str]) -> None:
    """A placeholder's native form goes into the text, where the file has it (or at ``<ph/>``)."""
    start = out.length
    if ph.children:
        _add_all_text(ph, out)
    else:
        out.add(data.get(ph.attrs.get("dataRef"), ""), ph.offset)
    native = _native(ph, data)
    codes.append(InlineCode(kind="standalone", id=_code_id(ph), tag=ph.name, start=start, end=out.length,
                            data=native))


def _add_all_text(element: Element, out: AnchoredText) -> None:
    for child in element.children:
        if isinstance(child, Text):
            out.add(child.text, child.offset)
        else:
            _add_all_text(child, out)


def _native(element: Element, data: dict[str, str]) -> str:
    return element.text() or data.get(element.attrs.get("dataRef"), "")


def _code(kind: str, element: Element, at: int, native: str) -> InlineCode:
    return InlineCode(kind=kind, id=_code_id(element), tag=element.name, start=at, end=at, data=native)


def _code_id(element: Element) -> str:
    return next((element.attrs[a] for a in _ID_ATTRIBUTES if a in element.attrs), "")


def _code_point(cp: Element) -> str:
    try:
        return chr(int(cp.attrs.get("hex", ""), 16))
    except ValueError:
        return ""
