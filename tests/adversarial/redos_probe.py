"""Run every regular expression tqa compiles against worst-case strings; print each pattern's name
before trying it, so a hang names its culprit. ``python redos_probe.py [--times]``."""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import time

import tqa

LENGTH = int(sys.argv[sys.argv.index("--length") + 1]) if "--length" in sys.argv else 100_000

# Shapes that make backtracking engines go quadratic or worse: long runs of one character class,
# alternations that almost match, nested repeats that fail on the last character.
UNITS = ["a", " ", "\t", "\u00a0", "0", "1,", "1.", "1 ", "é", "\n", "\r\n", ".", "..", "-", "_", "'", '"',
         "«", "(", "[", "{", "{{", "<", "<a", "%", "%(", "$", "#", "&", "&#", "/", "\\", ":", "http://a.",
         "a@", "a.", "a ", "A", "Aa ", "x=\"1\" ", "*", "!", "?", " ?", "\u202f", "\x85", "\u2028", "😀"]
TAILS = ["!", "\x00"]
# A placeholder, tag, entity, address or path opening, then a long run that never closes it.
LEADS = ["%", "%(", "&", "<a ", "a@", "a/"]
RUNS = ["0", "a", "-/", "a."]


# Used only whole-string (fullmatch), so only fullmatch is tried on them.
FULLMATCH_ONLY = {"tqa.directives._DIRECTIVE", "tqa.langwords.PLURAL_THEN_NAME"}


def patterns() -> list[tuple[str, re.Pattern]]:
    """Every compiled pattern bound at module level or in a class anywhere in the tqa package."""
    found: dict[int, tuple[str, re.Pattern]] = {}
    for info in pkgutil.walk_packages(tqa.__path__, "tqa."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            holders = [(name, value)] + ([(f"{name}.{k}", v) for k, v in vars(value).items()]
                                          if isinstance(value, type) and value.__module__ == module.__name__ else [])
            for label, obj in holders:
                if isinstance(obj, re.Pattern):
                    found.setdefault(id(obj), (f"{info.name}.{label}", obj))
    return sorted(found.values(), key=lambda item: item[0])


def inputs() -> list[str]:
    runs = [(unit * (LENGTH // len(unit)))[:LENGTH] + tail for unit in UNITS for tail in TAILS]
    return runs + [lead + (unit * (LENGTH // len(unit)))[:LENGTH] + "!" for lead in LEADS for unit in RUNS]


def main() -> None:
    times = "--times" in sys.argv
    texts = inputs()
    for label, pattern in patterns():
        print(label, flush=True)
        started = time.perf_counter()
        for text in texts if isinstance(pattern.pattern, str) else [t.encode("utf-8", "replace") for t in texts]:
            if label not in FULLMATCH_ONLY:
                for _ in pattern.finditer(text):
                    pass
            pattern.fullmatch(text)
        if times:
            print(f"  {time.perf_counter() - started:.2f}s", flush=True)
        elif time.perf_counter() - started > 20:
            print(f"  slow: {time.perf_counter() - started:.0f}s", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()
