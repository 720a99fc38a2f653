"""Map a function over a stream in worker processes, in order, with bounded memory.

    >>> list(ordered_map(abs, iter([-1, 2, -3]), jobs=1))
    [1, 2, 3]

`multiprocessing.Pool.imap` reads its whole input ahead of the workers, so a stream
larger than memory would fill it. `ordered_map` keeps at most ``window`` tasks in
flight: it submits a new one only when the oldest result has been handed out.
Results come back in input order, so ``--jobs N`` output is byte-identical to
``--jobs 1``.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from concurrent.futures import Future
    from typing import TypeVar

    T = TypeVar("T")
    R = TypeVar("R")

__all__ = ["available_cores", "ordered_map"]


def available_cores() -> int:
    """The cores this process may use (respects CPU affinity where the OS has it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int = 1,
    window: int | None = None,
) -> Iterator[R]:
    """Yield ``func(item)`` for each item, in order, using ``jobs`` processes.

    ``jobs=1`` runs in this process (no pickling). ``jobs=0`` means one per core.
    ``window`` bounds the tasks in flight (default: 4 per job); memory holds at most
    that many inputs and results. ``func`` and the items must be picklable.
    """
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (all cores) or more, not {jobs}")
    if jobs == 0:
        jobs = available_cores()
    if jobs == 1:
        yield from map(func, items)
        return
    # Imported here: the process pool machinery costs start-up time for nothing
    # when one process does the work.
    from concurrent.futures import ProcessPoolExecutor

    window = window or 4 * jobs
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[R]] = deque()
        try:
            for item in items:
                pending.append(pool.submit(func, item))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
