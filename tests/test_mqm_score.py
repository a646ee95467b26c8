"""The MQM score of a run, pinned on hand-computed cases over real files and real config."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.test_cli import ROOT, SEED, tqa
from tqa.cli import cli
from tqa.checks import ALL_CHECKS
from tqa.config import load_settings
from tqa.errors import TqaError
from tqa.models import Category, Location, MqmDimension, Segment
from tqa.pipeline import run
from tqa.reporters import render
from tqa.scoring.mqm import CATEGORY_DEFAULTS, ScoreSettings, evaluated_words

# 7 words; "The the" (STYLE01) and the doubled space (WS01): two minor linguistic-convention slips.
SLIPS = "The the cat sat  on the mat.\n"
CLEAN = "A clean sentence of six words.\n"  # 6 words, no finding


def score_of(tmp_path: Path, files: dict[str, str], config: str = "", **cli) -> dict:
    """Run the real pipeline on real files with a real tqa.toml; the report's score as JSON data."""
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "tqa.toml").write_text('select = ["WS", "STYLE", "QUOTE"]\n' + config, encoding="utf-8")
    settings = load_settings(cli, tmp_path / "tqa.toml")
    report = run([str(tmp_path / name) for name in files], settings)
    return report.model_dump(mode="json")["score"]


def test_minor_slips_hand_computed(tmp_path):
    score = score_of(tmp_path, {"a.txt": SLIPS})
    assert score["penalties"] == 2.0 and score["evaluated_words"] == 7
    assert score["value"] == 71.43  # 100 × (1 − 2/7)
    assert score["per_1000_words"] == 285.71  # 1000 × 2/7: the other number, never the score
    assert score["passed"] is None  # no gate configured
    assert score["by_dimension"] == {"linguistic-conventions": {"findings": 2, "penalties": 2.0}}
    assert score["formula"].startswith("100*(1-penalties/words)|words:source-else-target|")


def test_run_score_pools_words_and_penalties_and_keeps_each_file(tmp_path):
    score = score_of(tmp_path, {"a.txt": SLIPS, "b.txt": CLEAN})
    assert score["value"] == 84.62  # 100 × (1 − 2/13)
    assert [(f["path"].rsplit("/", 1)[-1], f["value"], f["evaluated_words"]) for f in score["files"]] == [
        ("a.txt", 71.43, 7),
        ("b.txt", 100.0, 6),
    ]


def test_only_neutral_findings_cost_nothing_but_are_counted(tmp_path):
    score = score_of(tmp_path, {"a.txt": SLIPS}, '[mqm_severity]\nWS01 = "neutral"\nrepeated-word = "neutral"\n')
    assert (score["value"], score["penalties"], score["per_1000_words"]) == (100.0, 0.0, 0.0)
    assert score["by_dimension"] == {"linguistic-conventions": {"findings": 2, "penalties": 0.0}}


def test_critical_fails_whatever_the_number(tmp_path):
    config = '[mqm_severity]\nWS01 = "critical"\n[score]\ncritical_fails = true\n'
    score = score_of(tmp_path, {"a.txt": SLIPS, "b.txt": CLEAN * 200}, config)
    assert score["penalties"] == 26.0 and score["evaluated_words"] == 1207
    assert score["value"] == 97.85  # 100 × (1 − 26/1207): a fine number...
    assert score["passed"] is False  # ...and still a fail
    assert [f["passed"] for f in score["files"]] == [False, True]


def test_min_score_sets_passed(tmp_path):
    assert score_of(tmp_path, {"a.txt": SLIPS}, "min_score = 71.43\n")["passed"] is True
    assert score_of(tmp_path, {"a.txt": SLIPS}, "min_score = 71.44\n")["passed"] is False


def test_multipliers_and_weights_are_configurable(tmp_path):
    config = '[score.multipliers]\nminor = 2\n[score.weights]\nlinguistic-conventions = 0.25\n'
    score = score_of(tmp_path, {"a.txt": SLIPS}, config)
    assert score["penalties"] == 1.0 and score["value"] == 85.71  # 2 × (2 × 0.25) = 1
    assert "multipliers:neutral=0,minor=2,major=5,critical=25|weights:linguistic-conventions=0.25" in score["formula"]


def test_a_dimension_weight_beats_its_familys():
    settings = ScoreSettings(weights={"accuracy": 2, "accuracy/omission": 0.5})
    assert settings.weight(MqmDimension.ACCURACY_UNTRANSLATED) == 2
    assert settings.weight(MqmDimension.ACCURACY_OMISSION) == 0.5
    assert settings.weight(MqmDimension.STYLE) == 1


def test_zero_words_give_no_score_and_no_division_error(tmp_path):
    score = score_of(tmp_path, {"empty.txt": "", "quote.txt": "“\n"}, "min_score = 90\n")
    empty, quote = score["files"]
    assert (empty["value"], empty["per_1000_words"], empty["penalties"], empty["passed"]) == (None, None, 0.0, True)
    # An unpaired quote over zero words: a penalty with nothing done right fails any minimum.
    assert (quote["value"], quote["penalties"], quote["passed"]) == (None, 1.0, False)
    assert score["value"] is None and score["passed"] is False


