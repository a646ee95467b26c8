"""Benchmark: does source–target similarity (chrF of the target against its source) help LANG01?

Pairs come from real gettext catalogs, English msgid -> French msgstr (read as
bench/build_langid_set.py reads them), each unique (source, target) pair once, identical pairs
kept: in a real catalog "Description" -> "Description" is a correct translation, and exactly
where a similarity rule would go wrong. For every unique source two untranslated targets are
made: the source copied as it is, and the copy after a French typography pass (no-break space
before ``: ; ! ?``, straight double quotes to « »), which is how a leftover looks once a tool or a
reviewer has fixed its punctuation and no longer equals its source.

Rules compared, all on a bilingual unit with source language en and target language fr:
  no near copies     LANG01 without its near-copy rule: tqa's detector on the target, plus the
                     identity rule with its exceptions (names, codes, placeholders, cognates)
  near copy ≥ T      LANG01 with NEAR_COPY = T: a target the detector cannot place whose chrF
                     against its source is ≥ T counts as a copy (the identity rule's exceptions
                     still apply); shipped with T = 90
  LANG01 or chrF ≥ T the naive rule: also flag when the detector does not say French and chrF ≥ T

Usage: PYTHONPATH=. python bench/similarity.py LABEL=FILE.po [LABEL=FILE.po ...]
Writes the Markdown table to stdout.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from bench.build_langid_set import fold, pairs, po_entries
from tests.helpers import make_context
from tqa.checks import language
from tqa.checks.language import UntranslatedText
from tqa.config import Settings
from tqa.detect import LanguageDetector
from tqa.scoring.similarity import source_similarity

THRESHOLDS = (float("inf"), 70, 80, 90, 95, 100)
SETTINGS = Settings(source_lang="en", target_lang="fr")
FRENCH_SPACE = re.compile(r"\s*([:;!?])")
QUOTED = re.compile(r'"([^"]*)"')


def load(args: list[str]) -> list[tuple[str, str]]:
    """Unique (English source, French translation) pairs of the catalogs, in file order."""
    found: dict[tuple[str, str], None] = {}
    for arg in args:
        path = Path(arg.partition("=")[2])
        for entry in po_entries(path.read_text(encoding="utf-8")):
            for en, fr in pairs(entry):
                if fold(en) and fold(fr):
                    found[fold(en), fold(fr)] = None
    return list(found)


def french_typography(text: str) -> str:
    return QUOTED.sub("«\u00a0\\1\u00a0»", FRENCH_SPACE.sub("\u00a0\\1", text))


def lang01(source: str, target: str, detector: LanguageDetector) -> bool:
    """Whether the shipped LANG01 flags this unit."""
    segment, ctx = make_context(target, settings=SETTINGS, source=source)
    segment = segment.model_copy(update={"detected_lang": detector.detect(target).lang})
    return any(UntranslatedText().run([segment], ctx))


def main(args: list[str]) -> None:
    detector = LanguageDetector(("fr", "en"))
    real = load(args)
    sources = list(dict.fromkeys(en for en, _ in real))
    copies = [(en, en) for en in sources]
    typeset = [(en, french_typography(en)) for en in sources if french_typography(en) != en]
    sets = {"real translations": real, "copied sources": copies, "copies, French typography": typeset}
    start = time.perf_counter()
    similarity = {name: [source_similarity(en, fr) for en, fr in units] for name, units in sets.items()}
    per_second = sum(map(len, sets.values())) / (time.perf_counter() - start)
    undetermined = {name: [detector.detect(fr).lang is None for _, fr in units] for name, units in sets.items()}
    near = {}
    for t in THRESHOLDS:
        language.NEAR_COPY = t  # NOTE: the shipped constant, varied for this measurement only
        near[t] = {name: [lang01(en, fr, detector) for en, fr in units] for name, units in sets.items()}
    shipped = near[90]
    french = {name: [detector.detect(fr).lang == "fr" for _, fr in units] for name, units in sets.items()}
    identical = [en == fr for en, fr in real]

    print(f"{len(real):,} real pairs ({sum(identical):,} identical), {len(copies):,} copies, "
          f"{len(typeset):,} typeset copies; chrF at {per_second:,.0f} pairs/s; the detector leaves "
          f"{sum(undetermined['real translations']) / len(real):.1%} of real targets undetermined "
          f"(the only ones the near-copy rule scores).\n")
    print("| rule | copied sources: caught | copies, French typography: caught "
          "| real translations: flagged | identical real pairs: flagged |")
    print("|---|---:|---:|---:|---:|")
    rules = {}
    for t in THRESHOLDS:
        label = "no near copies" if t == float("inf") else f"near copy ≥ {t} (chrF)" + (" — shipped" if t == 90 else "")
        rules[label] = lambda name, i, t=t: near[t][name][i]
    for t in (70, 90):
        rules[f"LANG01 or chrF ≥ {t} (naive)"] = (
            lambda name, i, t=t: shipped[name][i] or (not french[name][i] and similarity[name][i] >= t)
        )
    for label, flags in rules.items():
        rate = {name: sum(flags(name, i) for i in range(len(units))) / len(units) for name, units in sets.items()}
        same = [flags("real translations", i) for i in range(len(real)) if identical[i]]
        print(f"| {label} | {rate['copied sources']:.1%} | {rate['copies, French typography']:.1%} "
              f"| {rate['real translations']:.2%} | {sum(same) / max(len(same), 1):.1%} |")


if __name__ == "__main__":
    main(sys.argv[1:])
