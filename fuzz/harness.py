"""One fuzz harness for every reader: bytes in a file of a given suffix -> a Document or a TqaError.

Anything else (an exception that is not a TqaError) is a bug: one bad file would stop the run.
Catalogs (PO, XLIFF) are also read in parts of tiny pieces, which must give the same units.
Run under atheris when it is installed (coverage-guided), else with hypothesis for a fixed time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tqa.config import Settings
from tqa.errors import TqaError
from tqa.readers import UnreadPart, has_parts, pieces, read_document, read_parts, unread_parts
from tqa.segment import segment_document

_FOLDER = Path(tempfile.mkdtemp(prefix="tqa-fuzz-"))


def read_bytes_as(suffix: str, data: bytes, also: Callable[[Path], None] | None = None) -> None:
    """Read ``data`` as a file named with ``suffix``, then segment it; a TqaError is a fine answer.
    ``also``: a reader's own check of the file (PO: its fast path against its careful parser)."""
    # A locale folder, so the JSON reader sees a translation file (its source file is absent).
    path = _FOLDER / "locales" / "fr" / f"fuzz{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        whole = read_document(path, path.name)
        segment_document(whole)
    except TqaError as error:
        whole = error
    if has_parts(path):
        _same_in_parts(path, whole)
    if also is not None:
        also(path)


def _same_in_parts(path: Path, whole) -> None:
    """Read in parts (small pieces, so cuts fall everywhere) gives the whole read's units, or
    refuses the file too: a big file must not read differently from a small one."""
    for way in (read_parts, _read_by_workers):
        size, pieces.PIECE_BYTES = pieces.PIECE_BYTES, 97
        try:
            units = [u for part in way(path, path.name, Settings()) for u in part.units]
        except TqaError as error:
            assert isinstance(whole, TqaError), f"read whole, refused in parts ({way.__name__}): {error}"
            continue
        finally:
            pieces.PIECE_BYTES = size
        assert not isinstance(whole, TqaError), f"refused whole ({whole}), read in parts ({way.__name__})"
        assert units == list(whole.units), f"units differ between the whole read and {way.__name__}"


def _read_by_workers(path: Path, shown: str, settings: Settings):
    """The parts as workers read them: pieces cut here, each read on its own."""
    for part in unread_parts(path, shown, settings):
        yield part.read() if isinstance(part, UnreadPart) else part


def main(suffix: str, seeds: list[Path], source: Path | None = None,
         also: Callable[[Path], None] | None = None) -> None:
    """``python fuzz/fuzz_<reader>.py [atheris options]``, or ``--minutes N`` for the hypothesis loop.

    ``source``: a real source-language file beside the fuzzed one (JSON i18n pairs files by path).
    """
    if source is not None:
        beside = _FOLDER / "locales" / "en" / f"fuzz{suffix}"
        beside.parent.mkdir(parents=True, exist_ok=True)
        beside.write_bytes(source.read_bytes())
    if "--minutes" in sys.argv:
        _hypothesis_loop(suffix, seeds, float(sys.argv[sys.argv.index("--minutes") + 1]), also)
        return
    import atheris

    corpus = Path(tempfile.mkdtemp(prefix=f"tqa-corpus{suffix}-"))
    for seed in seeds:  # libFuzzer grows its corpus from real files, not from nothing
        (corpus / seed.name).write_bytes(seed.read_bytes())
    atheris.instrument_all()
    atheris.Setup([*sys.argv, str(corpus)], lambda data: read_bytes_as(suffix, data, also))
    atheris.Fuzz()


def _hypothesis_loop(suffix: str, seeds: list[Path], minutes: float, also: Callable[[Path], None] | None) -> None:
    from hypothesis import HealthCheck, given, settings, strategies as st

    corpus = [s.read_bytes() for s in seeds]
    mutated = st.builds(_mutate, st.sampled_from(corpus or [b""]), st.lists(st.tuples(
        st.integers(0, 1 << 20), st.integers(0, 64), st.binary(max_size=16)), max_size=8))

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.binary(max_size=4096), mutated))
    def target(data: bytes) -> None:
        if time.monotonic() > stop:
            raise _TimeUp
        read_bytes_as(suffix, data, also)

    stop = time.monotonic() + minutes * 60
    try:
        target()
    except* _TimeUp:  # hypothesis may replay the stop and call it flaky: it is still only the time
        pass


class _TimeUp(Exception):
    pass


def _mutate(seed: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Splice short byte strings into a real file: deep enough to reach the parser's inner states."""
    data = bytearray(seed)
    for at, drop, insert in edits:
        at %= len(data) + 1
        data[at:at + drop] = insert
    return bytes(data)
