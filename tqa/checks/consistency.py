"""Consistency across the whole run: one source, one translation; one translation, one source.

NOTE: these checks remember what they saw. The pipeline makes one instance of each check per
run and feeds it the keys of every unit of every file in sorted order (computed in any worker,
remembered in the main process), so the memory spans all files and the output is
deterministic. Memory stays small: per distinct key, 64-bit hashes of normalised text and a
place packed in an int (``base.Places``). The first occurrence is the reference; later ones are
reported, pointing at it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from ..models import Category, MqmSeverity, Segment, Severity
from .base import Context, CrossUnitCheck, Place, has_pair

_SPACES = re.compile(r"\s+")
_TRAILING = " .:;!?…\u00a0\u202f"
_LOW = (1 << 64) - 1


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

    def key(self, segment: Segment, ctx: Context) -> tuple | None:
        if not has_pair(segment) or not segment.source.strip():
            return None
        return digest_in(context_of(segment), segment.source), digest(segment.text)

    def conflict(self, key: tuple, where: Place) -> str | None:
        source, target = key
        # source -> target | place << 64
        first = self.first.setdefault(source, target | self.places.pack(where) << 64)
        if first & _LOW != target:
            return f"Same source as at {self.places.name(first >> 64)}, translated differently there."
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

    def key(self, segment: Segment, ctx: Context) -> tuple | None:
        if not has_pair(segment) or not segment.source.strip():
            return None
        unit = _exact(ctx.document.path, segment.unit_id) if segment.unit_id else 0
        return digest(segment.source), digest(segment.text), unit

    def conflict(self, key: tuple, where: Place) -> str | None:
        source, target, unit = key
        # target -> source | unit << 64 | place << 128
        first = self.first.setdefault(target, source | unit << 64 | self.places.pack(where) << 128)
        first_unit = first >> 64 & _LOW
        if first & _LOW != source and (not unit or first_unit != unit):
            return f"Same translation as at {self.places.name(first >> 128)}, where the source differs."
        return None


@lru_cache(maxsize=1 << 16)
def digest(text: str) -> int:
    """64 bits standing for the text, normalised: NFC, case-folded, spacing and final
    punctuation ignored. Cached: catalogs and memories repeat texts, and a unit's texts are
    digested for both checks."""
    return _hash(_normal(text))


def digest_in(context: str, text: str) -> int:
    """``digest`` of a text within a context (a PO msgctxt); without one, the text's own."""
    return _hash(f"{_normal(context)}\0{digest(text)}") if context else digest(text)


def _exact(*texts: str) -> int:
    """64 bits standing for the texts as they are (unit ids: each seen once, so not cached)."""
    return _hash("\0".join(texts)) or 1


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _normal(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip().rstrip(_TRAILING).casefold()


def context_of(segment: Segment) -> str:
    """A PO unit's msgctxt (gettext ids are ``context + "\\x04" + msgid``), else ""."""
    unit_id = segment.unit_id or ""
    return unit_id.split("\x04", 1)[0] if "\x04" in unit_id else ""
