"""Issue 15: the writer's lock file, the readers' snapshot, one mention per span, crashed runs' counts.

Fast: processes spawned here are tiny Python holders, killed or ended in a ``finally``.
Slow: a reader held open through a 3,000-article run while `newsetl query` answers from
the last completed state (below); ``kill -9`` and a re-run without ``--wait`` is in
tests/test_crash_recovery.py.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsetl.flows.cli import app
from newsetl.flows.session import WarehouseSession
from newsetl.transforms.entities import entity_mentions
from newsetl.transforms.entities import mentions as mentions_module
from newsetl.warehouse import runs
from newsetl.warehouse.connection import WarehouseLocked, reader_connection
from newsetl.warehouse.writer_lock import (
    current_holder, held_writer_lock, published_snapshot, readable_warehouse, snapshot_path, writer_lock_path,
)
from tests.conftest import raw_warehouse

runner = CliRunner()
HOLDER_TIMEOUT = 60

# A process that takes the lock, says so, then dies as told: "kill" (SIGKILL itself, as `kill -9`
# would), "kill-after-lease" (after noting a Prefect lease id), or "hold" (until the test kills it).
HOLDER = textwrap.dedent("""
    import os, signal, sys, time
    from pathlib import Path
    from newsetl.warehouse.writer_lock import held_writer_lock
    flow_run_id, lease_id, limit = (sys.argv[3:] + ["6a1c9a52-0d7e-4b8e-9a55-3c1f0e2b7d10",
                                     "0b5f3f0e-58a4-4f0a-9b7e-2d6c1e9a4c21", "newsetl-warehouse-writer-x"][len(sys.argv[3:]):])
    lock = held_writer_lock(Path(sys.argv[1]), flow_run_id=flow_run_id)
    if sys.argv[2] == "kill-after-lease":
        lock.note(lease_id=lease_id, writer_limit=limit)
    print("holding", flush=True)
    if sys.argv[2].startswith("kill"):
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(600)
""")


def _holder(db: Path, how: str, *ids: str) -> subprocess.Popen:
    """Start a lock holder; ``ids``: its flow run id, Prefect lease id and limit name (else made-up ones)."""
    return subprocess.Popen([sys.executable, "-c", HOLDER, str(db), how, *ids], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=HOLDER_TIMEOUT)
    if process.stdout:
        process.stdout.close()


@pytest.mark.parametrize("name", ["news.duckdb", "gudang berita.duckdb"])
def test_a_live_writer_is_named_and_a_second_writer_refused(tmp_path, name):
    db = tmp_path / name
    holder = _holder(db, "hold")
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(WarehouseLocked, match=rf"process {holder.pid} on host {socket.gethostname()}.*--wait"):
            held_writer_lock(db)
        assert current_holder(db)["pid"] == holder.pid
    finally:
        _stop(holder)
    assert current_holder(db) is None  # the kernel dropped the flock with the process


@pytest.mark.parametrize("how, lease_id", [
    ("kill", None),
    ("kill-after-lease", "0b5f3f0e-58a4-4f0a-9b7e-2d6c1e9a4c21"),
])
def test_a_writer_killed_with_sigkill_frees_the_lock_at_once_and_is_named(tmp_path, how, lease_id):
    db = tmp_path / "news.duckdb"
    holder = _holder(db, how)
    try:
        assert holder.stdout.readline().strip() == "holding"
        assert holder.wait(timeout=HOLDER_TIMEOUT) == -signal.SIGKILL
    finally:
        _stop(holder)
    lock = held_writer_lock(db)  # no wait: the dead process holds nothing
    try:
        assert lock.previous["pid"] == holder.pid
        assert lock.previous["flow_run_id"] == "6a1c9a52-0d7e-4b8e-9a55-3c1f0e2b7d10"
        assert lock.previous.get("lease_id") == lease_id
        assert lock.previous_died_here
        assert lock.record["pid"] == os.getpid()
    finally:
        lock.release()


@pytest.mark.parametrize("flow_run_id", [None, "0d3f3c1e-2b7a-4c55-8e0e-1f2a3b4c5d6e"])
def test_a_clean_release_leaves_no_record_for_the_next_writer(tmp_path, flow_run_id):
    db = tmp_path / "news.duckdb"
    first = held_writer_lock(db, flow_run_id=flow_run_id)
    assert current_holder(db).get("flow_run_id") == flow_run_id
    first.release()
    first.release()  # idempotent
    assert writer_lock_path(db).read_bytes() == b""
    second = held_writer_lock(db)
    try:
        assert second.previous is None and not second.previous_died_here
    finally:
        second.release()


def _dead_runs_slot(db: Path):
    """Make a flow run RUNNING that holds the writer slot of ``db``, then kill -9 its "process"; return its flow run id."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.objects import ConcurrencyLeaseHolder
    from prefect.concurrency._sync import acquire_concurrency_slots_with_lease
    from prefect.states import Running

    from newsetl.flows.pipeline import newsetl_pipeline
    from newsetl import settings
    from newsetl.flows.writer_slot import ensured_writer_limit, writer_limit_name

    name = writer_limit_name(db)
    ensured_writer_limit(name=name)
    with get_client(sync_client=True) as client:
        dead = client.create_flow_run(newsetl_pipeline, parameters={"paths": ["inbox"]}, state=Running())
    lease = acquire_concurrency_slots_with_lease([name], 1, lease_duration=settings.writer_lease_seconds(),
                                                 holder=ConcurrencyLeaseHolder(type="flow_run", id=dead.id))
    holder = _holder(db, "kill-after-lease", str(dead.id), str(lease.lease_id), name)
    try:
        assert holder.stdout.readline().strip() == "holding"
        assert holder.wait(timeout=HOLDER_TIMEOUT) == -signal.SIGKILL
    finally:
        _stop(holder)
    return dead.id


