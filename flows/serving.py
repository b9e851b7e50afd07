"""Serving the pipeline as a scheduled Prefect deployment (``newsetl serve``).

``flow.serve`` registers a deployment of ``newsetl-pipeline`` with the server
and then polls for its runs (scheduled, or started from the UI / ``prefect
deployment run``), executing each in a subprocess of this process. The runner
executes one run at a time (``limit=1``); across processes and hosts the
``newsetl-warehouse-writer`` concurrency limit and DuckDB's file lock keep to
one warehouse writer. Each run skips documents whose content hash is already
stored, so a schedule over an inbox folder only analyses what is new. Each completed
run then regenerates the HTML report (``<warehouse stem>_report/report.html``) and
publishes it as the ``newsetl-report`` artifact, so the schedule keeps the report current.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from newsetl import settings
from newsetl.warehouse.connection import resolved_db_path

DEFAULT_NAME = settings.SERVE_NAME
PREFECT_YAML = Path(__file__).resolve().parents[1] / "prefect.yaml"
# Served runs queue behind a manual `newsetl run` for this long instead of failing at once.
DEFAULT_SERVED_WAIT_SECONDS = settings.WAIT_SECONDS

logger = logging.getLogger("newsetl.serving")


def deployment_parameters(paths: list[str], db: str | None, wait_seconds: float = DEFAULT_SERVED_WAIT_SECONDS) -> dict[str, Any]:
    """Return the deployment's default parameters: absolute input paths and warehouse, and the lock wait.

    Paths are made absolute because runs execute later, possibly from another working directory.
    """
    return {
        "paths": [str(Path(p).expanduser().resolve()) for p in paths],
        "db": str(resolved_db_path(db).expanduser().resolve()),
        "wait_seconds": float(wait_seconds),
    }


def schedule_options(cron: str | None, interval: int | float | None) -> dict[str, Any]:
    """Return the ``cron``/``interval`` keyword for ``serve``/``to_deployment`` (empty: runs only on demand)."""
    if cron and interval:
        raise ValueError("give either --cron or --interval, not both")
    if interval is not None and interval <= 0:
        raise ValueError("--interval must be a positive number of seconds")
    if cron:
        from prefect.client.schemas.schedules import CronSchedule

        try:
            CronSchedule(cron=cron)
        except ValueError:
            raise ValueError(f"invalid cron expression {cron!r} (expected five fields, e.g. '*/30 * * * *')") from None
        return {"cron": cron}
    if interval:
        return {"interval": interval}
    return {}


def prefect_yaml_deployment_names(text: str) -> set[str]:
    """Return the deployment names that a ``prefect.yaml`` text defines (empty when it defines none)."""
    import yaml

    document = yaml.safe_load(text) or {}
    return {str(entry["name"]) for entry in document.get("deployments") or [] if isinstance(entry, dict) and entry.get("name")}


def serve_name_conflict(name: str, yaml_names: set[str], existing_work_pool: str | None) -> str | None:
    """Return why ``newsetl serve --name NAME`` must refuse, or None when the name is free for serving.

    ``serve`` registers its deployment under the name given; Prefect overwrites a deployment of the
    same name without asking. A name that ``prefect.yaml`` defines, or a deployment that runs on a
    work pool (made by ``prefect deploy``), belongs to the worker set-up, so serving would silently
    replace it (and a later ``prefect deploy --all`` would replace the served one).
    """
    if name in yaml_names:
        return (f"deployment name {name!r} is defined in prefect.yaml for `prefect deploy`; "
                f"serve under another --name (default {DEFAULT_NAME!r})")
    if existing_work_pool:
        return (f"deployment newsetl-pipeline/{name} already exists on work pool {existing_work_pool!r} "
                f"(made by `prefect deploy`); serve under another --name, or delete it first")
    return None


def _existing_work_pool(name: str) -> str | None:
    """Return the work pool of deployment ``newsetl-pipeline/<name>`` on the server, or None (absent or served)."""
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    with get_client(sync_client=True) as client:
        try:
            return client.read_deployment_by_name(f"newsetl-pipeline/{name}").work_pool_name
        except ObjectNotFound:
            return None


def served_flow(runner: str = "auto", workers: int | None = None, dask_address: str | None = None):
    """Return ``newsetl_pipeline`` with the task runner to use for served runs, and its runner parameters."""
    from newsetl.flows.pipeline import newsetl_pipeline
    from newsetl.flows.runners import analysis_window, runner_plan

    if runner == "auto" and not workers and not dask_address:
        return newsetl_pipeline, {}  # the flow's default: threads
    plan = runner_plan(runner, workers, dask_address=dask_address)
    parameters = {"window": analysis_window(workers), "analysis_processes": plan.analysis_processes}
    return newsetl_pipeline.with_options(task_runner=plan.task_runner), parameters


def pipeline_deployment(paths: list[str], cron: str | None = None, interval: int | float | None = None,
                        db: str | None = None, name: str = DEFAULT_NAME, *, wait_seconds: float = DEFAULT_SERVED_WAIT_SECONDS,
                        runner: str = "auto", workers: int | None = None, dask_address: str | None = None):
    """Return the ``RunnerDeployment`` that ``newsetl serve`` would serve (for ``prefect.serve`` or inspection)."""
    flow, runner_parameters = served_flow(runner, workers, dask_address)
    return flow.to_deployment(
        name=name, parameters=deployment_parameters(paths, db, wait_seconds) | runner_parameters,
        tags=["newsetl"], description=_description(paths), **schedule_options(cron, interval),
    )


def served_deployment(paths: list[str], cron: str | None = None, interval: int | float | None = None,
                      db: str | None = None, name: str = DEFAULT_NAME, *, wait_seconds: float = DEFAULT_SERVED_WAIT_SECONDS,
                      runner: str = "auto", workers: int | None = None, dask_address: str | None = None) -> None:
    """Serve the pipeline as deployment ``newsetl-pipeline/<name>`` on the given schedule until interrupted."""
    from prefect.settings import get_current_settings

    schedule = schedule_options(cron, interval)
    yaml_names = prefect_yaml_deployment_names(PREFECT_YAML.read_text()) if PREFECT_YAML.is_file() else set()
    conflict = serve_name_conflict(name, yaml_names, _existing_work_pool(name) if get_current_settings().api.url else None)
    if conflict:
        raise ValueError(conflict)
    if not get_current_settings().api.url:
        logger.warning(
            "PREFECT_API_URL is not set: serving against a temporary ephemeral API that lives only as long as "
            "this process and has no UI. For schedules you can watch and trigger, start `prefect server start` "
            "and export PREFECT_API_URL=http://127.0.0.1:4200/api (see OPERATIONS.md)."
        )
    flow, runner_parameters = served_flow(runner, workers, dask_address)
    flow.serve(
        name=name,
        parameters=deployment_parameters(paths, db, wait_seconds) | runner_parameters,
        tags=["newsetl"],
        description=_description(paths),
        limit=1,  # one run at a time from this process; the writer limit covers other processes
        pause_on_shutdown=True,
        **schedule,
    )


def _description(paths: list[str]) -> str:
    return "newsetl: ingest " + ", ".join(str(p) for p in paths) + " into the DuckDB warehouse (incremental by content hash)."
