"""Choosing the Prefect task runner: threads, processes, or Dask via prefect-dask."""

from __future__ import annotations

import os

from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

RUNNERS = ("auto", "threads", "processes", "dask")
# Below this much input, starting worker processes costs more than it saves.
AUTO_PROCESS_BYTES = 2 * 1024 * 1024


def default_workers() -> int:
    """Return the default worker count: the machine's cores (2 on the reference machine)."""
    return max(1, os.cpu_count() or 1)


def task_runner(runner: str, workers: int | None, *, input_bytes: int = 0, dask_address: str | None = None):
    """Return a task runner instance for ``runner`` (``auto`` picks threads or processes by input size)."""
    workers = workers or default_workers()
    if runner == "auto":
        runner = "processes" if input_bytes > AUTO_PROCESS_BYTES and workers > 1 else "threads"
    if runner == "threads":
        return ThreadPoolTaskRunner(max_workers=workers)
    if runner == "processes":
        return ProcessPoolTaskRunner(max_workers=workers)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None},
        )
    raise ValueError(f"unknown runner {runner!r}; choose one of {', '.join(RUNNERS)}")