@pytest.mark.parametrize("take_lock_file", [True, False])
def test_the_next_run_takes_over_a_killed_runs_prefect_slot_at_once(prefect_harness, tmp_path, monkeypatch,
                                                                     take_lock_file):
    from prefect.client.orchestration import get_client

    from newsetl.flows import writer_slot

    monkeypatch.setattr(writer_slot, "writer_limit_enabled", lambda: True)  # the harness's API is this process's own
    db = tmp_path / "news.duckdb"
    dead = _dead_runs_slot(db)
    lock = held_writer_lock(db) if take_lock_file else None
    try:
        if not take_lock_file:  # without the dead run's record, its lease would hold the slot for 120 s
            with pytest.raises(WarehouseLocked, match="Another flow run holds"):
                with writer_slot.warehouse_writer_slot(0, db_path=db):
                    pass
            return
        with writer_slot.warehouse_writer_slot(0, db_path=db, lock=lock) as held:
            assert held and lock.record["lease_id"] != lock.previous["lease_id"]
        with get_client(sync_client=True) as client:
            assert client.read_flow_run(dead).state.type.value == "CRASHED"
    finally:
        if lock is not None:
            lock.release()


TEXTS = [
    "Wakil Gubernur Sutrisno meninjau lokasi banjir di Kabupaten Demak, Jawa Tengah, pada Minggu (3/2/2024).",
    "Perdana Menteri Datuk Seri Anwar Ibrahim berkata kerajaan akan membantu mangsa banjir di Kelantan.",
]


def _documents(path: Path) -> int:
    con = reader_connection(path)
    try:
        return con.execute("SELECT count(*) FROM raw.documents").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("sql, expected", [
    ("select count(*) from raw.documents", "1"),
    ("select max(document_id) from raw.documents", "d_1"),
])
def test_query_answers_from_the_last_completed_state_while_the_warehouse_is_written(tmp_path, sql, expected):
    db = raw_warehouse(tmp_path / "news.duckdb", TEXTS[:1])
    session = WarehouseSession(db)
    session.connection()
    session.close(publish=True)  # what a completed run does last
    session.release()
    assert readable_warehouse(db) == snapshot_path(db)
    writer = duckdb.connect(str(db))  # a run in the middle of its loads
    try:
        writer.execute("INSERT INTO raw.documents (document_id, source_uri, raw_text, ingested_at, run_id) "
                       "VALUES ('d_2', 'file:///inbox/2.txt', ?, now(), 'r2')", [TEXTS[1]])
        result = runner.invoke(app, ["query", sql, "--db", str(db), "--format", "csv"])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[1] == expected
    finally:
        writer.close()


@pytest.mark.parametrize("published", [1, 2])
def test_a_reader_keeps_its_snapshot_while_a_newer_one_is_published(tmp_path, published):
    db = raw_warehouse(tmp_path / "news.duckdb", TEXTS[:1])
    published_snapshot(db)
    old_reader = reader_connection(readable_warehouse(db))  # a long query, open before the run ends
    try:
        for n in range(published):
            writer = duckdb.connect(str(db))
            writer.execute("INSERT INTO raw.documents (document_id, source_uri, raw_text, ingested_at, run_id) "
                           "VALUES (?, 'file:///inbox/new.txt', ?, now(), 'r2')", [f"d_new_{n}", TEXTS[1] + f" ({n})"])
            writer.close()
            published_snapshot(db)
        assert old_reader.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == 1
        # A new reader is another process (DuckDB shares one open database per path within a process).
        count = subprocess.run(
            [sys.executable, "-c", "import duckdb, sys; print(duckdb.connect(sys.argv[1], read_only=True)"
             ".execute('SELECT count(*) FROM raw.documents').fetchone()[0])", str(readable_warehouse(db))],
            capture_output=True, text=True, timeout=HOLDER_TIMEOUT, check=True).stdout
        assert int(count) == 1 + published
        assert not list(tmp_path.glob("*.tmp-*"))
    finally:
        old_reader.close()


