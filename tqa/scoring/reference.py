"""Reference metrics with sacrebleu: how close a translation is to one or more reference translations.

    HYP, REF... -> aligned segments (plain text: one a line, same count; bilingual files: unit
                   targets matched by unit id) -> language sanity check
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
from typing import NamedTuple

from pydantic import Field
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric

from ..config import Settings
from ..detect import LanguageDetector
from ..errors import TqaError
from ..langnames import language_name
from ..models import Frozen
from ..readers import READERS, read_document
from ..readers.encoding import decode

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

    line: int = Field(description="1-based line in the files; in bilingual files, of the hypothesis unit's target.")
    unit_id: str | None = Field(default=None, description="Unit id the references were matched by (bilingual files).")
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


class Aligned(NamedTuple):
    """One segment to score: where it is, its text, and its unit id in bilingual files."""

    line: int
    text: str
    unit_id: str | None = None


def read_segments(path: Path, settings: Settings) -> list[Aligned]:
    """A bilingual file's unit targets (XLIFF, PO, TMX…), else a plain-text file's lines."""
    reader = READERS.get(path.suffix.lower())
    if reader is None or reader.read_units is None:
        return [Aligned(number, line) for number, line in enumerate(read_lines(path), start=1)]
    units = read_document(path, str(path), settings).units
    if not any(unit.text.strip() for unit in units):
        raise TqaError("no translated unit: nothing to score", path=str(path))
    return [Aligned(unit.location.line, unit.text, unit.unit_id) for unit in units]


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
    settings: Settings | None = None,
) -> MetricsReport:
    """Corpus and per-segment metrics of ``hypothesis`` against ``references`` (aligned files)."""
    settings = settings or Settings()
    segments = read_segments(hypothesis, settings)
    hyps = [s.text for s in segments]
    refs = [align(segments, read_segments(path, settings), hypothesis, path) for path in references]
    check_languages({str(hypothesis): hyps, **{str(p): r for p, r in zip(references, refs)}}, detector, target_lang)
    corpus = corpus_metrics(refs, target_lang)
    return MetricsReport(
        hypothesis=str(hypothesis),
        references=tuple(str(p) for p in references),
        **{key: metric_score(metric, hyps, bootstrap, width) for key, metric in corpus.items()},
        segments=segment_scores(segments, refs, width),
    )


def align(hyps: list[Aligned], refs: list[Aligned], hyp_path: Path, ref_path: Path) -> list[str]:
    """The reference texts in hypothesis order: line for line, or unit for unit by id."""
    bilingual = hyps[0].unit_id is not None, refs[0].unit_id is not None
    if bilingual[0] != bilingual[1]:
        raise TqaError(f"cannot align with {hyp_path}: one is plain text, the other bilingual", path=str(ref_path))
    if not bilingual[0]:
        if len(refs) != len(hyps):
            raise TqaError(
                f"not aligned with {hyp_path}: {len(refs)} lines here, {len(hyps)} in the hypothesis",
                path=str(ref_path),
            )
        return [ref.text for ref in refs]
    by_id = {ref.unit_id: ref.text for ref in refs}
    missing = [hyp.unit_id for hyp in hyps if hyp.unit_id not in by_id]
    if missing:
        raise TqaError(
            f"{len(missing)} of the {len(hyps)} units of {hyp_path} have no unit with their id here "
            f"(first: {missing[0]!r})",
            path=str(ref_path),
        )
    return [by_id[hyp.unit_id] for hyp in hyps]


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


def segment_scores(segments: list[Aligned], refs: list[list[str]], width: int) -> tuple[SegmentScore, ...]:
    """Sentence chrF and TER per segment, rounded as sacrebleu prints them."""
    chrf, ter = CHRF(), TER()
    return tuple(
        SegmentScore(
            line=segment.line,
            unit_id=segment.unit_id,
            chrf=rounded(chrf.sentence_score(segment.text, list(seg_refs)).score, width),
            ter=rounded(ter.sentence_score(segment.text, list(seg_refs)).score, width),
            hypothesis=segment.text,
            reference=seg_refs[0],
        )
        for segment, *seg_refs in zip(segments, *refs)
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
