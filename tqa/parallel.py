"""Parts spread over worker processes, results back in the order given: ``--jobs N`` writes the
report ``--jobs 1`` writes, byte for byte, since everything order-dependent happens after."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain
from typing import TypeVar

from .config import Settings
from .models import InputError
from .worker import PartResult, Task, install_from, run_task

Result = PartResult | InputError
T = TypeVar("T")


def ordered_results(tasks: Iterable[tuple[T, Task]], jobs: int, settings: Settings,
                    debug: bool) -> Iterator[tuple[T, Result]]:
    """``run_task`` over tagged tasks, in order, tags kept; in ``jobs`` processes when there is
    more than one task (a pool for one small file would only cost start-up)."""
    tasks = iter(tasks)
    first = [t for t in (next(tasks, None), next(tasks, None)) if t is not None]
    if jobs <= 1 or len(first) < 2:
        for tag, task in chain(first, tasks):
            yield tag, run_task(task)
        return
    # fork: workers inherit the main process's checker (no glossary or detector to load again);
    # elsewhere they build their own from the settings on their first task.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                               initializer=install_from, initargs=(settings, debug))
    try:
        pending: deque[tuple[T, Future]] = deque()
        for tag, task in chain(first, tasks):
            pending.append((tag, pool.submit(run_task, task)))
            if len(pending) > 2 * jobs:  # bounded: memory holds a few parts, not the file
                yield _done(pending.popleft())
        while pending:
            yield _done(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _done(pending: tuple[T, Future]) -> tuple[T, Result]:
    tag, future = pending
    return tag, future.result()