def test_without_a_snapshot_readers_open_the_warehouse_itself(tmp_path):
    db = raw_warehouse(tmp_path / "news.duckdb", TEXTS)
    assert readable_warehouse(db) == db
    assert _documents(readable_warehouse(db)) == 2


@pytest.mark.parametrize("text, language", [(TEXTS[0], "id"), (TEXTS[1], "ms")])
def test_a_span_found_twice_at_the_source_is_one_mention(monkeypatch, text, language):
    once = entity_mentions(text, language)
    real = mentions_module._initials_as_persons
    monkeypatch.setattr(mentions_module, "_initials_as_persons",
                        lambda toks, cands: (found := real(toks, cands)) + found[::-1])
    twice = entity_mentions(text, language)
    assert once and twice == once
    assert len({(m.start, m.end) for m in twice}) == len(twice)


@pytest.mark.parametrize("committed", [0, 2])
def test_a_crashed_run_shows_the_documents_it_committed(con, committed):
    runs.started_run(con, "run_killed", None, "v", "ingest", ["inbox"])
    for n, text in enumerate(TEXTS[:committed]):
        con.execute("INSERT INTO raw.documents (document_id, source_uri, raw_text, ingested_at, run_id) "
                    "VALUES (?, 'file:///inbox/k.txt', ?, now(), 'run_killed')", [f"d_{n}", text])
    assert runs.crashed_runs(con) == ["run_killed"]
    assert con.execute("SELECT status, documents_loaded FROM marts.pipeline_runs").fetchone() == ("crashed", committed)


# --- end to end (slow): a reader open through a whole run, and queries during it ----------------

READER_ARTICLES = 3000
# Opens the warehouse exactly as `newsetl query` does (flows/cli.py _reader), answers once, then
# keeps the connection open (a long query) until the test kills it.
LONG_READER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from newsetl.flows.cli import _reader
    con = _reader(Path(sys.argv[1]))
    print(con.execute("SELECT count(*) FROM marts.documents").fetchone()[0], flush=True)
    time.sleep(900)
""")


@pytest.mark.slow
def test_a_long_query_never_fails_a_run_and_queries_answer_during_it(tmp_path, cli_env):
    from tests.conftest import NEWSETL, ROOT, copy_seeds, run_cli
    from tests.helpers.corpora import synthetic_jsonl

    db = tmp_path / "busy.duckdb"
    first = run_cli(["run", str(copy_seeds(tmp_path / "seeds")), "--db", str(db), "--no-report"], env=cli_env, timeout=600)
    assert first.returncode == 0, first.stderr[-3000:]
    synthetic_jsonl(tmp_path / "corpus" / "articles.jsonl", READER_ARTICLES, seed=13)
    log_path = tmp_path / "run.log"
    reader = subprocess.Popen([sys.executable, "-c", LONG_READER, str(db)], stdout=subprocess.PIPE, text=True,
                              cwd=ROOT, start_new_session=True)
    writer = None
    try:
        assert reader.stdout.readline().strip() == "5"  # the query is running before the run starts
        with log_path.open("w") as log:
            writer = subprocess.Popen([str(NEWSETL), "run", str(tmp_path / "corpus"), "--db", str(db), "--runner",
                                       "threads", "--no-report"], env=cli_env, cwd=ROOT, stdout=log,
                                      stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 600
        while "Holding the warehouse writer slot" not in log_path.read_text(errors="replace"):
            assert writer.poll() is None, log_path.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "the run never took the writer slot"
            time.sleep(0.5)
        during = run_cli(["query", "select count(*) from marts.documents", "--db", str(db), "--format", "csv"],
                         env=cli_env, timeout=120)
        assert writer.poll() is None, "the run ended before the query; use a bigger corpus"
        assert during.returncode == 0, during.stderr[-3000:]
        assert during.stdout.splitlines()[1] == "5"  # the last completed state
        assert writer.wait(timeout=1500) == 0, log_path.read_text(errors="replace")[-3000:]
        assert reader.poll() is None  # the long query was open for the whole run
        after = run_cli(["query", "select count(*) from marts.documents", "--db", str(db), "--format", "csv"],
                        env=cli_env, timeout=120)
        assert after.stdout.splitlines()[1] == str(5 + READER_ARTICLES)
    finally:
        for process in (reader, writer):
            if process is not None:
                _stop(process)
