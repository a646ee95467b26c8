"""TMX 1.4: one segment per ``<tu>`` for one language pair, whatever number of languages it holds.

The pair: the source is the command line's ``--source-lang``, else the header's ``srclang``, else
the configured source; the target is ``--target-lang``, else the only other language when the
memory holds two, else the configured target (``Settings.resolve_pair``). Languages match by
primary subtag (``en-US`` is ``en``). A ``<tu>`` without the source language is skipped; one
without the target is an empty segment located just after the source's ``</tuv>``.
``unit_id`` is the ``tuid``; notes are the ``<tu>``'s and the target ``<tuv>``'s.
"""

from __future__ import annotations

from ..config import language_code
from ..errors import TqaError
from ..models import Document, InputWarning, Segment
from .anchored import AnchoredText
from .bilingual import RawFile, unit_segment
from .inline import read_inline
from .xmlsafe import Element, parse_file

FORMAT = "tmx"


def read(raw: RawFile) -> Document:
    """The translation units of a TMX file, for the chosen language pair."""
    warnings: list[InputWarning] = []
    text, lines, root = parse_file(raw.shown, raw.data, "tmx", "TMX", warnings)
    header = root.find("header")
    declared = header.attrs.get("srclang") if header is not None else None
    units = [(tu, _variants(tu)) for tu in root.descendants("tu")]
    languages = sorted({lang for _, variants in units for lang in variants})
    source, target = _pair(raw, None if declared == "*all*" else declared, languages)
    segments: list[Segment] = []
    for tu, variants in units:
        if source not in variants:
            continue
        fields = _unit_fields(tu, variants[source], variants.get(target))
        segments.append(unit_segment(raw.shown, lines, f"u{len(segments) + 1}", source_lang=source,
                                     target_lang=target, **fields))
    return Document(path=raw.shown, format=FORMAT, text=text, units=tuple(segments),
                    source_lang=source, target_lang=target, warnings=tuple(warnings))


def _variants(tu: Element) -> dict[str, Element]:
    """The unit's ``<tuv>`` per language (the first one when a language repeats)."""
    variants: dict[str, Element] = {}
    for tuv in tu.iter("tuv"):
        try:
            lang = language_code(tuv.attrs.get("xml:lang") or tuv.attrs.get("lang", ""))
        except ValueError:
            continue
        variants.setdefault(lang, tuv)
    return variants


def _pair(raw: RawFile, declared: str | None, languages: list[str]) -> tuple[str, str]:
    settings = raw.settings
    source = settings.resolve_lang("source_lang", declared)
    others = [lang for lang in languages if lang != source]
    source, target = settings.resolve_pair(declared, others[0] if len(others) == 1 else None)
    listed = ", ".join(languages) or "none"
    if languages and source not in languages:
        raise TqaError(f"no {source} segments in this TMX (languages: {listed}); set --source-lang",
                       path=raw.shown)
    if languages and target not in others:
        raise TqaError(f"no {target} segments in this TMX (languages: {listed}); set --target-lang",
                       path=raw.shown)
    return source, target


def _unit_fields(tu: Element, source: Element, target: Element | None) -> dict:
    source_text, source_codes = _segment_of(source)
    notes = [n.text().strip() for n in tu.iter("note")]
    if target is None:
        target_text, codes, empty_at = AnchoredText(), [], source.end
    else:
        target_text, codes = _segment_of(target)
        notes += [n.text().strip() for n in target.iter("note")]
        seg = target.find("seg")
        empty_at = seg.inner if seg is not None else target.inner
    return dict(
        unit_id=tu.attrs.get("tuid"),
        source=source_text.raw()[0],
        source_codes=tuple(source_codes),
        target=target_text,
        codes=codes,
        empty_at=empty_at,
        notes=tuple(notes),
    )


def _segment_of(tuv: Element):
    seg = tuv.find("seg")
    return read_inline(seg) if seg is not None else (AnchoredText(), [])
