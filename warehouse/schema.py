"""Creating the schema from the ``.sql`` files: schemas, then raw, staging, marts."""

from __future__ import annotations

from importlib import resources

import duckdb

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


def applied_schema(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Create every schema object that does not exist yet; return the object names applied."""
    names = []
    con.execute("BEGIN TRANSACTION")
    try:
        for name, sql in ddl_scripts():
            con.execute(sql)
            names.append(name)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return names
