"""Shared fixtures: paths, one Prefect test harness and one real Prefect server per session.

Starting Prefect's API costs ~25 s on a 2-core machine, so each is started at
most once per test session, bounded by a timeout, and always stopped.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import settings

from newsetl.settings import apply_prefect_defaults

# Property tests draw the same examples on every run (CI included): a failure is reproducible,
# never a coin toss. Set NEWSETL_HYPOTHESIS_RANDOM=1 to explore new examples locally.
settings.register_profile("newsetl", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile("explore" if os.environ.get("NEWSETL_HYPOTHESIS_RANDOM") else "newsetl")

apply_prefect_defaults()  # newsetl.settings.PREFECT_DEFAULTS, before any test imports prefect

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"
NEWSETL = Path(sys.executable).with_name("newsetl")
SERVER_START_TIMEOUT = 150


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip(f"reference data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture()
def con(tmp_path):
    """A connection to a new, empty warehouse file with the schema applied; closed afterwards."""
    import duckdb

    from newsetl.warehouse.schema import applied_schema

    connection = duckdb.connect(str(tmp_path / "w.duckdb"))
    applied_schema(connection)
    yield connection
    connection.close()


def raw_warehouse(db: Path, texts: list[str], source_uri: str = "file:///inbox/{n}.txt") -> Path:
    """Return ``db``, a new warehouse holding ``texts`` as raw.documents d_1, d_2, ... (run r1)."""
    import duckdb

    from newsetl.warehouse.schema import applied_schema

    connection = duckdb.connect(str(db))
    try:
        applied_schema(connection)
        for n, text in enumerate(texts, 1):
            connection.execute("INSERT INTO raw.documents (document_id, source_uri, raw_text, ingested_at, run_id) "
                               "VALUES (?, ?, ?, now(), 'r1')", [f"d_{n}", source_uri.format(n=n), text])
    finally:
        connection.close()
    return db


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """The warehouse of the five seeds, built once per session without Prefect; copy it before changing it."""
    from tests.helpers.report_warehouses import seed_warehouse

    return seed_warehouse(tmp_path_factory.mktemp("seed-warehouse"))


@pytest.fixture(scope="session")
def prefect_harness(prefect_server):
    """Run flows in this process against the session's Prefect server (its own temporary database).

    One API for the whole session: Prefect's test harness would start a second server
    (~25 s, and its services keep polling until the session ends) for the same purpose.
    """
    import prefect.context
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: prefect_server}):
        # Also the process-global settings, as prefect_test_harness does (contexts copied earlier).
        with prefect.context._temporary_global_settings_context(prefect.context.get_settings_context()):
            yield
            _drain_prefect_workers()


def _drain_prefect_workers() -> None:
    """Send this process's pending logs and events before the server stops (as prefect_test_harness does)."""
    import inspect

    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.utilities.asyncutils import run_coro_as_sync

    async def drain():
        try:
            result = APILogWorker.instance().drain()
            if inspect.isawaitable(result):
                await result
        except RuntimeError:  # never started
            pass
        result = EventsWorker.drain_all()
        if inspect.isawaitable(result):
            await result

    run_coro_as_sync(drain())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """Start a real `prefect server start` on loopback; yield its API URL; stop it afterwards."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_UI_ENABLED": "false", "PREFECT_API_URL": ""}
    log = (home / "server.log").open("w")
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("prefect")), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/api"
    from newsetl.flows.temporary_api import api_healthy
    from tests.helpers.server_logs import SERVER_LOGS

    SERVER_LOGS[url] = home / "server.log"  # for tests that check what the server's services logged
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"prefect server exited early: {(home / 'server.log').read_text()[-2000:]}")
            if api_healthy(url):
                break
            if time.monotonic() > deadline:
                raise RuntimeError("prefect server did not start in time")
            time.sleep(1)
        yield url
    finally:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(timeout=10)
        log.close()


@pytest.fixture()
def cli_env(prefect_server, tmp_path):
    """Environment for running `newsetl` subprocesses against the session's Prefect server."""
    return {**os.environ, "PREFECT_API_URL": prefect_server, "PREFECT_HOME": str(tmp_path / "prefect-home"),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "NEWSETL_DB": str(tmp_path / "news.duckdb")}


def run_cli(args: list[str], env: dict, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `newsetl ARGS` and return the completed process (text output)."""
    return subprocess.run([str(NEWSETL), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def copy_seeds(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, target / path.name)
    return target
