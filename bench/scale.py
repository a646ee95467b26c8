"""Speed and scale: tqa beside pofilter on real French catalogs concatenated to 10k, 100k, 1M units.

On demand only, never in CI. Builds the corpora (PO and XLIFF 1.2) from the French catalogs of
the wheels named in bench/data/README.md (``pip download --no-deps`` into a folder, unzipped),
each copy of a unit given a unique ``msgctxt``/``id`` so no two units are the same entry, then
runs each command several times in the same session and writes a Markdown table: median wall
and CPU time with min–max, units/s, and peak RSS of the whole process tree (workers included),
sampled from /proc every 0.1 s.

    PYTHONPATH=. .venv/bin/python bench/scale.py --wheels /tmp/dl --work /tmp/scale \\
        --sizes 10000 100000 1000000 --runs 3 > bench/scale-results.md
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from html import escape
from pathlib import Path

from tqa.readers import read_document

TQA = [sys.executable, "-m", "tqa"]
POFILTER = [sys.executable, "-m", "translate.filters.pofilter"]
POFILTER_LIMIT = 200_000  # units; above, pofilter takes minutes and gigabytes (264 s, 3.7 GB at 1M)


def real_units(wheels: Path) -> list[tuple[str, str]]:
    """(source, target) of every translated unit of the French catalogs, in sorted file order."""
    units = []
    for path in sorted(wheels.rglob("locale/fr/LC_MESSAGES/*.po")):
        units += [(s.source, s.text) for s in read_document(path, str(path)).units if s.text.strip() and s.source]
    return units


def po_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def write_po(units: list[tuple[str, str]], size: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for n in range(size):
            source, target = units[n % len(units)]
            out.write(f"msgctxt \"c{n}\"\nmsgid {po_quote(source)}\nmsgstr {po_quote(target)}\n\n")


def write_xliff(units: list[tuple[str, str]], size: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                  'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
                  '<file original="bench" source-language="en" target-language="fr" datatype="plaintext"><body>\n')
        for n in range(size):
            source, target = units[n % len(units)]
            out.write(f'<trans-unit id="u{n}"><source>{escape(source, False)}</source>'
                      f'<target>{escape(target, False)}</target></trans-unit>\n')
        out.write("</body></file></xliff>\n")


def tree_rss(pid: int) -> tuple[int, int]:
    """Memory of ``pid`` and all its descendants, kB: RSS summed (pages a forked worker shares
    with its parent counted in each), and PSS summed (shared pages split between the processes
    sharing them: what the run as a whole holds)."""
    children: dict[int, list[int]] = {}
    sizes: dict[int, tuple[int, int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            status = Path(entry.path, "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        child = int(entry.name)
        children.setdefault(int(fields["PPid"]), []).append(child)
        sizes[child] = (int(fields.get("VmRSS", "0 kB").split()[0]), _pss(entry.path))
    rss = pss = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        rss, pss = rss + sizes.get(current, (0, 0))[0], pss + sizes.get(current, (0, 0))[1]
        todo += children.get(current, [])
    return rss, pss


def _pss(proc: str) -> int:
    try:
        rollup = Path(proc, "smaps_rollup").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)


def measure(command: list[str], cwd: Path) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (user + system, children included), peak tree RSS and PSS (kB)
    of one run, in ``cwd`` (no glossary there: tqa and pofilter both run their default checks only)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    peak_rss = peak_pss = 0
    while True:
        pid, _, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, peak_rss, peak_pss
        rss, pss = tree_rss(process.pid)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.1)


def row(name: str, size: int, command: list[str], runs: int, cwd: Path) -> str:
    """One table row. CPU time is the steadier number on a shared machine; wall time is what a
    user waits."""
    results = [measure(command, cwd) for _ in range(runs)]
    walls, cpus = sorted(r[0] for r in results), sorted(r[1] for r in results)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    rss, pss = max(r[2] for r in results) / 1024, max(r[3] for r in results) / 1024
    return (f"| {name} | {size:,} | {wall:.2f} s ({walls[0]:.2f}–{walls[-1]:.2f}) | {cpu:.2f} s "
            f"({cpus[0]:.2f}–{cpus[-1]:.2f}) | {size / wall:,.0f} | {size / cpu:,.0f} | {rss:,.0f} MB "
            f"| {pss:,.0f} MB |")


def distinct(units: list[tuple[str, str]], size: int) -> list[tuple[str, str]]:
    """``size`` units, none the same: each copy after the first ends in " [copy]" in both texts
    (a number that is in the source and the target, so no check minds it). Measures tqa with
    nothing to remember, where the real catalogs repeated measure a translation memory."""
    return [(s, t) if n < len(units) else (f"{s} [{n // len(units)}]", f"{t} [{n // len(units)}]")
            for n, (s, t) in ((n, units[n % len(units)]) for n in range(size))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", type=Path, required=True, help="folder of unzipped wheels")
    parser.add_argument("--work", type=Path, required=True, help="where the corpora are written")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", nargs="+", default=["1", "2"], help="--jobs values to measure tqa with")
    parser.add_argument("--runs-big", type=int, default=1, help=f"runs above {POFILTER_LIMIT:,} units")
    parser.add_argument("--distinct-limit", type=int, default=POFILTER_LIMIT,
                        help="largest size also measured with every unit distinct")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    units = real_units(args.wheels)
    load = os.getloadavg()
    print(f"{len(units):,} real units repeated; {os.cpu_count()} CPUs; load average at start "
          f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f} (machine shared with other jobs)\n")
    print("| command | units | wall: median (min–max) | CPU: median (min–max) | units/wall s | units/CPU s "
          "| peak RSS, all processes summed | peak PSS, all processes |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        runs = args.runs if size <= POFILTER_LIMIT else args.runs_big
        po, xlf = args.work / f"scale-{size}.po", args.work / f"scale-{size}.xlf"
        if not po.exists():
            write_po(units, size, po)
            write_xliff(units, size, xlf)
        for name, path in (("PO", po), ("XLIFF", xlf)):
            for jobs in args.jobs:
                command = TQA + ["check", str(path), "--exit-zero", "-f", "lines", "--jobs", jobs]
                print(row(f"tqa check --jobs {jobs} ({name})", size, command, runs, args.work), flush=True)
        if size <= args.distinct_limit:
            unique = args.work / f"scale-{size}-distinct.po"
            if not unique.exists():
                write_po(distinct(units, size), size, unique)
            for jobs in args.jobs:
                command = TQA + ["check", str(unique), "--exit-zero", "-f", "lines", "--jobs", jobs]
                print(row(f"tqa check --jobs {jobs} (PO, every unit distinct)", size, command, runs, args.work),
                      flush=True)
        if size <= POFILTER_LIMIT:
            print(row("pofilter, default checks (PO)", size, POFILTER + [str(po), str(args.work / "pofilter.out")],
                      args.runs, args.work), flush=True)
        else:
            print(f"| pofilter, default checks (PO) | {size:,} | skipped: > 6 min (issue: 264 s, 3.7 GB) | | | | | |")
    load = os.getloadavg()
    print(f"\nload average at end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


if __name__ == "__main__":
    main()
