"""The on-disk word index gives wordfreq's own numbers, and copes with any cache directory."""

from __future__ import annotations

import math

import pytest
import wordfreq

from tqa import wordindex
from tqa.wordindex import has_wordlist, word_index, wordlist_files

SMALL_ONLY = "ro"  # a language with only wordfreq's small list: quick to build in a test


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty cache directory, and no index remembered by this process."""
    monkeypatch.setenv("TQA_CACHE_DIR", str(tmp_path / "cache"))
    word_index.cache_clear()
    yield tmp_path / "cache"
    word_index.cache_clear()


def test_same_languages_as_wordfreq():
    assert set(wordlist_files()) == set(wordfreq.available_languages("best"))
    assert has_wordlist("fr") and has_wordlist("en") and not has_wordlist("xx")


def test_every_word_has_wordfreqs_frequency(fresh):
    expected = wordfreq.get_frequency_dict(SMALL_ONLY, "best")
    index = word_index(SMALL_ONLY)
    assert len(index) == len(expected)
    assert all(index.log10(word) == pytest.approx(math.log10(freq), abs=1e-9) for word, freq in expected.items())
    assert index.log10("qqxqqzz") is None
    assert index.get("qqxqqzz", -9.0) == -9.0


def test_index_is_stored_once_and_reused(fresh):
    first = word_index(SMALL_ONLY).log10("este")
    [stored] = fresh.iterdir()
    assert stored.name.startswith(f"small_{SMALL_ONLY}-") and stored.read_bytes().startswith(wordindex.MAGIC)
    word_index.cache_clear()
    assert word_index(SMALL_ONLY).log10("este") == first
    assert list(fresh.iterdir()) == [stored]


@pytest.mark.parametrize("damage", [lambda data: b"", lambda data: b"garbage", lambda data: data[:-100],
                                    lambda data: data[:20]], ids=["empty", "foreign", "truncated", "header"])
def test_damaged_index_is_rebuilt(fresh, damage):
    word_index(SMALL_ONLY)
    [stored] = fresh.iterdir()
    whole = stored.read_bytes()
    stored.write_bytes(damage(whole))
    word_index.cache_clear()
    assert word_index(SMALL_ONLY).log10("este") is not None
    assert stored.read_bytes() == whole


def test_unwritable_cache_builds_in_memory(monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("TQA_CACHE_DIR", str(blocker))
    word_index.cache_clear()
    try:
        assert word_index(SMALL_ONLY).log10("este") is not None
    finally:
        word_index.cache_clear()
