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


def released_free_memory() -> bool:
    """Hand the free pages of every glibc heap back to the system (``malloc_trim(0)``); return True if any were."""
    libc = _glibc()
    return bool(libc is not None and libc.malloc_trim(0))
