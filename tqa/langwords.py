"""Word evidence for short strings: which language in play do these words belong to?

langdetect reads character n-grams and needs a sentence; a one- or two-word interface string
("Save", "Enregistrer") gives it too little. Word frequencies carry the signal instead: for each
word, log10 P(word | lang) from wordfreq's lists, floored (unknown words say nothing) and capped
(one odd word cannot decide alone), summed per language. Cheap cues that frequencies miss are
added on top: French elisions, no-break space before ``: ; ! ?``, diacritics, plurals and
ordinals after a number ("5 millions", "1er"), English contractions and ordinals ("2nd").
A plural noun then a name ("Documents Wagtail") is French word order. One-word strings may be a
UI abbreviation or a language name no word list knows ("Ko", "Oudmourte"). Placeholders count as
numbers; markup, URLs and identifiers are dropped. Capitalised words inside a string are mostly
names and weigh less; words spelled the same in both languages weigh nothing.

    text -> clean() -> words() -> Evidence(scores per language, word count, fit)

The lists come from tqa/wordindex.py (on-disk indexes: opening them costs milliseconds).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from tqa.wordindex import WordIndex, has_wordlist, word_index

FLOOR = -8.5  # log10 frequency given to a word a list does not know
CAP = 3.0  # most one word can count against a language
NAME_WEIGHT = 0.3  # capitalised mid-string words and acronyms: mostly names
CUE = 1.5  # weight of one elision, contraction or typographic cue
ACCENT_CUE = 1.0  # a word with French diacritics
NAME_RARITY = -6.0  # a capitalised word rarer than one in a million in every list in play is a name ("Wagtail")
WORD_CACHE = 200_000  # words remembered per scorer
TEXT_CACHE = 4096  # texts whose cleaning and words are remembered: a unit's looks at both sides
SPELLING_CACHE = 20_000  # spellings remembered with their weight (about 6 MB when full)

# An e-mail, identifier or path runs to the end of its token; tried from every position of a long
# token that lacks its "@", "_" or "/", that was quadratic. Each is tried where a token starts, and
# inside one only after a placeholder, tag, entity or hashtag (the only place it can match there)
# within 32 characters: linear, and the same matches on every real catalog tried.
NOISE = re.compile(
    r"(?P<value>%\([^)]{0,200}+\)[-#0 +]*+\d*+(?:\.\d+)?[a-zA-Z]"  # %(name)s
    r"|%[-#0 +]*+\d*+(?:\.\d+)?[sdifrxXeEgGcu]"  # %s, %d
    r"|\$?\{[^{}]*\})"  # {count}, ${name}
    r"|</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|&#?\w+;"  # HTML tags, entities ("<<entrée originale>>": text)
    r"|(?:https?://|www\.)\S+"  # URLs
    r"|(?<!\S)\S[^\s@]*+@\S+|(?<=[>;}\w])\S[^\s@]{0,32}+@\S+"  # e-mail addresses
    r"|[#@]\w+"  # hashtags, mentions: names, not language
    r"|(?<!\S)[^\s_\\]*+[_\\]\S*|(?<=[>;}\w])[^\s_\\]{0,32}+[_\\]\S*"  # identifiers
    r"|(?<!\S)[~.]*/\S*"  # paths ("Date/Heure" is two words)
    r"|(?<!\S)\S[^\s/]*+/(?:[^\s/.]++|[/.](?!\w))*+[/.]\w\S*|(?<=[>;}\w])\S[^\s/]{0,32}+/\S{0,32}?[/.]\w\S*"
    r"|\b\w+\.\w[\w.]*"  # dotted names
)
NOISE_HINT = re.compile(r"[%{<&@#_/\\]|\w\.\w")  # a character every NOISE match needs: most texts have none
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
ELISION = re.compile(r"(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=[^\W\d_])")
# Tried only where a run of letters starts (the lookbehind): from inside a run it can only fail
# the same way, and trying every start made a long line of letters quadratic.
CONTRACTION = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?:n't|'re|'ve|'ll|'m|'d|'s)\b")
FRENCH_SPACING = re.compile(r"[\u00a0\u202f ][:;!?»]|«|\(e\)|\(s\)")
DIGIT = re.compile(r"\d")
FRENCH_NUMBER = re.compile(  # "5 millions" (English: "5 million"); ordinals "1er", "2e", "XXe" after markup
    r"\d[\s\u00a0\u202f]+(?P<plural>[^\W\d_]+illions)\b|\d[\s\u00a0\u202f]*(?:er|re|e|ème|ᵉ)(?![\w-])")
ENGLISH_ORDINAL = re.compile(r"\d[\s\u00a0\u202f]*(?:st|nd|rd|th)(?![\w-])")  # "1st", "{}<sup>th</sup>"
FRENCH_SPACING_HINT = re.compile(r"[:;!?»«(]")  # a character every FRENCH_SPACING match needs
FRENCH_ACCENTS = re.compile(r"[àâçéèêëîïôûùüÿœæ]")
ASCII_LETTERS = frozenset(string.ascii_letters)
TRAILING_MARKS = ".:;!?…"  # punctuation same_text ignores at the end ("Status:"/"Status")
SENTENCE_END = re.compile(r"[.!?:]")
# Two words, a plural noun then a capitalised one ("Documents Wagtail"): English puts a name first and
# keeps a noun before another noun singular ("Wagtail documents", "Page Chooser"); "ss", "us", "is"
# endings are not plurals ("Access", "Status", "Analysis").
PLURAL_THEN_NAME = re.compile(r"\s*[^\W\d_]+[^\W\d_siu]s[ \u00a0]+(?P<name>[^\W\d_]+)\s*")


class Word(NamedTuple):
    text: str  # lower-cased, apostrophes normalised
    weight: float  # 1, or NAME_WEIGHT for likely names, 0 for lone letters


@dataclass(frozen=True)
class Evidence:
    scores: tuple[float, ...]  # one per language in play; higher = fits better
    words: int
    fit: float  # mean log10 frequency of the words (names left out) in whichever language knows each best


@lru_cache(maxsize=TEXT_CACHE)
def clean(text: str) -> str:
    """Drop what carries no language: placeholders, markup, URLs, hashtags, identifiers.

    Remembered: a unit's target and source are each cleaned by detection, by its look at the
    other side, and by LANG01."""
    return NOISE.sub(noise_gap, text) if NOISE_HINT.search(text) else text


def noise_gap(match: re.Match) -> str:
    """A placeholder stands for a value, kept as a digit ("%(value)s millions": a number, then a
    French plural); anything else leaves a space."""
    return " 0 " if match.group("value") else " "


def same_text(a: str, b: str) -> bool:
    """Identical up to case, spacing and trailing punctuation ("Version"/"version", "Status:"/"Status :")."""
    return comparable(a) == comparable(b)


def comparable(text: str) -> str:
    """The text as same_text compares it: case, spacing and trailing punctuation dropped (once
    the spaces are gone, the trailing punctuation is what ends the text)."""
    return "".join(text.casefold().split()).rstrip(TRAILING_MARKS)


@lru_cache(maxsize=TEXT_CACHE)
def words(text: str) -> tuple[Word, ...]:
    """Lower-cased words of a cleaned text, with names damped; remembered, as a unit's words are
    read for its evidence and again to compare them with the other side's."""
    found: list[Word] = []
    previous_end = 0
    for match in WORD.finditer(text):
        raw = match.group()
        word = placeless_word(raw)
        if word is None:  # capitalised: a name inside a sentence, an ordinary word starting one
            sentence_start = not found or SENTENCE_END.search(text, previous_end, match.start())
            word = Word(normal(raw), 1.0 if sentence_start else NAME_WEIGHT)
        found.append(word)
        previous_end = match.end()
    return tuple(found)


