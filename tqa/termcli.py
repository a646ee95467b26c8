"""Commands for terminology work: `tqa fix` and `tqa glossary convert|lint`.

Kept apart from cli.py so `tqa check` never imports TBX, lint or fix code: each command imports
what it needs when it runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .config import load_settings
from .errors import TqaError


@click.command("fix")
@click.argument("paths", nargs=-1, required=True)
@click.option("-g", "--glossary", "glossaries", multiple=True, help="Glossary CSV or TBX, or calque rules (.rules.toml); repeatable, the first wins.")
@click.option("-t", "--target-lang", help="Language the text should be in [default: en].")
@click.option("-s", "--source-lang", help="Language it was translated from [default: fr].")
@click.option("--select", multiple=True, help="Only fixes of these checks: codes, names or prefixes.")
@click.option("--ignore", multiple=True, help="No fixes of these checks.")
@click.option("--config", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="Config file.")
@click.option("--write", is_flag=True, help="Edit the files in place (atomically); without it, print a diff.")
def fix(paths, glossaries, target_lang, source_lang, select, ignore, config, write) -> None:
    """Apply the fixes tqa is sure of: a dry-run diff, or in place with --write."""
    from .atomic import replace_file
    from .cli import split_commas
    from .fix import plan_fixes
    from .outputs import write_outputs
    from .pipeline import exit_code, load_glossary, run

    options = dict(glossaries=glossaries, target_lang=target_lang, source_lang=source_lang,
                   select=split_commas(select), ignore=split_commas(ignore))
    settings = load_settings(options, config)
    report = run(paths, settings)
    failed = bool(report.input_errors)
    for error in report.input_errors:
        click.echo(f"tqa: error: {error.describe()}", err=True)
    fixes = []
    for planned in plan_fixes(report.findings, settings, load_glossary(settings)):
        for note in planned.skipped:
            click.echo(f"tqa: {note}", err=True)
        if planned.edits:
            fixes.append(planned)
    if not write:
        click.echo("".join(f.diff for f in fixes), nl=False)
        sys.exit(2 if failed else 0)
    for planned in fixes:
        try:
            replace_file(Path(planned.shown), planned.before, planned.after)
        except TqaError as exc:
            click.echo(f"tqa: error: {exc}", err=True)
            failed = True
            continue
        click.echo(f"fixed {len(planned.edits)} in {planned.shown}", err=True)
    report = run(paths, settings)
    write_outputs(report, [_terminal()])
    sys.exit(2 if failed else exit_code(report, settings.fail_on))


def _terminal():
    from .outputs import Output

    return Output("terminal", None)


@click.group("glossary")
def glossary() -> None:
    """Glossary files: convert CSV <-> TBX, lint."""


@glossary.command("convert")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-s", "--source-lang", help="Source language [default: from the file name, else the TBX's first].")
@click.option("-t", "--target-lang", help="Target language [default: from the file name, else the TBX's second].")
def convert(source: Path, target: Path, source_lang: str | None, target_lang: str | None) -> None:
    """Convert a glossary between CSV and TBX (formats from the extensions)."""
    from .tbx import convert_file

    convert_file(source, target, source_lang, target_lang)
    click.echo(f"wrote {target}", err=True)


@glossary.command("lint")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-s", "--source-lang", help="Source language of files whose name does not say.")
@click.option("-t", "--target-lang", help="Target language of files whose name does not say.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]), default="error", show_default=True)
def lint(paths, source_lang, target_lang, fail_on) -> None:
    """Problems in glossary files: duplicates, conflicts, terms that cannot match, bad regexes."""
    from .glossary_lint import lint_files, render

    problems, errors = lint_files(paths, source_lang, target_lang)
    for error in errors:
        click.echo(f"tqa: error: {error}", err=True)
    click.echo(render(problems), nl=False)
    rank = {"info": 0, "warning": 1, "error": 2}
    failing = any(rank[p.severity] >= rank[fail_on] for p in problems)
    sys.exit(2 if errors else int(failing))
