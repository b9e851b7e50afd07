"""The one transaction helper: every multi-statement write in ``warehouse/`` goes through it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb


def rolled_back(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction; none open (DuckDB already ended it, e.g. an interrupted COMMIT) is fine."""
    try:
        con.execute("ROLLBACK")
    except duckdb.TransactionException:
        pass


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run the ``with`` body in one transaction: COMMIT at the end, ROLLBACK on any exception.

    A cancel (SIGTERM/Ctrl-C) landing mid-transaction is a ``BaseException`` and rolls back too.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        rolled_back(con)
        raise
