"""One process-wide switch that pauses Python's cyclic garbage collector.

    >>> import gc
    >>> with collector_paused(True):
    ...     gc.isenabled()
    False

Work that makes many objects and no reference cycles (cleaning a document of
millions of lines, parsing the rule data) runs faster without the collector
walking those objects again and again. Several such pieces of work may overlap in
threads, so the pauses are counted: the collector resumes, as it was before the
first, when the last one ends.
"""

from __future__ import annotations

import gc
from _thread import allocate_lock  # threading.Lock itself; threading costs 1 ms
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]

_gc_lock = allocate_lock()
_gc_pausers = 0
_gc_was_enabled = False


@contextmanager
def collector_paused(pause: bool = True) -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block (``pause`` False: a
    block like any other, so callers need not branch).

    A document of millions of lines leaves millions of small objects alive until
    it is done (its lines, the edits), and each full pass of the collector walks
    them all: on a 16 MB document that made time grow faster than the input
    (bench/pathological.py). cleanse makes no reference cycles while cleaning, so
    nothing is lost by waiting; reference counting still frees everything, and the
    collector resumes, as it was, when the last pause in the process ends.
    Thread-safe and re-entrant.
    """
    global _gc_pausers, _gc_was_enabled  # noqa: PLW0603 - one process-wide switch
    if not pause:
        yield
        return
    with _gc_lock:
        if _gc_pausers == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pausers += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pausers -= 1
            if _gc_pausers == 0 and _gc_was_enabled:
                gc.enable()
