"""The warehouse's catalogue for ``newsetl tables`` and ``newsetl schema TABLE``.

Grain and key come from each object's ``COMMENT ON`` (every DDL file states them); column
descriptions come from DuckDB's column comments when set, else from the ``-- comment`` on
the column's line in the DDL file. A view's column without a comment of its own takes the
comment of the same column in a table the view reads (``marts.documents.outlet`` is
``staging.documents.outlet``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import duckdb

from newsetl.warehouse.schema import ddl_scripts

LAYER_ORDER = {"marts": 0, "staging": 1, "raw": 2}
_CREATE = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+\.\w+)", re.IGNORECASE)
# `name TYPE ... -- comment` (a table column) or `expr AS name, -- comment` / `d.name, -- comment` (a view column).
_COLUMN_LINE = re.compile(r"^\s*(?:[\w.]+\s+AS\s+|\w+\.)?(\w+)\b[^\n]*?--\s*(.+?)\s*$", re.IGNORECASE)
_SOURCES = re.compile(r"\b(?:FROM|JOIN)\s+(\w+\.\w+)", re.IGNORECASE)


@dataclass(frozen=True)
class TableInfo:
    name: str  # schema.table
    kind: str  # table or view
    rows: int
    comment: str  # grain and key

    @property
    def grain(self) -> str:
        """The ``Grain: ...`` sentence of the comment (the whole comment if it has none)."""
        match = re.search(r"Grain:\s*(.+?)\s*(?:Key:|$)", self.comment)
        return match.group(1) if match else self.comment

    @property
    def key(self) -> str:
        match = re.search(r"Key:\s*(.+?)(?:\.\s|\.$|$)", self.comment)
        return match.group(1) if match else ""


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    type: str
    nullable: bool
    comment: str


@lru_cache(maxsize=1)
def _ddl_notes() -> tuple[dict[str, dict[str, str]], dict[str, tuple[str, ...]]]:
    """Return ``{object: {column: comment}}`` from the DDL files' line comments, and each view's source tables."""
    notes: dict[str, dict[str, str]] = {}
    sources: dict[str, tuple[str, ...]] = {}
    for _, sql in ddl_scripts():
        match = _CREATE.search(sql)
        if not match:
            continue
        name = match.group(1).lower()
        body = sql[match.end():]
        body = body.split("COMMENT ON", 1)[0]
        columns: dict[str, str] = {}
        for line in body.splitlines():
            if line.lstrip().startswith("--"):
                continue
            found = _COLUMN_LINE.match(line)
            if found:
                columns.setdefault(found.group(1).lower(), found.group(2))
        notes[name] = columns
        sources[name] = tuple(dict.fromkeys(s.lower() for s in _SOURCES.findall(body)))
    return notes, sources


def column_note(table: str, column: str) -> str:
    """Return the DDL's comment on ``table.column``, following a view to the tables it reads."""
    notes, sources = _ddl_notes()
    table, column = table.lower(), column.lower()
    seen: set[str] = set()
    queue = [table]
    while queue:
        name = queue.pop(0)
        if name in seen:
            continue
        seen.add(name)
        if note := notes.get(name, {}).get(column):
            return note
        queue.extend(sources.get(name, ()))
    return ""


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def warehouse_tables(con: duckdb.DuckDBPyConnection) -> list[TableInfo]:
    """Return every table and view of the raw, staging and marts schemas with its row count and grain."""
    objects = con.execute(
        "SELECT schema_name, table_name, 'table', coalesce(comment, '') FROM duckdb_tables() "
        "WHERE database_name = current_database() AND schema_name IN ('raw', 'staging', 'marts') AND NOT temporary "
        "UNION ALL SELECT schema_name, view_name, 'view', coalesce(comment, '') FROM duckdb_views() "
        "WHERE database_name = current_database() AND schema_name IN ('raw', 'staging', 'marts') AND NOT temporary"
    ).fetchall()
    objects.sort(key=lambda o: (LAYER_ORDER.get(o[0], 9), o[1]))
    tables = []
    for schema, name, kind, comment in objects:
        rows = con.execute(f"SELECT count(*) FROM {_ident(schema)}.{_ident(name)}").fetchone()[0]
        tables.append(TableInfo(f"{schema}.{name}", kind, rows, comment))
    return tables


def resolved_table_name(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """Return ``schema.table`` for ``name`` (a bare name means marts, then staging, then raw); raise KeyError."""
    known = {t.name.lower(): t.name for t in _objects(con)}
    wanted = name.strip().strip('"').lower()
    if wanted in known:
        return known[wanted]
    for layer in LAYER_ORDER:
        if f"{layer}.{wanted}" in known:
            return known[f"{layer}.{wanted}"]
    raise KeyError(f"no table or view {name!r} in the warehouse; `newsetl tables` lists them")


def _objects(con: duckdb.DuckDBPyConnection) -> list[TableInfo]:
    rows = con.execute(
        "SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name IN ('raw', 'staging', 'marts') UNION ALL SELECT schema_name || '.' || view_name "
        "FROM duckdb_views() WHERE database_name = current_database() AND schema_name IN ('raw', 'staging', 'marts')"
    ).fetchall()
    return [TableInfo(name, "", 0, "") for (name,) in rows]


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> tuple[str, list[ColumnInfo]]:
    """Return the object's comment and its columns in order, each with type, nullability and comment."""
    schema, name = resolved_table_name(con, table).split(".", 1)
    comment = con.execute(
        "SELECT coalesce(comment, '') FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ? AND table_name = ? "
        "UNION ALL SELECT coalesce(comment, '') FROM duckdb_views() WHERE database_name = current_database() AND schema_name = ? AND view_name = ?",
        [schema, name, schema, name],
    ).fetchone()[0]
    rows = con.execute(
        "SELECT column_name, data_type, is_nullable, coalesce(comment, '') FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = ? AND table_name = ? ORDER BY column_index",
        [schema, name],
    ).fetchall()
    columns = [ColumnInfo(c, t, bool(n), note or column_note(f"{schema}.{name}", c)) for c, t, n, note in rows]
    return comment, columns
