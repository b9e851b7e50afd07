"""How the pipeline calls its steps: as Prefect tasks, or as the same functions without Prefect.

The flow (``flows/pipeline.py``) runs every step as a Prefect task: ``call`` runs a
task in the flow's thread, ``submit`` hands it to the task runner. ``plain_steps``
runs the very same task functions (``task.fn``) with no flow, no task runs and no
API, submitting to a plain thread pool. The benchmark runs the pipeline both ways
on the same corpus; the difference in wall time is what Prefect costs.
"""

from __future__ import annotations

import concurrent.futures
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass


@dataclass(frozen=True)
class Steps:
    """``call(task, *args)`` runs a step here and returns its result; ``submit(task, *args)`` returns a future."""

    call: Callable
    submit: Callable


PREFECT_STEPS = Steps(call=lambda task, *args: task(*args), submit=lambda task, *args: task.submit(*args))


def plain_steps(executor: Executor) -> Steps:
    """Return steps that call the task functions directly and submit them to ``executor``."""
    return Steps(call=lambda task, *args: task.fn(*args), submit=lambda task, *args: executor.submit(task.fn, *args))


def is_done(future) -> bool:
    """Return True if a submitted step has finished, without asking the Prefect API (``state`` would)."""
    return getattr(future, "wrapped_future", future).done()


def waited(future, timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for a submitted step to finish (returning as soon as it does); return True if it has.

    A bounded wait, not ``result()``: the main thread is back within ``timeout`` to act on SIGTERM.
    """
    inner = getattr(future, "wrapped_future", future)
    if isinstance(inner, concurrent.futures.Future):
        concurrent.futures.wait([inner], timeout=timeout)
    elif not inner.done():
        time.sleep(timeout)
    return inner.done()
