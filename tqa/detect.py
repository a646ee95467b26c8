"""Segment language detection: deterministic, restricted to the languages in play, honest when unsure.

    text ── clean ── no letters? ─────────────────────────────> None   ("empty")
                  ── mostly non-Latin letters? ── langdetect, all profiles ──> "ar", "ru", ...  ("script")
                  ── 4+ words rare in, or fitting neither of, the languages in play, and not
                     clearly one of them? ── langdetect, Latin-script profiles,
                                                  confirmed by its word list ──> "de", ...  ("other")
                  ── word evidence clear? ──────────────────> "en" / "fr"  ("words")
                  ── 6+ words: langdetect restricted to the languages in play, confident? ("langdetect")
                  ── otherwise ─────────────────────────────> None   ("undetermined")

With the unit's source text as ``context`` (bilingual files): a target equal to its source, up to
case, spacing and trailing punctuation, is undetermined ("same-as-source"; LANG01 judges copies),
and a target sharing no word with a source detected in one language in play gets SOURCE_CUE
towards the others before the word margin is read.

An undetermined segment (names, numbers, "Article", "Description") is never flagged. langdetect
runs on our own seeded factories, never the process-global one, so answers never depend on the
process or the order of calls; answers are cached by text and context.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata, resources
from typing import NamedTuple

from tqa.langwords import Evidence, WordScorer, clean, has_wordlist, same_text, words

# Margin (sum of capped log10 frequency ratios) needed to name a language, by word count:
# one-word strings need the most, long sentences pile up evidence anyway.
MARGINS = {1: 0.6, 2: 0.6}
LONG_MARGIN = 0.5
TIE_BREAK_WORDS = 6  # langdetect decides only undetermined sentences; on 3-5 words it erred more than it helped
TIE_BREAK_PROB = 0.95
OTHER_WORDS = 4  # a third Latin-script language needs a sentence, not a name
OTHER_FIT = -4.8  # ...whose words are rare in the languages in play (mean log10 frequency)
OTHER_PROB = 0.9
CLEAR_MARGIN = 1.2  # ...unless the words point this clearly (margin per word) to a language in play
UNCLEAR_MARGIN = 0.2  # ...or whose words, however common, fit neither language in play (Dutch "de", "is")
OTHER_GAIN = 1.0  # ...and at least 10x more frequent, on average, in the other language's list
OTHER_LOW_PROB, OTHER_STRONG_GAIN = 0.5, 2.0  # ...or 100x, when langdetect is less sure
SOURCE_CUE = 0.5  # a target sharing no word with its source, in the other language's favour
# langdetect profiles of Latin-script languages: a Latin-script sentence is not Arabic or Thai, and
# each profile left out makes langdetect faster.
LATIN_SCRIPT = ("af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id", "it", "lt",
                "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw", "tl", "tr", "vi")
OTHER_FIT_UNLISTED = -6.0  # a language wordfreq lacks: only when the words are nearly all unknown
LETTER = re.compile(r"[^\W\d_]")
BEYOND_LATIN = re.compile(r"[^\W\d_\x00-\u024f]")  # a letter past Latin Extended-B


class Detection(NamedTuple):
    """What language a text is in, how sure, and which step decided."""

    lang: str | None  # ISO 639-1 code; None = undetermined, never flagged
    score: float  # evidence margin (words) or probability (langdetect), for reports
    method: str  # "empty", "script", "other", "words", "langdetect", "undetermined", "same-as-source"


class LanguageDetector:
    """Detects the language of segments among the languages in play (target first)."""

    def __init__(self, languages: Sequence[str] = ("en", "fr"), seed: int = 0):
        self.languages = tuple(dict.fromkeys(languages))
        self.seed = seed
        self.scorer = scorer(self.languages) if all(map(has_wordlist, self.languages)) else None
        self._cached = lru_cache(maxsize=100_000)(self._detect)
        self.langdetect_calls = 0  # how often the slow path ran (bench/langid.py reports it)

    @property
    def signature(self) -> str:
        """Everything that changes answers, for the run signature."""
        parts = [f"langdetect-{metadata.version('langdetect')}"]
        if self.scorer:
            parts.insert(0, f"words-wordfreq-{metadata.version('wordfreq')}")
        return f"{'+'.join(parts)}:{','.join(self.languages)}"

    def detect(self, text: str, context: str | None = None) -> Detection:
        """Language of one segment. ``context`` is the unit's source text in bilingual files: a
        target equal to it says nothing, and a target sharing no word with a source in one
        language in play leans, mildly, to another (translations rarely keep a word)."""
        return self._cached(text, context)

    def _detect(self, text: str, context: str | None) -> Detection:
        if context is not None and same_text(text, context):
            return Detection(None, 0.0, "same-as-source")
        cleaned = clean(text)
        if not LETTER.search(cleaned):
            return Detection(None, 0.0, "empty")
        if BEYOND_LATIN.search(cleaned) and non_latin_share([ch for ch in cleaned if ch.isalpha()]) > 0.5:
            return self._langdetect(cleaned, None, method="script", min_prob=0.0)
        if self.scorer is None:
            return self._tie_break(cleaned)
        evidence = self.scorer.evidence(cleaned)
        ranked = sorted(zip(evidence.scores, self.languages), reverse=True)
        margin = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else float("inf")
        if may_be_other(evidence, margin, len(ranked)):
            other = self._other_language(cleaned, evidence.fit)
            if other:
                return other
        if context is not None and len(ranked) > 1:
            ranked = sorted(zip(self._lean_from(context, cleaned, evidence.scores), self.languages), reverse=True)
            margin = ranked[0][0] - ranked[1][0]
        if margin >= MARGINS.get(evidence.words, LONG_MARGIN):
            return Detection(ranked[0][1], round(margin, 3), "words")
        return self._tie_break(cleaned)

    def _lean_from(self, source: str, cleaned: str, scores: tuple[float, ...]) -> tuple[float, ...]:
        """Scores moved away from the source's language when the target shares none of its words
        (looked at first: a shared word spares detecting the source)."""
        if shared_words(cleaned, clean(source)):
            return scores
        source_lang = self._cached(source, None).lang
        if source_lang not in self.languages:
            return scores
        return tuple(score + SOURCE_CUE * (lang != source_lang) for score, lang in zip(scores, self.languages))

    def _tie_break(self, text: str) -> Detection:
        """Restricted langdetect for segments long enough for its n-grams; else undetermined."""
        if len(words(text)) >= TIE_BREAK_WORDS:
            found = self._langdetect(text, self.languages, method="langdetect", min_prob=TIE_BREAK_PROB)
            if found.lang:
                return found
        return Detection(None, 0.0, "undetermined")

    def _other_language(self, text: str, fit_in_play: float) -> Detection | None:
        """A third Latin-script language, if langdetect says so and its word list agrees; the less
        sure langdetect is, the more its word list must agree."""
        found = self._langdetect(text, LATIN_SCRIPT, method="other", min_prob=OTHER_LOW_PROB)
        if found.lang is None or found.lang in self.languages:
            return None
        if not has_wordlist(found.lang):
            return found if found.score >= OTHER_PROB and fit_in_play < OTHER_FIT_UNLISTED else None
        gain = scorer((found.lang,)).evidence(text).fit - fit_in_play
        return found if gain >= (OTHER_GAIN if found.score >= OTHER_PROB else OTHER_STRONG_GAIN) else None

    def _langdetect(self, text: str, languages: tuple[str, ...] | None, *, method: str, min_prob: float) -> Detection:
        """Seeded langdetect over these languages' profiles (None: all 55)."""
        self.langdetect_calls += 1
        seeded = factory(languages, self.seed)
        best = seeded.create_detector(text) if seeded else None
        if best is None or best.prob < min_prob:
            return Detection(None, 0.0, "undetermined")
        return Detection(best.lang.split("-")[0], round(best.prob, 3), method)


