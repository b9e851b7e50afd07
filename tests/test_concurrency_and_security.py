"""One writer at a time, readers told clearly to wait; `newsetl query` cannot write or reach files; input never becomes SQL."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import NEWSETL, ROOT, copy_seeds, run_cli
from tests.helpers.corpora import synthetic_jsonl

INJECTION = "'); DROP TABLE raw.documents; --"


def _warehouse(path: Path) -> Path:
    """Create a small warehouse with the schema and one document, as a finished run would leave it."""
    from newsetl.warehouse.schema import applied_schema

    con = duckdb.connect(str(path))
    try:
        applied_schema(con)
        con.execute(
            "INSERT INTO raw.documents (document_id, source_uri, raw_text, ingested_at, run_id) "
            "VALUES ('d_1', 'file:///x.txt', 'Pertempuran berlanjut.', now(), 'run_0')"
        )
    finally:
        con.close()
    return path


def _state(path: Path) -> tuple:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = con.execute("SELECT schema_name, table_name FROM duckdb_tables() ORDER BY ALL").fetchall()
        rows = con.execute("SELECT document_id, raw_text FROM raw.documents ORDER BY ALL").fetchall()
        databases = con.execute("SELECT database_name FROM duckdb_databases() WHERE NOT internal").fetchall()
        return tables, rows, databases
    finally:
        con.close()


def _assert_clean_failure(result, *needles: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output[-3000:]
    for needle in needles:
        assert needle.lower() in output.lower(), output[-3000:]


# --- `newsetl query` is read-only and closed to the file system -----------------------

# (SQL with {tmp} for a scratch folder, what must appear in the message)
FORBIDDEN = [
    ("INSERT INTO raw.rejects VALUES ('x', 'empty', 'y', now(), 'r')", "read-only"),
    ("DELETE FROM raw.documents", "read-only"),
    ("UPDATE raw.documents SET raw_text = 'diubah'", "read-only"),
    ("DROP TABLE raw.documents", "read-only"),
    ("CREATE TABLE main.t AS SELECT 1 AS x", "read-only"),
    ("SELECT 1; DROP TABLE raw.documents", "read-only"),
    ("/* komentar */ DELETE FROM raw.documents --", "read-only"),
    ("CHECKPOINT", "read-only"),
    ("ATTACH '{tmp}/other.duckdb' AS other", "read-only"),
    ("ATTACH ':memory:' AS scratch", "read-only"),
    ("COPY raw.documents TO '{tmp}/leak.csv'", "read-only"),
    ("COPY (SELECT * FROM raw.documents) TO '{tmp}/leak.parquet' (FORMAT parquet)", "read-only"),
    ("EXPORT DATABASE '{tmp}/dump'", "read-only"),
    ("INSTALL httpfs", "read-only"),
    ("LOAD httpfs", "read-only"),
    ("SET enable_external_access = true", "read-only"),
    ("RESET lock_configuration", "read-only"),
    ("SELECT * FROM read_csv('/etc/passwd')", "disabled"),
    ("SELECT * FROM read_csv_auto('/etc/hostname')", "disabled"),
    ("SELECT * FROM read_text('/etc/hostname')", "disabled"),
    ("FROM read_blob('/etc/passwd')", "disabled"),
    ("SELECT * FROM read_json_auto('/etc/passwd')", "disabled"),
    ("SELECT * FROM read_parquet('/etc/passwd')", "disabled"),
    ("SELECT * FROM glob('/etc/*')", "disabled"),
    ("SELECT * FROM '/etc/passwd'", "error"),
    ("EXPLAIN ANALYZE COPY (SELECT 1) TO '{tmp}/leak2.csv'", "error"),
    ("EXPLAIN ANALYZE DELETE FROM raw.documents", "error"),
]


# More of the attack of issue 15 (SQL, what the refusal must say): with FORBIDDEN, the table of
# hostile statements each checked for its reason below (the "error" rows are checked through the CLI).
MORE_FORBIDDEN = [
    ("IMPORT DATABASE '{tmp}/dump'", "cannot reach files"),
    ("EXPLAIN ANALYZE CREATE TEMP TABLE t AS SELECT 1", "explain analyze runs the statement"),
    ("EXPLAIN ANALYZE CHECKPOINT", "explain analyze runs the statement"),
    ("EXPLAIN ANALYZE PRAGMA enable_profiling", "explain analyze runs the statement"),
    ("EXPLAIN ANALYZE SET threads = 1", "explain analyze runs the statement"),
    ("CREATE TEMP TABLE t AS SELECT 1", "a create statement is refused"),
    ("CREATE TABLE t2 (x INT)", "a create statement is refused"),
    ("CREATE MACRO m(x) AS x + 1", "a create statement is refused"),
    ("CREATE VIEW v AS SELECT 1", "a create statement is refused"),
    ("CREATE SEQUENCE s", "a create statement is refused"),
    ("CREATE SECRET s (TYPE s3, KEY_ID 'k', SECRET 'x')", "a create statement is refused"),
    ("PRAGMA enable_profiling", "only pragma show/table_info/database_size"),
    ("ALTER TABLE raw.documents ADD COLUMN x INT", "a alter statement is refused"),
    ("COMMENT ON TABLE raw.documents IS 'diubah'", "a alter statement is refused"),
    ("VACUUM", "a vacuum statement is refused"),
    ("DETACH w", "a detach statement is refused"),
    ("SET memory_limit = '100GB'", "a set statement is refused"),
    ("SET threads = 64", "a set statement is refused"),
    ("BEGIN TRANSACTION", "a transaction statement is refused"),
    ("TRUNCATE raw.documents", "a delete statement is refused"),
    ("INSERT OR REPLACE INTO raw.rejects SELECT * FROM raw.rejects", "a insert statement is refused"),
    ("DROP SCHEMA raw CASCADE", "a drop statement is refused"),
    ("LOAD '{tmp}/evil.duckdb_extension'", "a load statement is refused"),
    ("FORCE INSTALL httpfs", "a load statement is refused"),
    ("CALL enable_logging()", "a call statement is refused"),
    ("SELECT * FROM sniff_csv('/etc/passwd')", "cannot read files outside the warehouse"),
    ("SELECT * FROM parquet_metadata('/etc/passwd')", "cannot read files outside the warehouse"),
    ("SELECT * FROM read_ndjson('/etc/passwd')", "cannot read files outside the warehouse"),
    ("SELECT * FROM read_text('/etc/host' || 'name')", "cannot read files outside the warehouse"),
    ("SUMMARIZE SELECT * FROM read_csv('/etc/passwd')", "cannot read files outside the warehouse"),
]
HOSTILE = [(sql, needle) for sql, needle in FORBIDDEN if needle != "error"] + MORE_FORBIDDEN


@pytest.fixture(scope="module")
def hostile_target(tmp_path_factory) -> Path:
    """One small warehouse for every hostile statement (each leaves it as it was, checked)."""
    return _warehouse(tmp_path_factory.mktemp("hostile") / "w.duckdb")


@pytest.mark.parametrize(("template", "needle"), HOSTILE, ids=[t[:50] for t, _ in HOSTILE])
def test_each_hostile_statement_is_refused_with_its_reason(hostile_target, tmp_path, template, needle):
    from newsetl.warehouse.query import QueryRefused, query_result
    from newsetl.warehouse.connection import reader_connection

    assert len(HOSTILE) >= 40
    db = hostile_target
    before = _state(db)
    con = reader_connection(db)
    try:
        with pytest.raises((QueryRefused, duckdb.Error)) as refused:
            query_result(con, template.format(tmp=tmp_path))
    finally:
        con.close()
    assert needle in str(refused.value).lower()
    assert _state(db) == before
    _no_files_written(tmp_path)


def _no_files_written(tmp: Path) -> None:
    assert not any(tmp.glob("leak*")) and not (tmp / "dump").exists()


def test_query_refuses_every_writing_or_file_reaching_statement_in_process(tmp_path):
    from newsetl.warehouse.query import QueryRefused, query_result
    from newsetl.warehouse.connection import reader_connection

    db = _warehouse(tmp_path / "w.duckdb")
    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    before = _state(db)
    for template, _ in FORBIDDEN:
        sql = template.format(tmp=tmp_path)
        con = reader_connection(db)
        try:
            with pytest.raises((QueryRefused, duckdb.Error)):
                query_result(con, sql)
        finally:
            con.close()
    assert _state(db) == before
    _no_files_written(tmp_path)


# Each kind once through the real command (the in-process test above covers every statement).
CLI_CASES = [FORBIDDEN[i] for i in (0, 5, 8, 10, 13, 14, 15, 17, 23)]


@pytest.mark.parametrize(("template", "needle"), CLI_CASES, ids=[t[:40] for t, _ in CLI_CASES])
def test_newsetl_query_refuses_with_a_clear_message(tmp_path, template, needle):
    db = _warehouse(tmp_path / "w.duckdb")
    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    sql = template.format(tmp=tmp_path)
    before = _state(db)
    result = run_cli(["query", sql, "--db", str(db)], env={**os.environ}, timeout=120)
    _assert_clean_failure(result, "error", needle)
    assert "root:" not in result.stdout + result.stderr  # no line of /etc/passwd
    assert _state(db) == before
    _no_files_written(tmp_path)


def test_newsetl_query_still_reads(tmp_path):
    db = _warehouse(tmp_path / "w.duckdb")
    result = run_cli(["query", "SELECT raw_text FROM raw.documents", "--db", str(db), "--format", "json"],
                     env={**os.environ}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"raw_text": "Pertempuran berlanjut."}]


def test_newsetl_query_on_a_missing_warehouse_says_so(tmp_path):
    result = run_cli(["query", "SELECT 1", "--db", str(tmp_path / "none.duckdb")], env={**os.environ}, timeout=120)
    _assert_clean_failure(result, "No warehouse")


# --- nothing in the input becomes SQL; paths stay inside the roots -------------------------

@pytest.mark.slow
def test_sql_in_inputs_loads_verbatim_and_symlinks_do_not_leave_the_roots(tmp_path, cli_env):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    hostile = {
        "id": f"x{INJECTION}",
        "text": (f"Bisnis.com, JAKARTA - Peretas mencoba menyisipkan {INJECTION} ke dalam berita tentang "
                 "pertempuran di Nagorno-Karabakh pada Selasa (29/9/2020). Polisi sedang menyelidiki kejadian itu.\n"),
        "title": f"Judul {INJECTION}",
        "url": f"https://example.com/{INJECTION}",
        "source": f"{INJECTION}",
        "published_at": "2020-09-29",
    }
    (inbox / "hostile.jsonl").write_text(json.dumps(hostile, ensure_ascii=False) + "\n", encoding="utf-8")
    (inbox / f"nama {INJECTION}.txt").write_text(hostile["text"].replace("Peretas", "Penyusup"), encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("Dokumen rahasia di luar folder masukan. Tidak boleh dimuat.\n", encoding="utf-8")
    (inbox / "escape.txt").symlink_to(secret)
    (inbox / "escape-dir").symlink_to(tmp_path, target_is_directory=True)
    db = tmp_path / "sec.duckdb"
    result = run_cli(["run", str(inbox), "--db", str(db)], env=cli_env, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute("SELECT external_id, raw_text, title, url, source FROM raw.documents "
                          "WHERE source_uri LIKE '%hostile.jsonl%'").fetchone()
        assert row == (hostile["id"], hostile["text"], hostile["title"], hostile["url"], hostile["source"])
        assert con.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM marts.documents").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM raw.documents WHERE raw_text LIKE '%rahasia%'").fetchone()[0] == 0
        rejects = {uri.rsplit("/", 1)[-1]: reason for uri, reason in con.execute("SELECT source_uri, reason FROM raw.rejects").fetchall()}
        assert rejects == {"escape.txt": "outside_root", "escape-dir": "outside_root"}
    finally:
        con.close()


# --- one writer at a time -----------------------------------------------------------

def _wait_for(predicate, timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.2)


# The writer is frozen (SIGSTOP) while the others try: it needs no corpus big enough to outlast
# their CLI start-ups (3,000 articles took 4 min of the suite on a loaded machine), only one that
# cannot finish between its "into" log line and the signal. Its writer-slot lease is made longer
# than any freeze, so the slot stays held while its renewals are stopped too.
WRITER_ARTICLES = 300
FROZEN_WRITER_LEASE_SECONDS = "1800"


@pytest.mark.slow
def test_second_writer_fails_cleanly_or_waits_and_readers_get_a_message(tmp_path, cli_env):
    corpus = tmp_path / "corpus"
    synthetic_jsonl(corpus / "articles.jsonl", WRITER_ARTICLES, seed=11)
    db = tmp_path / "busy.duckdb"
    log_path = tmp_path / "writer.log"
    with log_path.open("w") as log:
        writer = subprocess.Popen([str(NEWSETL), "run", str(corpus), "--db", str(db), "--runner", "threads"],
                                  env={**cli_env, "NEWSETL_WRITER_LEASE_SECONDS": FROZEN_WRITER_LEASE_SECONDS},
                                  cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    waiter = None
    frozen = False
    try:
        # The writer holds the lock from the moment it logs "Run run_... into ...".
        _wait_for(lambda: re.search(r"Run run_\S+ \(ingest\) into", log_path.read_text(errors="replace")),
                  300, "the first run to open the warehouse", log_path)
        assert writer.poll() is None
        os.killpg(writer.pid, signal.SIGSTOP)  # holding the slot and the DuckDB file, until SIGCONT below
        frozen = True

        # Through the Prefect writer slot (a server is configured) ...
        second = run_cli(["run", str(ROOT / "seeds"), "--db", str(db)], env=cli_env, timeout=300)
        _assert_clean_failure(second, "error:", "--wait")
        # ... and through DuckDB's own file lock (no slot: e.g. the ephemeral API, or another server).
        unslotted = run_cli(["run", str(ROOT / "seeds"), "--db", str(db)],
                            env={**cli_env, "NEWSETL_WRITER_LIMIT": "off"}, timeout=300)
        _assert_clean_failure(unslotted, "error:", "locked", "--wait")

        reader = run_cli(["query", "SELECT count(*) FROM raw.documents", "--db", str(db)], env=cli_env, timeout=120)
        _assert_clean_failure(reader, "being written", "try again")

        seeds = copy_seeds(tmp_path / "seeds")
        waiter_log = tmp_path / "waiter.log"
        with waiter_log.open("w") as log:
            waiter = subprocess.Popen([str(NEWSETL), "run", str(seeds), "--db", str(db), "--wait", "1200"],
                                      env=cli_env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        _wait_for(lambda: re.search(r"Waiting for the warehouse writer slot|waiting up to",
                                    waiter_log.read_text(errors="replace")),
                  300, "the --wait run to start waiting", waiter_log)
        assert writer.poll() is None, "the first run finished before the concurrency checks were done"
        os.killpg(writer.pid, signal.SIGCONT)
        frozen = False

        assert writer.wait(timeout=1500) == 0, log_path.read_text(errors="replace")[-3000:]
        assert waiter.wait(timeout=600) == 0, waiter_log.read_text(errors="replace")[-3000:]
        assert "Traceback" not in waiter_log.read_text(errors="replace")
    finally:
        if frozen:
            os.killpg(writer.pid, signal.SIGCONT)
        for process in (writer, waiter):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=60)
    con = duckdb.connect(str(db), read_only=True)
    try:
        runs = con.execute("SELECT status, documents_loaded, started_at, finished_at FROM marts.pipeline_runs "
                           "ORDER BY started_at").fetchall()
        assert [(status, loaded) for status, loaded, _, _ in runs] == [("completed", WRITER_ARTICLES), ("completed", 5)]
        assert runs[1][2] >= runs[0][3], "the --wait run started writing before the first run had finished"
        assert con.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == WRITER_ARTICLES + 5
    finally:
        con.close()
