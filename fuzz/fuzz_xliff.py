"""Fuzz the xliff reader: `python fuzz/fuzz_xliff.py -max_total_time=600` (see fuzz/README.md)."""

from pathlib import Path

from harness import main

DATA = Path(__file__).resolve().parent.parent / "tests" / "readers" / "data"

if __name__ == "__main__":
    main(".xlf", [DATA / "bilingual/xliff12.xlf", DATA / "bilingual/xliff20.xlf"])
