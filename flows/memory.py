"""Keeping the flow process's memory flat: glibc's heap handed back between steps.

The flow process lives for the whole run and does its work in bursts (a read, a load,
a corpus-wide rebuild), each from whichever of its threads runs the step. glibc gives
every such thread a heap of its own and keeps what a burst freed for the next one: on
5,000 Detik articles the free space it held grew from 6 MB to 110 MB while the memory in
use stayed at ~105 MB (``newsetl_dev.memory_trace``), and DuckDB (1.5.3 and later, built
with jemalloc) no longer trims that heap itself. Two arenas for the threads started
after the flow's modules load, and ``malloc_trim`` after each step, keep it to what is
in use. Both are no-ops where the C library is not glibc.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache

_M_ARENA_MAX = -8  # mallopt parameter (malloc.h)
# Threads of the flow process that allocate: the flow's own, Prefect's, the task runner's
# (4 analyses in flight plus one); they allocate in short bursts, so two heaps are enough.
MALLOC_ARENAS = 2


@cache
def _glibc():
    """Return glibc as a ctypes library, or None on other C libraries (musl, macOS, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim, libc.mallopt  # noqa: B018  (both exist in glibc only)
    except (OSError, AttributeError):
        return None
    return libc


def bounded_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Limit glibc to ``arenas`` heaps for threads that have none yet; return True if it applied."""
    libc = _glibc()
    return bool(libc is not None and libc.mallopt(_M_ARENA_MAX, arenas))


def released_free_memory() -> bool:
    """Hand the free pages of every glibc heap back to the system (``malloc_trim(0)``); return True if any were."""
    libc = _glibc()
    return bool(libc is not None and libc.malloc_trim(0))
