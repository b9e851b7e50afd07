"""The writer's handle on the warehouse for one flow run.

Only the flow's own process opens the database for writing; tasks that write are
called directly from the flow body (not submitted), so whatever task runner
executes the NLP work, exactly one process and one thread write DuckDB.

The session first takes the warehouse's writer lock file (``warehouse/writer_lock.py``),
which a killed run drops at once, and a completed run publishes the read-only snapshot
that ``newsetl query`` reads before it gives the lock up.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from newsetl.warehouse.connection import checkpointed, writer_connection
from newsetl.warehouse.writer_lock import WriterLock, held_writer_lock, published_snapshot


@dataclass
class WarehouseSession:
    path: Path
    wait_seconds: float = 0.0
    _con: duckdb.DuckDBPyConnection | None = field(default=None, repr=False)
    _lock: WriterLock | None = field(default=None, repr=False)
    snapshot_error: str | None = field(default=None, repr=False)
    snapshot_note: str | None = field(default=None, repr=False)  # what was published, its size and time
    _lock_waited: float = field(default=0.0, repr=False)  # seconds spent queueing for the lock file

    def writer_lock(self, on_wait=None, flow_run_id: str | None = None) -> WriterLock:
        """Return the held writer lock, taking it (and waiting up to ``wait_seconds``) once."""
        if self._lock is None:
            started = time.monotonic()
            self._lock = held_writer_lock(self.path, wait_seconds=self.wait_seconds, on_wait=on_wait,
                                          flow_run_id=flow_run_id)
            self._lock_waited = time.monotonic() - started
        return self._lock

    def connection(self, on_wait=None) -> duckdb.DuckDBPyConnection:
        """Return the open read-write connection, opening (and waiting for the locks) once."""
        if self._con is None:
            self.writer_lock(on_wait)
            # One budget for both waits, wherever the lock was taken (the flow takes it before its first
            # write): time spent queueing for the lock file is not granted again.
            left = max(0.0, self.wait_seconds - self._lock_waited)
            self._con = writer_connection(self.path, wait_seconds=left, on_wait=on_wait)
        return self._con

    @property
    def is_open(self) -> bool:
        """Return True once ``connection()`` opened the warehouse (and until ``close``)."""
        return self._con is not None

    def close(self, publish: bool = False) -> None:
        """Close the connection; with ``publish``, checkpoint first and then publish the read-only snapshot.

        A snapshot that cannot be written (a full disk) leaves the previous one and is noted in
        ``snapshot_error``: the run's data are committed either way.
        """
        if self._con is None:
            return
        try:
            if publish:
                checkpointed(self._con)
        finally:
            self._con.close()
            self._con = None
        if publish:
            started = time.perf_counter()
            try:
                target = published_snapshot(self.path)
                self.snapshot_note = (f"{target} ({target.stat().st_size / 1e6:.1f} MB) in "
                                      f"{time.perf_counter() - started:.2f} s")
            except OSError as error:
                self.snapshot_error = f"{type(error).__name__}: {error}"

    def release(self) -> None:
        """Close the connection (without publishing) and give the writer lock up."""
        self.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __reduce__(self):
        # Sessions never travel to workers with an open connection or a held lock.
        return (WarehouseSession, (self.path, self.wait_seconds))
