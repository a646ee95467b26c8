"""wordfreq's word lists as on-disk hash indexes: opened in milliseconds, looked up in microseconds.

Building a dict from a wordfreq list costs about 0.2 s per language (300,000 strings) and
importing wordfreq itself another 0.25 s (it pulls in ftfy, langcodes and regex); a pre-commit
hook checking one small file cannot pay that. So the first run turns each list it needs into a
compact index, kept in the user cache directory, and later runs read it whole:

    b"TQAWORDS" count slots   offsets (count + 1, uint32)   hash table (slots, uint32: CRC-32 of the
    word, linear probing, 1-based word number, 0 = empty)   centibels (count, uint16)   UTF-8 words

The index is keyed by the list file's name, size and modification time, so upgrading wordfreq
rebuilds it. Where the cache directory cannot be written the index is built in memory, per
process, with the same answers. wordfreq's package is located but never imported.
"""

from __future__ import annotations

import mmap
import os
import tempfile
import zlib
from array import array
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

MAGIC = b"TQAWORDS"
FORMAT = 2
UNKNOWN = None  # a word the list does not know


def wordfreq_data() -> Path:
    """wordfreq's data folder, found without importing the package."""
    spec = find_spec("wordfreq")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@lru_cache(maxsize=None)
def wordlist_files() -> dict[str, Path]:
    """The best list per language, as wordfreq's ``available_languages("best")``: large, else small."""
    found: dict[str, Path] = {}
    for size in ("small", "large"):
        for path in sorted(wordfreq_data().glob(f"{size}_*.msgpack.gz")):
            found[path.name.split(".")[0].split("_", 1)[1]] = path
    return found


def has_wordlist(lang: str) -> bool:
    """Whether wordfreq has a list for this exact language code."""
    return lang in wordlist_files()


def cache_dir() -> Path:
    """$TQA_CACHE_DIR, else $XDG_CACHE_HOME/tqa, else ~/.cache/tqa."""
    if os.environ.get("TQA_CACHE_DIR"):
        return Path(os.environ["TQA_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tqa"


class WordIndex:
    """log10 frequencies of one language's words, as wordfreq's ``get_frequency_dict`` gives them."""

    def __init__(self, data: bytes | mmap.mmap):
        count, slots = int.from_bytes(data[8:12], "little"), int.from_bytes(data[12:16], "little")
        if data[:len(MAGIC)] != MAGIC or len(data) < 16 + 4 * (count + 1) + 4 * slots + 2 * count:
            raise ValueError("not a word index, or a truncated one")
        view, start, parts = memoryview(data), 16, []
        for code, size in (("I", 4 * (count + 1)), ("I", 4 * slots), ("H", 2 * count)):
            parts.append(view[start:start + size].cast(code))
            start += size
        self.offsets, self.table, self.centibels = parts
        self.data, self.base, self.mask = data, start, slots - 1
        if len(data) != start + self.offsets[count]:
            raise ValueError("truncated word index")
        self.count = count

    def __len__(self) -> int:
        return self.count

    def log10(self, word: str) -> float | None:
        """log10 frequency of a word, None when the list does not know it."""
        key, data, base, offsets, table = word.encode("utf-8"), self.data, self.base, self.offsets, self.table
        slot = zlib.crc32(key) & self.mask
        while entry := table[slot]:
            if data[base + offsets[entry - 1]:base + offsets[entry]] == key:
                return -self.centibels[entry - 1] / 100
            slot = (slot + 1) & self.mask
        return UNKNOWN

    def get(self, word: str, default: float | None = None) -> float | None:
        """log10 frequency of a word, or ``default``: the dict-like form callers used before."""
        log = self.log10(word)
        return default if log is None else log


@lru_cache(maxsize=None)
def word_index(lang: str) -> WordIndex:
    """The index for a language, read from the cache or built (and stored) on first use."""
    source = wordlist_files()[lang]
    stat = source.stat()
    cached = cache_dir() / f"{source.name.split('.')[0]}-{stat.st_size}-{stat.st_mtime_ns}.v{FORMAT}.idx"
    try:
        with cached.open("rb") as file:
            data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)  # shared by parallel runs
        return WordIndex(data)
    except (OSError, ValueError):  # missing, empty, truncated or foreign: build it again
        pass
    data = build_index(source)
    store(cached, data)
    return WordIndex(data)


def build_index(source: Path) -> bytes:
    """The index bytes of a wordfreq cBpack file (gzipped msgpack: a header, then one list per centibel)."""
    import msgpack  # wordfreq's own dependency; only needed when an index is built

    buckets = msgpack.unpackb(zlib.decompress(source.read_bytes(), 31), raw=False)[1:]
    centibels = {word: index for index, bucket in enumerate(buckets) for word in bucket}  # later bucket wins
    encoded = [word.encode("utf-8") for word in centibels]
    offsets = array("I", [0])
    for item in encoded:
        offsets.append(offsets[-1] + len(item))
    slots = 1 << (2 * len(encoded)).bit_length()  # at most half full: short probe chains
    table = array("I", bytes(4 * slots))
    for entry, item in enumerate(encoded, 1):
        slot = zlib.crc32(item) & (slots - 1)
        while table[slot]:
            slot = (slot + 1) & (slots - 1)
        table[slot] = entry
    ranks = array("H", centibels.values())
    header = MAGIC + len(encoded).to_bytes(4, "little") + slots.to_bytes(4, "little")
    body = offsets.tobytes() + table.tobytes() + ranks.tobytes()
    return header + body + b"".join(encoded)


def store(path: Path, data: bytes) -> None:
    """Write atomically (parallel runs may race); a read-only cache just means no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
