"""Language detection on real strings: real langdetect, real wordfreq, no mocks."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tqa.detect import Detection, LanguageDetector

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "morocco-israel-security-agreement.en.txt"
EVAL = ROOT / "bench" / "data" / "langid-enfr.tsv"


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector(("en", "fr"))


ENGLISH = [
    "Save",
    "Forgot password?",
    "Your email address will not be published.",
    "Required fields are marked *",
    "Sign in",
    "Delete this page",
    "Don't have an account?",
    "Last update on Monday, November 29, 2021 At 11:52 AM",
    "Morocco and Israel sign historic security cooperation agreement",
]

FRENCH = [
    "Enregistrer",
    "Vos commentaires",
    "Réagissez à cet article",
    "Rejoignez la discussion",
    "Mot de passe oublié ?",
    "Supprimer cette page",
    "Se connecter",
    "L'adresse électronique ne sera pas publiée.",
    "Les champs obligatoires sont indiqués avec *",
]

UNDETERMINED = [
    "Article",
    "Description",
    "Date",
    "Options",
    "Message",
    "#ISRAEL #MOROCCO",
    "Fiona Urbain",
    "29/11/2021",
    "Benny Gantz",
    "%(count)s",
    "",
]

OTHER_LANGUAGES = [
    ("Das ist ein deutscher Satz über die Regierung.", "de"),
    ("Die Bundesregierung hat heute neue Maßnahmen beschlossen.", "de"),
    ("El acuerdo fue firmado el lunes en Rabat por los dos ministros.", "es"),
    ("Dit is een Nederlandse zin over de regering.", "nl"),  # common words, but fitting neither en nor fr
    ("Het akkoord werd maandag in Rabat ondertekend door de ministers.", "nl"),  # langdetect unsure, words sure
    ("هذا تعليق من قارئ على المقال حول الاتفاق الأمني", "ar"),
    ("Это предложение написано на русском языке.", "ru"),
    ("这是一个关于安全合作协议的中文句子。", "zh"),
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_strings_are_english(detector, text):
    assert detector.detect(text).lang == "en"


@pytest.mark.parametrize("text", FRENCH)
def test_french_strings_are_french(detector, text):
    assert detector.detect(text).lang == "fr"


@pytest.mark.parametrize("text", UNDETERMINED)
def test_same_in_both_languages_is_undetermined(detector, text):
    assert detector.detect(text).lang is None


@pytest.mark.parametrize(("text", "lang"), OTHER_LANGUAGES)
def test_third_language_is_reported_not_forced(detector, text, lang):
    assert detector.detect(text).lang == lang


def seed_lines() -> list[str]:
    """Non-empty lines of the seed article, and the sentences of its paragraphs."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = [s for line in lines for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“])", line)]
    return sorted(set(lines + sentences))


FRENCH_SEED_LINES = {"Réagissez à cet article", "Vos commentaires", "Rejoignez la discussion"}


@pytest.mark.parametrize("text", seed_lines())
def test_seed_article(detector, text):
    expected = "fr" if text in FRENCH_SEED_LINES else "not fr"
    found = detector.detect(text).lang
    assert (found == "fr") == (expected == "fr"), (text, found)


def test_detection_carries_score_and_method(detector):
    found = detector.detect("Rejoignez la discussion")
    assert isinstance(found, Detection)
    assert found.method == "words" and found.score > 0


def test_signature_names_method_versions_and_languages(detector):
    assert detector.signature == "words-wordfreq-3.1.1+langdetect-1.0.9:en,fr"


SAMPLE = ENGLISH + FRENCH + UNDETERMINED + [text for text, _ in OTHER_LANGUAGES] + [
    "Vue d’ensemble", "Tableau de bord", "Fullscreen", "Titre", "Continuer", "Choose a file",
]


def answers(detector: LanguageDetector, texts: list[str]) -> dict[str, Detection]:
    return {text: detector.detect(text) for text in texts}


def test_same_answers_in_fresh_detectors_and_any_order():
    forward = answers(LanguageDetector(("en", "fr")), SAMPLE)
    backward = answers(LanguageDetector(("en", "fr")), SAMPLE[::-1])
    assert forward == backward


def test_same_answers_in_another_process(detector):
    code = (
        "import json, sys; from tqa.detect import LanguageDetector; d = LanguageDetector(('en', 'fr'));"
        "print(json.dumps([list(d.detect(t)) for t in json.load(sys.stdin)]))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps(SAMPLE[::-1]), capture_output=True,
                          text=True, env=env, check=True)
    theirs = [tuple(answer) for answer in json.loads(done.stdout)]
    assert theirs == [tuple(detector.detect(text)) for text in SAMPLE[::-1]]


