"""A local Prefect server in the background, for ``newsetl server start|stop|status``.

The server runs as ``prefect server start --host HOST --port PORT`` in its own process group.
Its PID file (``newsetl-server.json``: pid, host, port) and its log (``newsetl-server.log``)
live in the Prefect home (``$PREFECT_HOME``, else ``~/.prefect``), beside the ``prefect.db``
the server keeps there. ``stop`` ends the whole process group; a PID file left by a process
that died is reported and removed. Nothing here imports Prefect (the CLI stays fast).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PID_FILE = "newsetl-server.json"
LOG_FILE = "newsetl-server.log"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4200
START_TIMEOUT = 150.0  # seconds; the first start migrates the database (tens of seconds on 2 cores)
STOP_TIMEOUT = 30.0


class ServerError(RuntimeError):
    """The server could not be started or stopped; the message says why, in one line."""


@dataclass(frozen=True)
class ServerState:
    running: bool
    pid: int | None = None
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    stale: bool = False  # a PID file named a process that is gone (the file has been removed)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api"


def prefect_home() -> Path:
    """The Prefect home: ``$PREFECT_HOME``, else ``~/.prefect`` (Prefect's own default)."""
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()


def pid_path(home: Path | None = None) -> Path:
    return (home or prefect_home()) / PID_FILE


def log_path(home: Path | None = None) -> Path:
    return (home or prefect_home()) / LOG_FILE


def _alive(pid: int) -> bool:
    """True if ``pid`` is a live process that is a Prefect server (a reused PID is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            return True
        if not args or not args[0]:  # a zombie: it has exited, only its entry is left
            return False
        return b"prefect" in b" ".join(args) and b"server" in args
    return True


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    """True if ``api_url``/health answers 200."""
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout) as response:
            return response.status == 200
    except (OSError, ValueError):
        return False


def server_state(home: Path | None = None) -> ServerState:
    """The state recorded in the PID file; a stale file (dead process) is removed and reported."""
    path = pid_path(home)
    try:
        record = json.loads(path.read_text())
        pid, host, port = int(record["pid"]), str(record["host"]), int(record["port"])
    except FileNotFoundError:
        return ServerState(running=False)
    except (OSError, ValueError, KeyError, TypeError):
        path.unlink(missing_ok=True)
        return ServerState(running=False, stale=True)
    if _alive(pid):
        return ServerState(running=True, pid=pid, host=host, port=port)
    path.unlink(missing_ok=True)
    return ServerState(running=False, pid=pid, host=host, port=port, stale=True)


def _log_tail(path: Path, lines: int = 5) -> str:
    try:
        tail = path.read_text(errors="replace").strip().splitlines()[-lines:]
    except OSError:
        return ""
    return " | ".join(line.strip() for line in tail if line.strip())


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes of process group ``pgid``, from /proc; [pgid] if /proc is missing and it exists."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return []
        return [pgid]
    members = []
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            members.append(int(stat.parent.name))
    return members


def _signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


def _stop_group(pgid: int, timeout: float) -> None:
    """SIGTERM the group, wait up to ``timeout`` s for every member to exit, then SIGKILL what is left."""
    _signal_group(pgid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while group_members(pgid) and time.monotonic() < deadline:
        try:  # reap it if it is our own child (a test, or a failed start), so it is not a zombie
            os.waitpid(pgid, os.WNOHANG)
        except ChildProcessError:
            pass
        time.sleep(0.2)
    if group_members(pgid):
        _signal_group(pgid, signal.SIGKILL)


def start_server(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, timeout: float = START_TIMEOUT,
                 home: Path | None = None) -> ServerState:
    """Start the server in the background and wait until it answers; return its state.

    Raises ``ServerError`` if one is already recorded as running, another server answers at the
    address, or it does not become healthy within ``timeout`` seconds (then it is stopped).
    """
    home = home or prefect_home()
    state = server_state(home)
    if state.running:
        raise ServerError(f"a server is already running (pid {state.pid}) at {state.url}; "
                          "`newsetl server stop` first")
    wanted = ServerState(running=True, host=host, port=port)
    if healthy(wanted.api_url, timeout=1.0):
        raise ServerError(f"another Prefect server already answers at {wanted.url} (not started by newsetl); "
                          f"use it with PREFECT_API_URL={wanted.api_url}, or pick another --port")
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": "",
           "PREFECT_UI_API_URL": wanted.api_url}  # on a port other than 4200 the UI must be told
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    prefect = Path(sys.executable).with_name("prefect")
    with log_path(home).open("ab") as log:
        process = subprocess.Popen(
            [str(prefect), "server", "start", "--host", host, "--port", str(port)],
            env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    pid_path(home).write_text(json.dumps({"pid": process.pid, "host": host, "port": port}))
    deadline = time.monotonic() + timeout
    while not healthy(wanted.api_url):
        if process.poll() is not None:
            pid_path(home).unlink(missing_ok=True)
            raise ServerError(f"the server exited with code {process.returncode}: {_log_tail(log_path(home))} "
                              f"(log: {log_path(home)})")
        if time.monotonic() > deadline:
            _stop_group(process.pid, STOP_TIMEOUT)
            process.wait(timeout=10)
            pid_path(home).unlink(missing_ok=True)
            raise ServerError(f"the server did not answer {wanted.api_url}/health within {timeout:.0f} s "
                              f"(log: {log_path(home)})")
        time.sleep(0.5)
    return ServerState(running=True, pid=process.pid, host=host, port=port)


def stop_server(home: Path | None = None, timeout: float = STOP_TIMEOUT) -> ServerState:
    """Stop the recorded server's process group and remove its PID file; return the state it had."""
    home = home or prefect_home()
    state = server_state(home)
    if state.running:
        _stop_group(state.pid, timeout)
        pid_path(home).unlink(missing_ok=True)
    return state
