"""Command line: parse options -> run -> render -> exit status. Nothing else lives here.

Exit status: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage,
configuration or input errors (one line on stderr, never a traceback unless --debug); 130 interrupted.
"""

from __future__ import annotations

import gc
import inspect
import os
import sys
from pathlib import Path

import click

from . import __version__
from .checks import ALL_CHECKS, check_by_code
from .config import load_settings
from .errors import TqaError
from .models import Severity
from .detect import LanguageDetector
from .baseline import load_baselines, render_baseline
from .outputs import parse_outputs, write_outputs, write_text_atomic
from .pipeline import exit_code, run
from .progress import Progress
from .starter import write_starter
from .reporters import REPORTERS
from .reporters.terminal import clean

SEVERITIES = click.Choice([s.value for s in Severity])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tqa")
@click.option("--debug", is_flag=True, help="Show a traceback for unexpected errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Translation QA: untranslated text, glossary calques, typography."""
    ctx.obj = {"debug": debug}


def default_jobs() -> int:
    """The CPUs this process may use (a container's limit, not the host's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-g", "--glossary", "glossaries", multiple=True,
              help="Glossary CSV or TBX, or calque rules (.rules.toml); repeatable, the first wins.")
@click.option("-t", "--target-lang", help="Language the text should be in [default: en].")
@click.option("-s", "--source-lang", help="Language it was translated from [default: fr].")
@click.option("-f", "--format", "formats", multiple=True, metavar="NAME[:FILE]",
              help=f"Report format, repeatable, each to a file or one to stdout: {', '.join(sorted(REPORTERS))} "
                   "[default: terminal].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@click.option("--fail-on", type=SEVERITIES, help="Lowest severity that fails the run [default: error].")
@click.option("--min-score", type=float, help="Fail the run when its MQM score is below this.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (still 2 on errors).")
@click.option("--baseline", multiple=True, metavar="FILE", help="Findings recorded in this file do not fail the run (repeatable).")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Record today's findings in this file (and exit 0).")
@click.option("--select", multiple=True, help="Only these checks: codes, names or prefixes, comma-separated or repeated.")
@click.option("--ignore", multiple=True, help="Skip these checks: codes, names or prefixes.")
@click.option("--encoding", metavar="NAME", help="Encoding of files with no BOM or declaration that are not UTF-8 (cp1252, latin-1…).")
@click.option("--config", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="Config file.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=default_jobs, show_default="the CPU count",
              help="Worker processes; the report is the same for any number.")
@click.option("--dask", "use_dask", is_flag=True,
              help="Check on a Dask LocalCluster of --jobs worker processes (needs tqa[dask]).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Check on the Dask cluster at ADDRESS (implies --dask); its workers must see the same "
                   "files at the same paths, from the same working directory.")
def check(paths, glossaries, target_lang, source_lang, formats, output, fail_on, min_score, exit_zero, baseline,
          write_baseline, select, ignore, config, encoding, jobs, use_dask, scheduler) -> None:
    """Check documents for untranslated text, forbidden terms and typography."""
    outputs = parse_outputs(formats, output)
    options = dict(glossaries=glossaries, target_lang=target_lang, source_lang=source_lang, baseline=baseline,
                   fail_on=fail_on, min_score=min_score, select=split_commas(select), ignore=split_commas(ignore),
                   encoding=encoding)
    settings = load_settings(options, config)
    if use_dask or scheduler:
        from .dask_backend import LOCAL, require_dask

        require_dask()
        scheduler = scheduler or LOCAL
    # A run allocates millions of small objects and almost no cycles: the default collector
    # (a full scan every 700 allocations, over everything imported too) cost a third of the time.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    report = run(paths, settings, Progress, debug=click.get_current_context().find_root().obj["debug"], jobs=jobs,
                 scheduler=scheduler)
    for error in report.input_errors:
        click.echo(f"tqa: error: {clean(error.describe())}", err=True)
    if write_baseline is not None:
        write_text_atomic(write_baseline, render_baseline(report.findings, load_baselines(settings.baseline)))
    write_outputs(report, outputs)
    status = exit_code(report, settings.fail_on)
    sys.exit(status if status == 2 or not (exit_zero or write_baseline) else 0)


@cli.command("init")
@click.option("--force", is_flag=True, help="Overwrite an existing tqa.toml.")
def init(force: bool) -> None:
    """Write a commented starter tqa.toml in the current directory."""
    write_starter(Path("tqa.toml"), force)
    click.echo("wrote tqa.toml")


@cli.command("score")
@click.argument("hypothesis", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-r", "--ref", "references", multiple=True, required=True,
              type=click.Path(dir_okay=False, path_type=Path), help="Reference translation (repeatable).")
@click.option("-t", "--target-lang", help="Language of the texts; also picks BLEU's tokenizer, as sacrebleu -l.")
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal", show_default=True)
@click.option("--bootstrap", type=click.IntRange(min=2), help="Resamples for 95% confidence intervals.")
@click.option("-w", "--width", type=click.IntRange(0, 10), default=1, show_default=True, help="Decimals, as sacrebleu -w.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@click.option("--config", type=click.Path(dir_okay=False, exists=True, path_type=Path), help="Config file.")
def score(hypothesis, references, target_lang, fmt, bootstrap, width, output, config) -> None:
    """Score a translation against references: BLEU, chrF, chrF++, TER (sacrebleu)."""
    # NOTE: imported here: sacrebleu takes about 0.3 s to import, which `tqa check` should not pay.
    from .reporters.metrics import render_json, render_terminal
    from .scoring.reference import score_files

    settings = load_settings({"target_lang": target_lang}, config)
    detector = LanguageDetector((settings.target_lang, settings.source_lang), seed=settings.seed)
    report = score_files(
        hypothesis, references, detector, target_lang and settings.target_lang, bootstrap or 1, width, settings
    )
    write(render_json(report) if fmt == "json" else render_terminal(report, width), output)


@cli.command("checks")
@click.option("--explain", metavar="CODE", help="Print the documentation of one check.")
def list_checks(explain: str | None) -> None:
    """List the checks, or explain one."""
    if explain:
        cls = check_by_code(explain)
        dimension, mqm = cls.mqm_defaults()
        click.echo(f"{cls.code} {cls.name} ({cls.category.value}, default {cls.severity.value}; "
                   f"MQM {dimension.value}, {mqm.value})\n")
        click.echo(inspect.cleandoc(cls.__doc__ or ""))
        return
    for cls in ALL_CHECKS:
        click.echo(f"{cls.code:<8} {cls.name:<26} {cls.category.value:<17} {cls.severity.value:<8} {cls.summary()}")


@cli.command("schema")
def print_schema() -> None:
    """Print the JSON Schema of `tqa check --format json`."""
    from .reporters.jsonreport import schema  # NOTE: here, not at the top: start-up of `tqa check`

    click.echo(schema(), nl=False)


def split_commas(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select LANG,TERM` and `--select LANG --select TERM` mean the same."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text_atomic(output, text)


# `tqa fix`, `tqa glossary convert|lint`: their own module, importing their work lazily.
from .termcli import fix, glossary  # noqa: E402

cli.add_command(fix)
cli.add_command(glossary)


def interrupted() -> None:
    """Ctrl-C: the shell's 130, one line, no traceback; report files are only ever renamed into place."""
    click.echo("tqa: interrupted", err=True)
    sys.exit(130)


def main() -> None:
    """Entry point: user errors are one line and exit 2; so are crashes, unless --debug."""
    debug = "--debug" in sys.argv[1:]
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):
            interrupted()
        click.echo("tqa: aborted", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        interrupted()
    except TqaError as exc:
        click.echo(f"tqa: error: {exc}", err=True)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - the catch-all the exit-code contract needs
        if debug:
            raise
        click.echo(f"tqa: internal error: {type(exc).__name__}: {exc} (re-run with --debug)", err=True)
        sys.exit(2)
