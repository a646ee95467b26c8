"""JSON i18n key files (i18next, vue-i18n, react-intl…): a target file checked against its source.

Pairing, by the target's path (the first rule that applies):

1. the file name ends in a language: ``app.fr.json`` or ``fr.json``; the source is the file
   beside it in the source language: ``app.en.json`` (or ``app.en-US.json``…), ``en.json``;
2. a directory on the path is a language: ``locales/fr/common/app.json``; the source has the
   same path under the sibling directory of the source language: ``locales/en/common/app.json``.

The source language is ``--source-lang``, else the configured one. A ``.json`` file whose path
names no language (``package.json``) is not an i18n file: skipped when found in a directory, an
error when named. A file in the source language is a source: skipped in directories, an error
when named. Language parts are two-letter ISO 639-1 codes with optional subtags (``pt-BR``,
``zh_Hant``).

Units follow the source's keys (dotted, ``menu.open``), in its order: a key missing from the
target is an empty segment located at the ``}`` closing the object it belongs in (the nearest one
the target has). Keys only in the target follow, with no source and a note saying so. String
values only; placeholders (``{{count}}``, ``{name}``, ICU) stay in the text.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..config import Settings, language_code
from ..errors import TqaError
from ..models import Document
from ..positions import LineIndex
from .anchored import AnchoredText
from .bilingual import RawFile, unit_segment
from .encoding import decode_declared
from .jsonscan import KeyFile, scan

FORMAT = "json"

# ISO 639-1: a directory or name part is a language only if it is one of these.
_ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy"
    " da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu"
    " hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb"
    " lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om"
    " or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw"
    " ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split()
)
_TAG = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8})*")
NOT_IN_SOURCE = "not in the source file"


def path_language(path: Path) -> str | None:
    """The language a key file's path names (rules 1 and 2 above), as a primary code."""
    for part in (_name_language(path), *reversed(path.parent.parts)):
        if (code := _code(part)) is not None:
            return code
    return None


def is_translation(path: Path, settings: Settings) -> bool:
    """Whether a ``.json`` met in a directory is a target file to check."""
    language = path_language(path)
    return language is not None and language != settings.resolve_lang("source_lang", None)


def read(raw: RawFile) -> Document:
    """The target file's units, paired with its source file's by key."""
    target_lang = path_language(raw.path)
    if target_lang is None:
        raise TqaError("not an i18n key file: its path names no language "
                       "(expected <lang>/…/<name>.json, <name>.<lang>.json or <lang>.json)", raw.shown)
    source_lang = raw.settings.resolve_lang("source_lang", None)
    if target_lang == source_lang:
        raise TqaError(f"a source-language ({source_lang}) key file: name its translations, "
                       "or set --source-lang", raw.shown)
    text = decode_declared(raw.shown, raw.data, None, raw.settings.encoding)
    lines = LineIndex(text)
    target = scan(raw.shown, text, lines)
    source_path, source_shown = _source_file(raw, target_lang, source_lang)
    try:
        source_raw = source_path.read_bytes()
    except OSError as error:
        raise TqaError(f"cannot read: {error.strerror}", source_shown) from None
    source_text = decode_declared(source_shown, source_raw, None, raw.settings.encoding)
    source = scan(source_shown, source_text, LineIndex(source_text))
    units = _units(raw.shown, lines, source, target)
    return Document(path=raw.shown, format=FORMAT, text=text, units=tuple(units),
                    source_lang=source_lang, target_lang=target_lang)


def _units(shown: str, lines: LineIndex, source: KeyFile, target: KeyFile) -> list:
    units = []
    for key, (value, _) in source.strings.items():
        found = target.strings.get(key)
        text, at = found if found is not None else (None, _closing(target, key))
        units.append(dict(unit_id=key, source=value.raw()[0], target=text, empty_at=at))
    for key, (text, at) in target.strings.items():
        if key not in source.strings:
            units.append(dict(unit_id=key, source=None, target=text, empty_at=at, notes=(NOT_IN_SOURCE,)))
    return [
        unit_segment(shown, lines, f"u{n}", fields.pop("target") or AnchoredText(), fields.pop("empty_at"), **fields)
        for n, fields in enumerate(units, 1)
    ]


def _closing(target: KeyFile, key: str) -> int:
    """Where the nearest enclosing object the target has closes."""
    while True:
        key = key.rpartition(".")[0]
        if key in target.closings:
            return target.closings[key]
        if not key:
            return 0


def _code(part: str) -> str | None:
    m = _TAG.fullmatch(part)
    if m is None or m.group(1).lower() not in _ISO_639_1:
        return None
    return language_code(part)


def _source_file(raw: RawFile, target_lang: str, source_lang: str) -> tuple[Path, str]:
    """The source file by rule 1 or 2, and how to show it; an error lists what was looked for."""
    path = raw.path
    stem = path.name.removesuffix(path.suffix).rpartition(".")[0]
    if _code(_name_language(path)) is not None:
        pattern = f"{stem}.*{path.suffix}" if stem else f"*{path.suffix}"
        candidates = _in_language(path.parent.glob(pattern), source_lang, _name_language)
        wanted = path.with_name(f"{stem + '.' if stem else ''}{source_lang}{path.suffix}")
    else:
        depth = next(i for i, part in enumerate(reversed(path.parent.parts)) if _code(part) is not None)
        language_dir = path.parents[depth]
        relative = path.relative_to(language_dir)
        siblings = (d / relative for d in language_dir.parent.iterdir() if d.is_dir())
        candidates = _in_language(siblings, source_lang, lambda p: p.relative_to(language_dir.parent).parts[0])
        wanted = language_dir.parent / source_lang / relative
    found = next((c for c in candidates if c.is_file()), None)
    shown = (Path(raw.shown).parent / os.path.relpath(found or wanted, path.parent)).as_posix()
    if found is None:
        raise TqaError(f"no source file for this {target_lang} key file: looked for {_normal(shown)} "
                       f"(or another {source_lang} variant)", raw.shown)
    return found, _normal(shown)


def _name_language(path: Path) -> str:
    """The last dotted part of a file name before its suffix: 'fr' in app.fr.json and fr.json."""
    return path.name.removesuffix(path.suffix).rpartition(".")[2]


def _in_language(paths, language: str, part_of) -> list[Path]:
    """Those of ``paths`` whose language part is ``language``: the bare code first, then sorted."""
    matching = [p for p in paths if _code(part_of(p)) == language]
    return sorted(matching, key=lambda p: (part_of(p) != language, str(p)))


def _normal(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")
