"""Parts on a Dask cluster: ``tqa check --dask`` (a LocalCluster) or ``--scheduler ADDRESS``.

The same tasks as ``--jobs`` gives to processes, checked by Dask workers instead, results back
in the order given: everything order-dependent (the cross-unit checks' memory, sorting,
fingerprints) still happens in the main process, so the report is ``--jobs 1``'s, byte for byte.
Each worker builds its checker from the settings on its first task and keeps it.

NOTE: a file task is a path that the worker reads; PO and XLIFF files are read here, sent in parts.
So a remote cluster's workers must see the same files at the same paths, from the same working
directory (relative paths, the default ``glossaries/`` folder). Imported only when asked for:
``tqa check`` does not pay for importing dask.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TypeVar

from .config import Settings
from .errors import TqaError
from .parallel import Result, in_order
from .worker import Task, install_from, run_task

LOCAL = "local"  # the scheduler of a LocalCluster the run starts and stops (`--dask` alone)
T = TypeVar("T")


def require_dask() -> None:
    """A usage error before any work when the ``dask`` extra is missing."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise TqaError("--dask needs the dask extra: pip install 'tqa[dask]'") from None


def dask_results(tasks: Iterable[tuple[T, Task]], scheduler: str, jobs: int, settings: Settings,
                 debug: bool) -> Iterator[tuple[T, Result]]:
    """``run_task`` over tagged tasks on the cluster at ``scheduler`` (``LOCAL``: ``jobs``
    single-threaded worker processes), in order, tags kept, two tasks per worker thread in flight."""
    require_dask()
    with connected(scheduler, jobs) as client:
        threads = sum(client.nthreads().values())
        yield from in_order(lambda task: client.submit(checked, task, settings, debug, pure=False),
                            tasks, 2 * max(threads, 1))


def checked(task: Task, settings: Settings, debug: bool) -> Result:
    """A Dask worker's job: the task, checked with this worker's checker."""
    install_from(settings, debug)
    return run_task(task)


@contextmanager
def connected(scheduler: str, jobs: int) -> Iterator:
    """A client of the cluster, closed (and a LocalCluster stopped) when the run ends."""
    from distributed import Client
    from distributed.comm import resolve_address

    with ExitStack() as stack:
        address = stack.enter_context(local_cluster(jobs)) if scheduler == LOCAL else scheduler
        try:
            if scheduler != LOCAL:  # NOTE: a Client made for a bad address hangs a minute at exit
                resolve_address(scheduler)
            client = stack.enter_context(Client(address, set_as_default=False))
        except (OSError, ValueError) as exc:
            raise TqaError(f"cannot connect to the Dask scheduler {scheduler}: {exc}") from None
        if scheduler == LOCAL:  # our own workers collect garbage as this process was told to (cli)
            client.run(gc.set_threshold, *gc.get_threshold())
        yield client


def local_cluster(workers: int):
    """A LocalCluster on this machine: ``workers`` single-threaded processes, no dashboard (its
    HTTP server on a free loopback port, not 8787, which another cluster may hold), quiet logs."""
    from distributed import LocalCluster

    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                        silence_logs=logging.ERROR)
