"""Operations against a real `prefect server start` on loopback.

`newsetl run` leaves a COMPLETED flow run with named task runs, logs and both
artifacts on the server; `newsetl serve` registers a cron deployment whose
API-triggered runs complete and are incremental; two concurrent `newsetl run`
processes on one warehouse queue behind the `newsetl-warehouse-writer` limit
and lose nothing. Every subprocess is bounded by a timeout and stopped.
"""

from __future__ import annotations

import json
import os
import signal
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_seeds, run_cli
from newsetl.flows.writer_slot import writer_limit_name
from tests.helpers.operations import (api_client, finished, rows, seeds_warehouse, served_deployment, started, stop,
                                      wait_for)

slow = pytest.mark.slow


# --- without a server: deployment settings and the writer slot switch -------------

def test_served_deployment_has_the_schedule_and_absolute_parameters(tmp_path, monkeypatch):
    from newsetl.flows.serving import pipeline_deployment

    monkeypatch.chdir(tmp_path)
    deployment = pipeline_deployment(["inbox"], cron="*/30 * * * *", db="news.duckdb", name="nightly", wait_seconds=60)
    assert deployment.name == "nightly" and deployment.flow_name == "newsetl-pipeline"
    assert [s.schedule.cron for s in deployment.schedules] == ["*/30 * * * *"]
    assert deployment.parameters == {"paths": [str(tmp_path / "inbox")], "db": str(tmp_path / "news.duckdb"),
                                     "wait_seconds": 60.0}
    every = pipeline_deployment(["inbox"], interval=600, db="news.duckdb")
    assert [s.schedule.interval.total_seconds() for s in every.schedules] == [600]


def test_a_processes_deployment_carries_its_analysis_processes(tmp_path, monkeypatch):
    from newsetl.flows.serving import pipeline_deployment

    monkeypatch.chdir(tmp_path)
    deployment = pipeline_deployment(["inbox"], db="news.duckdb", runner="processes", workers=2)
    assert deployment.parameters["analysis_processes"] == 2 and deployment.parameters["window"] == 4


@pytest.mark.parametrize("cron, interval, message", [
    ("*/30 * * * *", 60, "not both"), ("every day", None, "invalid cron"), (None, 0, "positive")])
def test_bad_schedules_are_refused_with_a_clear_message(cron, interval, message):
    from newsetl.flows.serving import schedule_options

    with pytest.raises(ValueError, match=message):
        schedule_options(cron, interval)


def test_writer_slot_is_skipped_without_a_server_or_when_switched_off(monkeypatch):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from newsetl.flows.writer_slot import warehouse_writer_slot

    with temporary_settings(updates={PREFECT_API_URL: None}):
        with warehouse_writer_slot(0) as held:
            assert held is False
    monkeypatch.setenv("NEWSETL_WRITER_LIMIT", "off")
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:9/api"}):  # never contacted
        with warehouse_writer_slot(0) as held:
            assert held is False


def test_writer_tasks_carry_no_tag():
    """A tagged task asks the API for a tag concurrency slot on every run (seconds on a busy machine)."""
    from newsetl.flows import tasks

    writers = [tasks.prepare_warehouse, tasks.load_batch, tasks.record_rejects, tasks.replace_batch,
               tasks.resolve_entities, tasks.run_data_checks, tasks.finish_run]
    assert all(not t.tags for t in writers)


# --- one run, monitored -------------------------------------------------------

@pytest.fixture(scope="module")
def seeds_run(prefect_server, tmp_path_factory):
    db, flow_run_id = seeds_warehouse(prefect_server, tmp_path_factory)
    return prefect_server, uuid.UUID(flow_run_id), db


@slow
def test_run_is_completed_on_the_server_with_named_task_runs(seeds_run):
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.client.schemas.sorting import TaskRunSort

    url, flow_run_id, _ = seeds_run
    with api_client(url) as client:
        flow_run = client.read_flow_run(flow_run_id)
        tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
                                      sort=TaskRunSort.EXPECTED_START_TIME_ASC, limit=200)
    assert flow_run.state.is_completed(), flow_run.state
    assert flow_run.name.startswith("newsetl-ingest-")
    assert len(tasks) >= 4
    assert all(t.state and t.state.is_completed() for t in tasks), [(t.name, t.state) for t in tasks]
    names = {t.name for t in tasks}
    for stage in ("prepare-warehouse", "discover-inputs", "known-document-ids", "resolve-entities", "data-checks"):
        assert stage in names
    assert any(n.startswith("read-") for n in names) and any(n.startswith("analyse-batch-") for n in names)
    assert any(n.startswith("load-batch-") for n in names) and "finish-run-completed" in names


