"""Benchmark: how well detectors tell French from English by segment length (run on demand).

For each length bucket (words split on whitespace): the share of French segments flagged as
not English ("catch": detected, and not "en") and of English segments flagged ("false alarm"),
for plain langdetect with all profiles, langdetect restricted to en+fr (both seeded), and
tqa's LanguageDetector, on the held-out test packages, the dev packages and everything; then
tqa again with each segment's translation pair as ``context`` (the bilingual case, an extra row
that does not change the monolingual headline). Language-neutral segments (the catalogs use the
same string on the other language's side too: "Version", "URL"; see bench/build_langid_set.py)
have no language to find and are scored apart: the headline rows leave them out, one row shows
what tqa says about them alone, and one row gives tqa's numbers counting them as before. Also the
share of segments for which tqa ran langdetect at all. Writes the Markdown to
bench/langid-results.md.

Usage: PYTHONPATH=. python bench/langid.py [--errors dev|test|all [--context]]   (tqa's mistakes)
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from tqa.detect import LanguageDetector, factory, scorer

HERE = Path(__file__).parent
DATA = HERE / "data" / "langid-enfr.tsv"
TEST_PACKAGES = ("django_allauth", "django_oscar")  # held out: never looked at while tuning
BUCKETS = (("1–2", 1, 2), ("3–5", 3, 5), ("6–15", 6, 15), ("16+", 16, 10**9))
TQA = "tqa LanguageDetector (en, fr)"
GERMAN = "Das ist ein deutscher Satz über die Regierung und das Parlament."


class Row(NamedTuple):
    split: str  # "test" for the held-out packages, else "dev"
    lang: str
    text: str
    context: str  # the other side of its msgid/msgstr pair
    neutral: bool  # the catalogs use this string on the other language's side too


def load() -> list[Row]:
    """Scored rows (repeats are only there as pair partners), each with its pair's other text."""
    with DATA.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    pairs: dict[tuple[str, str], str] = {(row["pair"], row["lang"]): row["text"] for row in rows}
    other = {"en": "fr", "fr": "en"}
    split = lambda source: "test" if source.split("-")[0] in TEST_PACKAGES else "dev"  # noqa: E731
    return [Row(split(row["source"]), row["lang"], row["text"], pairs[row["pair"], other[row["lang"]]],
                row["neutral"] == "1") for row in rows if row["repeat"] == "0"]


def langdetect_only(languages: tuple[str, ...] | None) -> Callable[[Row], str | None]:
    """Seeded langdetect on its own, as most projects use it."""
    seeded = factory(languages, 0)

    def detect(row: Row) -> str | None:
        best = seeded.create_detector(row.text)
        return best.lang if best else None

    return detect


def tqa_detector(with_context: bool) -> Callable[[Row], str | None]:
    """A fresh tqa detector, answering with the language code only."""
    detector = fresh_detector()
    if with_context:
        return lambda row: detector.detect(row.text, row.context).lang
    return lambda row: detector.detect(row.text).lang


def fresh_detector() -> LanguageDetector:
    """A tqa detector that remembers no text and no word.

    One German sentence first maps the third-language word list and loads the Latin-script
    profiles, so the timing is steady-state like the langdetect rows' (whose profiles are loaded
    before timing too); the words it scored are then forgotten.
    """
    LanguageDetector(("en", "fr")).detect(GERMAN)
    scorer.cache_clear()
    return LanguageDetector(("en", "fr"))


def langdetect_share(rows: list[Row]) -> str:
    """How often tqa ran langdetect at all, on the whole set."""
    detector = fresh_detector()
    for row in rows:
        detector.detect(row.text)
    calls = detector.langdetect_calls
    return f"tqa (no context) ran langdetect {calls} times for {len(rows):,} segments ({calls / len(rows):.2%})."


def bucket(text: str) -> str:
    n = len(text.split())
    return next(name for name, low, high in BUCKETS if low <= n <= high)


def run(detect: Callable[[Row], str | None], rows: list[Row]) -> tuple[list[bool], float]:
    """Whether each row is flagged (detected, and not English), and segments per CPU second.

    NOTE: CPU time of this process, not wall time: the bench machine is shared, and wall time
    there measures the neighbours as much as the detectors."""
    start = time.process_time()
    answers = [detect(row) for row in rows]
    speed = len(rows) / (time.process_time() - start)
    return [answer is not None and answer != "en" for answer in answers], speed


