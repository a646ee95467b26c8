"""Roles for text its reader could not label, from the shape of its lines.

A page read as text still has a head (title, tags, byline, dateline), a body, and often a tail of
site interface (a comment form). Head: scanned line by line from the top while each line is one
of the head kinds. Tail: whole blocks from the bottom while every line is short or worded like a
form. The rest is body. The word lists are data, English and French.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .models import Block, Role
from .positions import LINE_BREAK_CHARS
from .sentences import split_sentences

HEAD_LINES = 6
TITLE_MAX_WORDS = 20
DATELINE_MAX_WORDS = 25
LABEL_MAX_WORDS = 8  # an interface label, button or heading: "Leave a reply", "Envoyer"
FORM_SENTENCE_MAX_WORDS = 14

BYLINE_PREFIXES = frozenset({"by", "par", "de"})
BYLINE_JOINERS = frozenset({"and", "et", "&"})
NAME_PARTICLES = frozenset(
    "de du des d' van von der den la le da di del della bin ibn al el ben y".split()
)
# Whole interface strings, normalised (lower case, no final punctuation or asterisk).
FORM_PHRASES = frozenset(
    {
        # en
        "leave a reply", "leave a comment", "post comment", "post a comment", "submit", "send",
        "reply", "cancel reply", "name", "email", "e-mail", "website", "comment", "comments",
        "your email address will not be published", "required fields are marked",
        "join the discussion", "you must be logged in to post a comment", "log in to reply",
        "notify me of follow-up comments by email", "notify me of new posts by email",
        "save my name, email, and website in this browser for the next time i comment",
        "share this", "share", "subscribe", "read more", "related articles",
        # fr
        "réagissez à cet article", "vos commentaires", "rejoignez la discussion",
        "laisser un commentaire", "laissez un commentaire", "écrire un commentaire", "envoyer",
        "publier", "répondre", "annuler la réponse", "nom", "courriel", "site web", "commentaire",
        "commentaires", "votre adresse e-mail ne sera pas publiée",
        "votre adresse de messagerie ne sera pas publiée",
        "les champs obligatoires sont indiqués avec", "les champs obligatoires sont marqués",
        "partager", "s'abonner", "se connecter", "lire la suite", "articles similaires",
    }
)
# Words of comment forms and their notices; two in one short sentence make it interface.
FORM_KEYWORDS = frozenset(
    """
    email e-mail address comment comments reply required field fields published publish
    logged subscribe notify website
    courriel adresse commentaire commentaires répondre obligatoires champs publiée publié
    connecté abonner messagerie
    """.split()
)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|janvier|février|fevrier|mars|avril|mai|juin"
    "|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|janv|févr|avr|juil"
)
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
DATE_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b\d{{1,2}}(?:er|st|nd|rd|th)?\.? (?:{_MONTHS})\.?,? \d{{4}}\b",  # 29 November 2021
        rf"\b(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}\b",  # November 29, 2021
        r"\b\d{4}-\d{1,2}-\d{1,2}\b",  # 2021-11-29
        r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",  # 29/11/2021, 11.29.21
    )
)
# A weekday counts only with a time ("Monday, 11:52", "lundi 18h05"): "Sunday" alone is prose.
_WEEKDAY = re.compile(rf"\b(?:{_WEEKDAYS})\b", re.IGNORECASE)
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_LINE = re.compile(rf"[^{LINE_BREAK_CHARS}]+")
_WORD = re.compile(r"[\w'’-]+")
_SPACES = re.compile(r"\s+")


class Unit(NamedTuple):
    """A span of one block that gets one role; its sentences become segments."""

    block: int  # index in Document.blocks
    start: int
    end: int
    role: Role | None
    line: bool  # a line of a plain paragraph, open to the line heuristics


def assign_roles(blocks: tuple[Block, ...] | list[Block]) -> list[Unit]:
    """Units in document order, every one with a role: the reader's, the head's, the tail's or
    BODY (body lines of one block joined back into one unit)."""
    units = [u for i, block in enumerate(blocks) for u in _units(i, block)]
    _assign_head(units, blocks)
    _assign_tail(units, blocks)
    return _merge_body(units)


def _units(index: int, block: Block) -> list[Unit]:
    if block.role is None and block.kind == "paragraph":
        return [Unit(index, m.start(), m.end(), None, True)
                for m in _LINE.finditer(block.text) if m.group().strip()]
    return [Unit(index, 0, len(block.text), block.role, False)]


def _text(unit: Unit, blocks) -> str:
    return blocks[unit.block].text[unit.start:unit.end].strip()


def _assign_head(units: list[Unit], blocks) -> None:
    """Title, tags, byline and dateline lines at the top; reader-labelled blocks pass through."""
    seen: list[Role] = []
    scanned = 0
    for i, unit in enumerate(units):
        if unit.role is not None:
            seen.append(unit.role)
            continue
        if not unit.line or scanned >= HEAD_LINES:
            return
        following = _text(units[i + 1], blocks) if i + 1 < len(units) else ""
        role = head_role(_text(unit, blocks), seen, first=scanned == 0, following=following)
        if role is None:
            return
        units[i] = unit._replace(role=role)
        seen.append(role)
        scanned += 1


def head_role(line: str, seen: list[Role], first: bool, following: str = "") -> Role | None:
    """What a line near the top is, given the head roles above it; None means body."""
    if is_hashtags(line):
        return Role.TAGS
    if first and Role.TITLE not in seen and is_title(line, following):
        return Role.TITLE
    if is_dateline(line):
        return Role.DATELINE
    if seen and is_byline(line):
        return Role.BYLINE
    return None


def is_hashtags(line: str) -> bool:
    words = [w.rstrip(",;") for w in line.split()]
    return bool(words) and all(w.startswith("#") and len(w) > 1 for w in words)


def is_title(line: str, following: str = "") -> bool:
    """Short, no final full stop, and not the first line of a wrapped paragraph."""
    return (
        len(line.split()) <= TITLE_MAX_WORDS
        and not line.endswith((".", ":", ";", ","))
        and not following[:1].islower()
    )


def is_dateline(line: str) -> bool:
    words = line.split()
    has_date = any(p.search(line) for p in DATE_PATTERNS)
    weekday_and_time = bool(_WEEKDAY.search(line) and _TIME.search(line))
    return len(words) <= DATELINE_MAX_WORDS and not line.endswith(".") and (
        has_date or weekday_and_time
    )


def is_byline(line: str) -> bool:
    """Names of 2–4 capitalised words ("Fiona Urbain", "By Jean de La Fontaine and Ann Lee",
    an agency after a comma), no final stop: no verb, no sentence."""
    if line.endswith((".", "!", "?", ":")):
        return False
    words = line.replace(",", " , ").split()
    if words and words[0].lower() in BYLINE_PREFIXES:
        words = words[1:]
    authors: list[list[str]] = [[]]
    for word in words:
        if word == "," or word.lower() in BYLINE_JOINERS:
            authors.append([])
        elif word.lower() not in NAME_PARTICLES:
            authors[-1].append(word)
    return (
        2 <= len(authors[0]) <= 4
        and all(1 <= len(names) <= 4 for names in authors[1:])
        and all(_is_name(word) for names in authors for word in names)
    )


def _is_name(word: str) -> bool:
    return word[0].isupper() and bool(_WORD.fullmatch(word.rstrip(".")))


def _assign_tail(units: list[Unit], blocks) -> None:
    """Whole blocks from the bottom up while every line of each is interface-like."""
    by_block: dict[int, list[int]] = {}
    for i, unit in enumerate(units):
        by_block.setdefault(unit.block, []).append(i)
    for index in reversed(range(len(blocks))):
        members = by_block.get(index, [])
        if all(units[i].role is Role.INTERFACE for i in members):
            continue
        if not all(units[i].line and units[i].role is None for i in members):
            return
        if not all(is_interface_line(_text(units[i], blocks)) for i in members):
            return
        for i in members:
            units[i] = units[i]._replace(role=Role.INTERFACE)


def is_interface_line(line: str) -> bool:
    """Every sentence of the line is a short label or worded like a form."""
    return all(
        is_form_wording(sentence) or is_label(sentence)
        for sentence in (line[a:b] for a, b in split_sentences(line))
    )


def is_label(sentence: str) -> bool:
    short = len(sentence.split()) <= LABEL_MAX_WORDS
    return short and not sentence.endswith((".", "!", "?", "…"))


def is_form_wording(sentence: str) -> bool:
    """A known interface string, or a short sentence with two comment-form words."""
    normalised = _SPACES.sub(" ", sentence.lower()).strip(" *:.!?…")
    if normalised in FORM_PHRASES:
        return True
    words = _WORD.findall(normalised)
    hits = sum(w in FORM_KEYWORDS for w in words)
    return hits >= 2 and len(words) <= FORM_SENTENCE_MAX_WORDS


def _merge_body(units: list[Unit]) -> list[Unit]:
    """Unlabelled lines of one block back into one BODY unit, so sentences can span lines."""
    merged: list[Unit] = []
    for unit in units:
        last = merged[-1] if merged else None
        joins = last and last.role is Role.BODY and last.line and last.block == unit.block
        if unit.role is None and joins:
            merged[-1] = last._replace(end=unit.end)
        elif unit.role is None:
            merged.append(unit._replace(role=Role.BODY))
        else:
            merged.append(unit)
    return merged
