"""One run, top-down: find files -> read -> segment -> detect -> check -> report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from . import __version__
from .baseline import apply_baseline, load_baselines
from .checks import select_checks
from .checks.base import Check, Context
from .config import Settings
from .detect import LanguageDetector
from .errors import TqaError
from .fingerprint import fingerprinted
from .glossary import Glossary
from .models import Document, Finding, InputError, Paragraph, Report, Segment, Signature, Summary, UnusedSuppression
from .overrides import apply_overrides
from .positions import LineIndex
from .readers import found_in_directory, read_document
from .scoring.mqm import evaluated_words, score_run
from .segment import paragraphs_around, segment_document
from .suppress import apply_inline
from .wordcount import count_words


Track = Callable[[list[tuple[Path, str]]], Iterable[tuple[Path, str]]]


def run(paths: Sequence[str], settings: Settings, track: Track = iter, debug: bool = False) -> Report:
    """Check every file under ``paths``; unreadable files become input errors, not crashes.

    ``track`` wraps the list of files, e.g. in a progress bar. A bug in tqa on one file is an
    input error for that file too (the others are still checked), unless ``debug`` asks for
    the traceback.
    """
    checks = select_checks(settings)
    glossary = load_glossary(settings)
    baseline = load_baselines(settings.baseline)
    detectors = Detectors(settings.seed)
    findings: list[Finding] = []
    paragraphs: list[Paragraph] = []
    errors: list[InputError] = []
    unused: list[UnusedSuppression] = []
    units: dict[tuple[str, str], str] = {}
    shown_files: list[str] = []
    segments = words = 0
    words_by_file: list[tuple[str, int]] = []
    for path, shown in track(list(expand_paths(paths, errors, settings))):
        try:
            document, checked, ctx, found = check_file(path, shown, settings, checks, glossary, detectors)
        except TqaError as exc:
            errors.append(input_error(exc, shown))
            continue
        except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the others
            if debug:
                raise
            errors.append(crash_error(exc, shown))
            continue
        found, unused_here = apply_inline(found, document, checked, ctx.lines, [(c.code, c.name) for c in checks])
        findings.extend(apply_overrides(found, settings.overrides, settings.config_folder))
        unused.extend(unused_here)
        units.update({(shown, s.id): s.unit_id for s in checked if s.unit_id})
        paragraphs.extend(paragraphs_around(document, checked, {f.location.segment_id for f in found}))
        shown_files.append(shown)
        segments += len(checked)
        words += sum(count_words(s.text) for s in checked)
        words_by_file.append((shown, evaluated_words(checked)))
    findings = fingerprinted(sorted(findings, key=Finding.sort_key), units)
    if baseline is not None:
        findings, unused_entries = apply_baseline(findings, baseline, shown_files, [c.code for c in checks])
        unused.extend(unused_entries)
    return Report(
        signature=signature(settings, checks, glossary, detectors.get(settings.target_lang, settings.source_lang)),
        summary=summarize(findings, len(shown_files), segments, words, len(errors)),
        findings=tuple(findings),
        input_errors=tuple(errors),
        files=tuple(shown_files),
        unused_suppressions=tuple(unused),
        paragraphs=tuple(paragraphs),
        score=score_run(findings, words_by_file, settings.score, settings.min_score),
    )


def expand_paths(
    paths: Sequence[str], errors: list[InputError], settings: Settings
) -> Iterator[tuple[Path, str]]:
    """Files as given, and files of known formats under directories (``found_in_directory``), in
    sorted order.

    Paths are shown as the user wrote them (joined for files found under a directory), so the
    same command gives the same report wherever it runs.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and found_in_directory(p, settings))
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


def check_file(
    path: Path, shown: str, settings: Settings, checks: list[Check], glossary: Glossary, detectors: Detectors
) -> tuple[Document, list[Segment], Context, list[Finding]]:
    """Read one file, detect its segments' languages and run every check on it."""
    document = read_document(path, shown, settings)
    source, target = settings.resolve_pair(document.source_lang, document.target_lang)
    detector = detectors.get(target, source)
    checked = [detected(s, detector) for s in segment_document(document)]
    ctx = Context(settings, glossary, document, LineIndex(document.text), source, target)
    return document, checked, ctx, [f for check in checks for f in check.run(checked, ctx)]


def crash_error(exc: Exception, shown: str) -> InputError:
    message = f"internal error: {type(exc).__name__}: {exc} (a bug in tqa; re-run with --debug for a traceback)"
    return InputError(path=shown, message=message)


def input_error(exc: TqaError, shown: str) -> InputError:
    return InputError(path=shown, message=exc.message, line=exc.line, column=exc.column)


def detected(segment: Segment, detector: LanguageDetector) -> Segment:
    """The segment with its language; a bilingual unit's source is evidence too."""
    return segment.model_copy(update={"detected_lang": detector.detect(segment.text, segment.source).lang})


def load_glossary(settings: Settings) -> Glossary:
    """The glossaries named in settings, else the shipped ones for this language pair."""
    named = [Path(p) for p in settings.glossaries]
    if not named:
        pair = f"{settings.source_lang}-{settings.target_lang}"
        named = sorted(p for p in Path("glossaries").glob(f"*.{pair}.*") if p.suffix in (".csv", ".tbx"))
    for path in named:
        if not path.is_file():
            raise TqaError("glossary not found", path=path.as_posix())
    return Glossary.load(named, source_lang=settings.source_lang, target_lang=settings.target_lang)


def summarize(findings: list[Finding], files: int, segments: int, words: int, errors: int) -> Summary:
    """Counts of the findings that count; suppressed ones only in ``suppressed``."""
    active = [f for f in findings if f.suppressed is None]
    return Summary(
        files=files,
        segments=segments,
        words=words,
        findings=len(active),
        by_severity=dict(sorted(Counter(f.severity.value for f in active).items())),
        by_category=dict(sorted(Counter(f.category.value for f in active).items())),
        input_errors=errors,
        suppressed=len(findings) - len(active),
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
    failed = any(f.suppressed is None and f.severity.at_least(fail_on) for f in report.findings)
    return int(failed or (report.score is not None and report.score.passed is False))
