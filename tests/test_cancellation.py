"""SIGTERM (what `kill`, systemd and Prefect's cancel send) cancels a `newsetl run` cleanly.

The run stops promptly with a non-zero exit, `marts.pipeline_runs` says `cancelled`
(not `running`, not `crashed`) with the documents it committed, no batch is
half-loaded, the data checks still pass, and the next run completes the corpus.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import NEWSETL, ROOT, run_cli
from tests.helpers.corpora import synthetic_jsonl
from tests.helpers.operations import assert_whole_batches

# make test: ten batches of 100, so the signal lands one second after the first load, several
# batches before the end; make test-long: 1,500 articles.
SIZES = [pytest.param(1000, id="1000"), pytest.param(1500, id="1500", marks=pytest.mark.long)]
LOAD_WAIT_TIMEOUT = 600  # seconds until the first group is loaded (start-up plus analysis, on a shared machine)
# Need the build stage the run stopped before: entity resolution, incidents, and story clusters (the loads
# store each document's MinHash signature; its cluster row is built after the last load).
BUILD_STAGE_CHECKS = {"entity_keys_resolved", "incidents_trace", "story_clusters_consistent"}
STOP_TIMEOUT = 60  # the run must have exited this long after SIGTERM


def _log_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM])
@pytest.mark.parametrize("n_articles", SIZES)
def test_sigterm_cancels_the_run_and_the_next_run_finishes_it(tmp_path, cli_env, signum, n_articles):
    corpus = tmp_path / "corpus"
    articles = synthetic_jsonl(corpus / "articles.jsonl", n_articles)
    db = tmp_path / "cancel.duckdb"
    log_path = tmp_path / "cancelled-run.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [str(NEWSETL), "run", str(corpus), "--db", str(db), "--batch-size", "100", "--no-report"],
            env=cli_env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        started = time.monotonic()
        # The writer holds the file: read progress from the log, not the warehouse.
        while not re.search(r"load-batch-\d+' - Finished in state Completed", _log_text(log_path)):
            assert process.poll() is None, f"the run ended before the signal:\n{_log_text(log_path)[-3000:]}"
            assert time.monotonic() - started < LOAD_WAIT_TIMEOUT, f"no load in time:\n{_log_text(log_path)[-3000:]}"
            time.sleep(0.2)
        time.sleep(1.0)  # land the signal somewhere in the middle of the next batches
        signalled = time.monotonic()
        os.kill(process.pid, signum)  # the flow process only, as Prefect's runner does
        process.wait(timeout=STOP_TIMEOUT)
        stop_seconds = time.monotonic() - signalled
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=60)
    output = _log_text(log_path)
    assert process.returncode not in (0, None), output[-3000:]
    assert "cancelled" in output, output[-3000:]
    print(f"stopped {stop_seconds:.1f} s after {signal.Signals(signum).name}, exit {process.returncode}")

    con = duckdb.connect(str(db))
    try:
        runs = con.execute("SELECT status, documents_loaded, error FROM marts.pipeline_runs").fetchall()
        loaded = con.execute("SELECT count(*) FROM raw.documents").fetchone()[0]
        assert_whole_batches(con)
    finally:
        con.close()
    assert len(runs) == 1 and runs[0][0] == "cancelled", runs
    assert runs[0][1] == loaded and 0 < loaded < n_articles, (runs, loaded)
    assert runs[0][2].startswith("RunCancelled"), runs
    # The checks of the cancelled run's documents: every key and load-level check holds. Only the
    # checks of the build stage (entity resolution, incidents), which a cancelled run never reached,
    # may fail until the next run builds them.
    checked = run_cli(["check", "--db", str(db)], env=cli_env, timeout=300)
    failing = set(re.findall(r"(\w+)\s+│\s+error\s+│\s+FAIL", checked.stdout))
    assert "key_raw_documents" in checked.stdout and "offsets_match_text" in checked.stdout, checked.stdout[-3000:]
    assert failing <= BUILD_STAGE_CHECKS, failing

    result = run_cli(["run", str(corpus), "--db", str(db), "--no-report"], env=cli_env, timeout=1500)
    assert result.returncode == 0, result.stderr[-4000:]
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT external_id) FROM raw.documents").fetchone() == (n_articles,) * 2
        statuses = [s for (s,) in con.execute("SELECT status FROM marts.pipeline_runs ORDER BY started_at").fetchall()]
        failed_checks = con.execute(
            "SELECT count(*) FROM marts.data_checks WHERE status = 'fail' AND severity = 'error'"
            " AND run_id = (SELECT run_id FROM marts.pipeline_runs ORDER BY started_at DESC LIMIT 1)"
        ).fetchone()[0]
        assert_whole_batches(con)
    finally:
        con.close()
    assert statuses == ["cancelled", "completed"]
    assert failed_checks == 0
    assert len(articles) == n_articles


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        # As the handler raises it, and as DuckDB chains it inside a statement.
        (lambda: __import__("newsetl.flows.cancellation", fromlist=["RunCancelled"]).RunCancelled(
            "the run received signal SIGTERM and was cancelled"), True),
        # As DuckDB re-raised it once in CI (a failed run where a cancelled one was due): its text only, no cause.
        (lambda: duckdb.Error("Error: RunCancelled: the run received signal SIGTERM and was cancelled\n\nAt:\n"
                              "  /work/newsetl/flows/cli.py(239): entry_point\n"), True),
        (lambda: KeyboardInterrupt(), True),
        (lambda: RuntimeError("Query interrupted"), False),  # without the handler's exception as its cause
        (lambda: duckdb.Error("Catalog Error: Table with name documents does not exist!"), False),
        (lambda: ValueError("a quote mentioning RunCancelled further down\nRunCancelled: no"), False),
    ],
)
def test_is_cancel_knows_a_cancel_however_it_is_wrapped(error, expected):
    from newsetl.flows.cancellation import is_cancel

    assert is_cancel(error()) is expected
