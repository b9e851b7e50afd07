"""`newsetl query`: read-only, refuses writes and file access, clear messages."""

from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from newsetl.flows.cli import app
from newsetl.flows.query import QueryRefused, checked_statements
from newsetl.warehouse.connection import WarehouseLocked, reader_connection, writer_connection
from newsetl.warehouse.schema import applied_schema

runner = CliRunner()


@pytest.fixture()
def small_db(tmp_path):
    db = tmp_path / "news.duckdb"
    con = duckdb.connect(str(db))
    applied_schema(con)
    con.execute("INSERT INTO raw.documents (document_id, source_uri, raw_text, ingested_at, run_id) "
                "VALUES ('d_1', 'file:///a.txt', 'Halo dunia', now(), 'r1')")
    con.close()
    return db


@pytest.mark.parametrize("sql", [
    "SELECT 1", "WITH x AS (SELECT 1 AS a) SELECT a FROM x", "DESCRIBE raw.documents",
    "SHOW TABLES", "EXPLAIN SELECT 1",
])
def test_reading_statements_pass(sql):
    assert checked_statements(sql)


@pytest.mark.parametrize("sql", [
    "DELETE FROM raw.documents", "INSERT INTO raw.rejects VALUES (1)", "DROP TABLE raw.documents",
    "UPDATE raw.documents SET title = 'x'", "COPY raw.documents TO '/tmp/out.csv'",
    "ATTACH '/tmp/other.duckdb' AS other", "INSTALL httpfs", "LOAD httpfs", "SET enable_external_access = true",
    "CREATE TABLE t AS SELECT 1", "SELECT 1; DELETE FROM raw.documents",
])
def test_writing_or_escaping_statements_are_refused(sql):
    with pytest.raises(QueryRefused):
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
