"""One run, top-down: find files -> read -> segment -> detect -> check -> report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from . import __version__
from .baseline import apply_baseline, load_baselines
from .checks.base import Check
from .config import Settings
from .detect import LanguageDetector
from .errors import TqaError
from .fingerprint import fingerprinted
from .glossary import Glossary
from .models import Document, Finding, InputError, InputWarning, Paragraph, Report, Signature, Summary, UnusedSuppression
from .overrides import apply_overrides
from .parallel import ordered_results
from .progress import Progress, Silent
from .readers import UnreadPart, file_size, found_in_directory, has_parts, read_parts, unread_parts
from .scoring.mqm import score_run
from .suppress import suppressed_by
from .worker import Checker, PartResult, Task, crash_error, input_error, install


def run(paths: Sequence[str], settings: Settings, progress: type[Progress] = Silent, debug: bool = False,
        jobs: int = 1, scheduler: str | None = None) -> Report:
    """Check every file under ``paths``; unreadable files become input errors, not crashes.

    Files (and parts of big catalogs) are checked in ``jobs`` processes (``worker``), or on the
    Dask cluster at ``scheduler`` (``dask_backend.LOCAL``: a LocalCluster of ``jobs``); their
    results come back in file order and everything that depends on order happens here: the
    cross-unit checks' memory, sorting, fingerprints, the baseline. ``progress`` is told how far
    reading has got (``progress.Progress`` draws a bar). A bug in tqa on one file is an input error for that file too
    (the others are still checked), unless ``debug`` asks for the traceback.
    """
    glossary = load_glossary(settings)
    checker = Checker(settings, glossary)
    install(checker, debug)
    baseline = load_baselines(settings.baseline)
    collected = Collected(checker, settings)
    files = list(expand_paths(paths, collected.errors, settings))
    with progress(files) as bar:
        spread = jobs > 1 or scheduler is not None
        for (index, shown), result in ordered_results(tasks(files, settings, debug, bar, spread), jobs, settings,
                                                      debug, scheduler):
            collected.take(index, shown, result)
    collected.close()
    for check in checker.cross:
        check.forget()  # every unit is in: the report needs the room
    findings = fingerprinted(collected.handed_over(), collected.units)
    unused = collected.unused
    checks = checker.local + checker.cross
    if baseline is not None:
        findings, unused_entries = apply_baseline(findings, baseline, collected.files, [c.code for c in checks])
        unused = unused + unused_entries
    return Report(
        signature=signature(settings, checks, glossary, checker.detector(settings.target_lang, settings.source_lang)),
        summary=summarize(findings, len(collected.files), collected.segments, collected.words, len(collected.errors)),
        findings=tuple(findings),
        input_errors=tuple(collected.errors),
        files=tuple(collected.files),
        unused_suppressions=tuple(unused),
        paragraphs=tuple(collected.paragraphs),
        warnings=(*glossary.warnings, *collected.warnings),
        score=score_run(findings, collected.words_by_file, settings.score, settings.min_score),
    )


def tasks(files: Iterable[tuple[Path, str]], settings: Settings, debug: bool,
          progress: Progress, spread: bool = False) -> Iterator[tuple[tuple[int, str], Task]]:
    """(file number, path shown) and a task: one per part of a big catalog read piece by piece
    (cut here, so no worker holds a whole big file; with workers (``spread``), a PO piece is
    read by its worker too), one per other file (read by its worker, so a run of many catalogs
    reads them in parallel too)."""
    parts = unread_parts if spread else read_parts
    for index, (path, shown) in enumerate(files):
        tag = (index, shown)
        if not has_parts(path) or file_size(path) <= READ_WHOLE_BELOW:
            progress.at(index, shown)
            yield tag, (path, shown)
            continue
        try:
            for part in parts(path, shown, settings):
                progress.at(index, shown, _read_up_to(part))
                yield tag, part
        except TqaError as exc:
            yield tag, input_error(exc, shown)
        except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the others
            if debug:
                raise
            yield tag, crash_error(exc, shown)


READ_WHOLE_BELOW = 4 * 2**20  # bytes: a catalog up to some 30,000 units is read whole, by a worker


def _read_up_to(part: Document | UnreadPart) -> int:
    """Characters of the file read once ``part`` is."""
    if isinstance(part, UnreadPart):
        return part.piece.offset + len(part.piece.text)
    return part.origin[0] + len(part.text)


class Collected:
    """What the run keeps of its files' results, taken in file order.

    A file's results are kept once all its parts are in; a file whose reading fails half-way
    counts as an input error only, like any unreadable file. The cross-unit checks see every
    unit as its part comes in (their memory is compact; holding a big file's units until its
    end would not be), so a later file may be compared with units of a file that then failed.
    """

    def __init__(self, checker: Checker, settings: Settings):
        self.checker = checker
        self.settings = settings
        self.findings: list[Finding] = []
        self.paragraphs: list[Paragraph] = []
        self.warnings: list[InputWarning] = []
        self.errors: list[InputError] = []
        self.unused: list[UnusedSuppression] = []
        self.units: dict[tuple[str, str], str] = {}
        self.files: list[str] = []
        self.words_by_file: list[tuple[str, int]] = []
        self.segments = self.words = 0
        self._current: tuple[int, str] | None = None
        self._parts: list[PartResult] | None = []

    def take(self, index: int, shown: str, result: PartResult | InputError) -> None:
        if self._current != (index, shown):
            self.close()
            self._current, self._parts = (index, shown), []
        if isinstance(result, InputError):
            self.errors.append(result)
            self._parts = None
        elif self._parts is not None:
            self._parts.append(self.cross_checked(result))

    def close(self) -> None:
        """Keep the current file's results, unless it failed."""
        if self._current is None or self._parts is None:
            return
        shown = self._current[1]
        for part in self._parts:
            self.findings += part.findings
            self.unused += part.unused
            self.paragraphs += part.paragraphs
            self.warnings += part.warnings
            self.units.update(part.units)
            self.segments += part.segments
            self.words += part.words
        self.files.append(shown)
        self.words_by_file.append((shown, sum(p.evaluated_words for p in self._parts)))
        self._current = None

    def handed_over(self) -> list[Finding]:
        """The findings in report order; the run keeps no other list of them."""
        findings, self.findings = self.findings, []
        findings.sort(key=Finding.sort_key)
        return findings

    def cross_checked(self, part: PartResult) -> PartResult:
        """The part with the cross-unit checks' findings on its units added."""
        checks = {c.code: c for c in self.checker.cross}
        for unit in part.keys:
            for code, key in unit.keys:
                check = checks[code]
                message = check.conflict(key, unit.where)
                if message is None:
                    continue
                finding = check.finding_at(unit.location, unit.text, unit.role, unit.source, message)
                finding, _ = suppressed_by(finding, unit.suppressions, part.unused)
                part.findings += apply_overrides([finding], self.settings.overrides, self.settings.config_folder)
                if unit.unit_id:
                    part.units[(unit.location.path, unit.location.segment_id)] = unit.unit_id
        part.keys = []
        return part


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
