"""Read-only SQL for ``newsetl query``: only reading statements pass, and the file opens read-only."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

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


DEFAULT_TIMEOUT_SECONDS = 60.0
DEFAULT_MEMORY_LIMIT = "2GB"
_SIZE = re.compile(r"\A\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)?\s*\Z", re.IGNORECASE)
_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
          "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}


class QueryRefused(ValueError):
    """The SQL would write, or reach outside the warehouse."""


class QueryStopped(RuntimeError):
    """The query ran over its time or memory limit and was stopped."""


def size_in_bytes(text: str) -> int:
    """Return the bytes of a size such as ``2GB``, ``512MiB`` or ``1000000``; raise ValueError otherwise."""
    match = _SIZE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a size: use for example 2GB, 512MB or 512MiB")
    return int(float(match.group(1)) * _UNITS[(match.group(2) or "b").lower()])


@contextmanager
def address_space_limited(extra_bytes: int | None) -> Iterator[None]:
    """Cap this process's address space at its current size plus ``extra_bytes`` for the block (Linux).

    DuckDB's ``memory_limit`` bounds its buffer pool, not the strings of a result being built
    (``repeat('x', 100000000)`` a hundred times is 10 GB in one vector); with the cap, an
    allocation past it fails inside DuckDB as an OutOfMemoryException (or a Python MemoryError),
    and the process lives on.
    """
    try:
        import resource

        import psutil
    except ImportError:  # not on this platform: DuckDB's memory_limit alone
        yield
        return
    if not extra_bytes:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = psutil.Process().memory_info().vms + extra_bytes
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY:
        cap = min(cap, soft)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


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


def query_result(
    con: duckdb.DuckDBPyConnection, sql: str, *, timeout: float | None = None, memory_limit: str | None = None,
) -> tuple[list[str], list[tuple]]:
    """Return the column names and rows of the last statement of ``sql`` after checking it only reads.

    ``timeout`` (seconds) interrupts the query and ``memory_limit`` caps what it may allocate
    (the reader connection should carry the same ``memory_limit``); either raises QueryStopped.
    """
    statements = checked_statements(sql, con)
    relation = None
    timer = threading.Timer(timeout, con.interrupt) if timeout and timeout > 0 else None
    try:
        with address_space_limited(size_in_bytes(memory_limit) if memory_limit else None):
            if timer:
                timer.start()
            for statement in statements:
                relation = con.execute(statement.query)
            columns = [d[0] for d in relation.description] if relation.description else []
            rows = relation.fetchall()
    except duckdb.PermissionException:
        raise QueryRefused(
            "`newsetl query` cannot read files outside the warehouse (read_csv, read_text, glob, ...: file access is disabled): refused."
        ) from None
    except duckdb.InterruptException:
        raise QueryStopped(f"the query was stopped after --timeout {timeout:g} s; pass --timeout SECONDS to allow longer (0: no limit)") from None
    except (duckdb.OutOfMemoryException, MemoryError):
        relation = None
        raise QueryStopped(
            f"the query was stopped at --memory-limit {memory_limit}: it needed more memory. Select fewer or "
            "shorter values (LIMIT, left(text, N)), or pass a higher --memory-limit"
        ) from None
    finally:
        if timer:
            timer.cancel()
    return columns, rows