def may_be_other(evidence: Evidence, margin: float, languages: int) -> bool:
    """Whether a sentence may be in a third language: its words are rare in the languages in play
    or fit none of them better than another, and do not point clearly to one of them (a third
    language's words are rare in both, so their capped differences stay small)."""
    if evidence.words < OTHER_WORDS:
        return False
    if languages > 1 and margin >= CLEAR_MARGIN * evidence.words:
        return False
    return evidence.fit < OTHER_FIT or margin < UNCLEAR_MARGIN * evidence.words


def shared_words(a: str, b: str) -> bool:
    """Whether two cleaned texts have a word in common."""
    return not {w.text for w in words(a)}.isdisjoint(w.text for w in words(b))


def non_latin_share(letters: Sequence[str]) -> float:
    """Share of letters outside the Latin script."""
    other = sum(ch > "\u024f" and not unicodedata.name(ch, "LATIN").startswith("LATIN") for ch in letters)
    return other / len(letters)


class SeededFactory:
    """A private langdetect factory with its own profiles and seed (the global one is shared state)."""

    def __init__(self, profiles: Sequence[str], seed: int):
        from langdetect.detector_factory import DetectorFactory  # NOTE: imported on first use: start-up time

        self.factory = DetectorFactory()
        folder = resources.files("langdetect").joinpath("profiles")
        self.factory.load_json_profile([folder.joinpath(name).read_text(encoding="utf-8") for name in profiles])
        self.factory.set_seed(seed)

    def create_detector(self, text: str):
        """Best (lang, prob) for text, None when langdetect finds no feature; the detector reseeds
        itself on every call."""
        from langdetect.lang_detect_exception import LangDetectException

        detector = self.factory.create()
        detector.append(text)
        try:
            ranked = detector.get_probabilities()
        except LangDetectException:
            return None
        return ranked[0] if ranked else None


@lru_cache(maxsize=None)
def scorer(languages: tuple[str, ...]) -> WordScorer:
    """One word scorer per set of languages, shared (it remembers the words it has scored)."""
    return WordScorer(languages)


@lru_cache(maxsize=None)
def factory(languages: tuple[str, ...] | None, seed: int) -> SeededFactory | None:
    """Shared per (languages, seed): loading all 55 profiles takes about a second.

    None when fewer than two of the languages have a profile: langdetect cannot choose then.
    """
    names = sorted(p.name for p in resources.files("langdetect").joinpath("profiles").iterdir())
    if languages is not None:
        names = [n for n in names if n.split("-")[0] in languages]
    return SeededFactory(names, seed) if len(names) >= 2 else None
