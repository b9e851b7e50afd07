"""Prefect's temporary API server, started before Prefect is imported.

Without ``PREFECT_API_URL`` Prefect starts its temporary API on first use: the flow
process first imports Prefect's whole server package (~2 s of CPU more than the flow
needs) just to launch ``uvicorn prefect.server.api.server:create_app`` in a subprocess,
then waits for it (~5 s of CPU to import and migrate). ``started_temporary_api`` launches
the same command, with the same environment, *before* this process imports Prefect and
the pipeline, so on two cores the server's start-up and the flow's imports overlap, and
the server package is never imported here. The run then talks to it through
``PREFECT_API_URL`` like to any server; ``is_temporary_api`` lets the writer slot treat it
as private (flows/writer_slot.py), as Prefect's own temporary API is.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import closing
from pathlib import Path

from newsetl import settings

URL_ENV = "NEWSETL_TEMPORARY_API_URL"  # set while a run uses its own temporary API
_PORT_IN_USE = 3  # uvicorn's exit code when the port was taken between choosing and binding it


def is_temporary_api(url: str | None) -> bool:
    """Return True if ``url`` is the temporary API this process (or the run that spawned it) started."""
    own = os.environ.get(URL_ENV)
    return bool(url and own) and url.rstrip("/") == own.rstrip("/")


def api_healthy(api_url: str) -> bool:
    """Return True if the Prefect API at ``api_url`` answers ``/health`` with 200."""
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TemporaryApi:
    """A ``uvicorn`` process serving Prefect's API on 127.0.0.1, as Prefect's ``SubprocessASGIServer`` runs it."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.started = time.monotonic()
        self.process = self._spawned()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _spawned(self) -> subprocess.Popen:
        prefect_dir = Path(importlib.util.find_spec("prefect").origin).parent  # found, not imported
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
        env.pop("PREFECT_API_URL", None)
        return subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(prefect_dir.parent), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env=env, stdin=subprocess.DEVNULL,
        )

    def wait_until_healthy(self, timeout: float) -> None:
        """Return once ``/api/health`` answers 200; raise RuntimeError if the server exits or ``timeout`` passes."""
        deadline = self.started + timeout
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code == _PORT_IN_USE:
                self.port = _free_port()
                self.process = self._spawned()
                continue
            if code is not None:
                raise RuntimeError(f"Prefect's temporary API exited with code {code} before answering")
            if api_healthy(self.api_url):
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"Prefect's temporary API did not answer within {timeout:.0f} s "
                           "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")

    def stop(self, grace: float = 5.0) -> None:
        """SIGTERM the server, then SIGKILL it after ``grace`` seconds."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def startup_timeout() -> float:
    """Return Prefect's ephemeral start-up timeout (``PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS``)."""
    settings.apply_prefect_defaults()
    return float(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"])