@pytest.mark.parametrize("languages", [("de", "en"), ("en", "es"), ("ru", "en"), ("en", "ga"), ("en",)])
def test_other_language_pairs_do_not_crash(languages):
    detector = LanguageDetector(languages)
    for text in SAMPLE:
        for found in (detector.detect(text), detector.detect(text, context="Enregistrer")):
            assert found.lang is None or isinstance(found.lang, str)
    assert detector.signature.endswith(":" + ",".join(languages))


def test_other_pair_uses_its_own_word_lists():
    detector = LanguageDetector(("de", "en"))
    assert detector.detect("Das ist ein deutscher Satz über die Regierung.").lang == "de"
    assert detector.detect("Speichern").lang == "de"


def test_accuracy_floor_on_a_sample_of_the_eval_set(detector):
    """Every 20th row of the catalog set: a smoke test, the full numbers are bench/langid.py's."""
    with EVAL.open(encoding="utf-8") as f:
        rows = [row for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if row["repeat"] == "0"][::20]
    flagged = {"en": [], "fr": []}
    for row in rows:
        found = detector.detect(row["text"]).lang
        flagged[row["lang"]].append(found is not None and found != "en")
    assert sum(flagged["fr"]) / len(flagged["fr"]) >= 0.95
    assert sum(flagged["en"]) / len(flagged["en"]) <= 0.01


# Catalog pairs (Django's French catalog): the source text as context, in bilingual files.
@pytest.mark.parametrize(("text", "source", "lang"), [
    ("Modification", "Change", "fr"),  # a word of both languages; its source has none of it
    ("File", "Fichier", "en"),
    ("Tags", "Balises", "en"),
])
def test_source_as_context_tips_words_of_both_languages(detector, text, source, lang):
    assert detector.detect(text).lang is None
    assert detector.detect(text, context=source).lang == lang


@pytest.mark.parametrize(("text", "source"), [("Version", "version"), ("Status :", "Status:"),
                                              ("Rejoignez la discussion", "Rejoignez la discussion"),
                                              ("Mot\u00a0de passe\u202f?", "mot de  passe"),
                                              ("Chargement…", "Chargement . . .")])
def test_target_equal_to_source_is_undetermined(detector, text, source):
    found = detector.detect(text, context=source)
    assert (found.lang, found.method) == (None, "same-as-source")


@pytest.mark.parametrize(("text", "source"), [("Version 2", "Version"), ("Status: ok", "Status:"),
                                              ("Chargement… fini", "Chargement…")])
def test_target_differing_inside_is_not_same_as_source(detector, text, source):
    """Only trailing punctuation is ignored: marks or words inside the text tell the two apart."""
    assert detector.detect(text, context=source).method != "same-as-source"


def test_source_never_outweighs_clear_words(detector):
    """Context is mild: a French target stays French even beside a French source it differs from."""
    assert detector.detect("Vos commentaires", context="Réagissez à cet article").lang == "fr"
    assert detector.detect("Your comments", context="Vos commentaires").lang == "en"


def test_placeholders_and_slashes_are_not_all_noise(detector):
    assert detector.detect("%(value)s millions").lang == "fr"  # French plural after a number
    assert detector.detect("Date/Heure").lang == "fr"  # two words, not a path
    assert detector.detect("<<entrée originale>>").lang == "fr"  # not an HTML tag
    assert detector.detect("{}<sup>er</sup>").lang == "fr"  # ordinals: "1er" ...
    assert detector.detect("{}nd").lang == "en"  # ... and "2nd"


@pytest.mark.parametrize(("text", "lang"), [
    ("Documents Wagtail", "fr"),  # a plural noun, then a name: French order
    ("Extensions PostgreSQL", "fr"),
    ("Wagtail documents", "en"),  # English puts the name first
    ("Page Chooser", None),  # English Title Case: a singular noun before a noun
    ("Requires PostgreSQL", "en"),  # an English verb outweighs the order
    ("%(value)s billions", "fr"),  # "billions" after a number is French, whatever English does with it
    ("%(value)s billion", "en"),
    ("Oudmourte", "fr"),  # language names no word list knows
    ("Udmurt", "en"),
])
def test_short_strings_word_order_numbers_and_language_names(detector, text, lang):
    assert detector.detect(text).lang == lang
