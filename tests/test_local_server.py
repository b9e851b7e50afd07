"""`newsetl server start|stop|status`: PID file handling, and (slow) a real start, status and stop."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SERVER_START_TIMEOUT, _free_port, run_cli


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def _write_pid(home, pid, port=4200):
    home.mkdir(parents=True, exist_ok=True)
    (home / "newsetl-server.json").write_text(json.dumps({"pid": pid, "host": "127.0.0.1", "port": port}))


@pytest.mark.parametrize("content", [None, "not json", json.dumps({"pid": "x"})])
def test_a_stale_or_broken_pid_file_is_reported_and_removed(tmp_path, content):
    from newsetl.flows.local_server import server_state

    home = tmp_path / "prefect-home"
    if content is None:
        _write_pid(home, _dead_pid())
    else:
        home.mkdir()
        (home / "newsetl-server.json").write_text(content)
    state = server_state(home)
    assert state.stale and not state.running
    assert not (home / "newsetl-server.json").exists()
    assert not server_state(home).stale  # reported once, then simply "not running"


def test_a_reused_pid_that_is_not_a_prefect_server_counts_as_stale(tmp_path):
    from newsetl.flows.local_server import server_state

    other = subprocess.Popen(["sleep", "30"])
    try:
        _write_pid(tmp_path, other.pid)
        state = server_state(tmp_path)
        assert state.stale and not state.running
        assert other.poll() is None  # never signalled
    finally:
        other.kill()
        other.wait()


@pytest.mark.parametrize("command, expected, code", [
    (["server", "status"], "not running (no PID file", 1),
    (["server", "stop"], "not running (no PID file)", 0),
])
def test_status_and_stop_without_a_server(tmp_path, command, expected, code):
    from typer.testing import CliRunner

    from newsetl.flows.cli import app

    result = CliRunner().invoke(app, command, env={"PREFECT_HOME": str(tmp_path)})
    assert result.exit_code == code, result.output
    assert expected in result.output


def test_status_reports_a_stale_pid_file(tmp_path):
    from typer.testing import CliRunner

    from newsetl.flows.cli import app

    _write_pid(tmp_path, _dead_pid(), port=4311)
    result = CliRunner().invoke(app, ["server", "status"], env={"PREFECT_HOME": str(tmp_path)})
    assert result.exit_code == 1
    assert "stale PID file" in result.output and not (tmp_path / "newsetl-server.json").exists()


def test_stop_and_status_with_another_port_leave_the_recorded_server_alone(tmp_path):
    """`--port` names the server meant: the one recorded under this PREFECT_HOME on another port is not stopped."""
    from typer.testing import CliRunner

    from newsetl.flows.cli import app

    # A stand-in whose command line reads like a Prefect server's (what the PID check looks for).
    fake = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "prefect", "server"],
                            start_new_session=True)
    port = _free_port()
    env = {"PREFECT_HOME": str(tmp_path)}
    try:
        _write_pid(tmp_path, fake.pid, port=port)
        other = port + 1 if port < 65535 else port - 1
        for command in (["server", "stop", "--port", str(other)], ["server", "status", "--port", str(other)]):
            result = CliRunner().invoke(app, command, env=env)
            assert result.exit_code == 1, result.output
            assert f"runs on port {port}, not {other}" in result.output
        assert fake.poll() is None and (tmp_path / "newsetl-server.json").exists()

        status = CliRunner().invoke(app, ["server", "status", "--port", str(port)], env=env)
        assert status.exit_code == 0 and f"running (pid {fake.pid})" in status.output
        stopped = CliRunner().invoke(app, ["server", "stop", "--port", str(port)], env=env)
        assert stopped.exit_code == 0 and f"stopped the Prefect server (pid {fake.pid})" in stopped.output
        assert fake.wait(timeout=30) is not None
    finally:
        if fake.poll() is None:
            fake.kill()
            fake.wait()


@pytest.mark.slow
def test_server_start_status_stop(tmp_path):
    """A real background server: start answers /api/health, status sees it, stop ends its process group."""
    from newsetl.flows.local_server import group_members

    home = tmp_path / "prefect-home"
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_API_URL": ""}
    api = f"http://127.0.0.1:{port}/api"
    pid_file = home / "newsetl-server.json"
    try:
        started = run_cli(["server", "start", "--port", str(port), "--timeout", str(SERVER_START_TIMEOUT)],
                          env, cwd=ROOT, timeout=SERVER_START_TIMEOUT + 60)
        if started.returncode != 0 and "did not answer" in started.stderr:
            pytest.skip(f"the Prefect server did not start within {SERVER_START_TIMEOUT} s on this machine")
        assert started.returncode == 0, started.stderr
        assert f"export PREFECT_API_URL={api}" in started.stdout
        pid = json.loads(pid_file.read_text())["pid"]
        assert (home / "newsetl-server.log").exists()

        again = run_cli(["server", "start", "--port", str(port)], env, timeout=60)
        assert again.returncode == 1 and "already running" in again.stderr

        status = run_cli(["server", "status", "--port", str(port)], env, timeout=60)
        assert status.returncode == 0 and f"running (pid {pid})" in status.stdout and "healthy" in status.stdout

        stopped = run_cli(["server", "stop"], env, timeout=90)
        assert stopped.returncode == 0 and f"stopped the Prefect server (pid {pid})" in stopped.stdout
        assert not pid_file.exists()
        assert group_members(pid) == []  # the whole process group is gone
        status = run_cli(["server", "status"], env, timeout=60)
        assert status.returncode == 1 and "not running" in status.stdout
    finally:
        if pid_file.exists():  # a failed assertion: never leave the server behind
            from newsetl.flows.local_server import stop_server

            stop_server(home)
