"""One warehouse writer at a time across flow runs: a Prefect global concurrency limit.

DuckDB's file lock already stops a second *process on the same host* from
opening the warehouse (``warehouse/connection.py``); the Prefect limit
``newsetl-warehouse-writer`` (one slot) serialises runs wherever they execute -
served deployments, process workers on other machines writing a warehouse on a
shared volume (where file locks are unreliable), manual ``newsetl run``s - and
shows who holds the slot in the UI (Concurrency page).

The slot is taken only when a Prefect server is configured (``PREFECT_API_URL``).
With the ephemeral API every process starts its own short-lived server, so a
slot could not be seen by the other process, and a crashed run's lease would
outlive the server that was meant to expire it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from prefect.settings import get_current_settings

from newsetl import settings
from newsetl.warehouse.connection import WarehouseLocked
from newsetl.warehouse.writer_lock import WriterLock

WRITER_LIMIT = "newsetl-warehouse-writer"  # the prefix: each warehouse file has its own limit


def writer_limit_name(db_path: str | os.PathLike | None = None) -> str:
    """Return the writer limit of one warehouse file: ``newsetl-warehouse-writer-<12 hex of its resolved path>``.

    Runs into different files never wait for each other; the same file reached by a relative
    path, an absolute one or a symlink gets the same name. Without a path: the bare prefix.
    """
    if db_path is None:
        return WRITER_LIMIT
    import hashlib
    from pathlib import Path

    resolved = str(Path(db_path).expanduser().resolve())
    return f"{WRITER_LIMIT}-{hashlib.blake2b(resolved.encode(), digest_size=6).hexdigest()}"


# A killed run's lease runs out after settings.writer_lease_seconds() (renewed every 75 % of it while alive); the next run
# on the same host gives it back at once (its lock file shows the holder died: reclaimed_dead_holder).


def _is_own_temporary_api(url: str) -> bool:
    """Return True if ``url`` is a temporary API server this process started (flows/runners.py shares one with its workers)."""
    from newsetl.flows.temporary_api import is_temporary_api

    if is_temporary_api(url):
        return True
    server_module = sys.modules.get("prefect.server.api.server")
    if server_module is None:
        return False
    servers = list(server_module.SubprocessASGIServer._instances.values())
    return any(server.running and server.api_url == url.rstrip("/") for server in servers)


def writer_limit_enabled() -> bool:
    """Return True when runs should take the Prefect writer slot (a server is configured and not switched off).

    A temporary API started by this process is private to it and dies with it, like the ephemeral API.
    """
    if not settings.writer_limit_switched_on():
        return False
    url = get_current_settings().api.url
    return bool(url) and not _is_own_temporary_api(url)


def ensured_writer_limit(limit: int = 1, name: str = WRITER_LIMIT) -> bool:
    """Create the global concurrency limit if it is missing; return True if this call created it.

    An existing limit is left as it is (an operator may have changed or deactivated it on purpose).
    """
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
    from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

    with get_client(sync_client=True) as client:
        try:
            client.read_global_concurrency_limit_by_name(name)
            return False
        except ObjectNotFound:
            pass
        try:
            client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=limit))
            return True
        except ObjectAlreadyExists:  # another run created it a moment ago
            return False


def _is_locked(error: BaseException) -> bool:
    cause = error.__cause__
    return isinstance(cause, httpx.HTTPStatusError) and cause.response.status_code == 423


def reclaimed_dead_holder(previous: dict, name: str, logger=None) -> bool:
    """Give back the Prefect slot of a writer that died on this host, and mark its flow run Crashed; return True if done.

    ``previous`` is the record a dead run left in the warehouse's lock file (``WriterLock.previous``):
    taking the lock proves its process is gone, so its lease need not run out (``settings.writer_lease_seconds()``).
    Only the lease named there is released, never another holder's.
    """
    from uuid import UUID

    from prefect.client.orchestration import get_client
    from prefect.concurrency._sync import release_concurrency_slots_with_lease
    from prefect.states import Crashed

    lease_id = previous.get("lease_id")
    if not lease_id or previous.get("writer_limit", name) != name:
        return False
    release_concurrency_slots_with_lease(UUID(lease_id))
    flow_run_id = previous.get("flow_run_id")
    if flow_run_id:
        with get_client(sync_client=True) as client:
            try:
                state = client.read_flow_run(UUID(flow_run_id)).state
                if state is None or not state.is_final():
                    client.set_flow_run_state(UUID(flow_run_id), Crashed(
                        message=f"process {previous.get('pid')} on {previous.get('host')} died while writing the "
                                f"warehouse (found by the next run)"), force=True)
            except Exception as error:  # the slot is back; a stale UI state must not stop the run
                if logger:
                    logger.warning("Could not mark flow run %s Crashed: %s", flow_run_id, error)
    if logger:
        logger.warning("The previous writer (process %s on %s, started %s, flow run %s) died without releasing; "
                       "its writer slot %r was released at once", previous.get("pid"), previous.get("host"),
                       previous.get("started_at"), flow_run_id, name)
    return True


@contextmanager
def warehouse_writer_slot(wait_seconds: float = 0.0, flow_run_id: str | None = None, logger=None,
                          db_path: str | os.PathLike | None = None, lock: WriterLock | None = None) -> Iterator[bool]:
    """Hold the writer slot of the warehouse ``db_path`` for the block; yield whether a slot was taken.

    Waits up to ``wait_seconds`` for another run to release it (0: fail at once), then raises
    ``WarehouseLocked`` with the same advice as the DuckDB lock. Without a server it yields False.

    ``lock``, the warehouse's lock file already held by this run, records the lease; when it shows
    that the previous writer died on this host, that writer's lease is released first.
    """
    if not writer_limit_enabled():
        yield False
        return
    from uuid import UUID

    from prefect.client.schemas.objects import ConcurrencyLeaseHolder
    from prefect.concurrency._asyncio import (AcquireConcurrencySlotTimeoutError, ConcurrencySlotAcquisitionError,
                                              _discard_cleanup_lease)
    from prefect.concurrency._events import emit_concurrency_acquisition_events, emit_concurrency_release_events
    from prefect.concurrency._leases import maintain_concurrency_lease
    from prefect.concurrency._sync import acquire_concurrency_slots_with_lease, release_concurrency_slots_with_lease

    name = writer_limit_name(db_path)
    if ensured_writer_limit(name=name) and logger:
        logger.info("Created the global concurrency limit %r (1 slot)", name)
    if lock is not None and lock.previous_died_here:
        reclaimed_dead_holder(lock.previous, name, logger)
    holder = ConcurrencyLeaseHolder(type="flow_run", id=UUID(flow_run_id)) if flow_run_id else None
    if logger and wait_seconds > 0:
        logger.info("Waiting for the warehouse writer slot %r (up to %.0f s)", name, wait_seconds)
    elif logger:
        logger.info("Taking the warehouse writer slot %r (no --wait: fail at once if another run holds it)", name)
    try:
        # concurrency() would hide the lease id; the lock file needs it for a takeover after kill -9.
        acquired = acquire_concurrency_slots_with_lease(
            [name], 1, lease_duration=settings.writer_lease_seconds(), strict=False, holder=holder,
            timeout_seconds=wait_seconds if wait_seconds > 0 else None,
            max_retries=0 if wait_seconds <= 0 else None,
        )
    except (AcquireConcurrencySlotTimeoutError, ConcurrencySlotAcquisitionError) as error:
        if isinstance(error, ConcurrencySlotAcquisitionError) and not _is_locked(error):
            raise
        raise WarehouseLocked(
            f"Another flow run holds the Prefect concurrency limit {name!r} (one writer per warehouse file at a "
            f"time). Wait for it to finish or pass --wait SECONDS to queue behind it; see it under "
            f"Concurrency in the Prefect UI (`prefect gcl inspect {name}`)."
        ) from None
    if not acquired.limits:  # the limit is inactive: nothing to hold
        yield False
        return
    if lock is not None:
        lock.note(lease_id=str(acquired.lease_id), writer_limit=name)
    events = emit_concurrency_acquisition_events(acquired.limits, 1)
    try:
        # A transient API error while renewing must not kill a run in the middle of a write;
        # the DuckDB file lock still guards the file itself.
        with maintain_concurrency_lease(acquired.lease_id, settings.writer_lease_seconds(), raise_on_lease_renewal_failure=False):
            if logger:
                logger.info("Holding the warehouse writer slot %r", name)
            yield True
    finally:
        try:
            release_concurrency_slots_with_lease(acquired.lease_id)
            _discard_cleanup_lease(acquired.lease_id)
        finally:
            emit_concurrency_release_events(acquired.limits, 1, events)
