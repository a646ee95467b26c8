"""A progress bar on stderr for long runs, only when stderr is a terminal: never in reports,
pipes or CI logs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .readers import file_size
from .reporters.terminal import clean

MIN_FILES = 5  # fewer files finish before a bar would help...
MIN_BYTES = 4 * 2**20  # ...unless they are big: 4 MB is some 30,000 catalog units, a few seconds


class Progress:
    """Bytes read of all the files, the current file and how many files have been reached.

    Parts of a big file move the bar as they are read, so one million-unit catalog shows
    progress too (reading runs a few parts ahead of checking, never more).
    """

    def __init__(self, files: list[tuple[Path, str]]):
        self.count = len(files)
        self.sizes = [file_size(path) for path, _ in files]
        self.index = -1
        self.position = 0
        self.bar = None
        total = sum(self.sizes)
        if sys.stderr.isatty() and (self.count >= MIN_FILES or total >= MIN_BYTES):
            self.bar = click.progressbar(length=max(total, 1), label="checking", file=sys.stderr,
                                         item_show_func=lambda item: item)

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def at(self, index: int, shown: str, position: int | None = None) -> None:
        """File ``index`` has been read up to ``position`` (characters; None: all of it)."""
        if self.bar is None:
            return
        label = f"{index + 1}/{self.count} {clean(shown)}"
        if index != self.index:
            if self.index >= 0:  # the rest of the previous file (all of it, had it failed half-way)
                self.bar.update(self.sizes[self.index] - self.position, current_item=label)
            self.index, self.position = index, 0
        position = self.sizes[index] if position is None else min(position, self.sizes[index])
        self.bar.update(position - self.position, current_item=label)
        self.position = position


class Silent(Progress):
    """No bar: library calls and tests."""

    def __init__(self, files: list[tuple[Path, str]]):
        self.bar = None
