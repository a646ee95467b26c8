"""Benchmark: tqa against translate-toolkit's pofilter on real catalogs with injected defects.

For each catalog: inject defects into a copy (bench/inject_defects.py, fixed seed), run both
tools on that copy in the same run, and count per defect kind the units each tool flags —
with the check meant for that kind, and with any check — and the untouched units each flags
(false alarms: every untouched, translated, non-fuzzy unit of the copy is in the
denominator; findings the shipped catalog really deserves count as alarms too).

Usage: PYTHONPATH=. python bench/bilingual.py [--seed 1] [--per-kind 20] [--dev]
Catalogs are the French Django/Oscar/Wagtail ``django.po`` files fetched as bench/data/README.md
says, unpacked under /tmp/dl (override with --root). Writes bench/bilingual-results.md.
Needs the ``bench`` extra (translate-toolkit).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from translate.storage import po

from bench.inject_defects import KINDS, inject, unit_key
from tqa.readers import read_document
from tqa.segment import segment_document

HERE = Path(__file__).parent
GLOSSARY = HERE / "data" / "ui.en-fr.csv"
VENV_BIN = Path(sys.executable).parent
# (label, path under --root, split): tuned on dev, reported on test.
CATALOGS = (
    ("Django 5.2.19 core", "django/django/conf/locale/fr/LC_MESSAGES/django.po", "dev"),
    ("django-oscar 4.2.1", "django_oscar/oscar/locale/fr/LC_MESSAGES/django.po", "dev"),
    ("Wagtail 8.0.1 admin", "wagtail/wagtail/admin/locale/fr/LC_MESSAGES/django.po", "test"),
)
# The check each tool has for each kind of defect ("—": none).
MATCHING = {
    "number": ({"NUM01"}, {"numbers"}),
    "placeholder": ({"PH01"}, {"printf", "pythonbraceformat", "variables"}),
    "source-copy": ({"LANG01"}, {"unchanged"}),
    "english": ({"LANG01", "LANG02"}, set()),
    "forbidden-term": ({"TERM01"}, set()),
    "double-space": ({"WS01"}, {"doublespacing"}),
    "end-punctuation": ({"PUNC01"}, {"endpunc"}),
}
POFILTER_TEST = re.compile(r"\(pofilter\) (\w+):")


def tqa_flags(path: Path) -> tuple[dict[tuple[str, str], set[str]], dict[tuple[str, str], set[str]], float]:
    """Codes tqa reports per unit key (all severities, and warnings and errors only), and seconds."""
    out = path.with_suffix(".tqa.json")
    started = time.perf_counter()
    subprocess.run([VENV_BIN / "tqa", "check", str(path), "-g", str(GLOSSARY), "-s", "en", "-t", "fr",
                    "--format", "json", "-o", str(out)], check=False, capture_output=True)
    seconds = time.perf_counter() - started
    document = read_document(path, str(path))
    keys = {s.id: _key_of(s.unit_id) for s in segment_document(document)}
    every, gated = defaultdict(set), defaultdict(set)
    for finding in json.loads(out.read_text(encoding="utf-8"))["findings"]:
        key = keys[finding["location"]["segment_id"]]
        every[key].add(finding["code"])
        if finding["severity"] != "info":
            gated[key].add(finding["code"])
    return every, gated, seconds


def _key_of(unit_id: str) -> tuple[str, str]:
    context, _, msgid = unit_id.rpartition("\x04")
    return context, msgid


def pofilter_flags(path: Path) -> tuple[dict[tuple[str, str], set[str]], float]:
    """Tests pofilter fails per unit key (its default tests, French rules, fuzzy units skipped)."""
    out = path.with_suffix(".pofilter.po")
    started = time.perf_counter()
    subprocess.run([VENV_BIN / "pofilter", "--language=fr", "--nofuzzy", "--progress=none", "-i", str(path),
                    "-o", str(out)], check=True, capture_output=True)
    seconds = time.perf_counter() - started
    flags = defaultdict(set)
    for unit in po.pofile(out.open("rb")).units:
        if not unit.isheader():
            flags[unit_key(unit)] |= set(POFILTER_TEST.findall(unit.getnotes()))
    return flags, seconds


def checked_keys(path: Path) -> set[tuple[str, str]]:
    """Units both tools judge: translated and not fuzzy (plural entries included)."""
    return {unit_key(u) for u in po.pofile(path.open("rb")).units
            if not u.isheader() and not u.isobsolete() and u.istranslated() and not u.isfuzzy()}


def measure(catalog: Path, workdir: Path, seed: int, per_kind: int) -> dict:
    """Inject, run both tools, and count."""
    copy = workdir / catalog.name
    truth = inject(catalog, GLOSSARY, copy, seed, per_kind)
    defect = {tuple(t["key"]): t["kind"] for t in truth}
    untouched = checked_keys(copy) - set(defect)
    tqa_all, tqa_gated, tqa_seconds = tqa_flags(copy)
    pofilter, pofilter_seconds = pofilter_flags(copy)
    rows = {}
    for kind in KINDS:
        units = [k for k, v in defect.items() if v == kind]
        tqa_checks, pofilter_tests = MATCHING[kind]
        rows[kind] = {
            "n": len(units),
            "tqa_matching": sum(bool(tqa_all[k] & tqa_checks) for k in units),
            "tqa_any": sum(bool(tqa_all[k]) for k in units),
            "pofilter_matching": sum(bool(pofilter[k] & pofilter_tests) for k in units),
            "pofilter_any": sum(bool(pofilter[k]) for k in units),
        }
    return {
        "rows": rows,
        "untouched": len(untouched),
        "tqa_alarms": sum(bool(tqa_all[k]) for k in untouched),
        "tqa_alarms_gated": sum(bool(tqa_gated[k]) for k in untouched),
        "pofilter_alarms": sum(bool(pofilter[k]) for k in untouched),
        "tqa_codes": Counter(c for k in untouched for c in tqa_all[k]),
        "pofilter_tests": Counter(t for k in untouched for t in pofilter[k]),
        "seconds": (tqa_seconds, pofilter_seconds),
    }


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def table(label: str, result: dict) -> str:
    """One catalog's Markdown table: recall per kind, then false alarms."""
    lines = [f"### {label}", "",
             "| defect | units | tqa: its check | tqa: any finding | pofilter: its test | pofilter: any test |",
             "|---|---:|---:|---:|---:|---:|"]
    total = Counter()
    for kind, row in result["rows"].items():
        tqa_checks, pofilter_tests = MATCHING[kind]
        named = f"{kind} ({'/'.join(sorted(tqa_checks))} · {'/'.join(sorted(pofilter_tests)) or 'none'})"
        lines.append(f"| {named} | {row['n']} | {percent(row['tqa_matching'], row['n'])} | "
                     f"{percent(row['tqa_any'], row['n'])} | {percent(row['pofilter_matching'], row['n'])} | "
                     f"{percent(row['pofilter_any'], row['n'])} |")
        total.update(row)
    lines.append(f"| **all defects** | {total['n']} | **{percent(total['tqa_matching'], total['n'])}** | "
                 f"{percent(total['tqa_any'], total['n'])} | **{percent(total['pofilter_matching'], total['n'])}** | "
                 f"{percent(total['pofilter_any'], total['n'])} |")
    n = result["untouched"]
    tqa_s, pofilter_s = result["seconds"]
    lines += ["", f"Untouched units flagged (false alarms), of {n}: **tqa {result['tqa_alarms']} "
              f"({percent(result['tqa_alarms'], n)})**, of which {result['tqa_alarms_gated']} "
              f"({percent(result['tqa_alarms_gated'], n)}) at warning or error; **pofilter "
              f"{result['pofilter_alarms']} ({percent(result['pofilter_alarms'], n)})**. "
              f"Time: tqa {tqa_s:.1f} s, pofilter {pofilter_s:.1f} s.", "",
              "On untouched units — tqa: " + _top(result["tqa_codes"]) + "; pofilter: "
              + _top(result["pofilter_tests"]) + ".", ""]
    return "\n".join(lines)


def _top(counts: Counter) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items(), key=lambda x: (-x[1], x[0]))) or "none"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("/tmp/dl"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-kind", type=int, default=20)
    args = parser.parse_args()
    sections = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, relative, split in CATALOGS:
            workdir = Path(tmp) / label.replace(" ", "_")
            workdir.mkdir()
            result = measure(args.root / relative, workdir, args.seed, args.per_kind)
            sections.append((split, table(f"{label} ({'held out' if split == 'test' else 'dev: tuned on'})", result)))
    body = "\n".join(s for split, s in sections if split == "test") + "\n" + "\n".join(
        s for split, s in sections if split == "dev")
    text = (f"# tqa vs pofilter on French catalogs with injected defects\n\n"
            f"Generated by `bench/bilingual.py --seed {args.seed} --per-kind {args.per_kind}`; see bench/README.md.\n\n"
            + body)
    (HERE / "bilingual-results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