def test_suppressed_findings_are_left_out(tmp_path):
    (tmp_path / "a.txt").write_text(SLIPS, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    first = tqa("check", "a.txt", "--select", "WS,STYLE", "--write-baseline", str(baseline), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    result = tqa("check", "a.txt", "--select", "WS,STYLE", "--baseline", str(baseline), "--format", "json", cwd=tmp_path)
    score = json.loads(result.stdout)["score"]
    assert (score["value"], score["penalties"], score["by_dimension"]) == (100.0, 0.0, {})


def test_evaluated_words_are_source_words_where_there_is_a_source():
    where = Location(path="x.po", line=1, column=1, end_line=1, end_column=2, offset=0, end_offset=1, segment_id="u1")
    unit = Segment(id="u1", text="Save", anchors=((0, 0),), location=where, source="Enregistrer les modifications")
    sentence = unit.model_copy(update={"source": None, "text": "Two words"})
    assert evaluated_words([unit, sentence]) == 3 + 2


def test_min_score_gates_the_exit_status(tmp_path):
    (tmp_path / "a.txt").write_text("The the cat sat on the mat.\n", encoding="utf-8")  # one minor: 85.71
    below = tqa("check", "a.txt", "--min-score", "90", cwd=tmp_path)
    assert below.returncode == 1, below.stderr
    assert "score: 85.71 (MQM: 1 penalty point in 7 words, 142.86 per 1,000 words); failed" in below.stdout
    assert tqa("check", "a.txt", "--min-score", "85", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[mqm_severity]\nXX99 = "major"\n', "mqm_severity.XX99: no check with this name or code"),
        ('[mqm_severity]\nWS01 = "huge"\n', "mqm_severity.WS01"),
        ('[severity]\nWS1 = "error"\n', "severity.WS1: no check with this name or code"),
        ("[score.weights]\nfluency = 2\n", "unknown MQM dimension 'fluency'"),
        ("[score.multipliers]\nminor = -1\n", "must not be negative"),
        ("[score]\nthreshold = 95\n", "score.threshold"),
    ],
)
def test_bad_score_config_is_an_error_naming_file_and_key(tmp_path, config, message):
    (tmp_path / "tqa.toml").write_text(config, encoding="utf-8")
    with pytest.raises(TqaError) as caught:
        load_settings({}, tmp_path / "tqa.toml")
    assert message in str(caught.value) and "tqa.toml" in str(caught.value)


def test_bad_score_config_is_one_line_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text(SLIPS, encoding="utf-8")
    (tmp_path / "tqa.toml").write_text('[mqm_severity]\nXX99 = "major"\n', encoding="utf-8")
    result = tqa("check", "a.txt", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("tqa: error: ") and len(result.stderr.splitlines()) == 1
    assert result.stderr.endswith("tqa.toml: mqm_severity.XX99: no check with this name or code\n")


def test_seed_score_and_dimension_roll_up():
    result = tqa("check", SEED, "-g", "glossaries/news.fr-en.csv", "--format", "json")
    report = json.loads(result.stdout)
    score = report["score"]
    # 4 TERM01 + 3 LANG01 major (5 each), 1 QUOTE01 minor: 36 points over 353 words.
    assert (score["penalties"], score["evaluated_words"], score["value"], score["per_1000_words"]) == (
        36.0, 353, 89.8, 101.98,
    )
    assert score["by_dimension"] == {
        "accuracy/untranslated": {"findings": 3, "penalties": 15.0},
        "linguistic-conventions": {"findings": 1, "penalties": 1.0},
        "terminology": {"findings": 4, "penalties": 20.0},
    }
    assert {(f["code"], f["mqm_severity"], f["mqm_dimension"]) for f in report["findings"]} == {
        ("TERM01", "major", "terminology"),
        ("LANG01", "major", "accuracy/untranslated"),
        ("QUOTE01", "minor", "linguistic-conventions"),
    }


def test_every_category_has_an_mqm_default():
    assert set(CATEGORY_DEFAULTS) == set(Category)


def test_readme_mqm_table_matches_the_checks():
    """The README's table is the documentation users read: it must say what the code does."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\w+\d\d) \| [\w-]+ \| ([\w/-]+) \| (\w+) \| (\w+) \|$", readme, re.MULTILINE)
    expected = {(c.code, c.mqm_defaults()[0].value, c.severity.value, c.mqm_defaults()[1].value) for c in ALL_CHECKS}
    assert set(rows) == expected


def test_terminal_shows_run_score_dimensions_and_each_file(tmp_path):
    for name, text in {"a.txt": SLIPS, "b.txt": CLEAN}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "tqa.toml").write_text('select = ["WS", "STYLE"]\n', encoding="utf-8")
    settings = load_settings({}, tmp_path / "tqa.toml")
    report = run([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], settings)
    lines = render(report, "terminal").splitlines()
    assert "score: 84.62 (MQM: 2 penalty points in 13 words, 153.85 per 1,000 words)" in lines
    assert "by dimension: linguistic-conventions 2 (2 findings)" in lines
    assert f"score 71.43: {tmp_path.as_posix()}/a.txt" in lines and f"score 100.00: {tmp_path.as_posix()}/b.txt" in lines


def test_explain_names_the_mqm_defaults():
    result = CliRunner().invoke(cli, ["checks", "--explain", "PH01"])
    assert result.output.startswith("PH01 placeholder-mismatch (placeholder, default error; MQM design-and-markup, critical)")
