"""wordfreq's word lists as sorted on-disk indexes: opened in a millisecond, looked up by bisection.

Building a dict from a wordfreq list costs about 0.2 s per language (300,000 strings) and
importing wordfreq itself another 0.25 s (it pulls in ftfy, langcodes and regex); a pre-commit
hook checking one small file cannot pay that. So the first run turns each list it needs into a
compact index, kept in the user cache directory, and later runs read it whole:

    b"TQAWORDS" count   offsets (count + 1, uint32)   centibels (count, uint16)   sorted UTF-8 words

The index is keyed by the list file's name, size and modification time, so upgrading wordfreq
rebuilds it. Where the cache directory cannot be written the index is built in memory, per
process, with the same answers. wordfreq's package is located but never imported.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from array import array
from bisect import bisect_left
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

MAGIC = b"TQAWORDS"
FORMAT = 1
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

    def __init__(self, data: bytes):
        count = int.from_bytes(data[8:12], "little")
        self.offsets = array("I")
        self.offsets.frombytes(data[16:16 + 4 * (count + 1)])
        start = 16 + 4 * (count + 1)
        self.centibels = array("H")
        self.centibels.frombytes(data[start:start + 2 * count])
        self.words = data[start + 2 * count + (2 * count) % 4:]
        self.count = count

    def log10(self, word: str) -> float | None:
        """log10 frequency of a word, None when the list does not know it."""
        key, words, offsets = word.encode("utf-8"), self.words, self.offsets
        i = bisect_left(range(self.count), key, key=lambda j: words[offsets[j]:offsets[j + 1]])
        if i < self.count and words[offsets[i]:offsets[i + 1]] == key:
            return -self.centibels[i] / 100
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
        data = cached.read_bytes()
        if data.startswith(MAGIC):
            return WordIndex(data)
    except OSError:
        pass
    data = build_index(source)
    store(cached, data)
    return WordIndex(data)


def build_index(source: Path) -> bytes:
    """The index bytes of a wordfreq cBpack file (gzipped msgpack: a header, then one list per centibel)."""
    import msgpack  # wordfreq's own dependency; only needed when an index is built

    buckets = msgpack.unpackb(zlib.decompress(source.read_bytes(), 31), raw=False)[1:]
    centibels = {word: index for index, bucket in enumerate(buckets) for word in bucket}  # later bucket wins
    words = sorted(centibels)
    encoded = [word.encode("utf-8") for word in words]
    offsets = array("I", [0])
    for item in encoded:
        offsets.append(offsets[-1] + len(item))
    ranks = array("H", [centibels[word] for word in words])
    header = MAGIC + len(words).to_bytes(4, "little") + FORMAT.to_bytes(4, "little")
    padding = b"\0" * ((2 * len(words)) % 4)
    return header + offsets.tobytes() + ranks.tobytes() + padding + b"".join(encoded)


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
