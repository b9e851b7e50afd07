"""Creating the schema from the ``.sql`` files: schemas, then raw, staging, marts."""

from __future__ import annotations

from functools import cache
from importlib import resources

import duckdb

from newsetl.warehouse.transactions import transaction

LAYERS = ("raw", "staging", "marts")


def _sql_dir():
    return resources.files("newsetl.warehouse")


def ddl_scripts() -> list[tuple[str, str]]:
    """Return ``(name, sql)`` for every DDL file in build order (schemas, raw, staging, marts)."""
    root = _sql_dir() / "ddl"
    scripts = [("schemas", (root / "schemas.sql").read_text(encoding="utf-8"))]
    for layer in LAYERS:
        for entry in sorted((root / layer).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".sql"):
                scripts.append((f"{layer}.{entry.name[:-4]}", entry.read_text(encoding="utf-8")))
    return scripts


@cache
def warehouse_sql(folder: str, name: str) -> str:
    """Return the SQL of ``<folder>/<name>.sql`` (``refresh``: corpus-wide rebuilds, ``runs``: the run ledger)."""
    return (_sql_dir() / folder / f"{name}.sql").read_text(encoding="utf-8")


def refresh_script(name: str) -> str:
    """Return the SQL of ``refresh/<name>.sql``."""
    return warehouse_sql("refresh", name)


def column_producers() -> list[tuple[str, str, str, str]]:
    """Return ``(table, column, producer, meaning)`` for every marts column, from ``column_producers.tsv``.

    The file is the one place a column's producer (``module.function``, or ``SQL`` for an
    aggregate of the view itself) is written; ``applied_schema`` turns each row into a
    ``COMMENT ON COLUMN``, and README's column catalogue is generated from those comments.
    """
    lines = (_sql_dir() / "column_producers.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [tuple(line.split("\t")) for line in lines if line.strip()]


def _column_comments(con: duckdb.DuckDBPyConnection) -> None:
    for table, column, producer, meaning in column_producers():
        comment = f"producer: {producer}; {meaning}".replace("'", "''")
        con.execute(f"COMMENT ON COLUMN {table}.{column} IS '{comment}'")


def migration_scripts() -> list[tuple[int, str, str]]:
    """Return ``(version, name, sql)`` for every file in ``migrations/``, in version order.

    ``0001_temporal_time_zone.sql`` is version 1, name ``temporal_time_zone``; see
    ``warehouse/migrations/README.md`` for how to write one.
    """
    found = []
    for entry in (_sql_dir() / "migrations").iterdir():
        if entry.name.endswith(".sql"):
            number, _, name = entry.name[:-4].partition("_")
            found.append((int(number), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def table_exists(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> bool:
    """Return True when ``schema.name`` is a table or a view of the warehouse."""
    return con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? AND table_name = ? "
        "UNION ALL SELECT count(*) FROM duckdb_views() WHERE schema_name = ? AND view_name = ?",
        [schema, name, schema, name],
    ).fetchall() != [(0,), (0,)]


def _recorded_migrations(con: duckdb.DuckDBPyConnection) -> set[int]:
    if not table_exists(con, "marts", "schema_migrations"):
        return set()
    return {version for (version,) in con.execute("SELECT version FROM marts.schema_migrations").fetchall()}


def _has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name IN ('raw', 'staging', 'marts')").fetchone()[0] > 0


def applied_schema(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Bring the warehouse to the current schema and comment its columns; return the object and migration names applied.

    Schemas first, then, on a warehouse that has tables, every migration it has not recorded
    (guarded, so a no-op on tables that do not exist yet), then the DDL files (create what is missing, replace the
    views), then the migrations are recorded. One transaction: a failure leaves it as it was.
    """
    scripts = ddl_scripts()
    names = []
    with transaction(con):
        schemas, *objects = scripts
        con.execute(schemas[1])
        names.append(schemas[0])
        done = _recorded_migrations(con)
        pending = [m for m in migration_scripts() if m[0] not in done]
        if _has_tables(con):  # a new warehouse gets the current DDL and only records the migrations
            for version, name, sql in pending:
                con.execute(sql)
                names.append(f"migration {version:04d}_{name}")
        for name, sql in objects:
            con.execute(sql)
            names.append(name)
        for version, name, _sql in pending:
            con.execute("INSERT INTO marts.schema_migrations VALUES (?, ?, now())", [version, name])
        _column_comments(con)
    return names


def stored_columns(tables: list[str], scripts: list[tuple[str, str]] | None = None) -> str:
    """Return the columns of ``tables`` (``schema.table``) as the DDL creates them, one line per column.

    Each line is ``table, column, type, nullable, default`` in column order: what decides how
    a row is stored. Comments and formatting of the ``.sql`` files do not appear. ``scripts``
    defaults to ``ddl_scripts()``; they are applied to a throwaway in-memory database.
    """
    con = duckdb.connect()
    try:
        for _name, sql in scripts if scripts is not None else ddl_scripts():
            con.execute(sql)
        rows = con.execute(
            """
            SELECT schema_name || '.' || table_name, column_name, data_type, is_nullable, column_default
            FROM duckdb_columns() WHERE list_contains(?, schema_name || '.' || table_name)
            ORDER BY schema_name, table_name, column_index
            """,
            [list(tables)],
        ).fetchall()
    finally:
        con.close()
    return "\n".join("\t".join(str(value) for value in row) for row in rows)
