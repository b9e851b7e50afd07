"""Reading a test warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb


def rows(db: Path, sql: str, params=None) -> list[tuple]:
    """Return the rows ``sql`` selects from warehouse ``db``, opened read-only and closed again."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()
