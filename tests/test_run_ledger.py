"""flows.run_ledger.recorded_run: how a run ends is recorded in marts.pipeline_runs, then the warehouse closes."""

from __future__ import annotations

import pytest

from newsetl.flows.cancellation import RunCancelled
from newsetl.flows.run_ledger import RunTally, recorded_run
from newsetl.flows.session import WarehouseSession
from newsetl.warehouse import runs
from newsetl.warehouse.schema import applied_schema
from tests.helpers.warehouse import rows as warehouse_rows


@pytest.mark.parametrize(("raised", "with_closing", "status", "error"), [
    (None, False, "completed", None),
    (ValueError("no 'text' field"), False, "failed", "ValueError: no 'text' field"),
    (RunCancelled("SIGTERM"), True, "cancelled", "RunCancelled (SIGTERM or Ctrl-C): RunCancelled: SIGTERM"),
    (KeyboardInterrupt(), True, "cancelled", "RunCancelled (SIGTERM or Ctrl-C): KeyboardInterrupt: "),
    # Without ``closing`` (the no-op run, the run without Prefect) a stop is a failure, as before.
    (KeyboardInterrupt(), False, "failed", "KeyboardInterrupt: "),
])
def test_the_end_of_a_run_is_recorded_and_the_warehouse_closed(tmp_path, raised, with_closing, status, error):
    session = WarehouseSession(tmp_path / "w.duckdb")
    tally = RunTally(seen=3, skipped=3)
    closed = []
    closing = (lambda: closed.append(True)) if with_closing else None
    try:
        with recorded_run(session, "run_1", tally.counts, closing=closing) as outcome:
            con = session.connection()
            applied_schema(con)
            runs.started_run(con, "run_1", None, "v1", "ingest", ["seeds"])
            if raised is not None:
                raise raised
    except BaseException as exc:  # the block's own exception comes back out
        assert exc is raised
    else:
        assert raised is None
    assert (outcome.status, outcome.error) == (status, error)
    assert not session.is_open
    assert bool(closed) == with_closing
    assert bool(outcome.corpus_facts) == (status == "completed")
    assert warehouse_rows(tmp_path / "w.duckdb", "SELECT status, documents_seen, documents_skipped, error, "
                          "finished_at IS NOT NULL FROM marts.pipeline_runs") == [(status, 3, 3, error, True)]


def test_a_run_that_never_opened_the_warehouse_records_nothing(tmp_path):
    session = WarehouseSession(tmp_path / "w.duckdb")
    with pytest.raises(ValueError):
        with recorded_run(session, "run_1", RunTally().counts) as outcome:
            raise ValueError("bad --column mapping")
    assert outcome.status == "failed" and not (tmp_path / "w.duckdb").exists()