@slow
def test_run_has_summary_and_data_quality_artifacts_and_logs(seeds_run):
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.client.schemas.objects import Artifact

    url, flow_run_id, _ = seeds_run
    with api_client(url) as client:
        # Prefect 3.8's sync read_artifacts sends null filters, which the API rejects: post the filter itself.
        response = client.request("POST", "/artifacts/filter", json={
            "artifacts": {"flow_run_id": {"any_": [str(flow_run_id)]}}, "limit": 50, "offset": 0})
        artifacts = Artifact.model_validate_list(response.json())
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])), limit=200, offset=0)
    by_key = {a.key: a for a in artifacts}
    assert by_key["newsetl-run-summary"].type == "table"
    data = by_key["newsetl-run-summary"].data
    summary = {row["metric"]: row["value"] for row in (json.loads(data) if isinstance(data, str) else data)}
    assert summary["status"] == "completed" and summary["documents loaded"] == "5"
    assert by_key["newsetl-data-quality"].type == "markdown"
    assert "| check | severity |" in by_key["newsetl-data-quality"].data
    messages = "\n".join(log.message for log in logs)
    assert "Loaded 5, skipped 0" in messages
    assert "Holding the warehouse writer slot" in messages


@slow
def test_writer_limit_exists_with_one_slot_and_is_free_after_the_run(seeds_run):
    url, _, db = seeds_run
    with api_client(url) as client:
        limit = client.read_global_concurrency_limit_by_name(writer_limit_name(db))
    assert limit.limit == 1 and limit.active and limit.active_slots == 0


@slow
def test_run_without_wait_fails_clearly_while_another_run_holds_the_slot(seeds_run, tmp_path):
    from prefect.concurrency.sync import concurrency
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url, _, db = seeds_run
    env = {**os.environ, "PREFECT_API_URL": url, "PREFECT_HOME": str(tmp_path / "prefect-home")}
    with temporary_settings(updates={PREFECT_API_URL: url}):
        with concurrency(writer_limit_name(db), occupy=1, strict=True, timeout_seconds=30):
            result = run_cli(["run", str(ROOT / "seeds"), "--db", str(db)], env, timeout=180)
    assert result.returncode != 0
    message = " ".join((result.stdout + result.stderr).split())
    assert "concurrency limit" in message and "--wait" in message
    assert rows(db, "SELECT count(*) FROM raw.documents") == [(5,)]


# --- serve ----------------------------------------------------------------------

@slow
def test_serve_registers_a_cron_deployment_whose_api_runs_complete_incrementally(prefect_server, tmp_path):
    from prefect.client.schemas.objects import FlowRun

    inbox = copy_seeds(tmp_path / "inbox")
    db = tmp_path / "served.duckdb"
    name = f"inbox-{uuid.uuid4().hex[:6]}"
    env = {**os.environ, "PREFECT_API_URL": prefect_server, "PREFECT_HOME": str(tmp_path / "prefect-home"),
           "PREFECT_RUNNER_POLL_FREQUENCY": "2"}
    serve = started(["serve", str(inbox), "--cron", "*/30 * * * *", "--db", str(db), "--name", name],
                    env, tmp_path / "serve.log")
    try:
        with api_client(prefect_server) as client:
            found = served_deployment(client, serve, tmp_path / "serve.log", name, 120)
            assert [s.schedule.cron for s in found.schedules] == ["*/30 * * * *"]
            assert found.parameters["paths"] == [str(inbox.resolve())]
            assert found.parameters["db"] == str(db.resolve())

            def completed_run() -> FlowRun:
                run = client.create_flow_run_from_deployment(found.id)

                def final():
                    current = client.read_flow_run(run.id)
                    return current if current.state and current.state.is_final() else None

                return wait_for(final, 180, f"flow run {run.id} of the deployment", interval=1)

            first = completed_run()
            assert first.state.is_completed(), first.state
            second = completed_run()
            assert second.state.is_completed(), second.state
    finally:
        stop(serve)
    runs = dict(((r[0], r[1:]) for r in rows(
        db, "SELECT flow_run_id, status, documents_loaded, documents_skipped FROM marts.pipeline_runs")))
    assert runs[str(first.id)] == ("completed", 5, 0)
    # The schedule's runs are incremental: the second run finds every document already stored.
    assert runs[str(second.id)] == ("completed", 0, 5)


