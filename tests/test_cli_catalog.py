"""`newsetl --version`, `newsetl tables` and `newsetl schema TABLE` (issue 19, CLI ergonomics)."""

from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from newsetl.flows.cli import app
from newsetl.flows.version import pipeline_version
from newsetl.warehouse.catalog import column_note, table_columns, warehouse_tables
from newsetl.warehouse.schema import applied_schema

runner = CliRunner()
TEXT = "JAKARTA - Wakil Gubernur Sutrisno meresmikan jembatan baru di Sleman pada Senin (5/10/2020)."


@pytest.fixture()
def small_db(tmp_path):
    db = tmp_path / "news.duckdb"
    con = duckdb.connect(str(db))
    applied_schema(con)
    for n in range(3):
        con.execute("INSERT INTO raw.documents (document_id, source_uri, raw_text, ingested_at, run_id) "
                    "VALUES (?, ?, ?, now(), 'r1')", [f"d_{n}", f"file:///inbox/{n}.txt", f"{TEXT} ({n})"])
    con.execute("INSERT INTO raw.rejects (source_uri, reason, detail, seen_at, run_id) VALUES ('file:///inbox/x.bin', 'binary', 'looks binary', now(), 'r1')")
    con.close()
    return db


def test_version_prints_the_pipeline_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"newsetl {pipeline_version()}"


@pytest.mark.parametrize(("table", "rows", "grain"), [
    ("raw.documents", 3, "one row per distinct document text."),
    ("raw.rejects", 1, "one row per distinct rejected input"),
    ("marts.pipeline_runs", 0, "one row per pipeline run."),
    ("marts.documents", 0, "one row per document."),
])
def test_tables_lists_each_layer_with_rows_and_grain(small_db, table, rows, grain):
    con = duckdb.connect(str(small_db), read_only=True)
    found = {t.name: t for t in warehouse_tables(con)}
    con.close()
    assert found[table].rows == rows
    assert found[table].grain.startswith(grain)
    result = runner.invoke(app, ["tables", "--db", str(small_db)], terminal_width=200)
    assert result.exit_code == 0
    line = next(line for line in result.stdout.splitlines() if f" {table} " in line)
    assert f" {rows} " in line


@pytest.mark.parametrize(("table", "column", "words"), [
    ("raw.documents", "document_id", "content hash"),          # the table's own line comment
    ("marts.documents", "document_id", "inputs.document_id"),  # a marts column names its producer
    ("marts.documents", "analysis_error", "document_rows"),
    ("documents", "truncated_analysis", "analysis_prefix"),  # a bare name means marts first
    ("raw.rejects", "reason", "machine-readable"),
])
def test_schema_shows_columns_with_their_comments(small_db, table, column, words):
    con = duckdb.connect(str(small_db), read_only=True)
    comment, columns = table_columns(con, table)
    con.close()
    assert comment.startswith("Grain:")
    by_name = {c.name: c for c in columns}
    assert words in by_name[column].comment
    result = runner.invoke(app, ["schema", table, "--db", str(small_db)], terminal_width=250)
    assert result.exit_code == 0
    # rich folds long comments inside their cell: read the cells without line breaks and borders
    shown = "".join(line.split("│")[-2].strip() if line.count("│") >= 2 else "" for line in result.stdout.splitlines())
    assert words in shown
    assert column in result.stdout


def test_schema_of_an_unknown_table_exits_2_naming_it(small_db):
    result = runner.invoke(app, ["schema", "marts.headlines", "--db", str(small_db)])
    assert result.exit_code == 2
    assert "marts.headlines" in result.output and "newsetl tables" in result.output


def test_columns_without_a_comment_stay_empty():
    assert column_note("staging.documents", "dateline_place") == ""
    assert column_note("marts.no_such_view", "x") == ""
