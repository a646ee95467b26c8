"""Encodings and line breaks, on real files: BOM (UTF-8/16/32) first, then the file's declaration
(XML, PO charset, HTML <meta charset>), then strict UTF-8, then --encoding; bad bytes named by
offset; CRLF, CR, NEL, U+2028 and U+2029 each end a line."""

from cli_run import DATA, run_tqa as tqa

FOUND = [  # (file, line, column) of the one doubled space or space before "?" in each file
    ("encodings/cp1252-meta.html", 1, 102),  # <meta charset="windows-1252">
    ("encodings/latin1-declared.xlf", 3, 59),  # <?xml … encoding="ISO-8859-1"?>
    ("encodings/latin1.po", 7, 13),  # Content-Type: …; charset=ISO-8859-1
    ("encodings/utf16be.txt", 1, 11),
    ("encodings/utf16be.xlf", 3, 61),
    ("encodings/utf16le.xlf", 3, 61),
    ("encodings/utf32le.txt", 1, 11),
    ("encodings/utf8-bom.txt", 1, 11),
]


def annotations(result) -> list[tuple[str, int, int]]:
    """(file, line, col) of each GitHub annotation line."""
    places = []
    for line in result.stdout.splitlines():
        fields = dict(p.split("=", 1) for p in line.split("::")[1].split(" ", 1)[1].split(","))
        places.append((fields["file"], int(fields["line"]), int(fields.get("col", 0))))
    return places


def test_every_encoding_is_read_by_bom_or_declaration():
    files = [name for name, _, _ in FOUND]
    result = tqa("check", *files, "--select", "WS,PUNC", "-f", "github", cwd=DATA)
    assert (result.returncode, result.stderr) == (0, "")
    assert annotations(result) == FOUND


def test_undecodable_bytes_are_named_by_offset_line_and_column():
    result = tqa("check", "encodings/invalid-utf8.txt", "encodings/cp1252-undeclared.txt", cwd=DATA)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "tqa: error: encodings/invalid-utf8.txt:2:19: not valid UTF-8 at byte 36: invalid start byte (0xff)",
        "tqa: error: encodings/cp1252-undeclared.txt:1:8: not valid UTF-8 at byte 7: invalid continuation byte (0xe9)",
    ]


def test_encoding_option_reads_what_utf8_cannot_and_leaves_utf8_alone():
    result = tqa("check", "encodings/cp1252-undeclared.txt", "encodings/utf8-bom.txt", "--encoding", "cp1252",
                 "--select", "WS", "-f", "github", cwd=DATA)
    assert (result.returncode, result.stderr) == (0, "")
    assert annotations(result) == [("encodings/cp1252-undeclared.txt", 1, 17), ("encodings/utf8-bom.txt", 1, 11)]


def test_an_unknown_encoding_name_is_a_usage_error():
    result = tqa("check", "encodings/utf8-bom.txt", "--encoding", "klingon-8", cwd=DATA)
    assert result.returncode == 2 and "unknown encoding 'klingon-8'" in result.stderr
    assert "Traceback" not in result.stderr


def test_every_kind_of_line_break_counts_one_line():
    # Lines end with LF, CRLF, CR, NEL, U+2028, U+2029, LF; each has one doubled space.
    result = tqa("check", "encodings/line-breaks.txt", "--select", "WS01", "-f", "github", cwd=DATA)
    assert [(line, col) for _, line, col in annotations(result)] == [
        (1, 6), (2, 7), (3, 6), (4, 7), (5, 6), (6, 6), (7, 8)]
