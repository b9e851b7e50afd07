"""Parquet export of the marts, for engines other than DuckDB (Polars, Spark, Trino, pandas ...).

Every table and view in the ``marts`` schema is written with DuckDB's ``COPY ... (FORMAT
parquet)`` from one read-only connection, so all files come from the same committed
state. ``documents`` and ``entity_mentions`` are hive-partitioned by publication month
(``documents/published_month=2020-10/data_0.parquet``; ``unknown`` when the date is not
known); the others are one file each. Each table is written next to its final place and
then swapped in, so a reader never sees a half-written table and a re-export leaves no
stale partitions behind. ``manifest.json`` lists the tables, row counts and layout.

The export never deletes what it did not write. The manifest (``"written_by": "newsetl export"``)
lists every file written; a folder that is not empty and holds no such manifest is refused
unless ``overwrite=True`` (``--overwrite``), and even then only paths the previous export wrote
are replaced: a table path holding any other file is refused, naming the file.
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
WRITTEN_BY = "newsetl export"


class ExportRefused(RuntimeError):
    """Writing the export would overwrite or delete files newsetl did not write."""


def _previous_files(target: Path) -> set[str] | None:
    """Return the relative paths the previous export into ``target`` wrote, or None if it holds no manifest of ours."""
    try:
        manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("tables"), dict):
        return None
    if isinstance(manifest.get("files"), list):
        return {str(f) for f in manifest["files"]}
    # A manifest from before the file list: everything under the tables it lists was written by it.
    files: set[str] = set()
    for entry in manifest["tables"].values():
        path = target / str(entry.get("path", ""))
        if entry.get("path") and path.is_dir():
            files |= {p.relative_to(target).as_posix() for p in path.rglob("*") if not p.is_dir()}
        elif entry.get("path") and path.exists():
            files.add(path.relative_to(target).as_posix())
    return files


def _files_under(target: Path, path: Path) -> list[str]:
    if path.is_dir() and not path.is_symlink():
        return sorted(p.relative_to(target).as_posix() for p in path.rglob("*") if not p.is_dir() or p.is_symlink())
    return [path.relative_to(target).as_posix()] if (path.exists() or path.is_symlink()) else []


def checked_target(target: Path, final_paths: list[Path], overwrite: bool) -> None:
    """Raise ExportRefused if exporting into ``target`` would replace or delete a file newsetl did not write."""
    if not target.exists():
        return
    if not target.is_dir():
        raise ExportRefused(f"{target} exists and is not a folder: choose a folder for the export.")
    entries = [e for e in target.iterdir() if e.name != MANIFEST and not (e.name.startswith(".") and ".tmp" in e.name)]
    previous = _previous_files(target)
    if previous is None and entries and not overwrite:
        names = ", ".join(sorted(e.name for e in entries)[:3])
        raise ExportRefused(
            f"{target} is not empty ({names}{', ...' if len(entries) > 3 else ''}) and holds no newsetl export "
            "manifest: nothing was written. Choose an empty or new folder, or pass --overwrite to write beside "
            "those files (files newsetl did not write are never deleted)."
        )
    ours = (previous | {MANIFEST}) if previous is not None else set()
    for final in final_paths:
        foreign = [f for f in _files_under(target, final) if f not in ours]
        if foreign:
            raise ExportRefused(
                f"{target / foreign[0]} was not written by newsetl export, and the export of {final.name} would "
                f"replace it{' (and ' + str(len(foreign) - 1) + ' more)' if len(foreign) > 1 else ''}: nothing was "
                "written. Move it or choose another folder."
            )


def marts_objects(con) -> list[str]:
    """Return the names of every table and view in the ``marts`` schema, sorted."""
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts' AND NOT temporary "
        "UNION SELECT view_name FROM duckdb_views() WHERE schema_name = 'marts' AND NOT temporary ORDER BY 1"
    ).fetchall()
    return [name for (name,) in rows]


def _final_path(target: Path, name: str) -> Path:
    return target / name if name in PARTITIONED else target / f"{name}.parquet"


def exported_parquet(db_path: Path, target: Path, *, overwrite: bool = False) -> dict[str, tuple[int, Path]]:
    """Write every marts table under ``target``; return table -> (rows, path).

    Raises ExportRefused, before writing anything, if that would replace a file it did not write.
    """
    import duckdb

    target = Path(target).expanduser().resolve()
    # The reader connection forbids file access (for `newsetl query`); export needs it, read-only still.
    reader_connection(db_path).close()  # clear errors if missing or locked
    con = duckdb.connect(str(db_path), read_only=True)
    written: dict[str, tuple[int, Path]] = {}
    manifest: dict[str, dict] = {}
    try:
        names = marts_objects(con)
        checked_target(target, [_final_path(target, n) for n in names] + [target / MANIFEST], overwrite)
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
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
    files = sorted(f for _, path in written.values() for f in _files_under(target, path))
    (target / MANIFEST).write_text(json.dumps(
        {"written_by": WRITTEN_BY, "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
         "source": str(db_path), "tables": manifest, "files": files}, indent=1) + "\n", encoding="utf-8")
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
