"""`newsetl export --parquet DIR`: every marts table as Parquet, documents and mentions by publication month.

Exports are read back with DuckDB and with Polars and their row counts compared
with the warehouse. A small hand-made warehouse covers the layout (including
documents without a date and re-exports); one slow test exports a real seed run.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import polars as pl
import pytest

from tests.conftest import run_cli
from tests.helpers.operations import seeds_warehouse
from newsetl.warehouse.export import PARTITION_COLUMN, PARTITIONED, exported_parquet, marts_objects
from newsetl.warehouse.schema import applied_schema

NOW = datetime(2024, 1, 1, tzinfo=timezone.utc)
DOCS = [  # document_id, published_date
    ("d1", date(2020, 9, 29)),
    ("d2", date(2020, 10, 2)),
    ("d3", date(2020, 10, 5)),
    ("d4", None),
]


def _add_document(con, doc_id: str, published: date | None) -> None:
    text = f"JAKARTA - Menteri Luar Negeri Retno Marsudi bertemu di Baku. ({doc_id})"
    con.execute("INSERT INTO raw.documents (document_id, source_uri, raw_text, ingested_at, run_id) VALUES (?, ?, ?, ?, 'r1')",
                [doc_id, f"file:///inbox/{doc_id}.txt", text, NOW])
    con.execute("INSERT INTO staging.documents (document_id, outlet, title, body_text, language, published_date, "
                "pipeline_version, run_id, processed_at) VALUES (?, 'bisnis.com', 't', ?, 'id', ?, 'v', 'r1', ?)",
                [doc_id, text, published, NOW])
    for name, kind in [("Menteri Luar Negeri Retno", "PERSON"), ("Baku", "LOC")]:
        start = text.index(name)
        end = start + len(name)
        con.execute("INSERT INTO staging.entity_mentions (document_id, start_offset, end_offset, text, entity_type, entity_key) "
                    "VALUES (?, ?, ?, ?, ?, ?)", [doc_id, start, end, name, kind, name.lower()])


@pytest.fixture()
def small_warehouse(tmp_path) -> Path:
    db = tmp_path / "small.duckdb"
    con = duckdb.connect(str(db))
    try:
        applied_schema(con)
        for doc_id, published in DOCS:
            _add_document(con, doc_id, published)
        con.execute("INSERT INTO staging.entity_keys VALUES ('menteri luar negeri retno', 'PERSON', 'e1', 'Retno Marsudi', NULL), "
                    "('baku', 'LOC', 'e2', 'Baku', 'AZ')")
    finally:
        con.close()
    return db


def _warehouse_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: con.execute(f'SELECT count(*) FROM marts."{name}"').fetchone()[0] for name in marts_objects(con)}
    finally:
        con.close()


def _parquet_glob(export: Path, name: str) -> str:
    return str(export / name / "**" / "*.parquet") if name in PARTITIONED else str(export / f"{name}.parquet")


def _duckdb_counts(export: Path, names) -> dict[str, int]:
    con = duckdb.connect()
    try:
        return {name: con.execute("SELECT count(*) FROM read_parquet(?, hive_partitioning = true)",
                                  [_parquet_glob(export, name)]).fetchone()[0] for name in names}
    finally:
        con.close()


def _polars_counts(export: Path, names) -> dict[str, int]:
    return {name: pl.scan_parquet(_parquet_glob(export, name), hive_partitioning=name in PARTITIONED)
            .select(pl.len()).collect().item() for name in names}


def _check_round_trip(db: Path, export: Path, written: dict) -> dict[str, int]:
    expected = _warehouse_counts(db)
    assert set(written) == set(expected), "every marts table and view is exported"
    assert {name: rows for name, (rows, _) in written.items()} == expected
    assert _duckdb_counts(export, expected) == expected
    assert _polars_counts(export, expected) == expected
    manifest = json.loads((export / "manifest.json").read_text())
    assert {name: t["rows"] for name, t in manifest["tables"].items()} == expected
    return expected


def test_every_mart_round_trips_through_duckdb_and_polars(small_warehouse, tmp_path):
    export = tmp_path / "export"
    written = exported_parquet(small_warehouse, export)
    counts = _check_round_trip(small_warehouse, export, written)
    assert counts["documents"] == 4 and counts["entity_mentions"] == 8


def test_documents_and_mentions_are_hive_partitioned_by_publication_month(small_warehouse, tmp_path):
    export = tmp_path / "export"
    exported_parquet(small_warehouse, export)
    for name in PARTITIONED:
        months = sorted(p.name for p in (export / name).iterdir())
        assert months == [f"{PARTITION_COLUMN}=2020-09", f"{PARTITION_COLUMN}=2020-10", f"{PARTITION_COLUMN}=unknown"]
    frame = pl.read_parquet(str(export / "documents" / "**" / "*.parquet"), hive_partitioning=True)
    by_month = dict(frame.group_by(PARTITION_COLUMN).len().iter_rows())
    assert by_month == {"2020-09": 1, "2020-10": 2, "unknown": 1}
    con = duckdb.connect()
    try:
        rows = con.execute(
            "SELECT document_id, published_month FROM read_parquet(?, hive_partitioning = true) ORDER BY 1",
            [str(export / "entity_mentions" / "**" / "*.parquet")]).fetchall()
    finally:
        con.close()
    assert sorted(set(rows)) == [("d1", "2020-09"), ("d2", "2020-10"), ("d3", "2020-10"), ("d4", "unknown")]
    assert not list(export.glob(".*")), "no temporary folders are left behind"


def test_reexport_replaces_tables_and_leaves_no_stale_partitions(small_warehouse, tmp_path):
    export = tmp_path / "export"
    con = duckdb.connect(str(small_warehouse))
    try:
        _add_document(con, "d5", date(2021, 1, 3))
    finally:
        con.close()
    exported_parquet(small_warehouse, export)
    assert (export / "documents" / f"{PARTITION_COLUMN}=2021-01").is_dir()
    con = duckdb.connect(str(small_warehouse))
    try:
        for table in ("staging.entity_mentions", "staging.documents", "raw.documents"):
            con.execute(f"DELETE FROM {table} WHERE document_id = 'd5'")
    finally:
        con.close()
    written = exported_parquet(small_warehouse, export)
    assert not (export / "documents" / f"{PARTITION_COLUMN}=2021-01").exists()
    _check_round_trip(small_warehouse, export, written)


def test_export_of_a_missing_warehouse_says_so(tmp_path):
    from newsetl.warehouse.connection import WarehouseMissing

    with pytest.raises(WarehouseMissing):
        exported_parquet(tmp_path / "nothing.duckdb", tmp_path / "export")


@pytest.mark.slow
def test_cli_exports_a_real_seed_run(prefect_server, tmp_path_factory, tmp_path):
    db, _ = seeds_warehouse(prefect_server, tmp_path_factory)
    export = tmp_path / "parquet"
    result = run_cli(["export", "--parquet", str(export), "--db", str(db)], {**os.environ, "COLUMNS": "200"}, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    counts = _warehouse_counts(db)
    assert counts["documents"] == 5 and counts["paragraphs"] > 50 and counts["entity_mentions"] > 0
    assert _duckdb_counts(export, counts) == counts
    assert _polars_counts(export, counts) == counts
    assert "entity_mentions" in result.stdout
    months = {p.name for p in (export / "documents").iterdir()}
    assert months and all(m.startswith(f"{PARTITION_COLUMN}=") for m in months)


@pytest.mark.parametrize("user_file", ["notes.txt", "documents/my-analysis.csv", "manifest.json", "entities.parquet"])
def test_export_into_a_folder_with_a_users_file_keeps_it_and_exits_non_zero(small_warehouse, tmp_path, user_file):
    from typer.testing import CliRunner

    from newsetl.flows.cli import app

    export = tmp_path / "export"
    path = export / user_file
    path.parent.mkdir(parents=True)
    path.write_text("Catatan saya: Menteri Luar Negeri Retno Marsudi bertemu di Baku.\n")
    result = CliRunner().invoke(app, ["export", "--parquet", str(export), "--db", str(small_warehouse)])
    assert result.exit_code == 2, result.output
    assert "nothing was written" in result.output
    assert path.read_text().startswith("Catatan saya")
    assert sorted(p.relative_to(export).as_posix() for p in export.rglob("*") if p.is_file()) == [user_file]


def test_overwrite_writes_beside_a_users_file_and_never_deletes_it(small_warehouse, tmp_path):
    from typer.testing import CliRunner

    from newsetl.flows.cli import app

    export = tmp_path / "export"
    export.mkdir()
    (export / "notes.txt").write_text("Catatan saya.\n")
    result = CliRunner().invoke(app, ["export", "--parquet", str(export), "--db", str(small_warehouse), "--overwrite"])
    assert result.exit_code == 0, result.output
    assert (export / "notes.txt").read_text() == "Catatan saya.\n"
    assert (export / "documents").is_dir()
    # A user's file inside a table folder newsetl wrote is never deleted by a re-export, even with --overwrite.
    stray = export / "documents" / "my-analysis.csv"
    stray.write_text("a,b\n")
    for args in ([], ["--overwrite"]):
        again = CliRunner().invoke(app, ["export", "--parquet", str(export), "--db", str(small_warehouse), *args])
        assert again.exit_code == 2 and "my-analysis.csv" in again.output
        assert stray.exists() and (export / "notes.txt").exists()
    stray.unlink()
    assert CliRunner().invoke(app, ["export", "--parquet", str(export), "--db", str(small_warehouse)]).exit_code == 0
    manifest = json.loads((export / "manifest.json").read_text())
    assert manifest["written_by"] == "newsetl export"
    assert "notes.txt" not in manifest["files"] and any(f.startswith("documents/") for f in manifest["files"])
