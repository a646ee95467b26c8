"""TBX termbases <-> glossary terms: TBX-Basic 2008 (``<martif>``) and TBX v3 (``<tbx>``, dialects
TBX-Basic and TBX-Min) in, TBX v3 TBX-Basic out.

    <termEntry>/<conceptEntry>          one concept
      <langSet>/<langSec xml:lang>      its terms in one language
        <tig>/<ntig>/<termSec>          one term: <term>, <termNote type="administrativeStatus">,
                                        partOfSpeech, <descrip type="context">, <note>

For a pair (fr -> en) each concept gives one row per (source term, target term): the row's status
is the target term's. Status comes from ``administrativeStatus`` (or ``normativeAuthorization``):
preferred, admitted, deprecated and superseded (forbidden), in TBX-Basic's picklist form
(``preferredTerm-admn-sts``) or TBX-Min's (``preferred``, ``notRecommended``, ``obsolete``). A
target term with no status is preferred when it is the concept's only unmarked term and no other
is preferred, else admitted. tqa's own fields travel in TBX-Basic data categories: a
do-not-translate row as ``<termNote type="transferComment">do not translate</termNote>``, a
case-sensitive row as ``<note>tqa: case-sensitive</note>``. Parsed by ``readers.xmlsafe`` only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

from .errors import TqaError
from .glossary_files import HEADER, OPTIONAL
from .models import InputWarning
from .readers.xmlsafe import Element, decode_xml, parse
from .positions import LineIndex

_STATUS = {
    "preferred": "preferred", "preferredterm": "preferred", "preferredterm-admn-sts": "preferred",
    "admitted": "admitted", "admittedterm": "admitted", "admittedterm-admn-sts": "admitted",
    "deprecated": "forbidden", "deprecatedterm": "forbidden", "deprecatedterm-admn-sts": "forbidden",
    "superseded": "forbidden", "supersededterm": "forbidden", "supersededterm-admn-sts": "forbidden",
    "notrecommended": "forbidden", "obsolete": "forbidden",
}
_WRITTEN = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
            "forbidden": "deprecatedTerm-admn-sts", "dnt": "preferredTerm-admn-sts"}
DNT_NOTE = "do not translate"
CASE_NOTE = "tqa: case-sensitive"


class TbxTerm(NamedTuple):
    """One term of a concept, as the file gives it."""

    line: int
    lang: str  # primary subtag, lower case: "en-US" -> "en"
    term: str
    status: str  # preferred, admitted, forbidden; "" when the file gives none
    pos: str
    context: str
    note: str
    dnt: bool
    case_sensitive: bool


def read_concepts(data: bytes, name: str, warnings: list[InputWarning] | None = None) -> list[list[TbxTerm]]:
    """Every concept of a TBX file as its terms, in file order; malformed TBX raises TqaError, what
    the parser reads past (XInclude) goes to ``warnings``."""
    text = decode_xml(name, data)
    lines = LineIndex(text)
    root = parse(name, text, lines, warnings)
    if root.name not in ("martif", "tbx"):
        line, column = lines.position(root.offset)
        raise TqaError(f"not TBX: the root element is <{root.name}> (expected <martif> or <tbx>)", name, line, column)
    default_lang = root.attrs.get("xml:lang", "")
    concepts = []
    for entry in [*root.descendants("termEntry"), *root.descendants("conceptEntry")]:
        terms = []
        for lang_set in [*entry.iter("langSet"), *entry.iter("langSec")]:
            lang = lang_set.attrs.get("xml:lang", default_lang)
            shared = (_descrip(lang_set, "context"), _notes(entry) or _notes(lang_set))
            for holder in [*lang_set.iter("tig"), *lang_set.iter("ntig"), *lang_set.iter("termSec")]:
                terms.append(_term(holder, lang, shared, name, lines))
        concepts.append(terms)
    return concepts


def _term(holder: Element, lang: str, shared: tuple[str, str], name: str, lines: LineIndex) -> TbxTerm:
    """One term; context and note default to the concept's or the language's (``shared``)."""
    group = holder.find("termGrp") or holder  # <ntig><termGrp><term>…
    term = group.find("term")
    if term is None or not term.text().strip():
        line, column = lines.position(holder.offset)
        raise TqaError(f"<{holder.name}> without a <term>", name, line, column)
    notes = {n.attrs.get("type", ""): n.text().strip() for n in group.descendants("termNote")}
    status = notes.get("administrativeStatus") or notes.get("normativeAuthorization") or ""
    if status and status.lower() not in _STATUS:
        line, column = lines.position(holder.offset)
        raise TqaError(f"unknown term status {status!r}", name, line, column)
    plain_notes = [n.text().strip() for n in holder.descendants("note")]
    own_notes = " ".join(n for n in plain_notes if n != CASE_NOTE)
    return TbxTerm(
        line=lines.position(holder.offset)[0], lang=lang.split("-")[0].lower(), term=term.text().strip(), status=_STATUS.get(status.lower(), ""),
        pos=notes.get("partOfSpeech", ""), context=_descrip(holder, "context") or shared[0],
        note=own_notes or shared[1], case_sensitive=CASE_NOTE in plain_notes,
        dnt=notes.get("transferComment", "").lower() == DNT_NOTE,
    )


def _notes(element: Element) -> str:
    """The ``<note>``s directly inside an entry or a language section, joined."""
    return " ".join(n.text().strip() for n in element.iter("note"))


def _descrip(element: Element, kind: str) -> str:
    return next((d.text().strip() for d in element.iter("descrip") if d.attrs.get("type") == kind), "")


def rows_for_pair(concepts: Iterable[list[TbxTerm]], source_lang: str, target_lang: str) -> list[dict[str, str]]:
    """Glossary rows (the CSV's columns) of each concept with terms in both languages."""
    rows = []
    for terms in concepts:
        sources = [t for t in terms if t.lang == source_lang and t.status != "forbidden"]
        targets = [t for t in terms if t.lang == target_lang]
        unmarked = [t for t in targets if not t.status]
        has_preferred = any(t.status == "preferred" for t in targets)
        for source in sources:
            for target in targets:
                status = target.status or ("preferred" if len(unmarked) == 1 and not has_preferred else "admitted")
                rows.append({
                    "line": target.line, "source": source.term, "target": target.term,
                    "status": "dnt" if target.dnt else status,
                    "case_sensitive": "true" if target.case_sensitive else "false",
                    "note": target.note, "part_of_speech": target.pos or source.pos,
                    "context": target.context,
                })
    return rows


def languages_of(concepts: Sequence[list[TbxTerm]]) -> list[str]:
    """Languages in order of first appearance: the pair when nothing else names it."""
    return list(dict.fromkeys(t.lang for terms in concepts for t in terms))


def write_tbx(rows: Sequence[dict[str, str]], source_lang: str, target_lang: str) -> str:
    """TBX v3, dialect TBX-Basic: one concept per source wording, rows in their order."""
    concepts: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        concepts.setdefault(row["source"], []).append(row)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<tbx style="dca" type="TBX-Basic" xml:lang={quoteattr(source_lang)} xmlns="urn:iso:std:iso:30042:ed-2">',
           "  <tbxHeader><fileDesc><sourceDesc><p>tqa glossary convert</p></sourceDesc></fileDesc></tbxHeader>",
           "  <text><body>"]
    for number, (source, group) in enumerate(concepts.items(), 1):
        out.append(f'    <conceptEntry id="c{number}">')
        pos = next((r.get("part_of_speech", "") for r in group if r.get("part_of_speech")), "")
        out.append(f"      <langSec xml:lang={quoteattr(source_lang)}>")
        out.append("        " + _term_sec(source, "preferred", pos, "", "", False))
        out.append("      </langSec>")
        out.append(f"      <langSec xml:lang={quoteattr(target_lang)}>")
        for row in group:
            out.append("        " + _term_sec(row["target"], row["status"], row.get("part_of_speech", ""),
                                              row.get("context", ""), row.get("note", ""),
                                              row.get("case_sensitive") == "true"))
        out.append("      </langSec>")
        out.append("    </conceptEntry>")
    out += ["  </body></text>", "</tbx>", ""]
    return "\n".join(out)


