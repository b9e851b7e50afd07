"""The writer's handle on the warehouse for one flow run.

Only the flow's own process opens the database for writing; tasks that write are
called directly from the flow body (not submitted), so whatever task runner
executes the NLP work, exactly one process and one thread write DuckDB.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from newsetl.warehouse.connection import writer_connection


@dataclass
class WarehouseSession:
    path: Path
    wait_seconds: float = 0.0
    _con: duckdb.DuckDBPyConnection | None = field(default=None, repr=False)

    def connection(self, on_wait=None) -> duckdb.DuckDBPyConnection:
        """Return the open read-write connection, opening (and waiting for the lock) once."""
        if self._con is None:
            self._con = writer_connection(self.path, wait_seconds=self.wait_seconds, on_wait=on_wait)
        return self._con

    @property
    def is_open(self) -> bool:
        """Return True once ``connection()`` opened the warehouse (and until ``close``)."""
        return self._con is not None

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __reduce__(self):
        # Sessions never travel to workers with an open connection.
        return (WarehouseSession, (self.path, self.wait_seconds))