# --- two writers ------------------------------------------------------------------

def _synthetic_inbox(folder: Path, n: int, start: int) -> Path:
    from newsetl_dev.bench import seed_texts, write_shards

    write_shards(seed_texts(ROOT / "seeds"), folder, n, start=start, shard_docs=max(1, n // 4))
    return folder


def _log_has(path: Path, text: str) -> bool:
    return path.exists() and text in path.read_text(errors="replace")


@slow
def test_two_concurrent_runs_on_one_warehouse_both_complete_and_lose_nothing(prefect_server, tmp_path):
    """The second run (--wait 300) queues behind the first, then loads its own documents.

    It queues on the warehouse's lock file (warehouse/writer_lock.py), which a live holder of the
    Prefect writer slot always holds, and then takes the slot itself.

    The first run is frozen (SIGSTOP) while it holds the warehouse, so the second one is certain to
    find the slot taken. (DuckDB's own lock, without the limit, is covered in test_concurrency_and_security.)
    """
    first_inbox = _synthetic_inbox(tmp_path / "a", 12, start=0)
    second_inbox = _synthetic_inbox(tmp_path / "b", 8, start=10_000)
    db = tmp_path / "shared.duckdb"
    env = {**os.environ, "PREFECT_API_URL": prefect_server, "PREFECT_HOME": str(tmp_path / "prefect-home"),
           "NEWSETL_DB": str(db)}
    a_log, b_log = tmp_path / "a.log", tmp_path / "b.log"
    waiting = ("Waiting for the warehouse writer slot", "is locked by")  # the slot, or the lock file before it
    first = started(["run", str(first_inbox), "--runner", "threads"], env, a_log)
    second = None
    try:
        def first_holds_the_warehouse():
            assert first.poll() is None, a_log.read_text()[-3000:]
            return _log_has(a_log, "(ingest) into")  # logged once the slot and the DuckDB file are held

        wait_for(first_holds_the_warehouse, 150, "the first run to open the warehouse", interval=0.25)
        os.killpg(first.pid, signal.SIGSTOP)
        try:
            second = started(["run", str(second_inbox), "--wait", "300", "--runner", "threads"], env, b_log)

            def second_is_waiting():
                assert second.poll() is None, b_log.read_text()[-3000:]
                return any(_log_has(b_log, message) for message in waiting)

            wait_for(second_is_waiting, 150, "the second run to wait for the first")
            time.sleep(3)
        finally:
            os.killpg(first.pid, signal.SIGCONT)
        assert finished(first, 240) == 0, a_log.read_text()[-3000:]
        assert finished(second, 300) == 0, b_log.read_text()[-3000:]
        assert "Holding the warehouse writer slot" in b_log.read_text()
    finally:
        stop(first)
        if second is not None:
            stop(second)
    runs = rows(db, "SELECT status, documents_loaded, started_at, finished_at FROM marts.pipeline_runs ORDER BY started_at")
    assert [(status, loaded) for status, loaded, _, _ in runs] == [("completed", 12), ("completed", 8)]
    assert runs[1][2] >= runs[0][3], "the second run wrote before the first finished"
    assert rows(db, "SELECT count(*), count(DISTINCT document_id) FROM raw.documents") == [(20, 20)]
    assert rows(db, "SELECT count(*) FROM marts.documents") == [(20,)]


@slow
def test_a_run_into_another_warehouse_does_not_wait_for_the_slot_of_the_first(seeds_run, tmp_path):
    from prefect.concurrency.sync import concurrency
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url, _, db = seeds_run
    other = tmp_path / "other.duckdb"
    env = {**os.environ, "PREFECT_API_URL": url, "PREFECT_HOME": str(tmp_path / "prefect-home")}
    with temporary_settings(updates={PREFECT_API_URL: url}):
        with concurrency(writer_limit_name(db), occupy=1, strict=True, timeout_seconds=30):
            result = run_cli(["run", str(ROOT / "seeds"), "--db", str(other)], env, timeout=180)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert rows(other, "SELECT count(*) FROM raw.documents") == [(5,)]
    with api_client(url) as client:
        limit = client.read_global_concurrency_limit_by_name(writer_limit_name(other))
    assert limit.limit == 1 and limit.active_slots == 0
