"""Checking one part of one file: what a worker process does (or the main one, with ``--jobs 1``).

A part is a whole document, or a few thousand units of a big catalog. Everything here depends
only on the part and the run's settings, so parts can be checked in any process, in any order;
what depends on the order (cross-unit checks, fingerprints, sorting) is the main process's, in
``pipeline``. A worker builds its ``Checker`` once and keeps it for every part it gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from .checks import select_checks
from .checks.base import Check, Context, CrossUnitCheck, Place
from .config import Settings
from .detect import LanguageDetector
from .errors import TqaError
from .glossary import Glossary
from .models import Document, Finding, InputError, InputWarning, Location, Paragraph, Role, Segment, Suppression, UnusedSuppression
from .overrides import apply_overrides
from .positions import LineIndex, locate
from .readers import UnreadPart, read_document
from .scoring.mqm import evaluated_words
from .segment import paragraphs_around, segment_document
from .suppress import apply_inline, note_suppressions
from .wordcount import count_words


class UnitKeys(NamedTuple):
    """What the cross-unit checks need of one unit in the main process: their keys, and enough
    of the unit to report it (a bilingual unit's finding covers the whole unit)."""

    keys: tuple[tuple[str, tuple], ...]  # (check code, key), for each check that keys the unit
    place: tuple  # the unit's Location's fields, in order: pickles at a fraction of the model's cost
    text: str
    source: str | None
    role: Role | None
    unit_id: str | None
    suppressions: tuple[Suppression, ...]

    @property
    def location(self) -> Location:
        return Location.lean(**dict(zip(_LOCATION_FIELDS, self.place)))

    @property
    def where(self) -> Place:
        path, line, column = self.place[:3]
        return path, line, column


@dataclass
class PartResult:
    """Everything the main process keeps of a checked part: findings, never the segments."""

    findings: list[Finding] = field(default_factory=list)
    unused: list[UnusedSuppression] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    units: dict[tuple[str, str], str] = field(default_factory=dict)  # (path, segment id) -> unit id, flagged only
    keys: list[UnitKeys] = field(default_factory=list)
    warnings: tuple[InputWarning, ...] = ()
    segments: int = 0
    words: int = 0
    evaluated_words: int = 0


class Checker:
    """What every part of a run needs, built once per process: checks, glossary, detectors."""

    def __init__(self, settings: Settings, glossary: Glossary):
        self.settings = settings
        self.glossary = glossary
        self.local: list[Check] = []
        self.cross: list[CrossUnitCheck] = []
        for check in select_checks(settings):
            (self.cross if isinstance(check, CrossUnitCheck) else self.local).append(check)
        self.ran = [(c.code, c.name) for c in self.local]
        self._detectors: dict[tuple[str, str], LanguageDetector] = {}
        self._known: dict[tuple, list[Finding]] = {}

    def detector(self, target: str, source: str) -> LanguageDetector:
        """One detector per language pair in the run (files may declare different pairs)."""
        if (target, source) not in self._detectors:
            self._detectors[(target, source)] = LanguageDetector((target, source), seed=self.settings.seed)
        return self._detectors[(target, source)]

    def check_part(self, document: Document) -> PartResult:
        """Detect the part's segments' languages, run the local checks, and key the units for
        the cross-unit ones."""
        source, target = self.settings.resolve_pair(document.source_lang, document.target_lang)
        detector = self.detector(target, source)
        checked = [detected(s, detector) for s in segment_document(document)]
        ctx = Context(self.settings, self.glossary, document, LineIndex(document.text, document.origin),
                      source, target)
        found = self.unit_findings(checked, ctx) if document.units else self.document_findings(checked, ctx)
        found, unused = apply_inline(found, document, checked, ctx.lines, self.ran)
        flagged = {f.location.segment_id for f in found}
        return PartResult(
            findings=apply_overrides(found, self.settings.overrides, self.settings.config_folder),
            unused=unused,
            paragraphs=paragraphs_around(document, checked, flagged),
            units={(document.path, s.id): s.unit_id for s in checked if s.unit_id and s.id in flagged},
            keys=[keys for s in checked if (keys := self.unit_keys(s, ctx)) is not None],
            segments=len(checked),
            words=sum(count_words(s.text) for s in checked),
            evaluated_words=evaluated_words(checked),
            warnings=document.warnings,
        )

    def unit_keys(self, segment: Segment, ctx: Context) -> UnitKeys | None:
        keys = tuple((check.code, key) for check in self.cross if (key := check.key(segment, ctx)) is not None)
        if not keys:
            return None
        return UnitKeys(keys, _place_of(segment.location),
                        segment.text, segment.source, segment.role, segment.unit_id,
                        tuple(note_suppressions([segment])))

    def document_findings(self, checked: list[Segment], ctx: Context) -> list[Finding]:
        return [f for check in self.local for f in check.run(checked, ctx)]

    def unit_findings(self, checked: list[Segment], ctx: Context) -> list[Finding]:
        """The local checks' findings on bilingual units, each unit on its own (no local check
        looks across units), remembered by content: catalogs and memories repeat units, and a
        repeat gets the first one's findings moved to where it is."""
        found: list[Finding] = []
        for segment in checked:
            key = (ctx.source_lang, ctx.target_lang, _content_of(segment))
            known = self._known.get(key)
            if known is None:
                if len(self._known) >= _KNOWN_UNITS:
                    self._known.clear()
                known = self._known[key] = [f for check in self.local for f in check.run([segment], ctx)]
                found += known
            else:
                found += [moved(f, segment, ctx) for f in known]
        return found


_LOCATION_FIELDS = tuple(Location.model_fields)
_place_of = attrgetter(*_LOCATION_FIELDS)
# What a bilingual unit's local findings depend on: all of it but where it is.
_content_of = attrgetter(*(name for name in Segment.model_fields if name not in ("id", "anchors", "location", "unit_id")))
_KNOWN_UNITS = 50_000  # distinct units remembered per process (a few MB)


def moved(finding: Finding, segment: Segment, ctx: Context) -> Finding:
    """A finding of an identical unit, located in ``segment`` instead."""
    start, end = (finding.span.start, finding.span.end) if finding.span else (0, len(segment.text))
    location = locate(ctx.document.path, ctx.lines, segment.anchors, start, end, segment.id)
    return finding.model_copy(update={"location": location})


def detected(segment: Segment, detector: LanguageDetector) -> Segment:
    """The segment with its language; a bilingual unit's source is evidence too."""
    return segment.model_copy(update={"detected_lang": detector.detect(segment.text, segment.source).lang})


Task = Document | UnreadPart | tuple[Path, str] | InputError  # a part, read or not; a (small) file; a read error
_installed: tuple[Checker, bool] | None = None  # this process's checker and --debug


def install(checker: Checker, debug: bool) -> None:
    """Make ``checker`` this process's: forked workers inherit it as it is."""
    global _installed
    _installed = (checker, debug)


def install_from(settings: Settings, debug: bool) -> None:
    """Build this process's checker from the settings (spawned workers, Dask workers)."""
    from .pipeline import load_glossary

    if _installed is None or _installed[0].settings != settings:
        install(Checker(settings, load_glossary(settings)), debug)
    elif _installed[1] != debug:  # a Dask worker outlives the run: the next one may ask for --debug
        install(_installed[0], debug)


def run_task(task: Task) -> PartResult | InputError:
    """A worker's job: check a part, or read and check a whole file. Bad input, or a bug in tqa
    on one file, is an input error for that file (``--debug`` re-raises the bug)."""
    assert _installed is not None, "install() a checker first"
    checker, debug = _installed
    if isinstance(task, InputError):
        return task
    shown = task.path if isinstance(task, (Document, UnreadPart)) else task[1]
    try:
        return checker.check_part(_document(task, checker.settings))
    except TqaError as exc:
        return input_error(exc, shown)
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the others
        if debug:
            raise
        return crash_error(exc, shown)


def _document(task: Document | UnreadPart | tuple[Path, str], settings: Settings) -> Document:
    if isinstance(task, Document):
        return task
    if isinstance(task, UnreadPart):
        return task.read()
    return read_document(*task, settings)


def input_error(exc: TqaError, shown: str) -> InputError:
    return InputError(path=shown, message=exc.message, line=exc.line, column=exc.column)


def crash_error(exc: Exception, shown: str) -> InputError:
    message = f"internal error: {type(exc).__name__}: {exc} (a bug in tqa; re-run with --debug for a traceback)"
    return InputError(path=shown, message=message)
