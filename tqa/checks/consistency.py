"""Consistency across the whole run: one source, one translation; one translation, one source.

NOTE: these checks remember what they saw. The pipeline makes one instance of each check per
run and feeds it the keys of every unit of every file in sorted order (computed in any worker,
remembered in the main process), so the memory spans all files and the output is deterministic. Memory stays small: 8-byte hashes of normalised text and one location string
per distinct text. The first occurrence is the reference; later ones are reported, pointing
at it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from ..models import Category, MqmSeverity, Segment, Severity
from .base import Context, CrossUnitCheck, has_pair

_SPACES = re.compile(r"\s+")
_TRAILING = " .:;!?…\u00a0\u202f"


class InconsistentTranslation(CrossUnitCheck):
    """The same source text is translated differently in different places.

    Why it matters: a reader who sees "Enregistrer" on one button and "Sauvegarder" on the
    next wonders whether they do different things; in software, the two renderings also
    double the review and support work.

    Example: "Save" -> "Enregistrer" in one file and "Sauvegarder" in another (CONS01, on
    the later one, naming where the first is).

    Texts are compared ignoring case, spacing and final punctuation; PO units with
    different contexts (msgctxt) are different sources.
    """

    code = "CONS01"
    name = "inconsistent-translation"
    category = Category.CONSISTENCY
    severity = Severity.WARNING

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._first: dict[bytes, tuple[bytes, str]] = {}  # source -> (target, where)

    def key(self, segment: Segment, ctx: Context) -> tuple | None:
        if not has_pair(segment) or not segment.source.strip():
            return None
        return digest(context_of(segment), segment.source), digest(segment.text)

    def conflict(self, key: tuple, where: str) -> str | None:
        source, target = key
        first_target, first_where = self._first.setdefault(source, (target, where))
        if first_target != target:
            return f"Same source as at {first_where}, translated differently there."
        return None


class ReusedTranslation(CrossUnitCheck):
    """The same translation is used for different source texts.

    Why it matters: two different source strings usually mean two different things; one
    translation for both often means one of them was mistranslated or copied from the
    wrong unit ("Delete" and "Remove" both as "Supprimer" may be fine, "Open" and "Close"
    both as "Ouvrir" is not).

    Example: "Open" -> "Ouvrir", later "Close" -> "Ouvrir" (CONS02, on the later one).

    Texts are compared ignoring case, spacing and final punctuation; plural forms of one
    PO entry may share a translation.
    """

    code = "CONS02"
    name = "reused-translation"
    category = Category.CONSISTENCY
    severity = Severity.INFO
    mqm_severity = MqmSeverity.NEUTRAL  # often legitimate: reported for review, costs nothing

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._first: dict[bytes, tuple[bytes, bytes | None, str]] = {}  # target -> (source, unit, where)

    def key(self, segment: Segment, ctx: Context) -> tuple | None:
        if not has_pair(segment) or not segment.source.strip():
            return None
        unit = digest(ctx.document.path, segment.unit_id) if segment.unit_id else None
        return digest(segment.source), digest(segment.text), unit

    def conflict(self, key: tuple, where: str) -> str | None:
        source, target, unit = key
        first_source, first_unit, first_where = self._first.setdefault(target, (source, unit, where))
        if first_source != source and (unit is None or first_unit != unit):
            return f"Same translation as at {first_where}, where the source differs."
        return None


def digest(*texts: str) -> bytes:
    """8 bytes standing for the texts, normalised: NFC, case-folded, spacing and final
    punctuation ignored."""
    return hashlib.blake2b("\0".join(map(_normal, texts)).encode("utf-8"), digest_size=8).digest()


@lru_cache(maxsize=1 << 16)
def _normal(text: str) -> str:
    """Cached: catalogs and memories repeat texts, and every unit is normalised twice or more."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip().rstrip(_TRAILING).casefold()


def context_of(segment: Segment) -> str:
    """A PO unit's msgctxt (gettext ids are ``context + "\\x04" + msgid``), else ""."""
    unit_id = segment.unit_id or ""
    return unit_id.split("\x04", 1)[0] if "\x04" in unit_id else ""
