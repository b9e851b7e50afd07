"""Scheduled runs fire: `newsetl serve --interval 30` against a real server's scheduler.

The other serve test creates runs through the API, which works even when the scheduler
service is broken (sqlalchemy 2.1 made every `schedule_deployments` loop fail, issue 19).
Here nothing creates a run but the server's scheduler.
"""

from __future__ import annotations

import re
import os
import uuid

import pytest

from tests.conftest import copy_seeds
from tests.helpers.operations import api_client, rows, served_deployment, started, stop, wait_for
from tests.helpers.server_logs import SERVER_LOGS

SCHEDULER_ERRORS = ("Can't evaluate bulk DML statement", "InvalidRequestError")


@pytest.fixture()
def scheduling_server(request):
    """The session's real Prefect server; skip (with its reason) when it cannot start here."""
    try:
        return request.getfixturevalue("prefect_server")
    except RuntimeError as error:  # conftest raises RuntimeError when the server exits or times out
        pytest.skip(f"no Prefect server: {str(error)[-500:]}")


@pytest.mark.slow
@pytest.mark.timeout(420)
def test_an_interval_schedule_fires_and_its_run_completes_within_120_s(scheduling_server, tmp_path):
    from prefect.client.schemas.filters import (FlowRunFilter, FlowRunFilterDeploymentId, FlowRunFilterState,
                                                FlowRunFilterStateType)
    from prefect.client.schemas.objects import StateType

    inbox = copy_seeds(tmp_path / "inbox")
    db = tmp_path / "scheduled.duckdb"
    name = f"scheduled-{uuid.uuid4().hex[:6]}"
    env = {**os.environ, "PREFECT_API_URL": scheduling_server, "PREFECT_HOME": str(tmp_path / "prefect-home"),
           "PREFECT_RUNNER_POLL_FREQUENCY": "2"}
    serve = started(["serve", str(inbox), "--interval", "30", "--db", str(db), "--name", name], env, tmp_path / "serve.log")
    try:
        with api_client(scheduling_server) as client:
            found = served_deployment(client, serve, tmp_path / "serve.log", name, 180)
            finished = FlowRunFilter(
                deployment_id=FlowRunFilterDeploymentId(any_=[found.id]),
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.COMPLETED, StateType.FAILED, StateType.CRASHED])),
            )

            def completed_scheduled_run():
                # auto_scheduled: created by the server's scheduler, not through the API.
                runs = [r for r in client.read_flow_runs(flow_run_filter=finished) if r.auto_scheduled]
                assert all(r.state.is_completed() for r in runs), [r.state for r in runs]
                return runs[0] if runs else None

            run = wait_for(completed_scheduled_run, 120, "a completed scheduled run of the deployment", interval=2)
    finally:
        stop(serve)
    [(status, loaded)] = rows(db, "SELECT status, documents_loaded FROM marts.pipeline_runs WHERE flow_run_id = ?", [str(run.id)])
    assert (status, loaded) == ("completed", 5)
    log = SERVER_LOGS[scheduling_server].read_text(errors="replace")
    assert not any(error in log for error in SCHEDULER_ERRORS), "the scheduler logged errors"


@pytest.mark.slow
@pytest.mark.timeout(420)
def test_prefect_deploy_all_from_prefect_yaml_exits_0_and_deployment_ls_lists_them(scheduling_server, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from tests.conftest import ROOT

    prefect = str(Path(sys.executable).with_name("prefect"))
    env = {**os.environ, "PREFECT_API_URL": scheduling_server, "PREFECT_HOME": str(tmp_path / "prefect-home"),
           "COLUMNS": "200"}  # `deployment ls` truncates names to the terminal width

    def prefect_cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([prefect, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)

    pool = prefect_cli("work-pool", "create", "newsetl-process", "--type", "process", "--overwrite")
    assert pool.returncode == 0, pool.stdout[-2000:] + pool.stderr[-2000:]
    names = ["newsetl-pipeline/newsetl-inbox", "newsetl-pipeline/newsetl-reprocess"]
    try:
        deployed = prefect_cli("--no-prompt", "deploy", "--all")
        assert deployed.returncode == 0, deployed.stdout[-3000:] + deployed.stderr[-3000:]
        listed = prefect_cli("deployment", "ls")
        assert listed.returncode == 0, listed.stdout[-3000:] + listed.stderr[-3000:]
        assert all(name in listed.stdout for name in names), listed.stdout
        # Serving under a deployed name is refused before anything is registered: the worker's deployment stays.
        newsetl = str(Path(sys.executable).with_name("newsetl"))
        refused = subprocess.run([newsetl, "serve", "seeds", "--interval", "30", "--name", "newsetl-inbox"], cwd=ROOT,
                                 env=env, capture_output=True, text=True, timeout=120)
        assert refused.returncode == 2 and "prefect.yaml" in refused.stdout + refused.stderr, refused.stdout + refused.stderr
        after = prefect_cli("deployment", "inspect", "newsetl-pipeline/newsetl-inbox")
        assert "newsetl-process" in after.stdout, after.stdout[-2000:]
    finally:  # the session's server is shared: leave no scheduled deployment behind
        for name in names:
            prefect_cli("deployment", "delete", name)
    # The 422 of fastapi 0.151+ ("Unprocessable Entity"); deployment UUIDs may contain the digits 422.
    assert not re.search(r"(?<![0-9a-f-])422(?![0-9a-f-])|Unprocessable", deployed.stdout + deployed.stderr)
