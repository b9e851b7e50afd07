"""Lean analysis processes: where ``analyse`` tasks run their CPU work on one machine.

With ``--runner processes`` the Prefect tasks run in threads of the flow process
(ThreadPoolTaskRunner) and each ``analyse`` task hands its batch to a pool of plain
worker processes started by this module. The workers import only ``transforms``
(~1.5 s with the models, against ~4.5 s for a Prefect process-pool worker, which
imports Prefect and runs a task engine of its own), and every task run is still
recorded by Prefect in the flow process. Other runners (threads, Dask) analyse
inside the task itself.

The pool is started on the first batch, so a re-run with nothing new starts no
process, and it is shut down when the flow leaves the ``analysis_processes`` block.
Into an empty warehouse, where every document read is new, the flow starts it before
reading (``started_analysis_processes``): the workers load their models meanwhile.

A small foreground run against a Prefect server would analyse in its own process
(threads), loading the models (~1 s of CPU) on the critical path after Prefect's
imports. ``start_analysis_process`` (called by the CLI before it imports Prefect)
starts one lean process instead, which loads them on the other core meanwhile; the
flow's next ``analysis_processes(0)`` block adopts it as a pool of one.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

import polars as pl

from newsetl.flows.cancellation import is_cancel
from newsetl.transforms.batch_safety import DEFAULT_MAX_ANALYSIS_CHARS

# The key of a batch's MinHash signatures among its derived frames (stored by the load, not a staging table of the batch).
SIGNATURES = "document_minhashes"

_lock = threading.Lock()
_state: dict = {"size": 0, "pool": None, "early": None}


# Young-generation collections every 20,000 net allocations instead of CPython's 700: the analysis
# allocates millions of short-lived tuples and strings and makes almost no cycles.
_GC_THRESHOLDS = (20_000, 20, 50)


def analysis_gc() -> None:
    """Tune the cyclic GC of a process that analyses batches, once its models are loaded.

    ``gc.freeze`` moves the loaded lexicons, gazetteers and tagger caches (millions of objects)
    out of the collector's reach, so its full collections no longer walk them, and the young
    generation is collected less often. Output is unchanged; the GC's 0.2-1.0 ms of CPU per Detik
    article drops to ~0.01 (BENCHMARKS.md, "Speed pass 3").
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*_GC_THRESHOLDS)


def warmed_analysis() -> None:
    """Load the models once per worker, before its first batch (tagger, lexicons, language profiles)."""
    from newsetl.transforms.document_batch import analysed_batch

    analysed_batch(pl.DataFrame(
        {"document_id": ["warm-up"], "raw_text": ["Presiden Joko Widodo tiba di Jakarta, Senin (28/9/2020)."],
         "published_date": [None]},
        schema={"document_id": pl.String, "raw_text": pl.String, "published_date": pl.Date},
    ), {})
    analysis_gc()


def batch_analysis(documents: pl.DataFrame, max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS
                   ) -> tuple[dict[str, pl.DataFrame], dict[str, float]]:
    """Return the derived staging frames of a batch (and its MinHash signatures, ``SIGNATURES``) and the seconds per stage.

    Runs in any process.
    """
    # Imported here: the CLI starts the early process before this process needs the transforms.
    from newsetl.transforms.document_batch import analysed_batch
    from newsetl.transforms.story_clusters import signature_frame

    seconds: dict[str, float] = {}
    frames = analysed_batch(documents, seconds, max_analysis_chars)
    # Signed here, in the analysis processes, rather than serially in the only writer after the loads.
    started = time.perf_counter()
    frames[SIGNATURES] = signature_frame(frames["documents"]["document_id"], frames["documents"]["body_text"])
    seconds["minhash"] = time.perf_counter() - started
    return frames, seconds


def _loaded() -> bool:
    """Return True (run in a new analysis process: its initializer has loaded the models by then)."""
    return True


def _parent_watched(parent: int) -> None:
    """End this worker at once when the process that started it is gone (killed before it could stop its pool)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="newsetl-parent-watch", daemon=True).start()


def _worker_started(parent: int) -> None:
    """Initializer of an analysis worker: watch the parent, then load the models."""
    _parent_watched(parent)
    warmed_analysis()


def _spawned_pool(size: int) -> ProcessPoolExecutor:
    # spawn, not fork: the flow process runs Prefect's threads, and forking a
    # process with threads can copy a held lock into the child. A worker holds its own copy of
    # the task queue's write end, so it would not see its parent die: it watches for that.
    return ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_started, initargs=(os.getpid(),))


def start_analysis_process() -> None:
    """Start one analysis process now, loading its models; the next ``analysis_processes(0)`` block analyses there."""
    with _lock:
        if _state["early"] is not None or _state["pool"] is not None:
            return
        pool = _spawned_pool(1)
        pool.submit(_loaded)  # a process pool starts its processes on the first task
        _state["early"] = pool
    atexit.register(_shut_down_early_process)


def _shut_down_early_process() -> None:
    """Stop an early analysis process no flow adopted (the run failed before its first batch)."""
    with _lock:
        pool, _state["early"] = _state["early"], None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool() -> ProcessPoolExecutor | None:
    with _lock:
        if _state["size"] and _state["pool"] is None:
            _state["pool"] = _spawned_pool(_state["size"])
        return _state["pool"]


def started_analysis_processes() -> int:
    """Start the block's worker processes now rather than on its first batches; return how many were started.

    Each loads its models (~1.5 s of CPU) while this process still discovers and reads the
    first slice, instead of after it. Only for a run sure to analyse (the flow calls it on an
    empty warehouse): a pool started for nothing delays the end of the block until it is up.
    """
    with _lock:
        size, started = _state["size"], _state["pool"] is not None
    pool = _pool()
    if pool is None or started:  # no processes in this block, or already running (an adopted early one)
        return 0
    for _ in range(size):  # with no idle worker, each submission spawns one more process
        pool.submit(_loaded)
    return size


def analyses_elsewhere() -> bool:
    """Return True inside an ``analysis_processes`` block whose batches go to worker processes."""
    with _lock:
        return bool(_state["size"])


def analysed_here_or_in_pool(documents: pl.DataFrame, max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS
                             ) -> tuple[dict[str, pl.DataFrame], dict[str, float]]:
    """Return ``batch_analysis(documents, max_analysis_chars)``, computed by the analysis processes when a pool is open."""
    pool = _pool()
    if pool is None:
        return batch_analysis(documents, max_analysis_chars)
    return pool.submit(batch_analysis, documents, max_analysis_chars).result()


@contextmanager
def analysis_processes(size: int) -> Iterator[None]:
    """Within the block, batches analysed in this process go to ``size`` worker processes (0: none, or the early one)."""
    with _lock:
        if _state["size"]:
            raise RuntimeError("analysis processes are already open in this process")
        _state["size"] = max(0, size)
        if _state["size"] == 0 and _state["early"] is not None:  # started by start_analysis_process: adopted
            _state["pool"], _state["early"], _state["size"] = _state["early"], None, 1
    cancelled = False
    try:
        yield
    except BaseException as error:
        cancelled = is_cancel(error)
        raise
    finally:
        with _lock:
            pool, _state["pool"], _state["size"] = _state["pool"], None, 0
        if pool is not None:
            if cancelled:  # SIGTERM/Ctrl-C: stop the batches in analysis now rather than wait them out
                for process in list((getattr(pool, "_processes", None) or {}).values()):
                    process.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
