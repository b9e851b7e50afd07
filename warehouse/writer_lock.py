"""The writer's lock file beside the warehouse, and the read-only snapshot a completed run publishes.

``news.duckdb.writer.lock`` is held with ``flock`` for the whole of a run, before the Prefect
writer slot is taken and until after it is released. The kernel drops a ``flock`` when its
holder's process ends, however it ends, so a run killed with ``kill -9`` frees the lock at
once. While held, the file names the holder (PID, host, start time, flow run, Prefect lease);
a clean release empties it. A run that takes the lock and finds a record left in it therefore
knows that writer died without releasing (``WriterLock.previous``), and whether it ran on this
host: the Prefect slot it leaked can be given back at once instead of after the lease.

``news.snapshot.duckdb`` is a copy of the warehouse as the last completed run left it,
replaced atomically (``os.replace``) at the end of every completed run. Readers open the
snapshot, never the file being written, so a query never waits on a run and a run never
waits on (or fails because of) a query.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from newsetl.warehouse.connection import LockBusy, waited_while_locked

FICLONE = 0x40049409  # Linux ioctl: copy-on-write clone (btrfs, XFS); else a plain copy


def writer_lock_path(db_path: Path) -> Path:
    """Return the lock file of the warehouse ``db_path``: ``<name>.writer.lock`` beside it."""
    return db_path.with_name(db_path.name + ".writer.lock")


def snapshot_path(db_path: Path) -> Path:
    """Return the read-only snapshot of ``db_path``: ``news.duckdb`` -> ``news.snapshot.duckdb``."""
    return db_path.with_name(f"{db_path.stem}.snapshot{db_path.suffix or '.duckdb'}")


def holder_text(record: dict | None) -> str:
    """Return who a lock record names, for messages: ``process 123 on host h since 2026-12-03T14:00:00Z``."""
    if not record:
        return "another process"
    text = f"process {record.get('pid')} on host {record.get('host')} since {record.get('started_at')}"
    return text + (f" (flow run {record['flow_run_id']})" if record.get("flow_run_id") else "")


def _record(fd: int) -> dict | None:
    os.lseek(fd, 0, os.SEEK_SET)
    data = b""
    while chunk := os.read(fd, 65536):
        data += chunk
    try:
        record = json.loads(data) if data.strip() else None
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _write(fd: int, record: dict | None) -> None:
    os.ftruncate(fd, 0)
    if record:
        os.pwrite(fd, json.dumps(record, sort_keys=True).encode(), 0)
    os.fsync(fd)


def current_holder(db_path: Path) -> dict | None:
    """Return the record of the live process holding the writer lock of ``db_path``, or None if no one holds it."""
    path = writer_lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _record(fd) or {}
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


@dataclass
class WriterLock:
    """A held writer lock. ``previous``: the record a writer that died left behind (None after a clean release)."""

    path: Path
    fd: int
    record: dict
    previous: dict | None = None
    _released: bool = field(default=False, repr=False)

    @property
    def previous_died_here(self) -> bool:
        """True if the previous writer died without releasing and ran on this host (so it is surely gone)."""
        return bool(self.previous) and self.previous.get("host") == self.record["host"]

    def note(self, **fields) -> None:
        """Add ``fields`` (flow run id, Prefect lease id) to the record the lock file shows."""
        self.record.update({k: v for k, v in fields.items() if v is not None})
        _write(self.fd, self.record)

    def release(self) -> None:
        """Empty the record (a clean end) and drop the lock; idempotent."""
        if self._released:
            return
        self._released = True
        try:
            _write(self.fd, None)
        finally:
            os.close(self.fd)  # closing the last descriptor drops the flock


def held_writer_lock(db_path: Path, *, wait_seconds: float = 0.0, on_wait: Callable[[str], None] | None = None,
                     poll_seconds: float = 0.5, flow_run_id: str | None = None) -> WriterLock:
    """Take the writer lock of ``db_path``, waiting up to ``wait_seconds``; raise ``WarehouseLocked`` naming the holder."""
    path = writer_lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)

    def attempt() -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockBusy(holder_text(_record(fd))) from None

    try:
        waited_while_locked(db_path, attempt, wait_seconds=wait_seconds, on_wait=on_wait, poll_seconds=poll_seconds)
        previous = _record(fd)
        record = {"pid": os.getpid(), "host": socket.gethostname(),
                  "started_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
        if flow_run_id:
            record["flow_run_id"] = flow_run_id
        _write(fd, record)
    except BaseException:
        os.close(fd)
        raise
    return WriterLock(path, fd, record, previous)


def _cloned_or_copied(source: Path, target: Path) -> None:
    with source.open("rb") as src, target.open("wb") as dst:
        try:
            fcntl.ioctl(dst.fileno(), FICLONE, src.fileno())
            return
        except OSError as error:
            if error.errno not in (errno.EOPNOTSUPP, errno.EXDEV, errno.EINVAL, errno.ENOTTY, errno.EBADF):
                raise
        shutil.copyfile(source, target)  # sendfile on Linux


def published_snapshot(db_path: Path) -> Path:
    """Copy the closed, checkpointed warehouse ``db_path`` to its snapshot, atomically; return the snapshot's path.

    Call it with the warehouse closed and the writer lock held (nothing writes the file during the copy).
    Readers that have the old snapshot open keep reading it (they hold its inode).
    """
    target = snapshot_path(db_path)
    for stale in target.parent.glob(target.name + ".tmp-*"):  # a copy a killed run left half-written
        stale.unlink(missing_ok=True)
    partial = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    try:
        _cloned_or_copied(db_path, partial)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def readable_warehouse(db_path: Path) -> Path:
    """Return the file readers should open: the snapshot of ``db_path`` if one was published, else ``db_path``."""
    snapshot = snapshot_path(db_path)
    return snapshot if snapshot.exists() else db_path
