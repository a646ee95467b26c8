"""Word-form matching on real sentences: simplemma's forms, elision, agreement, hyphen variants."""

from __future__ import annotations

from tqa.glossary import Glossary

from tests.test_cli import GLOSSARY, ROOT

FORMS = Glossary.load([ROOT / "tests/data/glossaries/forms.en-fr.csv"])
NEWS = Glossary.load([ROOT / GLOSSARY])


def found(glossary: Glossary, text: str) -> list[str]:
    return [text[m.start:m.end] for m in glossary.forbidden_in(text)]


def test_french_elision_number_and_gender_agreement():
    text = "Les États hébreux ? Non : l'État hébreu et l’État hébreu ont signé."
    assert found(FORMS, text) == ["États hébreux", "État hébreu", "État hébreu"]
    assert found(FORMS, "Deux ententes israélo-marocaines, puis une entente israélo marocaine.") == [
        "ententes israélo-marocaines", "entente israélo marocaine"]


def test_a_multi_word_term_in_the_plural_satisfies_the_source_term():
    assert FORMS.missing_in("The Defense Minister spoke.", "Les ministres de la Défense ont parlé.") == []
    assert FORMS.missing_in("The Defense Minister spoke.", "Le ministère a parlé.") != []


def test_english_plurals_possessives_and_quotes_but_not_verb_forms():
    assert found(NEWS, "The Hebrew State’s army and the Hebrew states' neighbours") == [
        "The Hebrew State’s", "the Hebrew states'"]
    assert found(NEWS, "Both Ministers of the Defense came") == ["Ministers of the Defense"]
    assert found(NEWS, "Israel stated that the Hebrew stated nothing") == []  # "stated" is a verb
    assert found(NEWS, "an outre Atlantic view") == ["outre Atlantic"]  # hyphen written as a space


def test_case_sensitive_terms_match_only_as_written():
    assert found(NEWS, "Recall that it rained. They recall that it rained.") == ["Recall that"]
    dnt = FORMS.dnt_in("Buy an iPhone")
    assert [t.term.target for t in dnt] == ["iPhone"]
