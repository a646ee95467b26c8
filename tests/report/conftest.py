"""HTML reports made by the real command line (seed, payloads) and one of 50,000 findings."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.report.reports import CATALOG, PAYLOADS, SEED, html_report
from tqa.models import Report
from tqa.reporters import htmlreport

BIG = 50_000


@pytest.fixture(scope="session")
def seed_html(tmp_path_factory) -> Path:
    return html_report(tmp_path_factory.mktemp("seed"), SEED)


@pytest.fixture(scope="session")
def payload_html(tmp_path_factory) -> Path:
    return html_report(tmp_path_factory.mktemp("payloads"), PAYLOADS, CATALOG)


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory) -> Report:
    """The seed's report as ``--format json`` writes it."""
    return Report.model_validate_json(html_report(tmp_path_factory.mktemp("json"), SEED, fmt="json").read_text("utf-8"))


@pytest.fixture(scope="session")
def big_report(seed_report) -> Report:
    """The seed's findings repeated over 50 files to 50,000; every other one bilingual."""
    seed = seed_report
    findings = []
    for i in range(BIG):
        finding = seed.findings[i % len(seed.findings)]
        location = finding.location.model_copy(update={"path": f"docs/chapter-{i // 1000:02}.txt", "line": i + 1})
        update = {"location": location, "fingerprint": f"{i:032x}"}
        if i % 2:
            update["source"] = f"Texte source n° {i}"
        findings.append(finding.model_copy(update=update))
    summary = seed.summary.model_copy(update={
        "files": 50, "findings": BIG,
        "by_severity": dict(sorted(Counter(f.severity.value for f in findings).items())),
        "by_category": dict(sorted(Counter(f.category.value for f in findings).items())),
    })
    return seed.model_copy(update={"findings": tuple(findings), "summary": summary, "paragraphs": (), "score": None})


@pytest.fixture(scope="session")
def big_html(big_report, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("big") / "report.html"
    out.write_text(htmlreport.render(big_report), encoding="utf-8")
    return out
