"""Fuzz the po reader: `python fuzz/fuzz_po.py -max_total_time=600` (see fuzz/README.md).

Each input is also read with the careful parser alone: the fast path must give the same units,
or the same refusal (message and place)."""

from pathlib import Path

from harness import main

from tqa.config import Settings
from tqa.errors import TqaError
from tqa.readers.bilingual import RawFile
from tqa.readers.po import read

DATA = Path(__file__).resolve().parent.parent / "tests" / "readers" / "data"


def careful_agrees(path: Path) -> None:
    raw = RawFile(path, path.name, path.read_bytes(), Settings())
    fast, careful = (_units_or_error(raw, fast) for fast in (True, False))
    assert fast == careful, f"fast path: {fast!r:.300}\ncareful parser: {careful!r:.300}"


def _units_or_error(raw: RawFile, fast: bool):
    try:
        return read(raw, fast).units
    except TqaError as error:
        return str(error)


if __name__ == "__main__":
    main(".po", [DATA / "bilingual/catalog.po"], also=careful_agrees)
