"""Parquet export of the marts, for engines other than DuckDB (Polars, Spark, Trino, pandas ...).

Every table and view in the ``marts`` schema is written with DuckDB's ``COPY ... (FORMAT
parquet)`` from one read-only connection, so all files come from the same committed
state. ``documents`` and ``entity_mentions`` are hive-partitioned by publication month
(``documents/published_month=2020-10/data_0.parquet``; ``unknown`` when the date is not
known); the others are one file each. Each table is written next to its final place and
then swapped in, so a reader never sees a half-written table and a re-export leaves no
stale partitions behind. ``manifest.json`` lists the tables, row counts and layout.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path

from newsetl.warehouse.connection import reader_connection

PARTITION_COLUMN = "published_month"
_MONTH = "coalesce(strftime({alias}.published_date, '%Y-%m'), 'unknown') AS " + PARTITION_COLUMN
# Tables partitioned by publication month (hive layout: published_month=2020-10/).
PARTITIONED = {
    "documents": f"SELECT m.*, {_MONTH.format(alias='m')} FROM marts.documents AS m",
    "entity_mentions": (
        f"SELECT m.*, {_MONTH.format(alias='d')} FROM marts.entity_mentions AS m "
        "LEFT JOIN staging.documents AS d USING (document_id)"
    ),
}
MANIFEST = "manifest.json"


def marts_objects(con) -> list[str]:
    """Return the names of every table and view in the ``marts`` schema, sorted."""
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts' AND NOT temporary "
        "UNION SELECT view_name FROM duckdb_views() WHERE schema_name = 'marts' AND NOT temporary ORDER BY 1"
    ).fetchall()
    return [name for (name,) in rows]


def exported_parquet(db_path: Path, target: Path) -> dict[str, tuple[int, Path]]:
    """Write every marts table under ``target``; return table -> (rows, path)."""
    import duckdb

    target = Path(target).expanduser().resolve()
    target.mkdir(parents=True, exist_ok=True)
    # The reader connection forbids file access (for `newsetl query`); export needs it, read-only still.
    reader_connection(db_path).close()  # clear errors if missing or locked
    con = duckdb.connect(str(db_path), read_only=True)
    written: dict[str, tuple[int, Path]] = {}
    manifest: dict[str, dict] = {}
    try:
        for name in marts_objects(con):
            if name in PARTITIONED:
                final = target / name
                options = f"FORMAT parquet, COMPRESSION zstd, PARTITION_BY ({PARTITION_COLUMN})"
                sql = PARTITIONED[name]
            else:
                final = target / f"{name}.parquet"
                options = "FORMAT parquet, COMPRESSION zstd"
                sql = f"SELECT * FROM marts.{_ident(name)}"
            staging = target / f".{final.name}.{uuid.uuid4().hex[:8]}.tmp"
            try:
                rows = con.execute(f"COPY ({sql}) TO '{_quoted(staging)}' ({options})").fetchone()[0]
                if name in PARTITIONED and rows == 0:
                    staging.mkdir(exist_ok=True)  # an empty table is still a (empty) folder
                _swap(staging, final)
            finally:
                _remove(staging)
            written[name] = (rows, final)
            manifest[name] = {"rows": rows, "path": final.name,
                              "partitioned_by": [PARTITION_COLUMN] if name in PARTITIONED else []}
    finally:
        con.close()
    (target / MANIFEST).write_text(json.dumps(
        {"exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "source": str(db_path),
         "tables": manifest}, indent=1) + "\n", encoding="utf-8")
    return written


def _swap(staging: Path, final: Path) -> None:
    """Put ``staging`` at ``final``, replacing whatever was there."""
    if final.exists() or final.is_symlink():
        old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
        os.replace(final, old)
        os.replace(staging, final)
        _remove(old)
    else:
        os.replace(staging, final)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
