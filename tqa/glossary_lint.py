"""`tqa glossary lint FILE…`: what makes a glossary say something other than its authors meant.

Files are linted in the order given, which is their priority (as with ``-g``): a disagreement
between files is reported on the later file, since the earlier one wins when tqa checks.

    GL01 warning  duplicate entry (same source, target and status again)
    GL02 error    one wording both allowed and forbidden, or two preferred targets for one source
    GL03 info     a forbidden term with no preferred or admitted alternative to suggest
    GL04 warning  a term that can never match: no letter or digit, or spaces at its ends
    GL05 error    a calque rule's regex that is malformed or could backtrack catastrophically
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from .errors import TqaError
from .glossary import RULES_SUFFIX, Term, TermStatus, pair_from_name, same_wording
from .glossary_files import read_terms

_ALLOWED = (TermStatus.PREFERRED, TermStatus.ADMITTED)


class Problem(NamedTuple):
    path: str
    line: int
    code: str
    severity: str
    message: str


def lint_files(paths: Sequence[Path], source_lang: str | None, target_lang: str | None
               ) -> tuple[list[Problem], list[TqaError]]:
    """Problems of every readable file, and the files that could not be read (exit status 2)."""
    problems: list[Problem] = []
    errors: list[TqaError] = []
    earlier: list[Term] = []
    for path in paths:
        if path.name.lower().endswith(RULES_SUFFIX):
            problems += _rule_problems(path, errors)
            continue
        try:
            terms = _load(path, source_lang, target_lang)
        except TqaError as exc:
            errors.append(exc)
            continue
        problems += _within(terms) + _against(terms, earlier) + _edges(path)
        earlier += terms
    return sorted(problems, key=lambda p: (paths.index(Path(p.path)), p.line, p.code)), errors


def render(problems: Sequence[Problem]) -> str:
    """``path:line:col CODE severity message`` lines (column 1: a glossary row is the unit)."""
    return "".join(f"{p.path}:{p.line}:1 {p.code} {p.severity} {p.message}\n" for p in problems)


def _load(path: Path, source_lang: str | None, target_lang: str | None) -> list[Term]:
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TqaError(f"cannot read: {exc.strerror}", path=name) from None
    named = pair_from_name(path.name) or (None, None)
    pair = (source_lang or named[0], target_lang or named[1])
    if not all(pair) and path.suffix.lower() == ".tbx":
        from .tbx import languages_of, read_concepts

        found = languages_of(read_concepts(data, name)) + [None, None]
        pair = (pair[0] or found[0], pair[1] or found[1])
    if not all(pair):
        raise TqaError("cannot tell the language pair: name the file <name>.<src>-<tgt>.csv or give -s/-t",
                       path=name)
    return read_terms(data, name, *pair)


def _where(term: Term) -> tuple[str, int]:
    path, _, line = term.origin.rpartition(":")
    return path, int(line)


def _within(terms: Sequence[Term]) -> list[Problem]:
    """Duplicates, status conflicts and forbidden terms without an alternative, inside one file."""
    problems = []
    for index, term in enumerate(terms):
        for first in terms[:index]:
            if not same_wording(first.source, term.source):
                continue
            if same_wording(first.target, term.target):
                if first.status == term.status:
                    problems.append(_problem(term, "GL01", "warning", f'duplicate of line {_where(first)[1]}'))
                elif TermStatus.FORBIDDEN in (first.status, term.status):
                    problems.append(_problem(term, "GL02", "error", f'"{term.target}" is {term.status} here and '
                                             f'{first.status} at line {_where(first)[1]}'))
                break
        if term.status == TermStatus.FORBIDDEN and not any(
                same_wording(t.source, term.source) and t.status in _ALLOWED for t in terms):
            problems.append(_problem(term, "GL03", "info",
                                     f'forbidden "{term.target}" has no preferred or admitted alternative to suggest'))
    return problems


def _against(terms: Sequence[Term], earlier: Sequence[Term]) -> list[Problem]:
    """Disagreements with higher-priority files: the earlier file wins, the row here is ignored."""
    problems = []
    for term in terms:
        for first in earlier:
            if not same_wording(first.source, term.source):
                continue
            if same_wording(first.target, term.target) and first.status != term.status:
                message = f'"{term.target}" is {term.status} here but {first.status} in {first.origin}, which wins'
            elif (term.status == first.status == TermStatus.PREFERRED
                  and not same_wording(first.target, term.target)):
                message = f'preferred "{term.target}" conflicts with preferred "{first.target}" in {first.origin}, which wins'
            else:
                continue
            problems.append(_problem(term, "GL02", "error", message))
            break
    return problems


def _edges(path: Path) -> list[Problem]:
    """Cells that can never match as written: spaces at a term's ends, no letter or digit (CSV)."""
    if path.suffix.lower() != ".csv":
        return []
    reader = csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""))
    header = [c.strip().lower() for c in next(reader, [])]
    problems, line = [], reader.line_num + 1
    for row in reader:
        for column in ("source", "target"):
            cell = row[header.index(column)] if column in header and header.index(column) < len(row) else ""
            if cell and cell != cell.strip():
                problems.append(Problem(str(path), line, "GL04", "warning",
                                        f"{column} {cell!r} has spaces at its ends: tqa strips them, other tools "
                                        "would never match it"))
            elif cell and not re.search(r"\w", cell):
                problems.append(Problem(str(path), line, "GL04", "warning",
                                        f"{column} {cell!r} has no letter or digit: it can never match a whole word"))
        line = reader.line_num + 1
    return problems


def _rule_problems(path: Path, errors: list[TqaError]) -> list[Problem]:
    """GL05 for each bad regex of a rules file (the rest of the file is read as tqa reads it)."""
    import tomllib

    from .calques import regex_problem

    try:
        text = path.read_bytes().decode("utf-8-sig")
        rules = tomllib.loads(text).get("rule", [])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        errors.append(TqaError(f"not a rules file: {exc}", path=str(path)))
        return []
    starts = [i + 1 for i, line in enumerate(text.splitlines()) if line.strip() == "[[rule]]"]
    problems = []
    for line, rule in zip(starts, rules):
        for key in ("pattern", "context", "unless"):
            if isinstance(rule.get(key), str) and rule[key] and (problem := regex_problem(rule[key])):
                problems.append(Problem(str(path), line, "GL05", "error", f"{key}: {problem}"))
    return problems


def _problem(term: Term, code: str, severity: str, message: str) -> Problem:
    path, line = _where(term)
    return Problem(path, line, code, severity, message)
