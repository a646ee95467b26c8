"""What the fuzzers (fuzz/) and property tests found, kept as the exact inputs: each is read or refused in one line."""

import pytest

from cli_run import DATA, run_tqa as tqa


@pytest.mark.parametrize(("name", "status", "stderr"), [
    # <input type> with no value: the HTML reader called .lower() on None.
    ("input-type-without-value.html", 0, ""),
    # <![OCTYPE html>: a marked section with an unknown keyword; Python 3.11's html.parser raised
    # AssertionError (a crash). Browsers read a bogus comment up to ">"; so does the reader now.
    ("unknown-marked-section.html", 0, ""),
    # encoding="UU": a bytes-to-bytes codec taken for a text encoding (LookupError, a crash).
    ("bytes-codec-declared.xlf", 2, "tqa: error: fuzz/bytes-codec-declared.xlf:1: unknown encoding 'UU'\n"),
    ("bytes-codec-charset.po", 2, "tqa: error: fuzz/bytes-codec-charset.po:1: unknown encoding 'UU'\n"),
    # encoding="UTF-7" spelling a lone surrogate: encoding the text for expat raised
    # UnicodeEncodeError (a crash; found by fuzz/fuzz_xliff.py reading in parts after 580 s)
    ("utf7-lone-surrogate.xlf", 2, "tqa: error: fuzz/utf7-lone-surrogate.xlf:9:72: not valid UTF-7: it decodes "
                                   "to a lone surrogate (U+DA9E)\n"),
    # found by the property tests: "\ud800" in a JSON string became a lone surrogate, which crashed
    # a check that encodes text
    ("locales/en/lone-surrogate.json", 2,
     "tqa: error: fuzz/locales/en/lone-surrogate.json:1:9: invalid JSON: lone surrogate in a \\u escape\n"),
])
def test_fuzzer_finding_is_handled(name, status, stderr):
    result = tqa("check", f"fuzz/{name}", "-f", "json", cwd=DATA)
    assert (result.returncode, result.stderr) == (status, stderr)
