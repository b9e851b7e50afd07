"""Opening the warehouse: one writer process at a time, readers read-only.

DuckDB lets exactly one process open a database file for writing. A second writer
(or a reader while a run holds the file) gets a lock error; these helpers turn
it into a clear ``WarehouseLocked`` message, and writers can wait for the lock.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb

from newsetl import settings
from newsetl.warehouse.paths import DEFAULT_DB, resolved_db_path  # noqa: F401  (re-exported)

# DuckDB checkpoints (writes the WAL into the file) every 16 MB of WAL by default, and a
# checkpoint costs more the bigger the warehouse. Profiling loads of 2,000 analysed synthetic
# articles at a time: 0.9 s each into an empty warehouse, 2.3-4.5 s once it held 30,000-80,000;
# with settings.CHECKPOINT_THRESHOLD = 128 MB, 0.5-0.6 s throughout (a checkpoint every ~15,000
# articles). A crash leaves up to this much WAL to replay on the next open.
CHECKPOINT_THRESHOLD = settings.CHECKPOINT_THRESHOLD
DEFAULT_WRITER_MEMORY_LIMIT = settings.WRITER_MEMORY_LIMIT
T = TypeVar("T")


class WarehouseLocked(RuntimeError):
    """The database file is held by another process (usually a running pipeline)."""


class WarehouseMissing(FileNotFoundError):
    """The database file does not exist yet."""


def _lock_holder(error: Exception) -> str:
    match = re.search(r"\(PID (\d+)\)", str(error))
    return f"process {match.group(1)}" if match else "another process"


def writer_memory_limit() -> str:
    """Return DuckDB's memory limit for the writer ($NEWSETL_DUCKDB_MEMORY_LIMIT, default 384MB).

    DuckDB's default is 80 % of RAM, and its buffer pool keeps the pages of everything
    loaded so far: at 100,000 articles the flow process reached 1.5 GB. Bounded, it
    evicts pages (they are on disk already) and spills large joins to a temp directory.
    """
    return settings.writer_memory_limit()


def _is_lock_error(error: Exception) -> bool:
    text = str(error).lower()
    return "lock" in text and ("conflicting" in text or "could not set lock" in text)


class LockBusy(Exception):
    """Raised by an attempt passed to ``waited_while_locked``: the file is held by ``holder``."""

    def __init__(self, holder: str):
        super().__init__(holder)
        self.holder = holder


def waited_while_locked(path: Path, attempt: Callable[[], T], *, wait_seconds: float = 0.0,
                        on_wait: Callable[[str], None] | None = None, poll_seconds: float = 1.0) -> T:
    """Return ``attempt()``, retrying while it raises ``LockBusy`` for up to ``wait_seconds``.

    Then raises WarehouseLocked naming the holder; ``on_wait`` hears once that the run is waiting.
    """
    deadline = time.monotonic() + wait_seconds
    announced = False
    while True:
        try:
            return attempt()
        except LockBusy as busy:
            if time.monotonic() >= deadline:
                raise WarehouseLocked(
                    f"The warehouse {path} is locked by {busy.holder}, probably a running "
                    f"`newsetl run`. One writer at a time; wait for it to finish "
                    f"or pass --wait SECONDS to queue behind it."
                ) from None
            if on_wait and not announced:
                on_wait(f"The warehouse {path} is locked by {busy.holder}; waiting up to {wait_seconds:.0f} s.")
                announced = True
            time.sleep(poll_seconds)


def writer_connection(
    path: Path,
    *,
    wait_seconds: float = 0.0,
    on_wait: Callable[[str], None] | None = None,
    poll_seconds: float = 1.0,
) -> duckdb.DuckDBPyConnection:
    """Return a read-write connection, waiting up to ``wait_seconds`` for another writer to finish.

    Raises WarehouseLocked with the holder's PID if the file stays locked.
    """
    path.parent.mkdir(parents=True, exist_ok=True)

    def attempt() -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(
                str(path), config={"memory_limit": writer_memory_limit(), "checkpoint_threshold": CHECKPOINT_THRESHOLD}
            )
        except duckdb.IOException as error:
            if not _is_lock_error(error):
                raise
            raise LockBusy(_lock_holder(error)) from None

    return waited_while_locked(path, attempt, wait_seconds=wait_seconds, on_wait=on_wait, poll_seconds=poll_seconds)


def reader_connection(path: Path, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """Return a read-only connection with every door to other files closed.

    External access (read_csv, COPY, ATTACH of other files, INSTALL/LOAD) is disabled
    and the configuration is locked so SQL cannot re-enable it (nor raise ``memory_limit``).
    """
    bounded = {"memory_limit": memory_limit} if memory_limit else {}
    if not path.exists():
        raise WarehouseMissing(f"No warehouse at {path}. Run `newsetl run` first, or pass --db.")
    try:
        return duckdb.connect(
            str(path),
            read_only=True,
            config={
                "enable_external_access": False,
                "autoinstall_known_extensions": False,
                "autoload_known_extensions": False,
                "lock_configuration": True,
                **bounded,
            },
        )
    except duckdb.IOException as error:
        if _is_lock_error(error):
            raise WarehouseLocked(
                f"The warehouse {path} is being written by {_lock_holder(error)} (a running "
                f"pipeline). DuckDB does not allow readers while a writer holds the file; "
                f"try again when the run has finished."
            ) from None
        raise


def checkpointed(con: duckdb.DuckDBPyConnection) -> None:
    """Write the write-ahead log into the database file, so that a plain copy of the file is the whole warehouse."""
    con.execute("CHECKPOINT")
