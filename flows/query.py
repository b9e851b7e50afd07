"""Read-only SQL for ``newsetl query``: only reading statements pass, and the file opens read-only."""

from __future__ import annotations

import duckdb

# Statement types that only read. Everything else (INSERT, DELETE, COPY, ATTACH, INSTALL, LOAD,
# SET, CREATE, ...) is refused before execution; the read-only, no-external-access
# connection is the second line of defence.
READING_STATEMENTS = {"SELECT", "EXPLAIN", "PRAGMA", "RELATION"}


class QueryRefused(ValueError):
    """The SQL would write, or reach outside the warehouse."""


def checked_statements(sql: str) -> list:
    """Return the parsed statements of ``sql`` if every one only reads; raise QueryRefused otherwise."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as error:
        raise QueryRefused(f"could not parse the SQL: {error}") from None
    if not statements:
        raise QueryRefused("no SQL statement given")
    for statement in statements:
        kind = statement.type.name
        if kind not in READING_STATEMENTS:
            raise QueryRefused(
                f"`newsetl query` is read-only: a {kind} statement is refused and nothing was changed. "
                "Only SELECT (with WITH, DESCRIBE/SHOW, EXPLAIN) is allowed."
            )
        if kind == "PRAGMA" and not statement.query.strip().lower().startswith(("pragma show", "pragma table_info", "pragma database_size")):
            raise QueryRefused("only PRAGMA show/table_info/database_size are allowed in `newsetl query`.")
    return statements


def query_result(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple]]:
    """Return the column names and rows of the last statement of ``sql`` after checking it only reads."""
    statements = checked_statements(sql)
    relation = None
    for statement in statements:
        relation = con.execute(statement.query)
    columns = [d[0] for d in relation.description] if relation.description else []
    return columns, relation.fetchall()
