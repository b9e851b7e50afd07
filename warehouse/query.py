"""Read-only SQL for ``newsetl query``: only reading statements pass, and the file opens read-only."""

from __future__ import annotations

import re

import duckdb

# Statement types that only read. Everything else (INSERT, DELETE, COPY, ATTACH, INSTALL, LOAD,
# SET, CREATE, IMPORT, ...) is refused before execution; the read-only, no-external-access
# connection is the second line of defence.
READING_STATEMENTS = {"SELECT", "EXPLAIN", "PRAGMA", "RELATION"}
READING_PRAGMAS = ("pragma show", "pragma table_info", "pragma database_size")

# SQL comments, `-- to end of line` and `/* ... */`; query files open with one.
_LEADING_COMMENTS = re.compile(r"\A(?:\s+|--[^\n]*(?:\n|\Z)|/\*.*?\*/)+", re.DOTALL)
# EXPLAIN ANALYZE (or EXPLAIN (ANALYZE, ...)) executes the statement it explains.
_EXPLAIN_ANALYZE = re.compile(r"\Aexplain\s*(?:\([^)]*\banaly[sz]e\b|analy[sz]e\b)", re.IGNORECASE)
_NO_FILES = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}


class QueryRefused(ValueError):
    """The SQL would write, or reach outside the warehouse."""


def without_leading_comments(sql: str) -> str:
    """Return ``sql`` without the whitespace and SQL comments before its first keyword."""
    return _LEADING_COMMENTS.sub("", sql, count=1)


def _parsed(sql: str, con: duckdb.DuckDBPyConnection | None) -> list:
    """Return DuckDB's statements of ``sql``, parsed where files cannot be reached.

    Parsing is not harmless: DuckDB reads the files named by IMPORT DATABASE while parsing,
    so a connection without external access parses (the module-level one has it).
    """
    parser = con if con is not None else duckdb.connect(":memory:", config=_NO_FILES)
    try:
        return parser.extract_statements(sql)
    except duckdb.PermissionException:
        raise QueryRefused("`newsetl query` is read-only and cannot reach files outside the warehouse (file access is disabled): refused.") from None
    except duckdb.Error as error:
        raise QueryRefused(f"could not parse the SQL: {error}") from None
    finally:
        if con is None:
            parser.close()


def checked_statements(sql: str, con: duckdb.DuckDBPyConnection | None = None) -> list:
    """Return the parsed statements of ``sql`` if every one only reads; raise QueryRefused otherwise."""
    statements = _parsed(sql, con)
    if not statements:
        raise QueryRefused("no SQL statement given")
    for statement in statements:
        kind = statement.type.name
        text = without_leading_comments(statement.query)
        if kind not in READING_STATEMENTS:
            raise QueryRefused(
                f"`newsetl query` is read-only: a {kind} statement is refused and nothing was changed. "
                "Only SELECT (with WITH, DESCRIBE/SHOW, EXPLAIN) is allowed."
            )
        if kind == "EXPLAIN" and _EXPLAIN_ANALYZE.match(_comment_free_head(text).lstrip()):
            raise QueryRefused("EXPLAIN ANALYZE runs the statement it explains: refused in `newsetl query` (plain EXPLAIN is allowed).")
        if kind == "PRAGMA" and not text.lower().startswith(READING_PRAGMAS):
            raise QueryRefused("only PRAGMA show/table_info/database_size are allowed in `newsetl query`.")
    return statements


def _comment_free_head(text: str) -> str:
    """Return the start of ``text`` with comments between its first words removed (``EXPLAIN /*x*/ ANALYZE``)."""
    head = text[:400]
    return re.sub(r"--[^\n]*|/\*.*?\*/", " ", head, flags=re.DOTALL)


def query_result(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple]]:
    """Return the column names and rows of the last statement of ``sql`` after checking it only reads."""
    statements = checked_statements(sql, con)
    relation = None
    try:
        for statement in statements:
            relation = con.execute(statement.query)
    except duckdb.PermissionException:
        raise QueryRefused(
            "`newsetl query` cannot read files outside the warehouse (read_csv, read_text, glob, ...: file access is disabled): refused."
        ) from None
    columns = [d[0] for d in relation.description] if relation.description else []
    return columns, relation.fetchall()