def table(title: str, rows: list[Row], results: dict, split: str) -> str:
    """One Markdown table: catch / false alarm per bucket and speed, for one split; language-neutral
    segments left out of the detector rows, then tqa on them alone and tqa counting them as before."""
    in_split = [i for i, row in enumerate(rows) if split in ("all", row.split)]
    scored = [i for i in in_split if not rows[i].neutral]
    neutral = [i for i in in_split if rows[i].neutral]
    lines = [f"### {title}", "", f"Segments — {sizes(rows, scored)}; language-neutral, scored apart — "
             f"{sizes(rows, neutral)}", "",
             "| detector | " + " | ".join(f"{name} words: catch / false alarm" for name, _, _ in BUCKETS)
             + " | segments per CPU s (all) |", "|---|" + "---:|" * (len(BUCKETS) + 1)]
    for label, (flags, speed) in results.items():
        lines.append(f"| {label} | {cells(rows, flags, scored)} | {speed:,.0f} |")
    flags = results[TQA][0]
    lines.append(f"| tqa on the language-neutral segments alone (flagged: fr / en) | {cells(rows, flags, neutral)} | |")
    lines.append(f"| tqa, language-neutral segments counted as before | {cells(rows, flags, in_split)} | |")
    return "\n".join(lines) + "\n"


def sizes(rows: list[Row], keep: list[int]) -> str:
    """Segments per bucket and language."""
    count = lambda name, lang: sum(bucket(rows[i].text) == name and rows[i].lang == lang for i in keep)  # noqa: E731
    return " · ".join(f"{name}: {count(name, 'fr')} fr / {count(name, 'en')} en" for name, _, _ in BUCKETS)


def cells(rows: list[Row], flags: list[bool], keep: list[int]) -> str:
    """Share flagged of the French and of the English segments kept, per bucket ("—": none)."""
    found = []
    for name, _, _ in BUCKETS:
        rate = {}
        for lang in ("fr", "en"):
            hits = [flags[i] for i in keep if rows[i].lang == lang and bucket(rows[i].text) == name]
            rate[lang] = f"{sum(hits) / len(hits):.1%}" if hits else "—"
        found.append(f"{rate['fr']} / {rate['en']}")
    return " | ".join(found)


def errors(split: str, with_context: bool) -> None:
    """Print tqa's misses (French not flagged) and false alarms (English flagged)."""
    detector = LanguageDetector(("en", "fr"))
    for row in load():
        if split not in ("all", row.split):
            continue
        found = detector.detect(row.text, row.context if with_context else None)
        flagged = found.lang is not None and found.lang != "en"
        if flagged != (row.lang == "fr"):
            print(f"{row.lang}{' (neutral)' * row.neutral}\t{bucket(row.text)}\t{found.lang}\t{found.score}"
                  f"\t{found.method}\t{row.text}"
                  + (f"\t<- {row.context}" if with_context else ""))


def main(args: list[str]) -> None:
    if args[:1] == ["--errors"]:
        errors(args[1] if len(args) > 1 else "dev", "--context" in args)
        return
    factory(None, 0), factory(("en", "fr"), 0)  # load profiles before timing
    detectors = {
        "langdetect 1.0.9, all 55 profiles, seeded": lambda: langdetect_only(None),
        "langdetect, en+fr profiles only, seeded": lambda: langdetect_only(("en", "fr")),
        TQA: lambda: tqa_detector(False),
        "tqa, with the source text as context (pairs)": lambda: tqa_detector(True),
    }
    rows = load()
    results = {label: run(make(), rows) for label, make in detectors.items()}
    report = "\n".join(table(title, rows, results, split) for title, split in
                       (("Held-out test packages (allauth, Oscar)", "test"),
                        ("Dev packages (Django, Wagtail, Sphinx; tuned on)", "dev"), ("All packages", "all")))
    report += "\n" + langdetect_share(rows) + "\n"
    print(report)
    (HERE / "langid-results.md").write_text("# Language-identification benchmark\n\n" + report, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
