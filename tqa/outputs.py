"""Where reports go: ``-f NAME`` or ``-f NAME:FILE``, repeatable, at most one on stdout.

Every report is rendered before any is written, and files are written to a temporary file then
renamed over the target, so a failed run never leaves half a report behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

import click

from .atomic import write_atomic
from .models import Report
from .reporters import REPORTERS, render


class Output(NamedTuple):
    fmt: str
    path: Path | None  # None: standard output


def parse_outputs(specs: tuple[str, ...], output: Path | None) -> list[Output]:
    """Outputs from ``-f`` values; ``-o FILE`` gives the file of the one ``-f NAME`` without one."""
    outputs = [_parse(spec) for spec in specs or ("terminal",)]
    if output is not None:
        bare = [i for i, o in enumerate(outputs) if o.path is None]
        if len(bare) != 1:
            raise click.BadParameter("-o/--output needs exactly one --format without a file", param_hint="'-o'")
        outputs[bare[0]] = outputs[bare[0]]._replace(path=output)
    if sum(o.path is None for o in outputs) > 1:
        raise click.BadParameter("at most one format can go to standard output; give the others a file (NAME:FILE)",
                                 param_hint="'-f' / '--format'")
    return outputs


def _parse(spec: str) -> Output:
    name, _, file = spec.partition(":")
    if name not in REPORTERS:
        known = ", ".join(sorted(REPORTERS))
        raise click.BadParameter(f"{name!r} is not a format ({known}); use NAME or NAME:FILE",
                                 param_hint="'-f' / '--format'")
    return Output(name, Path(file) if file else None)


def write_outputs(report: Report, outputs: list[Output]) -> None:
    """Render every output, then write them: files atomically, the stdout one last."""
    rendered = [(o, render(report, o.fmt, color=o.path is None and o.fmt == "terminal" and sys.stdout.isatty()))
                for o in outputs]
    for out, text in rendered:
        if out.path is not None:
            write_text_atomic(out.path, text)
    for out, text in rendered:
        if out.path is None:
            click.echo(text, nl=False)


def write_text_atomic(path: Path, text: str) -> None:
    """A report or baseline, all or nothing, with the mode an ordinary new file would get."""
    write_atomic(path, text.encode("utf-8"), _mode(path))


def _mode(path: Path) -> int:
    """The file's current mode, or what a plain open() would give a new file (mkstemp gives 0600)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
