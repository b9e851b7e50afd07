"""glibc's free heap pages handed back between the flow process's steps.

The flow process lives for the whole run and works in bursts (a read, a load, a corpus-wide
rebuild) from whichever of its threads runs the step; glibc keeps what a burst freed in that
thread's heap for the next one. DuckDB 1.5.3 and later, built with jemalloc, no longer calls
``malloc_trim`` itself (duckdb/duckdb#23253), so the flow calls it after each load and rebuild.
On 5,000 Detik articles this did not move the peak measurably (BENCHMARKS.md, "Flow-process
memory"): glibc held 50-115 MB free there, most of it not in whole pages. A no-op where the C
library is not glibc.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from functools import cache


@cache
def _glibc():
    """Return glibc as a ctypes library, or None on other C libraries (musl, macOS, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim  # noqa: B018  (glibc only)
    except (OSError, AttributeError):
        return None
    return libc


def frozen_start_up_objects() -> int:
    """Move every object alive now out of the cyclic collector's reach (``gc.freeze``); return how many.

    Called once, after start-up and the warm-up: the modules, models and word lists loaded by then
    live for the whole run, and each full collection (``released_free_memory``) then scans only
    what the run allocated since, a few ms instead of ~0.1 s.
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def unfrozen_objects() -> int:
    """Hand the frozen objects back to the cyclic collector (``gc.unfreeze``); return how many were frozen."""
    count = gc.get_freeze_count()
    gc.unfreeze()
    return count


def released_free_memory(collect_cycles: bool = False) -> bool:
    """Hand the free pages of every glibc heap back to the system (``malloc_trim(0)``), after a full
    collection of cyclic garbage with ``collect_cycles``; return True if any pages were.

    Prefect's task-run engine and its context keep a task's parameters (a batch's frames) in
    reference cycles that outlive the task run until the next full collection: on Detik x5000,
    30-80 frames (30-75 MB) were alive after each load group, where a collection left those of
    the batches still in flight (0-30). The flow collects after each load group only: a full
    collection costs ~40 ms on 2 busy cores even after ``frozen_start_up_objects``.
    """
    if collect_cycles:
        gc.collect()
    libc = _glibc()
    return bool(libc is not None and libc.malloc_trim(0))
