"""Build the EN/FR language-identification set from French gettext catalogs.

Each translated entry of a ``.po`` file gives an English segment (msgid) and a French one
(msgstr). Real catalogs are what tqa meets: UI strings, placeholders and markup included, so
placeholders (``%(name)s``, ``{count}``) and HTML tags are kept as they are. Only line breaks and
tabs are folded to spaces (one TSV row per segment); no-break spaces are kept, they are French
evidence. Pairs identical in both languages ("Description", "Date") are dropped and counted:
they have no language to find; so are pairs identical once case, spacing and trailing
punctuation are ignored ("Version"/"version", "Status:"/"Status :", "Oct."/"oct."), which are
the same word in both languages. Fuzzy and untranslated entries are skipped.

Each row names its ``pair`` (a number per kept msgid/msgstr pair), so the pairs can be rebuilt
(the source text as context). A text already seen is written again with ``repeat`` = 1 when its
pair needs it, and is not scored. ``neutral`` = 1 marks a text that the catalogs also use, up to
case, spacing and trailing punctuation, on the other language's side of a translated entry
(French "Version" for "Release", while "Version" is an English msgid elsewhere): the same string
in both languages, which the detector must leave undetermined, so the bench scores it apart. The
rule reads the catalogs only, never a detector's answer, and is the same for both languages.

Usage: PYTHONPATH=. python bench/build_langid_set.py LABEL=FILE.po [LABEL=FILE.po ...] > out.tsv
LABEL names the package and file in the ``source`` column; files are read in the order given
and a text is kept only the first time it appears, so list the dev packages first.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from tqa.langwords import comparable, same_text

FOLD = re.compile(r"[\t\r\n ]+")
LETTER = re.compile(r"[^\W\d_]")


def po_entries(text: str) -> Iterator[dict[str, str]]:
    """Yield each entry of a .po file as {keyword: unescaped string}, with '#,' flags as 'flags'."""
    entry: dict[str, str] = {}
    key = None
    for line in text.splitlines() + [""]:
        line = line.strip()
        if not line:
            if entry:
                yield entry
            entry, key = {}, None
        elif line.startswith("#,"):
            entry["flags"] = entry.get("flags", "") + line[2:]
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)


def pairs(entry: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(English, French) pairs of one translated entry, plural forms included."""
    if not entry.get("msgid") or "fuzzy" in entry.get("flags", ""):
        return
    if "msgid_plural" in entry:
        yield entry["msgid"], entry.get("msgstr[0]", "")
        yield entry["msgid_plural"], entry.get("msgstr[1]", "")
    else:
        yield entry["msgid"], entry.get("msgstr", "")


def fold(text: str) -> str:
    return FOLD.sub(" ", text).strip(" ")


def catalog_pairs(args: list[str]) -> list[tuple[str, str, str]]:
    """(label, English, French) of every translated entry, folded, in the order of the files given."""
    found = []
    for arg in args:
        label, _, path = arg.partition("=")
        for entry in po_entries(Path(path).read_text(encoding="utf-8")):
            found.extend((label, fold(en), fold(fr)) for en, fr in pairs(entry))
    return [(label, en, fr) for label, en, fr in found if fr]


def main(args: list[str]) -> None:
    seen: set[tuple[str, str]] = set()
    identical = alike = duplicates = pair = 0
    everything = catalog_pairs(args)
    other_side = {"fr": {comparable(en) for _, en, _ in everything}, "en": {comparable(fr) for _, _, fr in everything}}
    print("lang\ttext\tsource\tpair\trepeat\tneutral")
    for label, en, fr in everything:
        if not LETTER.search(en):
            continue
        if en == fr:
            identical += 1
            continue
        if same_text(en, fr):  # the detector's own rule: no language to find
            alike += 1
            continue
        pair += 1
        new = [(lang, text) not in seen for lang, text in (("en", en), ("fr", fr))]
        duplicates += new.count(False)
        for (lang, text), first in zip((("en", en), ("fr", fr)), new):
            if first or any(new):  # a repeat is written only as the partner of a new text
                seen.add((lang, text))
                neutral = comparable(text) in other_side[lang]
                print(f"{lang}\t{text}\t{label}\t{pair}\t{int(not first)}\t{int(neutral)}")
    print(f"kept {len(seen)} segments; dropped {identical} identical pairs, {alike} pairs identical up to "
          f"case, spacing and trailing punctuation, {duplicates} duplicate segments", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
