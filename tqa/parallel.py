"""Parts spread over worker processes, results back in the order given: ``--jobs N`` writes the
report ``--jobs 1`` writes, byte for byte, since everything order-dependent happens after."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING, TypeVar

from .config import Settings
from .models import InputError
from .worker import PartResult, Task, install_from, run_task

if TYPE_CHECKING:
    from concurrent.futures import Future

Result = PartResult | InputError
T = TypeVar("T")


def ordered_results(tasks: Iterable[tuple[T, Task]], jobs: int, settings: Settings,
                    debug: bool, scheduler: str | None = None) -> Iterator[tuple[T, Result]]:
    """``run_task`` over tagged tasks, in order, tags kept; in ``jobs`` processes, or on the Dask
    cluster at ``scheduler`` (``dask_backend``), when there is more than one task (a pool for one
    small file would only cost start-up)."""
    tasks = iter(tasks)
    first = next(tasks, None)
    if first is None:
        return
    # The first task runs here: a single small file needs no pool, and forked workers then
    # inherit a warm checker (detector loaded, the first units' findings remembered).
    yield first[0], run_task(first[1])
    if jobs <= 1 and scheduler is None:
        for tag, task in tasks:
            yield tag, run_task(task)
        return
    second = next(tasks, None)
    if second is None:
        return
    if scheduler is not None:
        from .dask_backend import dask_results  # NOTE: here: only Dask runs import dask

        yield from dask_results(chain([second], tasks), scheduler, jobs, settings, debug)
        return
    # fork: workers inherit the main process's checker (no glossary or detector to load again);
    # elsewhere they build their own from the settings on their first task.
    import multiprocessing  # NOTE: here: a run of one small file (a pre-commit hook) never needs them
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                               initializer=install_from, initargs=(settings, debug))
    try:
        yield from in_order(lambda task: pool.submit(run_task, task), chain([second], tasks), 2 * jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def in_order(submit: Callable[[Task], Future], tasks: Iterable[tuple[T, Task]],
             limit: int) -> Iterator[tuple[T, Result]]:
    """Tasks submitted in order, at most ``limit`` in flight (memory holds a few parts, not the
    file), results yielded in the same order: any executor whose futures have ``result()``."""
    pending: deque[tuple[T, Future]] = deque()
    for tag, task in tasks:
        pending.append((tag, submit(task)))
        if len(pending) > limit:
            yield _done(pending.popleft())
    while pending:
        yield _done(pending.popleft())


def _done(pending: tuple[T, Future]) -> tuple[T, Result]:
    tag, future = pending
    return tag, future.result()
