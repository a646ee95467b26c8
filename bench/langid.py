"""Benchmark: how well detectors tell French from English by segment length (run on demand).

For each length bucket (words split on whitespace): the share of French segments flagged as
not English ("catch": detected, and not "en") and of English segments flagged ("false alarm"),
for plain langdetect with all profiles, langdetect restricted to en+fr (both seeded), and
tqa's LanguageDetector, on the held-out test packages and on everything. Writes the Markdown
to bench/langid-results.md.

Usage: PYTHONPATH=. python bench/langid.py [--errors dev|test|all]   (--errors prints tqa's mistakes)
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tqa.detect import LanguageDetector, factory

HERE = Path(__file__).parent
DATA = HERE / "data" / "langid-enfr.tsv"
TEST_PACKAGES = ("django_allauth", "django_oscar")  # held out: never looked at while tuning
BUCKETS = (("1–2", 1, 2), ("3–5", 3, 5), ("6–15", 6, 15), ("16+", 16, 10**9))


def load() -> list[tuple[str, str, str]]:
    """(split, lang, text) rows; split is "test" for the held-out packages, else "dev"."""
    with DATA.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    split = lambda source: "test" if source.split("-")[0] in TEST_PACKAGES else "dev"  # noqa: E731
    return [(split(row["source"]), row["lang"], row["text"]) for row in rows]


def langdetect_only(languages: tuple[str, ...] | None) -> Callable[[str], str | None]:
    """Seeded langdetect on its own, as most projects use it."""
    seeded = factory(languages, 0)

    def detect(text: str) -> str | None:
        best = seeded.create_detector(text)
        return best.lang if best else None

    return detect


def bucket(text: str) -> str:
    n = len(text.split())
    return next(name for name, low, high in BUCKETS if low <= n <= high)


def run(detect: Callable[[str], str | None], texts: list[str]) -> tuple[list[bool], float]:
    """Whether each text is flagged (detected, and not English), and segments per second."""
    start = time.perf_counter()
    answers = [detect(text) for text in texts]
    speed = len(texts) / (time.perf_counter() - start)
    return [answer is not None and answer != "en" for answer in answers], speed


def table(title: str, rows: list[tuple[str, str, str]], results: dict, split: str) -> str:
    """One Markdown table: catch / false alarm per bucket and speed, for one split."""
    keep = [i for i, row in enumerate(rows) if split in ("all", row[0])]
    count = lambda name, lang: sum(bucket(rows[i][2]) == name and rows[i][1] == lang for i in keep)  # noqa: E731
    sizes = " · ".join(f"{name}: {count(name, 'fr')} fr / {count(name, 'en')} en" for name, _, _ in BUCKETS)
    lines = [f"### {title}", "", f"Segments — {sizes}", "",
             "| detector | " + " | ".join(f"{name} words: catch / false alarm" for name, _, _ in BUCKETS)
             + " | segments/s (all) |", "|---|" + "---:|" * (len(BUCKETS) + 1)]
    for label, (flags, speed) in results.items():
        cells = []
        for name, _, _ in BUCKETS:
            rate = {}
            for lang in ("fr", "en"):
                hits = [flags[i] for i in keep if rows[i][1] == lang and bucket(rows[i][2]) == name]
                rate[lang] = sum(hits) / max(len(hits), 1)
            cells.append(f"{rate['fr']:.1%} / {rate['en']:.1%}")
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {speed:,.0f} |")
    return "\n".join(lines) + "\n"


def errors(split: str) -> None:
    """Print tqa's misses (French not flagged) and false alarms (English flagged)."""
    detector = LanguageDetector(("en", "fr"))
    for where, lang, text in load():
        if split not in ("all", where):
            continue
        found = detector.detect(text)
        flagged = found.lang is not None and found.lang != "en"
        if flagged != (lang == "fr"):
            print(f"{lang}\t{bucket(text)}\t{found.lang}\t{found.score}\t{found.method}\t{text}")


def main(args: list[str]) -> None:
    if args[:1] == ["--errors"]:
        errors(args[1] if len(args) > 1 else "dev")
        return
    factory(None, 0), factory(("en", "fr"), 0)  # load profiles before timing
    detectors = {
        "langdetect 1.0.9, all 55 profiles, seeded": lambda: langdetect_only(None),
        "langdetect, en+fr profiles only, seeded": lambda: langdetect_only(("en", "fr")),
        "tqa LanguageDetector (en, fr)": tqa_detector,
    }
    rows = load()
    results = {label: run(make(), [text for _, _, text in rows]) for label, make in detectors.items()}
    report = "\n".join(table(title, rows, results, split) for title, split in
                       (("Held-out test packages (allauth, Oscar)", "test"),
                        ("Dev packages (Django, Wagtail, Sphinx; tuned on)", "dev"), ("All packages", "all")))
    print(report)
    (HERE / "langid-results.md").write_text("# Language-identification benchmark\n\n" + report, encoding="utf-8")


def tqa_detector() -> Callable[[str], str | None]:
    """A fresh tqa detector (empty cache), answering with the language code only.

    One German sentence first loads the word lists and profiles used for third languages (about
    3 s, once per process), so the timing is steady-state like the langdetect rows'.
    """
    detector = LanguageDetector(("en", "fr"))
    detector.detect("Das ist ein deutscher Satz über die Regierung und das Parlament.")
    return lambda text: detector.detect(text).lang


if __name__ == "__main__":
    main(sys.argv[1:])
