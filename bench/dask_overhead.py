"""What `tqa check --dask` costs on one machine: `--jobs 2` processes beside a Dask LocalCluster
of two workers, on the same files in the same session.

On demand only, never in CI. The corpora are bench/scale.py's (real French catalogs repeated
with unique ``msgctxt``; wheels as in its docstring). Rows: two small files (what a run costs
before any real work: the cluster's start and stop, each worker's checker), then one PO file of
10k and 100k units (read in parts of about 2,000 units, each sent to a worker and its results
sent back). Median of ``--runs`` runs, min–max, wall and CPU (all processes), peak RSS and PSS.

    PYTHONPATH=. .venv/bin/python bench/dask_overhead.py --wheels /tmp/dl --work /tmp/dask-bench \\
        --runs 3 > bench/dask-results.md
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

from bench.scale import TQA, real_units, row, write_po

SMALL = ["tests/data/bilingual/app.po", "tests/readers/data/article.md"]
ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", type=Path, required=True, help="folder of unzipped wheels")
    parser.add_argument("--work", type=Path, required=True, help="where the corpora are written")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    small = [shutil.copy(ROOT / name, args.work) for name in SMALL]
    corpora = [(len(SMALL), "two small files", small)]
    units = real_units(args.wheels)
    for size in args.sizes:
        po = args.work / f"scale-{size}.po"
        if not po.exists():
            write_po(units, size, po)
        corpora.append((size, "PO, one file", [str(po)]))
    load = os.getloadavg()
    print(f"{os.cpu_count()} CPUs; load average at start {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} "
          "(machine shared with other jobs)\n")
    print("| command | files / units | wall: median (min–max) | CPU: median (min–max) | units/wall s | "
          "units/CPU s | peak RSS, all processes summed | peak PSS, all processes |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for size, name, paths in corpora:
        for how, options in (("--jobs 2", ["--jobs", "2"]), ("--dask --jobs 2", ["--dask", "--jobs", "2"])):
            command = TQA + ["check", *paths, "--exit-zero", "-f", "lines", *options]
            print(row(f"tqa check {how} ({name})", size, command, args.runs, args.work), flush=True)
    load = os.getloadavg()
    print(f"\nload average at end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


if __name__ == "__main__":
    main()
