"""`tqa score`: reference metrics equal sacrebleu's own command line, digit for digit."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import ROOT, tqa
from tqa.detect import LanguageDetector
from tqa.errors import TqaError
from tqa.reporters.metrics import render_json
from tqa.scoring.reference import score_files
from tqa.scoring.similarity import source_similarity

DATA = "tests/data/score"
HYP, REF, REF2, REF_FR = (f"{DATA}/{name}" for name in ("hyp.en.txt", "ref.en.txt", "ref2.en.txt", "ref.fr.txt"))
SACREBLEU = shutil.which("sacrebleu", path=str(Path(sys.executable).parent))


def sacrebleu(*args: str) -> str:
    """sacrebleu's own command line, from the same environment as tqa."""
    result = subprocess.run([SACREBLEU, *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True)
    return result.stdout


def sacrebleu_json(*args: str) -> dict[str, dict]:
    """sacrebleu's JSON scores by metric name (it prints one object for one metric, else a list)."""
    scores = json.loads(sacrebleu(*args))
    return {m["name"]: m for m in (scores if isinstance(scores, list) else [scores])}


@pytest.fixture(autouse=True)
def in_repository(monkeypatch):
    monkeypatch.chdir(ROOT)  # paths as a user in the repository types them


def ours(hyp: str, *refs: str, **options) -> dict:
    """tqa's JSON report, computed in this process (the command line is tested below)."""
    report = score_files(Path(hyp), [Path(r) for r in refs], LanguageDetector(("en", "fr")), **options)
    return json.loads(render_json(report))


@pytest.mark.parametrize(
    ("refs", "extra"),
    [
        pytest.param([REF], [], id="one-reference"),
        pytest.param([REF, REF2], [], id="two-references"),
        pytest.param([REF], ["-w", "4"], id="four-decimals"),
    ],
)
def test_corpus_scores_equal_sacrebleu_cli(refs, extra):
    report = ours(HYP, *refs, width=int(extra[1]) if extra else 1)
    theirs = sacrebleu_json(*refs, "-i", HYP, "-m", "bleu", "chrf", "ter", *extra)
    theirs |= sacrebleu_json(*refs, "-i", HYP, "-m", "chrf", "--chrf-word-order", "2", *extra)
    for key, name in (("bleu", "BLEU"), ("chrf", "chrF2"), ("chrfpp", "chrF2++"), ("ter", "TER")):
        got, expected = report[key], theirs[name]
        assert (got["name"], got["score"], got["signature"]) == (expected["name"], expected["score"], expected["signature"])
        assert got["verbose_score"] == expected.get("verbose_score")
    assert report["bleu"]["signature"].startswith(f"nrefs:{len(refs)}|")


def test_terminal_lines_are_sacrebleus_text_format():
    result = tqa("score", HYP, "--ref", REF)  # the real command line, as a user runs it
    assert result.returncode == 0, result.stderr
    theirs = [line.strip() for line in sacrebleu(REF, "-i", HYP, "-m", "bleu", "chrf", "ter", "-f", "text").splitlines()]
    bleu, chrf, chrfpp, ter = result.stdout.splitlines()[:4]
    assert [bleu, chrf, ter] == theirs
    assert chrfpp.startswith("chrF2++|nrefs:1|")
    assert "Lowest chrF (5):" in result.stdout
    assert "  line 8: chrF" in result.stdout  # the French line left in the English text is the worst


@pytest.mark.parametrize("metric", ["chrf", "ter"])
def test_segment_scores_equal_sacrebleu_sentence_level(metric):
    report = ours(HYP, REF, REF2)
    theirs = sacrebleu(REF, REF2, "-i", HYP, "-m", metric, "-sl", "-b").split()
    assert [str(s[metric]) for s in report["segments"]] == theirs
    assert [s["line"] for s in report["segments"]] == list(range(1, 9))


def test_target_language_picks_the_tokenizer_as_sacrebleu_l_does():
    report = ours(HYP, REF, target_lang="en")
    theirs = sacrebleu_json(REF, "-i", HYP, "-m", "bleu", "-l", "fr-en")["BLEU"]
    assert (report["bleu"]["score"], report["bleu"]["signature"]) == (theirs["score"], theirs["signature"])


def test_bootstrap_confidence_equals_sacrebleu_confidence():
    report = ours(HYP, REF, bootstrap=200)
    theirs = sacrebleu_json(REF, "-i", HYP, "-m", "bleu", "chrf", "--confidence", "--confidence-n", "200")
    for key, name in (("bleu", "BLEU"), ("chrf", "chrF2")):
        got, expected = report[key], theirs[name]
        assert (got["score"], got["signature"]) == (expected["score"], expected["signature"])
        assert (got["confidence_mean"], got["confidence_var"]) == (expected["confidence_mean"], expected["confidence_var"])


def test_crlf_and_trailing_spaces_read_as_sacrebleu_reads_them(tmp_path):
    hyp = tmp_path / "hyp.txt"
    hyp.write_bytes((ROOT / HYP).read_bytes().replace(b"\n", b"  \r\n"))
    report = ours(str(hyp), REF)
    assert report["bleu"]["score"] == ours(HYP, REF)["bleu"]["score"]
    assert report["segments"][0]["hypothesis"].endswith("agreement")


@pytest.mark.parametrize(
    ("hyp", "ref", "target", "message"),
    [
        (HYP, f"{DATA}/two-lines.txt", None, f"{DATA}/two-lines.txt: not aligned with {HYP}: 2 lines here, 8 in the hypothesis"),
        (HYP, f"{DATA}/empty.txt", None, f"{DATA}/empty.txt: empty file"),
        (f"{DATA}/empty.txt", REF, None, f"{DATA}/empty.txt: empty file"),
        (HYP, REF_FR, None, f"{REF_FR}: text in French, but {HYP} is in English"),
        (HYP, f"{DATA}/missing.txt", None, f"{DATA}/missing.txt: cannot read"),
        (REF_FR, REF_FR, "en", f"{REF_FR}: text in French, expected English"),
    ],
)
def test_bad_input_is_refused_naming_the_file(hyp, ref, target, message):
    with pytest.raises(TqaError) as caught:
        ours(hyp, ref, target_lang=target)
    assert str(caught.value).startswith(message)


def test_bad_input_is_one_line_and_exit_2_on_the_command_line():
    result = tqa("score", REF_FR, "--ref", REF_FR, "--target-lang", "en")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "tqa: error: tests/data/score/ref.fr.txt: text in French, expected English\n"


def test_bilingual_files_are_matched_by_unit_id():
    """An XLIFF translation against a TMX memory that lists the same units in another order."""
    report = ours(f"{DATA}/hyp.fr-en.xlf", f"{DATA}/ref.fr-en.tmx", target_lang="en")
    as_text = ours(HYP, REF, target_lang="en")
    for key in ("bleu", "chrf", "chrfpp", "ter"):
        assert (report[key]["score"], report[key]["signature"]) == (as_text[key]["score"], as_text[key]["signature"])
    assert [(s["unit_id"], s["chrf"], s["ter"]) for s in report["segments"]] == [
        (f"s{n}", s["chrf"], s["ter"]) for n, s in enumerate(as_text["segments"], start=1)
    ]
    assert report["segments"][0]["line"] == 7  # the first <target> in the XLIFF file


@pytest.mark.parametrize(
    ("hyp", "ref", "message"),
    [
        (f"{DATA}/hyp.fr-en.xlf", REF, "cannot align with tests/data/score/hyp.fr-en.xlf: one is plain text, the other bilingual"),
        (f"{DATA}/hyp.fr-en.xlf", "tests/readers/data/bilingual/xliff12.xlf",
         "units of tests/data/score/hyp.fr-en.xlf have no unit with their id here (first: 's1')"),
    ],
)
def test_bilingual_files_that_do_not_match_are_refused(hyp, ref, message):
    with pytest.raises(TqaError, match=re.escape(message)):
        ours(hyp, ref)


def test_source_similarity_tells_a_copy_from_a_translation():
    copied = source_similarity("Réagissez à cet article", "Réagissez à cet article")
    translated = source_similarity("Réagissez à cet article", "React to this article")
    assert copied == 100.0
    assert translated < 40.0
