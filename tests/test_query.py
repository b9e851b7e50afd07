"""`newsetl query`: read-only, refuses writes and file access, clear messages."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsetl.flows.cli import app
from newsetl.warehouse.query import QueryRefused, checked_statements
from newsetl.warehouse.connection import WarehouseLocked, reader_connection, writer_connection
from tests.conftest import raw_warehouse

runner = CliRunner()


@pytest.fixture()
def small_db(tmp_path):
    return raw_warehouse(tmp_path / "news.duckdb", ["Halo dunia"])


@pytest.mark.parametrize("sql", [
    "SELECT 1", "WITH x AS (SELECT 1 AS a) SELECT a FROM x", "DESCRIBE raw.documents",
    "SHOW TABLES", "EXPLAIN SELECT 1",
    # leading comments and a plain EXPLAIN
    "-- Who said what\nSELECT 1", "/* a note */ SELECT 1", "-- one\n-- two\n\nWITH x AS (SELECT 1 AS a) SELECT a FROM x",
    "-- the tables\nPRAGMA show_tables", "EXPLAIN SELECT 'analyze'",
])
def test_reading_statements_pass(sql):
    assert checked_statements(sql)


WRITING_OR_ESCAPING = [
    "DELETE FROM raw.documents", "INSERT INTO raw.rejects VALUES (1)", "DROP TABLE raw.documents",
    "UPDATE raw.documents SET title = 'x'", "COPY raw.documents TO '/tmp/out.csv'",
    "ATTACH '/tmp/other.duckdb' AS other", "INSTALL httpfs", "LOAD httpfs", "SET enable_external_access = true",
    "CREATE TABLE t AS SELECT 1", "SELECT 1; DELETE FROM raw.documents",
]
# EXPLAIN ANALYZE runs what it explains: refused whatever that is.
EXPLAIN_ANALYZE = [
    "EXPLAIN ANALYZE CREATE TEMP TABLE t AS SELECT 1", "EXPLAIN ANALYZE CHECKPOINT", "explain analyse select 1",
    "EXPLAIN (ANALYZE) SELECT 1", "EXPLAIN /* hidden */ ANALYZE CHECKPOINT", "-- note\nEXPLAIN\n  ANALYZE SELECT 1",
    "SELECT 1; EXPLAIN ANALYZE CHECKPOINT",
]


@pytest.mark.parametrize(("sql", "match"), [(sql, None) for sql in WRITING_OR_ESCAPING]
                         + [(sql, "EXPLAIN ANALYZE") for sql in EXPLAIN_ANALYZE])
def test_writing_or_escaping_statements_are_refused(sql, match):
    with pytest.raises(QueryRefused, match=match):
        checked_statements(sql)


def test_cli_delete_is_refused_and_deletes_nothing(small_db):
    result = runner.invoke(app, ["query", "delete from raw.documents", "--db", str(small_db)])
    assert result.exit_code != 0
    assert "read-only" in result.output
    con = duckdb.connect(str(small_db), read_only=True)
    assert con.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == 1
    con.close()


def test_cli_formats(small_db):
    as_json = runner.invoke(app, ["query", "SELECT document_id, raw_text FROM raw.documents", "--db", str(small_db), "--format", "json"])
    assert as_json.exit_code == 0 and '"raw_text": "Halo dunia"' in as_json.stdout
    as_csv = runner.invoke(app, ["query", "SELECT document_id FROM raw.documents", "--db", str(small_db), "-f", "csv"])
    assert as_csv.stdout.splitlines()[:2] == ["document_id", "d_1"]


def test_file_functions_are_disabled_in_the_reader(small_db, tmp_path):
    outside = tmp_path / "secret.csv"
    outside.write_text("a\n1\n")
    con = reader_connection(small_db)
    with pytest.raises(duckdb.Error):
        con.execute(f"SELECT * FROM read_csv('{outside}')").fetchall()
    con.close()


def test_missing_warehouse_gives_a_clear_message(tmp_path):
    result = runner.invoke(app, ["query", "SELECT 1", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "No warehouse" in result.output


def test_second_writer_waits_then_gets_clear_error(small_db):
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_writer, args=(str(small_db), ready, release))
    holder.start()
    try:
        assert ready.wait(60)
        with pytest.raises(WarehouseLocked, match="locked by process"):
            writer_connection(small_db, wait_seconds=1.5, poll_seconds=0.5)
        with pytest.raises(WarehouseLocked, match="being written"):
            reader_connection(small_db)
    finally:
        release.set()
        holder.join(30)


def _hold_writer(path, ready, release):
    con = duckdb.connect(path)
    ready.set()
    release.wait(60)
    con.close()


QUERY_FILES = sorted((Path(__file__).resolve().parents[1] / "warehouse" / "queries").glob("*.sql"))


def test_import_database_is_refused_without_reading_the_folder(tmp_path, small_db):
    # DuckDB reads IMPORT DATABASE's schema.sql while *parsing*: the parse must not reach files.
    (tmp_path / "dump").mkdir()
    (tmp_path / "dump" / "schema.sql").write_text("CREATE TABLE stolen (a INTEGER);")
    (tmp_path / "dump" / "load.sql").write_text("")
    with pytest.raises(QueryRefused, match="cannot reach files"):
        checked_statements(f"IMPORT DATABASE '{tmp_path / 'dump'}'")
    result = runner.invoke(app, ["query", f"IMPORT DATABASE '{tmp_path / 'dump'}'", "--db", str(small_db)])
    assert result.exit_code == 2 and "refused" in result.output


@pytest.mark.parametrize("sql", [
    "select * from read_text('/etc/hostname')", "EXPLAIN ANALYZE CHECKPOINT",
    "EXPLAIN ANALYZE CREATE TEMP TABLE t AS SELECT 1",
])
def test_cli_refuses_with_a_message_and_exit_2(small_db, sql):
    result = runner.invoke(app, ["query", sql, "--db", str(small_db)])
    assert result.exit_code == 2, result.output
    assert "refused" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("path", QUERY_FILES, ids=[p.stem for p in QUERY_FILES])
def test_every_query_file_runs_through_the_cli_as_the_readme_writes_it(small_db, path):
    # README: newsetl query "$(cat warehouse/queries/X.sql)" --format csv; each file opens with `-- `.
    sql = path.read_text()
    assert sql.startswith("--")
    result = runner.invoke(app, ["query", sql, "--format", "csv", "--db", str(small_db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].count(",") >= 1  # a CSV header with the file's columns


def test_readme_query_command_in_a_real_shell(small_db):
    import os
    import shutil
    import subprocess
    import sys

    newsetl = Path(sys.executable).parent / "newsetl"
    if not newsetl.exists() or not shutil.which("bash"):
        pytest.skip("needs the installed newsetl script and bash")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        ["bash", "-c", f'"{newsetl}" query "$(cat warehouse/queries/who_said_what.sql)" --format csv'],
        cwd=root, env={**os.environ, "NEWSETL_DB": str(small_db)}, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("outlet,published_date,speaker")


def test_a_mistyped_option_still_fails(small_db):
    result = runner.invoke(app, ["query", "SELECT 1", "--fromat", "csv", "--db", str(small_db)])
    assert result.exit_code != 0