def _term_sec(term: str, status: str, pos: str, context: str, note: str, case_sensitive: bool) -> str:
    parts = [f"<term>{escape(term)}</term>",
             f'<termNote type="administrativeStatus">{_WRITTEN[status]}</termNote>']
    if pos:
        parts.append(f'<termNote type="partOfSpeech">{escape(pos)}</termNote>')
    if status == "dnt":
        parts.append(f'<termNote type="transferComment">{DNT_NOTE}</termNote>')
    if context:
        parts.append(f'<descrip type="context">{escape(context)}</descrip>')
    if note:
        parts.append(f"<note>{escape(note)}</note>")
    if case_sensitive:
        parts.append(f"<note>{CASE_NOTE}</note>")
    return f"<termSec>{''.join(parts)}</termSec>"


def write_csv(rows: Sequence[dict[str, str]]) -> str:
    """The glossary CSV; the optional columns only when some row uses them."""
    columns = [c for c in HEADER + OPTIONAL if c in HEADER or any(r.get(c) for r in rows)]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([r.get(c, "") for c in columns] for r in rows)
    return buffer.getvalue()


def convert_file(source: Path, target: Path, source_lang: str | None, target_lang: str | None) -> None:
    """``tqa glossary convert``: CSV -> TBX or TBX -> CSV (TBX -> TBX re-writes as TBX v3)."""
    from .glossary import Glossary, pair_from_name
    from .outputs import write_text_atomic

    kinds = {p.suffix.lower() for p in (source, target)}
    if not kinds <= {".csv", ".tbx"}:
        raise TqaError("convert between .csv and .tbx files (the format comes from the extension)")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise TqaError(f"cannot read: {exc.strerror}", path=str(source)) from None
    named = pair_from_name(source.name) or pair_from_name(target.name) or (None, None)
    source_lang, target_lang = source_lang or named[0], target_lang or named[1]
    if source.suffix.lower() == ".tbx":
        concepts = read_concepts(data, str(source))
        found = languages_of(concepts)
        source_lang = source_lang or (found[0] if found else None)
        target_lang = target_lang or next((lang for lang in found if lang != source_lang), None)
        if not (source_lang and target_lang):
            raise TqaError("cannot tell the language pair: give --source-lang and --target-lang", path=str(source))
        rows = rows_for_pair(concepts, source_lang, target_lang)
    else:
        if not (source_lang and target_lang):
            raise TqaError("cannot tell the language pair: name the file <name>.<src>-<tgt>.csv or give "
                           "--source-lang and --target-lang", path=str(source))
        glossary = Glossary.load([source], [str(source)], source_lang, target_lang)
        rows = [term_row(t) for t in glossary.terms]
    text = write_tbx(rows, source_lang, target_lang) if target.suffix.lower() == ".tbx" else write_csv(rows)
    write_text_atomic(target, text)


def term_row(term) -> dict[str, str]:
    """A glossary Term as the CSV's cells."""
    return {"source": term.source, "target": term.target, "status": str(term.status),
            "case_sensitive": "true" if term.case_sensitive else "false", "note": term.note,
            "part_of_speech": term.part_of_speech, "context": term.context}
