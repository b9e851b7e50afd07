"""Choosing where the NLP work runs: threads, lean processes, Prefect's process pool, or Dask.

Prefect is imported only to build a plan: the CLI chooses (``chosen_runner``) before it imports Prefect.

A ``RunnerPlan`` pairs the Prefect task runner with the number of lean analysis
processes the flow opens itself (``flows/analysis_pool.py``):

- ``threads``: ThreadPoolTaskRunner; analysis in the tasks' threads (one core, GIL).
- ``processes``: ThreadPoolTaskRunner whose ``analyse`` tasks hand their batch to
  ``workers`` plain worker processes. Prefect still records every task run; the
  workers skip importing Prefect and running a task engine, which on a 2-core
  machine is the difference between ~5 s and ~1.5 s of start-up per run.
- ``prefect-processes``: Prefect's ProcessPoolTaskRunner (each task run executes in a
  worker process with its own task engine); kept for comparison and for tasks that
  must run whole in a worker.
- ``dask``: prefect-dask's DaskTaskRunner, a LocalCluster or an existing scheduler.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from pathlib import Path

RUNNERS = ("auto", "threads", "processes", "prefect-processes", "dask")
# Below this much input, starting worker processes costs more than it saves.
AUTO_PROCESS_BYTES = 2 * 1024 * 1024


def default_workers() -> int:
    """Return the default worker count: the machine's cores (2 on the reference machine)."""
    return max(1, os.cpu_count() or 1)


def analysis_window(workers: int | None) -> int:
    """Return how many batches may be submitted ahead of the loads (enough to keep every worker busy)."""
    return max(2, 2 * (workers or default_workers()))


@dataclass(frozen=True)
class RunnerPlan:
    """The Prefect task runner of a run and the lean analysis processes its flow opens (0: none)."""

    name: str
    task_runner: object
    analysis_processes: int = 0

    @property
    def parallelism(self) -> int:
        """Return how many batches are truly analysed at once."""
        if self.analysis_processes:
            return self.analysis_processes
        from prefect.task_runners import ThreadPoolTaskRunner

        if isinstance(self.task_runner, ThreadPoolTaskRunner):
            return 1  # the GIL
        return getattr(self.task_runner, "_max_workers", None) or default_workers()


def chosen_runner(runner: str, workers: int | None, input_bytes: int = 0) -> str:
    """Return the runner ``runner`` stands for: ``auto`` is processes for large inputs on several workers, else threads."""
    if runner == "auto":
        return "processes" if input_bytes > AUTO_PROCESS_BYTES and (workers or default_workers()) > 1 else "threads"
    return runner


def input_bytes(paths) -> int:
    """Return the bytes under the input ``paths`` (what ``auto`` chooses its runner by)."""
    return sum(_size(Path(p)) for p in paths)


def _size(path: Path) -> int:
    """Return the bytes under ``path`` (a cheap estimate that stops after 10,000 files)."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    if path.is_dir():
        for count, child in enumerate(path.rglob("*")):
            if count > 10_000:
                break
            if child.is_file():
                total += child.stat().st_size
    return total


def runner_plan(runner: str, workers: int | None, *, input_bytes: int = 0, dask_address: str | None = None) -> RunnerPlan:
    """Return the plan for ``runner`` (``auto`` picks threads or processes by input size)."""
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    workers = workers or default_workers()
    runner = chosen_runner(runner, workers, input_bytes)
    if runner == "threads":
        return RunnerPlan(runner, ThreadPoolTaskRunner(max_workers=workers))
    if runner == "processes":
        # One thread per batch in flight: each only waits on its worker process.
        return RunnerPlan(runner, ThreadPoolTaskRunner(max_workers=analysis_window(workers) + 1), workers)
    if runner == "prefect-processes":
        return RunnerPlan(runner, ProcessPoolTaskRunner(max_workers=workers))
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return RunnerPlan(runner, DaskTaskRunner(address=dask_address))
        return RunnerPlan(runner, DaskTaskRunner(
            cluster_class="distributed.LocalCluster",
            # dashboard on any free port, so two runs never collide on :8787
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": ":0"},
        ))
    raise ValueError(f"unknown runner {runner!r}; choose one of {', '.join(RUNNERS)}")


def needs_shared_api(runner) -> bool:
    """Return True when ``runner`` runs tasks in other processes on this machine (process pool, local Dask)."""
    from prefect.task_runners import ProcessPoolTaskRunner

    if isinstance(runner, ProcessPoolTaskRunner):
        return True
    return type(runner).__name__ == "DaskTaskRunner" and not getattr(runner, "address", None)


@contextmanager
def api_shared_with_workers(runner) -> Iterator[str | None]:
    """Point this process and its future workers at one Prefect API; yield its URL (None if unchanged).

    With no ``PREFECT_API_URL`` set, Prefect starts a temporary API server on first
    use *in every process*: each process-pool or local Dask worker would start its
    own (20 s or more on a 2-core machine, and ~300 MB each), and their task runs
    would not show up in the flow's API. Starting the one ephemeral server here and
    exporting its URL lets the workers, which inherit the environment, share it.
    """
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    settings = get_current_settings()
    if settings.api.url or not needs_shared_api(runner):
        yield None
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the singleton Prefect itself would start in this process
    server.start(timeout=settings.server.ephemeral.startup_timeout_seconds)
    previous = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings({PREFECT_API_URL: server.api_url}):
            yield server.api_url
    finally:
        if previous is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = previous
