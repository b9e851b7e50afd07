"""SIGTERM (and Prefect's cancel, which sends SIGTERM to the run's process) as an exception the flow can record.

Without a handler SIGTERM ends the process at once: the run stays ``running`` in
``marts.pipeline_runs`` until the next run marks it ``crashed``. With
``cancellable()`` around the flow body, SIGTERM raises ``RunCancelled`` in the main
thread; the open load transaction rolls back (warehouse/loading.py catches
BaseException), the flow's ``finally`` records the run as ``cancelled`` with the
counts it committed, and the CLI exits non-zero. Ctrl-C (KeyboardInterrupt) is
treated the same way. A second SIGTERM while the run is being closed is ignored,
so the record is always written; SIGKILL remains the way to stop it at once.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_log = logging.getLogger("newsetl.cancellation")


class RunCancelled(BaseException):
    """The run was asked to stop (SIGTERM): a BaseException, so no task retry or ``except Exception`` swallows it."""


def is_cancel(error: BaseException) -> bool:
    """Return True if ``error`` means the run was stopped on request (SIGTERM or Ctrl-C).

    Also when it only wraps one: DuckDB turns a signal that lands inside a statement into
    ``RuntimeError: Query interrupted`` caused by the handler's ``RunCancelled``.
    """
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, (RunCancelled, KeyboardInterrupt)):
            return True
        if f"{RunCancelled.__name__}: " in str(error).split("\n", 1)[0]:
            # DuckDB can re-raise the handler's RunCancelled as its own error, keeping only its text
            # ("Error: RunCancelled: the run received signal SIGTERM ...\n\nAt: ..."), with no cause.
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


@contextmanager
def cancellable() -> Iterator[Callable[[], None]]:
    """Turn SIGTERM into ``RunCancelled`` for the block (main thread only; elsewhere a no-op).

    Yields ``closing``: call it when the run starts recording its end, so that a SIGTERM
    from then on is logged and ignored instead of interrupting the record.
    """
    if threading.current_thread() is not threading.main_thread():
        yield lambda: None
        return
    state = {"signalled": False}

    def on_sigterm(signum, frame):
        if state["signalled"]:
            _log.warning("SIGTERM again: still recording the cancelled run; SIGKILL stops it at once")
            return
        state["signalled"] = True
        raise RunCancelled(f"the run received signal {signal.Signals(signum).name} and was cancelled")

    def closing() -> None:
        state["signalled"] = True

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield closing
    finally:
        signal.signal(signal.SIGTERM, previous)
