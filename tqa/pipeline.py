"""One run, top-down: find files -> read -> segment -> detect -> check -> report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from .checks import select_checks
from .checks.base import Check, Context
from .config import Settings
from .detect import LanguageDetector
from .errors import TqaError
from .glossary import Glossary
from .models import Finding, InputError, Paragraph, Report, Segment, Signature, Summary
from .positions import LineIndex
from .readers import SUPPORTED_SUFFIXES, read_document
from .scoring.mqm import evaluated_words, score_run
from .segment import paragraphs_around, segment_document
from .wordcount import count_words


def run(paths: Sequence[str], settings: Settings) -> Report:
    """Check every file under ``paths``; unreadable files become input errors, not crashes."""
    checks = select_checks(settings)
    glossary = load_glossary(settings)
    detectors = Detectors(settings.seed)
    findings: list[Finding] = []
    paragraphs: list[Paragraph] = []
    errors: list[InputError] = []
    files = segments = words = 0
    words_by_file: list[tuple[str, int]] = []
    for path, shown in expand_paths(paths, errors):
        try:
            document = read_document(path, shown)
        except TqaError as exc:
            errors.append(input_error(exc, shown))
            continue
        source = settings.resolve_lang("source_lang", document.source_lang)
        target = settings.resolve_lang("target_lang", document.target_lang)
        detector = detectors.get(target, source)
        checked = [detected(s, detector) for s in segment_document(document)]
        ctx = Context(settings, glossary, document, LineIndex(document.text), source, target)
        found = [f for check in checks for f in check.run(checked, ctx)]
        findings.extend(found)
        paragraphs.extend(paragraphs_around(document, checked, {f.location.segment_id for f in found}))
        files += 1
        segments += len(checked)
        words += sum(count_words(s.text) for s in checked)
        words_by_file.append((shown, evaluated_words(checked)))
    findings.sort(key=Finding.sort_key)
    return Report(
        signature=signature(settings, checks, glossary, detectors.get(settings.target_lang, settings.source_lang)),
        summary=summarize(findings, files, segments, words, len(errors)),
        findings=tuple(findings),
        input_errors=tuple(errors),
        paragraphs=tuple(paragraphs),
        score=score_run(findings, words_by_file, settings.score, settings.min_score),
    )


def expand_paths(paths: Sequence[str], errors: list[InputError]) -> Iterator[tuple[Path, str]]:
    """Files as given, and files of known formats under directories, in sorted order.

    Paths are shown as the user wrote them (joined for files found under a directory), so the
    same command gives the same report wherever it runs.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            for file in found:
                yield file, (Path(given) / file.relative_to(path)).as_posix()
        elif path.is_file():
            yield path, path.as_posix()
        else:
            errors.append(InputError(path=given, message="no such file or directory"))


class Detectors:
    """One detector per language pair in the run (files may declare different pairs)."""

    def __init__(self, seed: int):
        self.seed = seed
        self._by_pair: dict[tuple[str, str], LanguageDetector] = {}

    def get(self, target: str, source: str) -> LanguageDetector:
        if (target, source) not in self._by_pair:
            self._by_pair[(target, source)] = LanguageDetector((target, source), seed=self.seed)
        return self._by_pair[(target, source)]


def input_error(exc: TqaError, shown: str) -> InputError:
    return InputError(path=shown, message=exc.message, line=exc.line, column=exc.column)


def detected(segment: Segment, detector: LanguageDetector) -> Segment:
    return segment.model_copy(update={"detected_lang": detector.detect(segment.text).lang})


def load_glossary(settings: Settings) -> Glossary:
    """The glossaries named in settings, else the shipped ones for this language pair."""
    named = [Path(p) for p in settings.glossaries]
    if not named:
        pair = f"{settings.source_lang}-{settings.target_lang}"
        named = sorted(Path("glossaries").glob(f"*.{pair}.csv"))
    for path in named:
        if not path.is_file():
            raise TqaError("glossary not found", path=path.as_posix())
    return Glossary.load(named, source_lang=settings.source_lang, target_lang=settings.target_lang)


def summarize(findings: list[Finding], files: int, segments: int, words: int, errors: int) -> Summary:
    return Summary(
        files=files,
        segments=segments,
        words=words,
        findings=len(findings),
        by_severity=dict(sorted(Counter(f.severity.value for f in findings).items())),
        by_category=dict(sorted(Counter(f.category.value for f in findings).items())),
        input_errors=errors,
    )


def signature(settings: Settings, checks: list[Check], glossary: Glossary, detector: LanguageDetector) -> Signature:
    return Signature(
        tqa_version=__version__,
        source_lang=settings.source_lang,
        target_lang=settings.target_lang,
        checks=tuple(sorted(c.code for c in checks)),
        glossaries=tuple(glossary.files),
        detector=detector.signature,
        seed=settings.seed,
    )


def exit_code(report: Report, fail_on) -> int:
    """0 clean; 1 findings at or above ``fail_on``, or a failed score; 2 when any input could not be checked."""
    if report.input_errors:
        return 2
    failed = any(f.severity.at_least(fail_on) for f in report.findings)
    return int(failed or (report.score is not None and report.score.passed is False))
