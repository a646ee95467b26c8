"""Several glossaries with a priority order, and `tqa glossary lint` on files with real mistakes."""

from __future__ import annotations

from tqa.glossary import Glossary

from tests.test_cli import GLOSSARY, ROOT, tqa

LINT = ROOT / "tests/data/glossaries/lint"
HOUSE, CLIENT = LINT / "house.fr-en.csv", LINT / "client.fr-en.csv"


def suggestion(glossary: Glossary, text: str) -> str:
    match = glossary.forbidden_in(text)[0]
    return glossary.preferred_for(match.term).target


def test_first_glossary_wins_where_files_disagree():
    client_first = Glossary.load([CLIENT, ROOT / GLOSSARY])
    news_first = Glossary.load([ROOT / GLOSSARY, CLIENT])
    assert suggestion(client_first, "the Hebrew state said") == "the Jewish state"
    assert suggestion(news_first, "the Hebrew state said") == "Israel"
    # A wording one file allows and a later one forbids stays allowed.
    assert not Glossary.load([ROOT / GLOSSARY, HOUSE]).forbidden_in("Israel")  # house.csv:5 forbids it


def test_lint_reports_each_problem_at_its_row_with_exit_1():
    run = tqa("glossary", "lint", str(HOUSE.relative_to(ROOT)), str(CLIENT.relative_to(ROOT)))
    house, client = "tests/data/glossaries/lint/house.fr-en.csv", "tests/data/glossaries/lint/client.fr-en.csv"
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        f"{house}:4:1 GL01 warning duplicate of line 3",
        f'{house}:5:1 GL02 error "Israel" is forbidden here and preferred at line 2',
        f'{house}:6:1 GL03 info forbidden "Recall that" has no preferred or admitted alternative to suggest',
        f"{house}:6:1 GL04 warning target 'Recall that ' has spaces at its ends: tqa strips them, other tools "
        "would never match it",
        f"{house}:7:1 GL04 warning target '…' has no letter or digit: it can never match a whole word",
        f'{client}:2:1 GL02 error preferred "the Jewish state" conflicts with preferred "Israel" in {house}:2, '
        "which wins",
    ]


def test_lint_of_the_shipped_glossary_is_clean_and_bad_files_exit_2(tmp_path):
    assert tqa("glossary", "lint", GLOSSARY).returncode == 0
    broken = tmp_path / "broken.fr-en.csv"
    broken.write_text("source,target,status,case_sensitive,note\nÉtat,State,perhaps,false,\n")
    run = tqa("glossary", "lint", str(broken), GLOSSARY)
    assert run.returncode == 2
    assert run.stderr == f"tqa: error: {broken}:2: unknown status 'perhaps' (expected one of: preferred, admitted, forbidden, dnt)\n"


def test_rules_lint_reports_malformed_and_risky_regexes_and_check_refuses_them():
    rules = "tests/data/glossaries/lint/risky.fr-en.rules.toml"
    run = tqa("glossary", "lint", rules, "glossaries/news.fr-en.rules.toml")
    assert (run.returncode, run.stdout.splitlines()) == (1, [
        f"{rules}:6:1 GL05 error pattern: malformed regex 'Tel (Aviv': missing ) at position 9",
        f"{rules}:11:1 GL05 error pattern: regex '(\\\\w+\\\\s?)+$' nests quantifiers and could backtrack catastrophically",
    ])
    check = tqa("check", "seeds/morocco-israel-security-agreement.en.txt", "-g", rules)
    assert (check.returncode, check.stderr) == (2, f"tqa: error: {rules}:6: pattern: malformed regex 'Tel (Aviv': "
                                                   "missing ) at position 9\n")


def test_a_backtracking_rule_that_slips_through_is_cut_off_by_the_timeout():
    from tqa.calques import CalqueRule

    rule = CalqueRule(id="alternation", pattern="(?:a|aa)*c", message="exponential on a run of a's")
    assert list(rule.find("a" * 60)) == []
