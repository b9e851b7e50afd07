"""Helpers for the operations tests (server, serve, Dask, export): subprocesses, API client, one shared seed run.

Not a test module. Every subprocess is started in its own session so it can be
stopped with its children, and every wait is bounded.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import NEWSETL, ROOT, copy_seeds, run_cli
from tests.helpers.warehouse import rows  # noqa: F401  (the operations tests read warehouses with it)

WRITER_LIMIT = "newsetl-warehouse-writer"  # prefix; per warehouse: flows.writer_slot.writer_limit_name(db)


@contextmanager
def api_client(url: str):
    """Yield a sync Prefect client talking to ``url``."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: url}):
        with get_client(sync_client=True) as client:
            yield client


def wait_for(predicate, timeout: float, what: str, interval: float = 0.5):
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def served_deployment(client, serve: subprocess.Popen, log: Path, name: str, timeout: float):
    """Wait until ``newsetl serve`` (process ``serve``, writing ``log``) registered deployment ``name``; return it."""
    def deployment():
        assert serve.poll() is None, log.read_text()[-3000:]
        try:
            return client.read_deployment_by_name(f"newsetl-pipeline/{name}")
        except Exception:
            return None

    return wait_for(deployment, timeout, "the served deployment")


def started(args: list[str], env: dict, log: Path) -> subprocess.Popen:
    """Start ``newsetl ARGS`` in its own process group, output to ``log``."""
    handle = log.open("w")
    try:
        return subprocess.Popen([str(NEWSETL), *args], env=env, cwd=ROOT, stdout=handle,
                                stderr=subprocess.STDOUT, start_new_session=True, text=True)
    finally:
        handle.close()  # the child keeps its own descriptor


def finished(process: subprocess.Popen, timeout: float) -> int:
    """Return the exit code, killing the process group if it takes longer than ``timeout``."""
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        raise


def stop(process: subprocess.Popen) -> None:
    """Interrupt the process group (Ctrl-C), escalate to SIGKILL after 30 s."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        except ProcessLookupError:
            pass


_SEED_RUNS: dict[str, tuple[Path, str]] = {}


def seeds_warehouse(prefect_server: str, tmp_path_factory) -> tuple[Path, str]:
    """Return (warehouse, flow_run_id) of one default `newsetl run seeds` against the server, made once per session."""
    if prefect_server not in _SEED_RUNS:
        root = tmp_path_factory.mktemp("seed-run")
        db = root / "news.duckdb"
        env = {**os.environ, "PREFECT_API_URL": prefect_server, "PREFECT_HOME": str(root / "prefect-home"),
               "NEWSETL_DB": str(db)}
        result = run_cli(["run", str(copy_seeds(root / "seeds"))], env, timeout=300)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        [(flow_run_id,)] = rows(db, "SELECT flow_run_id FROM marts.pipeline_runs")
        _SEED_RUNS[prefect_server] = (db, flow_run_id)
    return _SEED_RUNS[prefect_server]


_ACCEPTANCE_RUNS: dict[str, tuple[dict[str, str], Path, Path, list]] = {}


def acceptance_runs(prefect_server: str, tmp_path_factory) -> tuple[dict[str, str], Path, Path, list]:
    """Run `newsetl run` twice on the acceptance folder (tests/test_bad_inputs.py) into one warehouse, once per session.

    Return (expected rejects, a copy of the warehouse after the first run, the warehouse after
    both, the two CompletedProcess results): the bad-inputs test reads the first run, the
    rejects-once test the second.
    """
    if prefect_server not in _ACCEPTANCE_RUNS:
        import shutil

        from tests.test_bad_inputs import acceptance_folder

        root = tmp_path_factory.mktemp("acceptance-runs")
        expected = acceptance_folder(root / "inbox")
        db, first_db = root / "bad.duckdb", root / "after-first-run.duckdb"
        env = {**os.environ, "PREFECT_API_URL": prefect_server, "PREFECT_HOME": str(root / "prefect-home"),
               "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        results = []
        for _ in range(2):
            results.append(run_cli(["run", str(root / "inbox"), "--db", str(db)], env=env, timeout=600))
            assert results[-1].returncode == 0, results[-1].stderr[-4000:]
            if len(results) == 1:
                shutil.copy(db, first_db)  # the run has exited: the file is closed and checkpointed
        _ACCEPTANCE_RUNS[prefect_server] = (expected, first_db, db, results)
    return _ACCEPTANCE_RUNS[prefect_server]


def assert_whole_batches(con) -> None:
    """Nothing half-loaded: every raw document has its staging row and paragraphs, and nothing is orphaned."""
    half = con.execute(
        "SELECT count(*) FROM raw.documents AS r WHERE NOT EXISTS (SELECT 1 FROM staging.documents d WHERE d.document_id = r.document_id) "
        "OR NOT EXISTS (SELECT 1 FROM staging.paragraphs p WHERE p.document_id = r.document_id)"
    ).fetchone()[0]
    assert half == 0, f"{half} raw documents without their derived rows"
    orphans = con.execute(
        "SELECT count(*) FROM staging.documents d WHERE NOT EXISTS (SELECT 1 FROM raw.documents r WHERE r.document_id = d.document_id)"
    ).fetchone()[0]
    assert orphans == 0
