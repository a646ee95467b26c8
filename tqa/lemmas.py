"""Word forms of glossary words from simplemma's English and French dictionaries.

simplemma maps a form to its lemma ("hébreux" -> "hébreu", "marocaines" -> "marocain",
"countries'" -> "country"). A term's regex needs the other direction: every form of the term's
words. So the dictionary is read once for the words of the glossaries in use, and the answer is
cached in the tqa cache folder under a hash of the words: later runs read a small JSON file and
never import simplemma (its dictionaries take about a second per language to load).

Only inflections are kept: forms starting like the word, and in English no verb forms (-ed,
-ing), so "state" gives "states" but not "stated".
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

from .wordindex import cache_dir

LANGS = ("en", "fr")


def forms_of(words: Iterable[str], lang: str) -> Mapping[str, tuple[str, ...]]:
    """Casefolded word -> its forms (casefolded, the word included); words simplemma does not know are absent."""
    wanted = sorted({w.casefold() for w in words if len(w) > 2})
    if lang not in LANGS or not wanted:
        return {}
    from importlib.metadata import version

    key = hashlib.sha256("\n".join([lang, version("simplemma"), *wanted]).encode()).hexdigest()[:20]
    path = cache_dir() / f"termforms-{lang}-{key}.json"
    try:
        return {w: tuple(f) for w, f in json.loads(path.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError):
        pass
    found = _from_dictionary(wanted, lang)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(found, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache only costs the next run the same second
    return found


@cache
def _simplemma():
    """One dictionary factory for the lemmatiser and the reverse lookup, so each language loads once."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    factory = DefaultDictionaryFactory()
    return factory, Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))


def _from_dictionary(words: list[str], lang: str) -> dict[str, tuple[str, ...]]:
    factory, lemmatizer = _simplemma()
    lemma_of = {w: lemmatizer.lemmatize(w, lang).casefold() for w in words}
    forms: dict[str, set[str]] = {lemma: set() for lemma in lemma_of.values()}
    for form, lemma in factory.get_dictionary(lang).items():
        if lemma.casefold() in forms:
            forms[lemma.casefold()].add(form.casefold())
    result = {}
    for word, lemma in lemma_of.items():
        kept = {f for f in forms[lemma] | {word, lemma} if _inflection(word, f, lang)}
        if len(kept) > 1:
            result[word] = tuple(sorted(kept, key=lambda f: (-len(f), f)))
    return result


def _inflection(word: str, form: str, lang: str) -> bool:
    """Whether ``form`` is a plural, feminine or possessive of ``word`` rather than another word."""
    if _bare(form)[:2] != _bare(word)[:2] or not form.replace("'", "").replace("\u2019", "").isalpha():
        return False
    return lang != "en" or not form.endswith(("ed", "ing", "'s", "s'")) or word.endswith(("ed", "ing"))


def _bare(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
