"""Source–target similarity: a cheap signal that a bilingual unit was copied, not translated."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _chrf():
    # NOTE: imported here, not at the top: sacrebleu takes about 0.3 s to import, and a run of
    # `tqa check` needs it only for the few units the language detector cannot place.
    from sacrebleu.metrics import CHRF

    return CHRF()


def source_similarity(source: str, target: str) -> float:
    """chrF (0-100) of a target against its own source: near 100 means it was copied, not translated.

    Names, numbers, code and cognates score high too, so it is evidence to weigh, never a
    verdict on its own (LANG01 uses it only for targets whose language cannot be told; see
    bench/similarity.md).
    """
    return _chrf().sentence_score(target, [source]).score
