"""Word counting: one definition for the summary's word count and the score's evaluated words."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def count_words(text: str) -> int:
    """Runs of letters and digits, with inner apostrophes ("aujourd'hui", "don't" are one word)."""
    return len(_WORD.findall(text))
