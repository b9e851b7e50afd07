"""One run's row in ``marts.pipeline_runs``: how it ends (completed, failed or cancelled) is always recorded.

The flow, the benchmark's run without Prefect and the no-op run (flows/noop.py) all wrap
their work in ``recorded_run``; the SQL itself is in ``warehouse/runs.py``. Imports no
Prefect: the no-op run records itself without starting it.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from newsetl.flows.cancellation import is_cancel
from newsetl.flows.session import WarehouseSession
from newsetl.warehouse import runs


@dataclass
class RunTally:
    """What a run counted as it went: documents, rejects, input warnings, seconds per stage."""

    seen: int = 0
    loaded: int = 0
    skipped: int = 0
    rejected: int = 0
    input_warnings: int = 0
    reject_reasons: list[str] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def add_seconds(self, stage: str, seconds: float) -> None:
        self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds

    def counts(self) -> dict[str, int]:
        return {"seen": self.seen, "loaded": self.loaded, "skipped": self.skipped, "rejected": self.rejected,
                "input_warnings": self.input_warnings}


@dataclass
class RunOutcome:
    """How the run ended (``status``, ``error``) and, once it completed, the corpus facts its summary shows."""

    status: str = "failed"
    error: str | None = None
    corpus_facts: dict = field(default_factory=dict)


def finished_run(session: WarehouseSession, run_id: str, status: str, counts: dict[str, int], error: str | None) -> None:
    """Record the run's final status and counts (``warehouse.runs.finished_run`` on the session's connection)."""
    runs.finished_run(session.connection(), run_id, status, counts, error)


@contextmanager
def recorded_run(session: WarehouseSession, run_id: str, counts: Callable[[], dict[str, int]], *,
                 finish: Callable = finished_run, closing: Callable[[], None] | None = None,
                 logger=None, release: bool = True) -> Iterator[RunOutcome]:
    """Run the block as run ``run_id``, record how it ended, then close ``session``; yield the outcome.

    The block completes the run by returning; any exception fails it and is re-raised.
    ``finish(session, run_id, status, counts(), error)`` records the end when the warehouse
    was opened; a completed run's corpus facts are read before the session closes.
    With ``closing`` (from ``flows.cancellation.cancellable``) a stop on request is
    recorded as ``cancelled``, and ``closing()`` is called before the end is recorded
    so that a second SIGTERM cannot interrupt it. A completed run publishes the read-only
    snapshot as the session closes; ``release`` then gives the writer lock up (the flow
    passes False and releases it after its Prefect writer slot, so that a live holder of
    the slot always holds the lock).
    """
    outcome = RunOutcome()
    try:
        yield outcome
        outcome.status = "completed"
    except BaseException as exc:
        if closing is not None:
            closing()
            if is_cancel(exc):
                outcome.status = "cancelled"
                if logger is not None:
                    logger.warning("Run cancelled (%s); the open load, if any, was rolled back", type(exc).__name__)
                outcome.error = f"RunCancelled (SIGTERM or Ctrl-C): {type(exc).__name__}: {exc}"
        outcome.error = outcome.error or f"{type(exc).__name__}: {exc}"
        raise
    finally:
        if closing is not None:
            closing()
        try:
            if session.is_open:
                finish(session, run_id, outcome.status, counts(), outcome.error)
                if outcome.status == "completed":
                    outcome.corpus_facts = runs.corpus_facts(session.connection())
        finally:
            try:
                session.close(publish=outcome.status == "completed")
                logged_snapshot(session, logger)
            finally:
                if release:
                    session.release()


def logged_snapshot(session: WarehouseSession, logger) -> None:
    """Log what the session published as the read-only snapshot, or why it could not."""
    if logger is None:
        return
    if session.snapshot_note:
        logger.info("Published the read-only snapshot %s", session.snapshot_note)
    if session.snapshot_error:
        logger.warning("The read-only snapshot was not refreshed (queries still see the previous one): %s",
                       session.snapshot_error)


def new_run_id() -> str:
    """Return a run id that sorts by start time: ``run_<local start time>_<8 hex digits>``."""
    return f"run_{time.strftime('%Y%m%dT%H%M%S')}_{uuid.uuid4().hex[:8]}"


def run_summary(run_id: str, outcome: RunOutcome, mode: str, version: str, session: WarehouseSession,
                tally: RunTally, results, started: float) -> dict:
    """Return the run summary (the flow's return value and the artifacts' source), corpus facts not included."""
    return {
        "run_id": run_id, "status": outcome.status, "mode": mode, "pipeline_version": version,
        "db": str(session.path), "documents_seen": tally.seen, "documents_loaded": tally.loaded,
        "documents_skipped": tally.skipped, "documents_rejected": tally.rejected,
        "input_warnings": tally.input_warnings,
        "reject_reasons": dict(sorted(Counter(tally.reject_reasons).items())),
        "checks": [{"name": r.name, "severity": r.severity, "passed": r.passed, "failing_rows": r.failing_rows} for r in results],
        "stage_seconds": {k: round(v, 4) for k, v in sorted(tally.stage_seconds.items())},
        "wall_s": time.perf_counter() - started, "error": outcome.error,
    }
