"""Prefect's flow-run heartbeats for a foreground ``newsetl run``: off unless the user sets them.

Prefect 3.8 sends a heartbeat every 180 s by default, from a thread that the flow joins when it
ends; that thread wakes once a second, so each run waits up to a second more at its end. The
heartbeats only help a server's automations mark a crashed run: a temporary API dies with the
run's process, and a foreground run's terminal already shows a crash. Served and deployed runs
(``newsetl serve``, workers) keep Prefect's setting.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

# The setting's variables in Prefect 3.8 (the second is its legacy alias).
HEARTBEAT_ENVS = ("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY")


def heartbeats_requested(environ: dict[str, str] | None = None, profile_keys: set[str] | None = None) -> bool:
    """Return True if the environment or the active Prefect profile sets the heartbeat frequency."""
    environ = os.environ if environ is None else environ
    return any(environ.get(name) for name in HEARTBEAT_ENVS) or bool(set(HEARTBEAT_ENVS) & (profile_keys or set()))


@contextmanager
def foreground_heartbeats() -> Iterator[bool]:
    """Yield True when heartbeats stay on (the user asked for them); otherwise turn them off inside."""
    import prefect.context
    from prefect.settings import temporary_settings

    profile = prefect.context.get_settings_context().profile
    profile_keys = {getattr(key, "name", str(key)).upper() for key in profile.settings} if profile else set()
    if heartbeats_requested(profile_keys=profile_keys):
        yield True
        return
    with temporary_settings(updates={"flows.heartbeat_frequency": None}):
        yield False
