"""A progress bar on stderr for long runs, only when stderr is a terminal: never in reports,
pipes or CI logs."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from .reporters.terminal import clean

MIN_FILES = 5  # fewer files finish before a bar would help


def tracked(files: list[tuple[Path, str]]) -> Iterator[tuple[Path, str]]:
    """The files, with a bar naming the current one while they are checked."""
    if len(files) < MIN_FILES or not sys.stderr.isatty():
        yield from files
        return
    with click.progressbar(files, label="checking", file=sys.stderr, show_pos=True,
                           item_show_func=lambda item: clean(item[1]) if item else None) as bar:
        yield from bar
