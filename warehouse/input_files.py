"""Fingerprints of input files whose every record is stored (``raw.input_files``).

A re-run skips decoding a file whose size, mtime and content hash match the fingerprint
stored for the same read settings: its records are all in ``raw.documents`` (append-only).
"""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb
import polars as pl

INPUT_FILE_SCHEMA = {"path": pl.String, "size_bytes": pl.Int64, "mtime_ns": pl.Int64, "sha256": pl.String,
                     "records": pl.Int64}


def stored_input_files(con: duckdb.DuckDBPyConnection, read_key: str) -> dict[str, tuple[int, int, str, int]]:
    """Return path -> ``(size_bytes, mtime_ns, sha256, records)`` stored for ``read_key``; empty before the table exists."""
    try:
        rows = con.execute("SELECT path, size_bytes, mtime_ns, sha256, records FROM raw.input_files WHERE read_key = ?",
                           [read_key]).fetchall()
    except duckdb.CatalogException:  # a warehouse from before raw.input_files
        return {}
    return {path: (size, mtime, sha, records) for path, size, mtime, sha, records in rows}


def recorded_input_files(con: duckdb.DuckDBPyConnection, rows: list[dict], read_key: str, run_id: str) -> int:
    """Upsert the fingerprints ``rows`` (``INPUT_FILE_SCHEMA`` keys) for ``read_key``; return how many."""
    if not rows:
        return 0
    frame = pl.DataFrame(rows, schema=INPUT_FILE_SCHEMA).with_columns(
        read_key=pl.lit(read_key), recorded_at=pl.lit(datetime.now(timezone.utc)), run_id=pl.lit(run_id))
    con.register("_input_files", frame.to_arrow())
    try:
        con.execute(
            "INSERT OR REPLACE INTO raw.input_files (path, read_key, size_bytes, mtime_ns, sha256, records, recorded_at, run_id) "
            "SELECT path, read_key, size_bytes, mtime_ns, sha256, records, recorded_at, run_id FROM _input_files")
    finally:
        con.unregister("_input_files")
    return frame.height
