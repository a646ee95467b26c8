"""Reviewer report: one self-contained HTML page to filter, export and triage findings.

Segment text is untrusted, so nothing from the report ever becomes markup: the template
autoescapes, the report travels as JSON in a data block (``tojson`` escapes ``<``, ``>``, ``&``
and ``'``, so ``</script>`` cannot end it), the page's script builds the DOM with
``textContent`` only, and a Content-Security-Policy admits just the page's own script and style,
by hash, and no request to anywhere. The page is rendered from the Report alone, so the same
report gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import inspect
from functools import cache
from importlib.resources import files

import jinja2

from ..checks import check_by_code
from ..errors import TqaError
from ..models import Report, Severity

CHART_WIDTH = 150  # SVG units for the longest bar


def render(report: Report, color: bool = False) -> str:
    script, style = asset("report.js"), asset("report.css")
    return template().render(
        report=report,
        score=getattr(report, "score", None),
        data=report.model_dump(mode="json"),
        checks=check_docs(report),
        severity_bars=bars({s.value: report.summary.by_severity.get(s.value, 0) for s in reversed(Severity)}),
        category_bars=bars(dict(sorted(report.summary.by_category.items(), key=lambda kv: (-kv[1], kv[0])))),
        script=script,
        style=style,
        csp=content_security_policy(script, style),
    )


def content_security_policy(script: str, style: str) -> str:
    """Only the page's own script and style run; nothing is fetched, posted or framed."""
    return (
        f"default-src 'none'; script-src '{csp_hash(script)}'; style-src '{csp_hash(style)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def csp_hash(text: str) -> str:
    """The CSP source expression for an inline element with exactly this text."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def check_docs(report: Report) -> list[dict[str, str]]:
    """The documentation of every check in the run, so a finding's code links to its explanation."""
    codes = sorted(set(report.signature.checks) | {f.code for f in report.findings})
    docs = []
    for code in codes:
        try:
            cls = check_by_code(code)
        except TqaError:  # a code from outside the registry (e.g. a report from another version)
            continue
        docs.append({"code": cls.code, "name": cls.name, "category": cls.category.value,
                     "severity": cls.severity.value, "doc": inspect.cleandoc(cls.__doc__ or "")})
    return docs


def bars(counts: dict[str, int]) -> list[dict[str, object]]:
    """Bar lengths for the header chart, the largest count spanning the full width."""
    top = max(counts.values(), default=0) or 1
    return [{"label": label, "count": n, "width": round(CHART_WIDTH * n / top, 1)} for label, n in counts.items()]


@cache
def template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("tqa.reporters", "html"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template("report.html.j2")


@cache
def asset(name: str) -> str:
    """A file shipped beside the template (read once: it is part of the package, not user data)."""
    return files("tqa.reporters").joinpath("html", name).read_text(encoding="utf-8")
