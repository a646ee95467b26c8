"""Inject known defects into a copy of a real PO catalog, and record which unit got which.

Each eligible unit (translated, not fuzzy, one msgstr) gets at most one defect; each kind goes
to up to ``per_kind`` units that can take it, picked with a seeded RNG, so the same catalog and
seed give the same file and the same ground truth. Kinds:

    number          a number of the target changed (n -> n + 1, or 10 -> 11)
    placeholder     one placeholder (%(name)s, %s, %d, {name}) dropped from the target
    source-copy     the target replaced by its own source (an untranslated string)
    english         the target replaced by the English source of another unit
    forbidden-term  a glossary's preferred target wording replaced by a forbidden one
    double-space    one space of the target doubled
    end-punctuation the target's final . ? ! or : dropped (the source keeps its own)

Usage: python bench/inject_defects.py CATALOG.po GLOSSARY.csv OUT.po [--seed 1] [--per-kind 20]
writes OUT.po and OUT.po.truth.json: [{"key": [context, msgid], "kind", "before", "after"}].
Needs translate-toolkit (the ``bench`` extra).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

from translate.storage import po

KINDS = ("number", "placeholder", "source-copy", "english", "forbidden-term", "double-space", "end-punctuation")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
NUMBER = re.compile(r"(?<![\w%$.,{(])\d+(?![\w})])")
SINGLE_SPACE = re.compile(r"(?<=\w) (?=\w)")
END_MARK = re.compile(r"[\u00a0\u202f ]?[.?!:]$")


def unit_key(unit) -> tuple[str, str]:
    """(msgctxt, msgid): how a unit is named in the truth file and in both tools' reports."""
    return unit.getcontext() or "", unit.source


def eligible(unit) -> bool:
    return (not unit.isheader() and not unit.isobsolete() and unit.istranslated() and not unit.isfuzzy()
            and not unit.hasplural())


def load_glossary(path: Path) -> list[tuple[str, str, str]]:
    """(source term, preferred target, forbidden target) triples of an en-fr glossary CSV."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    preferred = {r["source"].lower(): r["target"] for r in rows if r["status"] == "preferred"}
    return [(r["source"], preferred[r["source"].lower()], r["target"])
            for r in rows if r["status"] == "forbidden" and r["source"].lower() in preferred]


def change_number(source: str, target: str, rng: random.Random, _ctx) -> str | None:
    found = [m for m in NUMBER.finditer(target) if not _in_placeholder(target, m.start())]
    if not found:
        return None
    match = rng.choice(found)
    return target[: match.start()] + str(int(match.group()) + 1) + target[match.end():]


def drop_placeholder(source: str, target: str, rng: random.Random, _ctx) -> str | None:
    found = list(PLACEHOLDER.finditer(target))
    if not found:
        return None
    match = rng.choice(found)
    return re.sub(r" {2,}", " ", target[: match.start()] + target[match.end():]).strip() or None


def copy_source(source: str, target: str, rng: random.Random, _ctx) -> str | None:
    if " ".join(source.lower().split()) == " ".join(target.lower().split()) or not re.search(r"[A-Za-z]{3}", source):
        return None
    return source


def english_of_another(source: str, target: str, rng: random.Random, ctx) -> str | None:
    others = [s for s in ctx["sources"] if len(s.split()) >= 4 and s != source]
    return rng.choice(others) if others else None


def insert_forbidden(source: str, target: str, rng: random.Random, ctx) -> str | None:
    for term, preferred, forbidden in ctx["glossary"]:
        if re.search(rf"\b{re.escape(term)}s?\b", source, re.IGNORECASE):
            match = re.search(rf"\b{re.escape(preferred)}\b", target, re.IGNORECASE)
            if match:
                wording = forbidden[0].upper() + forbidden[1:] if match.group()[0].isupper() else forbidden
                return target[: match.start()] + wording + target[match.start() + len(preferred):]
    return None


def double_space(source: str, target: str, rng: random.Random, _ctx) -> str | None:
    if "  " in source or "  " in target:
        return None
    found = list(SINGLE_SPACE.finditer(target))
    if not found:
        return None
    match = rng.choice(found)
    return target[: match.start()] + "  " + target[match.end():]


def drop_end_punctuation(source: str, target: str, rng: random.Random, _ctx) -> str | None:
    if not END_MARK.search(source.rstrip()) or not END_MARK.search(target.rstrip()) or target.rstrip().endswith(".."):
        return None
    return END_MARK.sub("", target.rstrip())


INJECTORS: dict[str, Callable] = {
    "number": change_number,
    "placeholder": drop_placeholder,
    "source-copy": copy_source,
    "english": english_of_another,
    "forbidden-term": insert_forbidden,
    "double-space": double_space,
    "end-punctuation": drop_end_punctuation,
}


def _in_placeholder(text: str, index: int) -> bool:
    return any(m.start() <= index < m.end() for m in PLACEHOLDER.finditer(text))


def inject(catalog: Path, glossary: Path, out: Path, seed: int = 1, per_kind: int = 20) -> list[dict]:
    """Write the defective copy and its truth file; return the truth records."""
    store = po.pofile(catalog.open("rb"))
    units = [u for u in store.units if eligible(u)]
    rng = random.Random(seed)
    ctx = {"sources": sorted({u.source for u in units}), "glossary": load_glossary(glossary)}
    used: set[int] = set()
    truth = []
    for kind in KINDS:
        order = list(range(len(units)))
        rng.shuffle(order)
        done = 0
        for index in order:
            if done == per_kind:
                break
            if index in used:
                continue
            unit = units[index]
            after = INJECTORS[kind](unit.source, unit.target, rng, ctx)
            if after is None or after == unit.target:
                continue
            truth.append({"key": list(unit_key(unit)), "kind": kind, "before": unit.target, "after": after})
            unit.target = after
            used.add(index)
            done += 1
    out.write_bytes(bytes(store))
    Path(f"{out}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalog", type=Path)
    parser.add_argument("glossary", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-kind", type=int, default=20)
    args = parser.parse_args()
    truth = inject(args.catalog, args.glossary, args.out, args.seed, args.per_kind)
    print(f"{len(truth)} defects written to {args.out}")


if __name__ == "__main__":
    main()
