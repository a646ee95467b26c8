"""`tqa fix`: apply the fixes tqa is sure of, as byte edits of the spans, nothing else.

    findings of the run -> Check.sure_fix -> Edit(offset, end, replacement)   code points of the file text
        -> the file's own encoding -> byte ranges -> new bytes                 the rest of the file untouched
        -> dry run: unified diff;  --write: tqa.atomic.replace_file, then a re-check

A fix is applied only where the file holds the segment's characters verbatim: a span written
with an entity, an escape or a PO line break differs from the text tqa checked, and is skipped
(and said so) rather than guessed at. Never re-serialises a PO, XLIFF or HTML file.
"""

from __future__ import annotations

import codecs
import difflib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from .checks import select_checks
from .config import Settings
from .errors import TqaError
from .glossary import Glossary
from .models import Finding
from .readers import read_document

_DECLARED = re.compile(rb"""(?:<\?xml[^>]*?encoding|charset)\s*=\s*["']?([A-Za-z0-9._-]+)""")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_MARKUP = {"xliff", "tmx", "html"}  # formats where "&" and "<" in a replacement would be markup


class Edit(NamedTuple):
    """Replace file text [start, end) (code points) with ``text``; ``code`` is the check's."""

    start: int
    end: int
    text: str
    code: str


class FileFix(NamedTuple):
    """One file's fixes: its bytes before and after, the edits made and the ones skipped (why)."""

    shown: str
    before: bytes
    after: bytes
    edits: tuple[Edit, ...]
    skipped: tuple[str, ...]
    diff: str


def plan_fixes(findings: Iterable[Finding], settings: Settings, glossary: Glossary) -> list[FileFix]:
    """The sure fixes of each file with findings, in path order; files are read again here."""
    checks = {c.code: c for c in select_checks(settings)}
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.suppressed is None and checks.get(finding.code) and checks[finding.code].fix_safety != "never":
            by_path.setdefault(finding.location.path, []).append(finding)
    return [_fix_file(shown, found, checks, settings, glossary) for shown, found in sorted(by_path.items())]


def _fix_file(shown: str, findings: Sequence[Finding], checks, settings: Settings, glossary: Glossary) -> FileFix:
    path = Path(shown)
    raw = path.read_bytes()
    document = read_document(path, shown, settings)
    text = document.text
    edits, skipped = [], []
    for finding in findings:
        check, loc, span = checks[finding.code], finding.location, finding.span
        checked = finding.text[span.start:span.end] if span else finding.text
        if text[loc.offset:loc.end_offset] != checked:
            as_checked = text[:loc.offset] + checked + text[loc.end_offset:]
            moved = finding.model_copy(update={"location": loc.model_copy(update={"end_offset": loc.offset + len(checked)})})
            if check.sure_fix(moved, as_checked, glossary) is not None:
                skipped.append(f"{shown}:{loc.line}:{loc.column} {finding.code} not fixed: the file writes this span "
                               "with an escape, an entity or a line break")
            continue
        edit = check.sure_fix(finding, text, glossary)
        if edit is None:
            continue
        if document.format in _MARKUP and re.search("[&<>]", edit[2]):
            skipped.append(f"{shown}:{loc.line}:{loc.column} {finding.code} not fixed: the replacement has markup characters")
        else:
            edits.append(Edit(*edit, finding.code))
    kept = _without_overlaps(edits)
    after = _apply(raw, text, kept, shown) if kept else raw
    new_text = text
    for edit in reversed(kept):
        new_text = new_text[:edit.start] + edit.text + new_text[edit.end:]
    return FileFix(shown, raw, after, tuple(kept), tuple(skipped), _diff(shown, text, new_text))


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    """Edits in file order; of two that overlap (or repeat), the first one only."""
    kept: list[Edit] = []
    for edit in sorted(set(edits)):
        if not kept or edit.start >= kept[-1].end:
            kept.append(edit)
    return kept


def _apply(raw: bytes, text: str, edits: Sequence[Edit], shown: str) -> bytes:
    """``raw`` with each edit's byte range replaced, in the file's own encoding."""
    bom, encoding = _encoding(raw, text, shown)
    out, at, char_at = [raw[:len(bom)]], len(bom), 0
    for edit in edits:
        start = at + len(text[char_at:edit.start].encode(encoding))
        end = start + len(text[edit.start:edit.end].encode(encoding))
        try:
            replacement = edit.text.encode(encoding)
        except UnicodeEncodeError:
            raise TqaError(f"cannot write {edit.text!r} in the file's encoding ({encoding})", path=shown) from None
        out += [raw[at:start], replacement]
        at, char_at = end, edit.end
    out.append(raw[at:])
    return b"".join(out)


def _encoding(raw: bytes, text: str, shown: str) -> tuple[bytes, str]:
    """(BOM, codec) under which ``raw`` decodes to exactly ``text``, as the reader decoded it."""
    candidates = [(bom, name) for bom, name in _BOMS if raw.startswith(bom)]
    declared = _DECLARED.search(raw[:4096])
    if declared:
        candidates.append((b"", declared.group(1).decode("ascii")))
    candidates.append((b"", "utf-8"))
    for bom, name in candidates:
        try:
            if raw[len(bom):].decode(name) == text:
                return bom, name
        except (LookupError, UnicodeDecodeError):
            continue
    raise TqaError("cannot map fixes to the file's bytes (its text is not a plain decoding)", path=shown)


def _diff(shown: str, before: str, after: str) -> str:
    """A unified diff of the text, lines as the file has them (end-of-line kept)."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"a/{shown}", f"b/{shown}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
                   for line in lines)
