"""Fuzz the tsv reader: `python fuzz/fuzz_tsv.py -max_total_time=600` (see fuzz/README.md)."""

from pathlib import Path

from harness import main

DATA = Path(__file__).resolve().parent.parent / "tests" / "readers" / "data"

if __name__ == "__main__":
    main(".tsv", [DATA / "bilingual/table.tsv"])
