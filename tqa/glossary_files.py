"""Glossary files -> Terms: the CSV format (and TBX rows, through the same validation).

    source,target,status,case_sensitive,note[,part_of_speech][,context]

The five first columns are required in any order; the optional ones carry TBX's data categories
so that TBX -> CSV -> TBX keeps them. Every problem is a TqaError naming the file and line.
"""

from __future__ import annotations

import csv
import io

from .errors import TqaError
from .glossary import Term, TermStatus
from .models import InputWarning

HEADER = ("source", "target", "status", "case_sensitive", "note")
OPTIONAL = ("part_of_speech", "context")  # TBX's data categories, so TBX -> CSV -> TBX keeps them
_BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False, "": False}


def read_terms(data: bytes, name: str, source_lang: str, target_lang: str,
               warnings: list[InputWarning] | None = None) -> list[Term]:
    """The terms of one CSV or TBX file for this language pair (TBX: XInclude warnings to ``warnings``)."""
    if not name.lower().endswith(".tbx"):
        return _parse(data, name)
    from .tbx import read_concepts, rows_for_pair  # only runs with a TBX glossary pay for it

    rows = rows_for_pair(read_concepts(data, name, warnings), source_lang, target_lang)
    return [_term(row, name, int(row["line"])) for row in rows]


def _parse(data: bytes, name: str) -> list[Term]:
    """The rows of one file; blank rows are skipped, line numbers count quoted line breaks."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TqaError(f"not UTF-8 (byte {exc.start})", path=name) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    columns = _header(next(reader, None), name)
    terms, line = [], reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            if len(row) != len(columns):
                raise TqaError(f"expected {len(columns)} fields, found {len(row)}", path=name, line=line)
            terms.append(_term({c: row[i] for c, i in columns.items()}, name, line))
        line = reader.line_num + 1
    return terms


def _header(row: list[str] | None, name: str) -> dict[str, int]:
    """Column positions by name; the five columns are required, in any order, the optional ones
    may follow, and nothing else."""
    cells = [c.strip().lower() for c in row or []]
    missing = [c for c in HEADER if c not in cells]
    extra = [c for c in cells if c not in HEADER + OPTIONAL]
    if missing:
        problem = f"missing header column {missing[0]!r}"
    elif extra:
        problem = f"unexpected header column {extra[0]!r}"
    elif len(cells) != len(set(cells)):
        problem = "duplicate header column"
    else:
        return {c: i for i, c in enumerate(cells)}
    raise TqaError(f"{problem} (expected {','.join(HEADER)})", path=name, line=1)


def _term(row: dict[str, str], name: str, line: int) -> Term:
    """One row (cells by column name) as a Term, or a TqaError naming the file, line and problem."""
    cell = {c: row.get(c, "").strip() for c in HEADER + OPTIONAL}
    status, case = cell["status"].lower(), cell["case_sensitive"].lower()
    problem = None
    if status not in set(TermStatus):
        problem = f"unknown status {cell['status']!r} (expected one of: {', '.join(TermStatus)})"
    elif case not in _BOOLEANS:
        problem = f"case_sensitive must be true or false, not {cell['case_sensitive']!r}"
    elif not cell["source"]:
        problem = "empty source"
    elif not cell["target"] and status != TermStatus.DNT:
        problem = f"empty target (required for {status} terms)"
    if problem:
        raise TqaError(problem, path=name, line=line)
    return Term(source=cell["source"], target=cell["target"] or cell["source"],
                status=TermStatus(status), case_sensitive=_BOOLEANS[case], note=cell["note"],
                origin=f"{name}:{line}", part_of_speech=cell["part_of_speech"], context=cell["context"])
