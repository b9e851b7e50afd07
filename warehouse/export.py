"""Parquet export of the marts, for engines other than DuckDB."""

from __future__ import annotations

from pathlib import Path

from warehouse.connection import reader_connection

# Tables partitioned by publication month (hive layout: published_month=2020-10/).
PARTITIONED = {
    "documents": "SELECT *, coalesce(strftime(published_date, '%Y-%m'), 'unknown') AS published_month FROM marts.documents",
    "entity_mentions": (
        "SELECT m.*, coalesce(strftime(d.published_date, '%Y-%m'), 'unknown') AS published_month "
        "FROM marts.entity_mentions AS m JOIN staging.documents AS d USING (document_id)"
    ),
}
PLAIN = ("paragraphs", "temporal_expressions", "entities", "entity_roles", "quotes", "source_citations",
         "event_counts", "pipeline_runs", "data_checks")


def exported_parquet(db_path: Path, target: Path) -> dict[str, tuple[int, Path]]:
    """Write every marts table under ``target``; return table -> (rows, path)."""
    target = target.resolve()
    target.mkdir(parents=True, exist_ok=True)
    import duckdb

    # The reader connection forbids file access (for `newsetl query`); export needs it, read-only still.
    reader_connection(db_path).close()  # clear errors if missing or locked
    con = duckdb.connect(str(db_path), read_only=True)
    written: dict[str, tuple[int, Path]] = {}
    try:
        for name, sql in PARTITIONED.items():
            path = target / name
            con.execute(
                f"COPY ({sql}) TO '{_quoted(path)}' (FORMAT parquet, PARTITION_BY (published_month), OVERWRITE_OR_IGNORE true)"
            )
            written[name] = (con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0], path)
        for name in PLAIN:
            path = target / f"{name}.parquet"
            con.execute(f"COPY (SELECT * FROM marts.{name}) TO '{_quoted(path)}' (FORMAT parquet)")
            written[name] = (con.execute(f"SELECT count(*) FROM marts.{name}").fetchone()[0], path)
    finally:
        con.close()
    return written


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
