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
# A killed run's slot comes back after this long (the lease is renewed every 75 % of it while alive).
LEASE_SECONDS = 120.0


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


@contextmanager
def warehouse_writer_slot(wait_seconds: float = 0.0, flow_run_id: str | None = None, logger=None,
                          db_path: str | os.PathLike | None = None) -> Iterator[bool]:
    """Hold the writer slot of the warehouse ``db_path`` for the block; yield whether a slot was taken.

    Waits up to ``wait_seconds`` for another run to release it (0: fail at once), then raises
    ``WarehouseLocked`` with the same advice as the DuckDB lock. Without a server it yields False.
    """
    if not writer_limit_enabled():
        yield False
        return
    from uuid import UUID

    from prefect.client.schemas.objects import ConcurrencyLeaseHolder
    from prefect.concurrency._asyncio import AcquireConcurrencySlotTimeoutError, ConcurrencySlotAcquisitionError
    from prefect.concurrency.sync import concurrency

    name = writer_limit_name(db_path)
    if ensured_writer_limit(name=name) and logger:
        logger.info("Created the global concurrency limit %r (1 slot)", name)
    holder = ConcurrencyLeaseHolder(type="flow_run", id=UUID(flow_run_id)) if flow_run_id else None
    if logger and wait_seconds > 0:
        logger.info("Waiting for the warehouse writer slot %r (up to %.0f s)", name, wait_seconds)
    elif logger:
        logger.info("Taking the warehouse writer slot %r (no --wait: fail at once if another run holds it)", name)
    entered = False
    try:
        with concurrency(
            name, occupy=1, lease_duration=LEASE_SECONDS, strict=False, holder=holder,
            timeout_seconds=wait_seconds if wait_seconds > 0 else None,
            max_retries=0 if wait_seconds <= 0 else None,
            # A transient API error while renewing must not kill a run in the middle of a write;
            # the DuckDB file lock still guards the file itself.
            raise_on_lease_renewal_failure=False,
        ):
            entered = True
            if logger:
                logger.info("Holding the warehouse writer slot %r", name)
            yield True
    except (AcquireConcurrencySlotTimeoutError, ConcurrencySlotAcquisitionError) as error:
        if entered or (isinstance(error, ConcurrencySlotAcquisitionError) and not _is_locked(error)):
            raise
        raise WarehouseLocked(
            f"Another flow run holds the Prefect concurrency limit {name!r} (one writer per warehouse file at a "
            f"time). Wait for it to finish or pass --wait SECONDS to queue behind it; see it under "
            f"Concurrency in the Prefect UI (`prefect gcl inspect {name}`)."
        ) from None
