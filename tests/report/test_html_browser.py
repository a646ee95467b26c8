"""The HTML report in a real browser: Debian's chromium, driven by playwright.

One browser for the module and one page per report, opened from file:// as a reviewer opens it.
Every page records its requests, console messages and dialogs; the pages must make no request
but their own file, log nothing and open no dialog (an XSS payload that ran would open one).
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.report.reports import SEED, html_report

CHROMIUM = Path("/usr/bin/chromium")
# Flags that keep chromium from phoning home, so the only traffic is what the page asks for.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _needs(what: str) -> None:
    """Skip with a reason on a developer machine; fail in CI, where the browser tests must run."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required in CI (.ci/run installs chromium)")
    pytest.skip(f"{what} is not installed: `apt-get install chromium` and `pip install -e '.[test]'`")


@dataclass
class Opened:
    """A report open in the browser, with everything it did."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def status(self) -> str:
        return self.page.inner_text("#status")

    def cards(self):
        return self.page.locator("#findings article.finding")

    def choose(self, facet: str, value: str) -> None:
        self.page.select_option(f"#f-{facet}", value)

    def options(self, facet: str) -> list[str]:
        return self.page.locator(f"#f-{facet} option").all_inner_texts()

    def download(self, button: str) -> str:
        with self.page.expect_download() as info:
            self.page.click(button)
        return Path(info.value.path()).read_text(encoding="utf-8")

    def assert_quiet(self) -> None:
        assert self.requests == [self.url], self.requests
        assert self.console == [] and self.dialogs == []


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        _needs(str(CHROMIUM))
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _needs("playwright")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def open_report(browser, path: Path) -> Opened:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    opened = Opened(page, path.resolve().as_uri())
    page.set_default_timeout(10_000)
    page.on("request", lambda request: opened.requests.append(request.url))
    page.on("console", lambda message: opened.console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: opened.console.append(f"pageerror: {error}"))
    page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(opened.url)
    return opened


@pytest.fixture(scope="module")
def seed(browser, seed_html) -> Opened:
    return open_report(browser, seed_html)


@pytest.fixture
def fresh(seed):
    """The seed page with filters reset before and after the test."""
    seed.page.click("#reset-filters")
    yield seed
    seed.page.click("#reset-filters")


def test_seed_counts_in_header_filters_and_list(fresh):
    page = fresh.page
    assert fresh.status() == "Showing 1–8 of 8 findings."
    assert fresh.cards().count() == 8
    stats = dict(zip(page.locator(".stat dt").all_inner_texts(), page.locator(".stat dd:first-of-type").all_inner_texts()))
    assert [stats[k] for k in ("FINDINGS", "FILES", "SEGMENTS", "WORDS")] == ["8", "1", "22", "353"]
    assert fresh.options("severity") == ["All (8)", "error (7)", "warning (1)"]
    assert fresh.options("code") == ["All (8)", "LANG01 (3)", "QUOTE01 (1)", "TERM01 (4)"]
    fresh.assert_quiet()


def test_filters_narrow_the_list_and_update_the_other_counts(fresh):
    fresh.choose("severity", "error")
    assert fresh.status() == "Showing 1–7 of 7 findings (filtered from 8)."
    assert fresh.options("code") == ["All (7)", "LANG01 (3)", "QUOTE01 (0)", "TERM01 (4)"]
    assert fresh.options("severity") == ["All (8)", "error (7)", "warning (1)"]  # its own filter aside
    fresh.choose("code", "TERM01")
    assert fresh.cards().count() == 4
    assert set(fresh.cards().locator(".code").all_inner_texts()) == {"TERM01"}
    fresh.choose("category", "untranslated")
    assert fresh.status() == "Showing 0 findings (filtered from 8)."
    assert fresh.page.inner_text("#findings") == "No finding matches these filters."


def test_search_and_the_slash_key(fresh):
    page = fresh.page
    page.locator("body").press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("abraham")
    assert fresh.status() == "Showing 1–1 of 1 finding (filtered from 8)."
    assert fresh.cards().locator("mark").all_inner_texts() == ["Abraham Agreements"]


def test_sorting_by_severity_puts_the_warning_last(fresh):
    def order():
        return [badge.lower() for badge in fresh.cards().locator(".badge").all_inner_texts()]

    assert order() == ["error"] * 3 + ["warning"] + ["error"] * 4  # file and position
    fresh.page.select_option("#sort", "severity")
    assert order() == ["error"] * 7 + ["warning"]
    fresh.page.select_option("#sort", "check")
    assert fresh.cards().locator(".code").all_inner_texts() == ["LANG01"] * 3 + ["QUOTE01"] + ["TERM01"] * 4


def test_finding_shows_its_paragraph_span_and_suggestion(fresh):
    card = fresh.cards().first
    assert card.locator("mark").inner_text() == "the Hebrew state"
    assert card.locator(".suggestion").inner_text() == "Suggestion: Israel"
    neighbour = card.locator(".neighbour")
    assert neighbour.inner_text().startswith("Israel is continuing its strategy")
    fresh.page.focus("#flagged-only")
    fresh.page.keyboard.press("Space")
    assert fresh.page.is_checked("#flagged-only")
    assert not fresh.cards().first.locator(".neighbour").is_visible()
    assert fresh.cards().first.locator(".hit").is_visible()


def test_code_links_to_its_explanation(fresh):
    fresh.cards().first.locator("a.code").click()
    assert fresh.page.evaluate("location.hash") == "#check-TERM01"
    doc = fresh.page.locator("#check-TERM01")
    assert doc.is_visible() and "forbidden-term" in doc.inner_text()
    fresh.assert_quiet()


def test_csv_export_is_the_current_view(fresh):
    fresh.choose("severity", "error")
    text = fresh.download("#export-csv")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == 7 and {r["severity"] for r in rows} == {"error"}
    first = rows[0]
    assert (first["code"], first["line"], first["column"], first["flagged"], first["suggestion"]) == (
        "TERM01", "6", "188", "the Hebrew state", "Israel")
    assert first["file"] == "seeds/morocco-israel-security-agreement.en.txt"


def test_triage_decisions_download_as_a_baseline_that_tqa_reads(fresh, tmp_path):
    cards = fresh.cards()
    cards.nth(0).locator(".triage select").select_option("false-alarm")
    cards.nth(0).locator(".triage input").fill("house style allows it")
    cards.nth(3).locator(".triage select").select_option("accepted")
    assert fresh.page.inner_text("#decision-count") == "2"
    assert fresh.options("decision") == ["All (8)", "Not reviewed (6)", "False alarm (1)", "Accepted (1)"]
    downloaded = fresh.download("#download-decisions")
    decisions = json.loads(downloaded)
    report = json.loads(fresh.page.evaluate("document.getElementById('data').textContent"))
    first, fourth = report["findings"][0], report["findings"][3]
    assert decisions == {"version": 1, "entries": dict(sorted({
        first["fingerprint"]: {"code": "TERM01", "path": first["location"]["path"], "unit": first["location"]["segment_id"],
                               "count": 1, "status": "false-alarm", "reason": "house style allows it"},
        fourth["fingerprint"]: {"code": fourth["code"], "path": fourth["location"]["path"],
                                "unit": fourth["location"]["segment_id"], "count": 1, "status": "accepted"},
    }.items()))}
    fresh.choose("decision", "false-alarm")
    assert fresh.cards().count() == 1
    fresh.assert_quiet()  # downloads are made in the page: no request

    (tmp_path / "decisions.json").write_text(downloaded, encoding="utf-8")
    rerun = html_report(tmp_path, SEED, "--baseline", str(tmp_path / "decisions.json"), fmt="json")
    suppressed = {f["fingerprint"]: f["suppressed"] for f in json.loads(rerun.read_text(encoding="utf-8"))["findings"]}
    assert {k: v for k, v in suppressed.items() if v} == {
        first["fingerprint"]: {"by": "baseline", "reason": "house style allows it"},
        fourth["fingerprint"]: {"by": "baseline", "reason": "accepted"},
    }


def test_payloads_show_as_typed_and_never_run(browser, payload_html):
    opened = open_report(browser, payload_html)
    text = opened.page.inner_text("#findings")
    assert "Recall that <script>alert(1)</script> was typed here." in text
    assert '"><img src=x onerror=alert(1)> came from the Hebrew state.' in text
    assert "</script><script>alert(2)</script>" in text
    assert "<script>alert(3)</script>" in text  # in a PO target
    assert opened.page.locator("#findings img, #findings script").count() == 0
    assert opened.page.evaluate("document.scripts.length") == 2
    opened.assert_quiet()


def test_bilingual_units_show_source_beside_target(browser, payload_html):
    opened = open_report(browser, payload_html)
    opened.choose("code", "NUM01")
    opened.page.fill("#q", "15 minutes")
    card = opened.cards().first
    assert card.locator(".side-label").all_inner_texts() == ["SOURCE (FR)", "TARGET (EN)"]
    assert card.locator(".side-text").all_inner_texts() == ["Attendez 5 minutes avant de réessayer.",
                                                            "Wait 15 minutes before trying again."]
    assert card.locator("mark").inner_text() == "15"
    opened.page.fill("#q", "alert(3)")
    opened.choose("code", "*")
    assert "Recall that the Hebrew state <script>alert(3)</script> signed." in opened.cards().first.inner_text()
    opened.assert_quiet()


def test_csv_cells_that_would_be_formulas_are_neutralised(browser, payload_html):
    opened = open_report(browser, payload_html)
    rows = list(csv.DictReader(io.StringIO(opened.download("#export-csv").removeprefix("\ufeff"))))
    assert "'=SUM(1+1)  Recall that the cell runs." in {r["segment"] for r in rows}
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r.values())
    opened.assert_quiet()


def test_fifty_thousand_findings_paginate_and_filter(browser, big_html):
    opened = open_report(browser, big_html)
    assert opened.status() == "Showing 1–200 of 50000 findings."
    assert opened.cards().count() == 200
    assert opened.page.inner_text("#page-label") == "Page 1 of 250"
    opened.choose("severity", "warning")
    assert opened.status() == "Showing 1–200 of 6250 findings (filtered from 50000)."
    opened.page.focus("#next")
    opened.page.keyboard.press("Enter")
    assert opened.status() == "Showing 201–400 of 6250 findings (filtered from 50000)."
    opened.choose("path", "docs/chapter-07.txt")
    assert opened.status() == "Showing 1–125 of 125 findings (filtered from 50000)."
    bilingual = opened.cards().first.locator(".bilingual")
    assert bilingual.locator(".side-label").all_inner_texts() == ["SOURCE (FR)", "TARGET (EN)"]
    opened.assert_quiet()
