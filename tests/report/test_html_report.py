"""The HTML report without a browser: it parses, its CSP hashes match, it fetches nothing, and
it is byte-identical across runs. Behaviour in a real browser is in test_html_browser.py."""

from __future__ import annotations

import base64
import hashlib
import inspect
import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from tqa.checks import check_by_code
from tqa.reporters import REPORTERS, htmlreport

from tests.report.reports import SEED, html_report

RESOURCE_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "data", "poster", "xlink:href"}


class Page(HTMLParser):
    """What the tests look at: the CSP, inline scripts and styles, and URL-bearing attributes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.csp = None
        self.scripts: list[tuple[str | None, str]] = []  # (type, text)
        self.styles: list[str] = []
        self.urls: list[str] = []
        self.ids: list[str] = []
        self.open: list[str] = []
        self._inside: tuple[str, str | None] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            self.csp = attrs["content"]
        self.urls += [v for k, v in attrs.items() if k in RESOURCE_ATTRIBUTES and v]
        self.ids += [attrs["id"]] if "id" in attrs else []
        if tag in ("script", "style"):
            self._inside = (tag, attrs.get("type"))
            (self.scripts.append((attrs.get("type"), "")) if tag == "script" else self.styles.append(""))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._inside = None

    def handle_data(self, data):
        if self._inside and self._inside[0] == "script":
            self.scripts[-1] = (self.scripts[-1][0], self.scripts[-1][1] + data)
        elif self._inside:
            self.styles[-1] += data


def sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@pytest.fixture(scope="module")
def seed_page(seed_html) -> Page:
    return Page(seed_html.read_text(encoding="utf-8"))


def test_csp_allows_exactly_the_inline_script_and_style_by_hash(seed_page):
    (code,) = [text for kind, text in seed_page.scripts if kind is None]
    (style,) = seed_page.styles
    directives = dict(d.strip().split(" ", 1) for d in seed_page.csp.split(";"))
    assert directives == {
        "default-src": "'none'",
        "script-src": f"'{sha256(code)}'",
        "style-src": f"'{sha256(style)}'",
        "img-src": "data:",
        "base-uri": "'none'",
        "form-action": "'none'",
    }


def test_report_travels_as_json_data_equal_to_the_json_report(seed_page, seed_report):
    (data,) = [text for kind, text in seed_page.scripts if kind == "application/json"]
    assert json.loads(data) == seed_report.model_dump(mode="json")


def test_page_names_no_outside_resource(seed_page):
    assert seed_page.urls and all(u.startswith(("#", "data:")) for u in seed_page.urls), seed_page.urls
    code = [text for kind, text in seed_page.scripts if kind is None]
    for text in [*code, *seed_page.styles]:
        assert not re.search(r"https?:|//[\w.-]+/|@import|url\(|fetch\(|XMLHttpRequest|WebSocket", text)


def test_every_check_in_the_run_is_explained_on_the_page(seed_html, seed_page):
    report = json.loads([t for k, t in seed_page.scripts if k == "application/json"][0])
    assert {f"check-{code}" for code in report["signature"]["checks"]} <= set(seed_page.ids)
    text = unescape(seed_html.read_text(encoding="utf-8"))
    assert all(inspect.cleandoc(check_by_code(code).__doc__) in text for code in report["signature"]["checks"])


def test_same_report_gives_the_same_bytes(seed_html, tmp_path):
    assert html_report(tmp_path, SEED).read_bytes() == seed_html.read_bytes()


def test_payloads_in_segments_stay_text(payload_html):
    html = payload_html.read_text(encoding="utf-8")
    page = Page(html)
    assert [kind for kind, _ in page.scripts] == ["application/json", None]
    assert "<script>alert" not in html and "<img" not in html
    assert html.count("</script>") == 2
    (data,) = [text for kind, text in page.scripts if kind == "application/json"]
    texts = {f["text"] for f in json.loads(data)["findings"]}
    assert "Recall that <script>alert(1)</script> was typed here." in texts
    assert '"><img src=x onerror=alert(1)> came from the Hebrew state.' in texts


def test_cli_writes_what_render_returns(seed_html, seed_report):
    assert REPORTERS["html"] is htmlreport.render
    assert htmlreport.render(seed_report) == seed_html.read_text(encoding="utf-8")
