"""Term matching measured on a real catalog: exact strings versus tqa's word forms (on demand only).

    .venv/bin/python -m bench.terms CATALOG.po [--sample N]

For each translated unit: how many glossary source terms occur (exact: the term as written,
whole word, any case; word forms: tqa's matching), and how many units the missing-term check
(TERM02) would flag under each. Prints a Markdown table, then a sample of the flags of each mode
for hand checking (a flag is a false alarm when the target does render the term).
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from tqa.glossary import Glossary, TermStatus
from tqa.readers import read_document
from tqa.segment import segment_document
from tqa.tokens import inside, protected

GLOSSARY = Path(__file__).parent / "data" / "terms.en-fr.csv"
ALLOWED = (TermStatus.PREFERRED, TermStatus.ADMITTED)


def exact(term: str, text: str) -> list[re.Match]:
    return list(re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.IGNORECASE))


def exact_missing(glossary: Glossary, source: str, target: str) -> list[str]:
    missing, code = [], protected(source)
    for wording in sorted({t.source for t in glossary.terms}):
        renderings = [t.target for t in glossary.terms if t.source == wording and t.status in ALLOWED]
        found = [m for m in exact(wording, source) if not inside(m.start(), code)]
        if found and not any(exact(r, target) for r in renderings):
            missing.append(wording)
    return missing


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("catalog", type=Path)
    parser.add_argument("--sample", type=int, default=20)
    args = parser.parse_args()
    glossary = Glossary.load([GLOSSARY])
    units = [s for s in segment_document(read_document(args.catalog, str(args.catalog)))
             if s.source and s.text.strip()]
    wordings = sorted({t.source for t in glossary.terms})
    found_exact = sum(not inside(m.start(), protected(u.source)) for u in units for w in wordings
                      for m in exact(w, u.source))
    found_forms = sum(not inside(m.start, protected(u.source)) for u in units for m in glossary.find(u.source, "source"))
    flags_exact = [(u, exact_missing(glossary, u.source, u.text)) for u in units]
    flags_forms = [(u, [u.source[m.start:m.end] for m in glossary.missing_in(u.source, u.text)
                        if not inside(m.start, protected(u.source))]) for u in units]
    flags_exact = [(u, f) for u, f in flags_exact if f]
    flags_forms = [(u, f) for u, f in flags_forms if f]
    print(f"{args.catalog}: {len(units)} translated units, {len(wordings)} glossary terms\n")
    print("| matching | source term occurrences | units flagged missing-term |")
    print("|---|---:|---:|")
    print(f"| exact string | {found_exact} | {len(flags_exact)} |")
    print(f"| word forms (tqa) | {found_forms} | {len(flags_forms)} |")
    rng = random.Random(1)
    for name, flags in (("exact", flags_exact), ("word forms", flags_forms)):
        print(f"\n### sample of {name} flags\n")
        for unit, terms in sorted(rng.sample(flags, min(args.sample, len(flags))), key=lambda p: p[0].id):
            print(f"- {', '.join(terms)} | {unit.source!r} -> {unit.text!r}")


if __name__ == "__main__":
    main()