@lru_cache(maxsize=SPELLING_CACHE)
def placeless_word(raw: str) -> Word | None:
    """The word and how much it says about language, wherever it stands: 0 for a lone ASCII
    letter ("M", "T": initials, units), NAME_WEIGHT for acronyms, 1 for words not capitalised;
    None for capitalised words, which depend on their place. Remembered: words come back."""
    if len(raw) == 1 and raw in ASCII_LETTERS:
        return Word(normal(raw), 0.0)
    if not raw[0].isupper():
        return Word(normal(raw), 1.0)
    if len(raw) > 1 and raw.isupper():
        return Word(normal(raw), NAME_WEIGHT)
    return None


def normal(raw: str) -> str:
    """A word as the frequency lists spell it: lower case, straight apostrophe."""
    return raw.replace("’", "'").lower()


def frequencies(lang: str) -> WordIndex:
    """wordfreq's best list for a language: ``.get(word, default)`` gives a log10 frequency."""
    return word_index(lang)


@lru_cache(maxsize=None)
def lexicon(name: str) -> frozenset[str]:
    """A one-word-a-line file from tqa/data, '#' comments ignored."""
    text = resources.files("tqa").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(line.split("#")[0].strip() for line in text.splitlines()) - {""}


class WordScorer:
    """Scores text against the wordfreq lists of the languages in play."""

    def __init__(self, languages: tuple[str, ...]):
        self.languages = languages
        self.indexes = [word_index(lang) for lang in languages]
        self.shared = lexicon("shared-words.en-fr.txt") if {"en", "fr"} <= set(languages) else frozenset()
        self.one_word = {lang: lexicon(f"ui-abbreviations.{lang}.txt") | lexicon(f"language-names.{lang}.txt")
                         for lang in languages if lang in ("en", "fr")}
        self._known: dict[str, tuple[tuple[float, ...], float]] = {}

    def evidence(self, text: str) -> Evidence:
        """Per-language scores, word count and fit of a cleaned text."""
        scores = [self._cues(lang, text) for lang in self.languages]
        found = words(text)
        fits, cued = [], self._plurals_after_numbers(text)
        for word in found:
            if word.text in cued:
                continue
            contributions, fit = self._word(word.text)
            for i, score in enumerate(contributions):
                scores[i] += score * word.weight
            if word.weight == 1.0:
                fits.append(fit)
        if len(found) == 1:
            for i, lang in enumerate(self.languages):
                scores[i] += CAP * (found[0].text in self.one_word.get(lang, ()))
        elif len(found) == 2 and "fr" in self.languages and self._plural_then_name(text):
            scores[self.languages.index("fr")] += CUE
        return Evidence(tuple(scores), len(found), sum(fits) / max(len(fits), 1))

    def _word(self, word: str) -> tuple[tuple[float, ...], float]:
        """One word's capped contribution per language (0 for the best fit, negative for others)
        and its best log10 frequency; remembered, since the same words come back all the time."""
        known = self._known.get(word)
        if known is None:
            if len(self._known) >= WORD_CACHE:
                self._known.clear()
            logs = [self._log(word, index) for index in self.indexes]
            if word in self.shared:
                contributions = (0.0,) * len(self.languages)
            else:
                cued = [log + self._word_cue(lang, word) for lang, log in zip(self.languages, logs)]
                best = max(cued)
                contributions = tuple(max(log - best, -CAP) for log in cued)
            known = self._known[word] = (contributions, max(logs))
        return known

    def _plurals_after_numbers(self, text: str) -> set[str]:
        """Plurals the French number cue counts ("5 billions"): English reads them only without a
        number ("billions of"), so their English frequency says nothing here."""
        if "fr" not in self.languages or "illions" not in text:
            return set()
        return {plural.lower() for plural in FRENCH_NUMBER.findall(text) if plural}

    def _plural_then_name(self, text: str) -> bool:
        """Whether a two-word text is a plural noun then a name, in French order ("Images Wagtail")."""
        match = PLURAL_THEN_NAME.fullmatch(text)
        if match is None:
            return False
        name = match.group("name")
        return name[0].isupper() and not name.isupper() and self._word(name.lower())[1] <= NAME_RARITY

    @staticmethod
    def _log(word: str, index: WordIndex) -> float:
        """Floored log10 frequency of the word as the list knows it: whole ("aujourd'hui",
        "don't") or after an elision ("l'article")."""
        log = index.log10(word)
        if log is None and (match := ELISION.match(word)):
            log = index.log10(word[match.end():])
        return FLOOR if log is None else max(log, FLOOR)
    @staticmethod
    def _word_cue(lang: str, word: str) -> float:
        """French elisions and diacritics, which frequency lists of other languages lack."""
        if lang != "fr":
            return 0.0
        return CUE * (ELISION.match(word) is not None) + ACCENT_CUE * (FRENCH_ACCENTS.search(word) is not None)

    @staticmethod
    def _cues(lang: str, text: str) -> float:
        """Typographic and contraction cues that word lists do not see."""
        numbers = DIGIT.search(text) is not None
        if lang == "fr":
            spacing = len(FRENCH_SPACING.findall(text)) if FRENCH_SPACING_HINT.search(text) else 0
            return CUE * (spacing + (len(FRENCH_NUMBER.findall(text)) if numbers else 0))
        if lang == "en":
            contractions = len(CONTRACTION.findall(text.replace("’", "'"))) if "'" in text or "’" in text else 0
            return CUE * (contractions + (len(ENGLISH_ORDINAL.findall(text)) if numbers else 0))
        return 0.0
