"""Settings: defaults on the model < tqa.toml or [tool.tqa] in pyproject.toml < command-line flags."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from .errors import TqaError
from .models import MqmSeverity, Severity
from .overrides import Override, names_check
from .scoring.mqm import ScoreSettings

if TYPE_CHECKING:
    from .checks.base import Check

CONFIG_NAMES = ("tqa.toml", "pyproject.toml")


class Settings(BaseModel):
    """Everything a run depends on. Unknown keys are errors, so typos do not pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    target_lang: str = "en"
    source_lang: str = "fr"
    glossaries: tuple[str, ...] = ()
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    severity: dict[str, Severity] = Field(default_factory=dict)
    mqm_severity: dict[str, MqmSeverity] = Field(default_factory=dict)  # what a check's findings cost
    score: ScoreSettings = Field(default_factory=ScoreSettings)  # [score]: multipliers, weights, critical_fails
    min_score: float | None = None  # the run fails (exit 1) when its MQM score is below
    seed: int = 0
    checks: dict[str, dict[str, Any]] = Field(default_factory=dict)  # [checks.<name>] option tables
    csv_source_column: str = "source"  # header names of a bilingual CSV/TSV's source and target columns
    csv_target_column: str = "target"
    overrides: tuple[Override, ...] = ()  # [[overrides]] per-glob severities and ignores (overrides.py)
    baseline: tuple[str, ...] = ()  # findings recorded in these files do not fail the run (baseline.py)
    encoding: str | None = None  # --encoding: for files neither a BOM, a declaration nor UTF-8 explains

    # Language keys given on the command line: they beat what a file declares.
    _pinned: frozenset[str] = PrivateAttr(default_factory=frozenset)
    # The config file's folder: override globs are relative to it (absolute; cwd without a file).
    _folder: Path = PrivateAttr(default_factory=Path.cwd)

    @property
    def config_folder(self) -> Path:
        return self._folder

    @field_validator("target_lang", "source_lang")
    @classmethod
    def _language_code(cls, value: str) -> str:
        return language_code(value)

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str | None) -> str | None:
        from .readers.encoding import codec_name  # NOTE: here: the readers import this module

        if value is not None and codec_name(value) is None:
            raise ValueError(f"unknown encoding {value!r}")
        return value

    @field_validator("baseline", mode="before")
    @classmethod
    def _one_or_more(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value

    def resolve_lang(self, key: str, declared: str | None) -> str:
        """``key``'s language for one file: command line > the file's declaration > config."""
        if declared and key not in self._pinned:
            try:
                return language_code(declared)
            except ValueError:
                pass
        return getattr(self, key)

    def resolve_pair(self, declared_source: str | None, declared_target: str | None) -> tuple[str, str]:
        """(source, target) for one file, each by ``resolve_lang``; when they come out equal, the
        one the file did not declare takes the other configured language, so an en→fr catalog
        that names only its target (PO ``Language: fr``) is checked en→fr under fr→en settings."""
        source = self.resolve_lang("source_lang", declared_source)
        target = self.resolve_lang("target_lang", declared_target)
        if source == target and not declared_target and "target_lang" not in self._pinned:
            target = self.source_lang
        elif source == target and not declared_source and "source_lang" not in self._pinned:
            source = self.target_lang
        return source, target

    def is_selected(self, code: str, name: str) -> bool:
        """Whether a check runs: selected by code, name, family prefix or ALL, and not ignored."""

        def matches(patterns: tuple[str, ...]) -> bool:
            return names_check(patterns, code, name)

        return matches(self.select) and not matches(self.ignore)

    def severity_for(self, code: str, name: str) -> Severity | None:
        return self.severity.get(code) or self.severity.get(name)

    def mqm_severity_for(self, code: str, name: str) -> MqmSeverity | None:
        return self.mqm_severity.get(code) or self.mqm_severity.get(name)

    def options_for(self, check: type[Check]) -> BaseModel:
        """``check.Options`` from its ``[checks.<name>]`` (or ``[checks.<CODE>]``) table."""
        return check.Options.model_validate(self.checks.get(check.name, self.checks.get(check.code, {})))


def language_code(value: str) -> str:
    """The primary language subtag: 'fr' for 'fr-CA', 'fr_FR' or 'FR'."""
    code = value.strip().lower().replace("_", "-").split("-")[0]
    if not (2 <= len(code) <= 3 and code.isalpha()):
        raise ValueError(f"not a language code: {value!r}")
    return code


def find_config(start: Path) -> Path | None:
    """The nearest tqa.toml, or pyproject.toml with a [tool.tqa] table, from ``start`` upwards."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name == "tqa.toml" or _has_tqa_table(candidate)):
                return candidate
    return None


def _has_tqa_table(path: Path) -> bool:
    return "tqa" in _read_toml(path).get("tool", {})


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise TqaError(f"cannot read config: {exc}", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise TqaError(f"invalid TOML: {exc}", path=str(path)) from None


def _resolve_paths(values: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Paths and globs in a config file are relative to that file, not to where tqa runs."""
    glossaries = values.get("glossaries")
    if isinstance(glossaries, list):
        values = {**values, "glossaries": [os.path.relpath(folder / g) for g in glossaries]}
    baseline = values.get("baseline")
    if isinstance(baseline, str | list):
        named = [baseline] if isinstance(baseline, str) else baseline
        values = {**values, "baseline": [os.path.relpath(folder / b) if isinstance(b, str) else b for b in named]}
    return values


def load_settings(cli: dict[str, Any], config_path: Path | None = None) -> Settings:
    """Merge the config file (if any) with command-line values that were actually given."""
    path = config_path or find_config(Path.cwd())
    values: dict[str, Any] = {}
    if path is not None:
        table = _read_toml(path)
        values = table if path.name != "pyproject.toml" else table.get("tool", {}).get("tqa", {})
        values = _resolve_paths(values, path.parent)
    given = {k: v for k, v in cli.items() if v not in (None, ())}
    values.update(given)
    try:
        settings = Settings.model_validate(values)
        settings._pinned = frozenset(k for k in ("source_lang", "target_lang") if k in given)
        if path is not None:
            settings._folder = path.parent.resolve()
    except ValidationError as exc:
        raise _config_error(exc, (), path) from None
    _validate_check_options(settings, path)
    return settings


def _validate_check_options(settings: Settings, path: Path | None) -> None:
    """Every ``[checks.<name>]`` table names a check and holds only its valid options; every
    ``[severity]`` and ``[mqm_severity]`` key names a check."""
    from .checks import ALL_CHECKS  # NOTE: here, not at the top: the registry imports this module

    by_key = {c.name: c for c in ALL_CHECKS} | {c.code: c for c in ALL_CHECKS}
    for key in settings.checks:
        if key not in by_key:
            raise TqaError(f"checks.{key}: no check with this name or code", path=str(path) if path else None)
        try:
            settings.options_for(by_key[key])
        except ValidationError as exc:
            raise _config_error(exc, ("checks", key), path) from None
    for table in ("severity", "mqm_severity"):
        for key in getattr(settings, table):
            if key not in by_key:
                raise TqaError(f"{table}.{key}: no check with this name or code", path=str(path) if path else None)


def _config_error(exc: ValidationError, prefix: tuple[str, ...], path: Path | None) -> TqaError:
    """The first validation error as one line: the dotted key, then pydantic's message."""
    error = exc.errors()[0]
    key = ".".join(str(p) for p in (*prefix, *error["loc"])) or "config"
    return TqaError(f"{key}: {error['msg']}", path=str(path) if path else None)
