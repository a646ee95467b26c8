"""Settings: defaults on the model < tqa.toml or [tool.tqa] in pyproject.toml < command-line flags."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from .errors import TqaError
from .models import Severity

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
    seed: int = 0

    # Language keys given on the command line: they beat what a file declares.
    _pinned: frozenset[str] = PrivateAttr(default_factory=frozenset)

    @field_validator("target_lang", "source_lang")
    @classmethod
    def _language_code(cls, value: str) -> str:
        return language_code(value)

    def resolve_lang(self, key: str, declared: str | None) -> str:
        """``key``'s language for one file: command line > the file's declaration > config."""
        if declared and key not in self._pinned:
            try:
                return language_code(declared)
            except ValueError:
                pass
        return getattr(self, key)

    def is_selected(self, code: str, name: str) -> bool:
        """Whether a check runs: selected by code, name, family prefix or ALL, and not ignored."""

        def matches(patterns: tuple[str, ...]) -> bool:
            return any(p == "ALL" or p in (code, name) or code.startswith(p) for p in patterns)

        return matches(self.select) and not matches(self.ignore)

    def severity_for(self, code: str, name: str) -> Severity | None:
        return self.severity.get(code) or self.severity.get(name)


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
    """Glossary paths in a config file are relative to that file, not to where tqa runs."""
    glossaries = values.get("glossaries")
    if isinstance(glossaries, list):
        values = {**values, "glossaries": [os.path.relpath(folder / g) for g in glossaries]}
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
        return settings
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(p) for p in error["loc"]) or "config"
        raise TqaError(f"{key}: {error['msg']}", path=str(path) if path else None) from None
