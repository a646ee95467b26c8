"""Reference metrics with sacrebleu: how close a translation is to one or more reference translations.

    HYP, REF... -> aligned segments (one a line; same count) -> language sanity check
                -> corpus BLEU, chrF, chrF++, TER (sacrebleu's objects, defaults and signatures)
                -> per-segment chrF and TER (sacrebleu's sentence_score, as ``sacrebleu -sl``)

Numbers are formatted as sacrebleu formats them (``--width`` decimals, default 1), so they equal
sacrebleu's command line on the same files to the last printed digit. Files are read the way
sacrebleu reads them: UTF-8, universal newlines, trailing whitespace stripped from every line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import Field
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric

from ..detect import LanguageDetector
from ..errors import TqaError
from ..langnames import language_name
from ..models import Frozen
from ..readers import decode

SAMPLE_LINES = 50  # lines per file given to the language detector: enough to tell, cheap on big files


class MetricScore(Frozen):
    """One corpus metric as sacrebleu reports it."""

    name: str = Field(description="sacrebleu's name: BLEU, chrF2, chrF2++, TER.")
    score: float
    signature: str = Field(description="sacrebleu's signature: everything that changes the number.")
    verbose_score: str | None = Field(default=None, description="BLEU's n-gram precisions and brevity penalty.")
    confidence_mean: float | None = Field(default=None, description="Bootstrap mean (--bootstrap).")
    confidence_var: float | None = Field(default=None, description="Bootstrap 95% half-width (--bootstrap).")
    text: str = Field(description="The line sacrebleu's text format prints for this score.")


class SegmentScore(Frozen):
    """One aligned segment: its sentence-level chrF and TER against the references."""

    line: int = Field(description="1-based line in the files (position of the unit in bilingual files).")
    chrf: float
    ter: float
    hypothesis: str
    reference: str = Field(description="The first reference.")


class MetricsReport(Frozen):
    """The result of ``tqa score``; both output formats are rendered from it."""

    hypothesis: str
    references: tuple[str, ...]
    bleu: MetricScore
    chrf: MetricScore
    chrfpp: MetricScore
    ter: MetricScore
    segments: tuple[SegmentScore, ...]


def read_lines(path: Path) -> list[str]:
    """Segments of an aligned plain-text file, one a line, exactly as sacrebleu reads them."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise TqaError(f"cannot read: {error.strerror}", path=str(path)) from None
    text = decode(str(path), raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    if not any(line.strip() for line in lines):
        raise TqaError("empty file: nothing to score", path=str(path))
    return [line.rstrip() for line in lines]


def score_files(
    hypothesis: Path,
    references: Sequence[Path],
    detector: LanguageDetector,
    target_lang: str | None = None,
    bootstrap: int = 1,
    width: int = 1,
) -> MetricsReport:
    """Corpus and per-segment metrics of ``hypothesis`` against ``references`` (aligned files)."""
    hyps = read_lines(hypothesis)
    refs = [read_lines(path) for path in references]
    for path, lines in zip(references, refs):
        if len(lines) != len(hyps):
            raise TqaError(
                f"not aligned with {hypothesis}: {len(lines)} lines here, {len(hyps)} in the hypothesis",
                path=str(path),
            )
    check_languages({str(hypothesis): hyps, **{str(p): r for p, r in zip(references, refs)}}, detector, target_lang)
    corpus = corpus_metrics(refs, target_lang)
    return MetricsReport(
        hypothesis=str(hypothesis),
        references=tuple(str(p) for p in references),
        **{key: metric_score(metric, hyps, bootstrap, width) for key, metric in corpus.items()},
        segments=segment_scores(hyps, refs, width),
    )


def corpus_metrics(refs: list[list[str]], target_lang: str | None) -> dict[str, Metric]:
    """sacrebleu's metrics at its command-line defaults (``-l xx-<target>`` picks BLEU's tokenizer)."""
    return {
        "bleu": BLEU(trg_lang=target_lang or "", references=refs),
        "chrf": CHRF(references=refs),
        "chrfpp": CHRF(word_order=2, references=refs),
        "ter": TER(references=refs),
    }


def metric_score(metric: Metric, hyps: list[str], bootstrap: int, width: int) -> MetricScore:
    """The corpus score, with a bootstrap confidence interval when ``bootstrap`` > 1."""
    result = metric.corpus_score(hyps, references=None, n_bootstrap=bootstrap)
    signature = metric.get_signature().format()
    fields = json.loads(result.format(width, signature=signature, is_json=True))
    return MetricScore(
        name=fields["name"],
        score=fields["score"],
        signature=signature,
        verbose_score=fields.get("verbose_score"),
        confidence_mean=fields.get("confidence_mean"),
        confidence_var=fields.get("confidence_var"),
        text=result.format(width, signature=signature),
    )


def segment_scores(hyps: list[str], refs: list[list[str]], width: int) -> tuple[SegmentScore, ...]:
    """Sentence chrF and TER per line, rounded as sacrebleu prints them."""
    chrf, ter = CHRF(), TER()
    return tuple(
        SegmentScore(
            line=number,
            chrf=rounded(chrf.sentence_score(hyp, list(seg_refs)).score, width),
            ter=rounded(ter.sentence_score(hyp, list(seg_refs)).score, width),
            hypothesis=hyp,
            reference=seg_refs[0],
        )
        for number, (hyp, *seg_refs) in enumerate(zip(hyps, *refs), start=1)
    )


def rounded(value: float, width: int) -> float:
    """sacrebleu's rounding: the printed digits, read back as a number."""
    return float(f"{value:.{width}f}")


def check_languages(files: dict[str, list[str]], detector: LanguageDetector, target_lang: str | None) -> None:
    """Refuse to compare texts in different languages, or not in ``target_lang`` when given.

    Undetermined files (numbers, names, too little text) are let through: no evidence, no error.
    """
    found = {path: detector.detect(" ".join(lines[:SAMPLE_LINES])).lang for path, lines in files.items()}
    for path, lang in found.items():
        if target_lang and lang and lang != target_lang:
            raise TqaError(f"text in {language_name(lang)}, expected {language_name(target_lang)}", path=path)
    known = {path: lang for path, lang in found.items() if lang}
    if len(set(known.values())) > 1:
        (first, first_lang), *others = known.items()
        path, lang = next((p, g) for p, g in others if g != first_lang)
        raise TqaError(
            f"text in {language_name(lang)}, but {first} is in {language_name(first_lang)}", path=path
        )
