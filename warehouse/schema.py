"""Creating the schema from the ``.sql`` files: schemas, then raw, staging, marts."""

from __future__ import annotations

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


def refresh_script(name: str) -> str:
    """Return the SQL of ``refresh/<name>.sql``."""
    return (_sql_dir() / "refresh" / f"{name}.sql").read_text(encoding="utf-8")


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


def applied_schema(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create every schema object that does not exist yet, and comment its columns; return the object names applied."""
    names = []
    with transaction(con):
        for name, sql in ddl_scripts():
            con.execute(sql)
            names.append(name)
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
