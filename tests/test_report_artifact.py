"""A real `newsetl run` against a Prefect server writes the report and publishes the newsetl-report artifact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers.operations import api_client, seeds_warehouse

pytestmark = pytest.mark.slow


def test_run_publishes_the_report_artifact_pointing_at_the_report(prefect_server, tmp_path_factory):
    from prefect.client.schemas.objects import Artifact

    db, flow_run_id = seeds_warehouse(prefect_server, tmp_path_factory)
    report = db.with_name(f"{db.stem}_report") / "report.html"
    assert report.exists()
    assert len(re.findall(r'<figure class="chart"', report.read_text(encoding="utf-8"))) >= 5
    with api_client(prefect_server) as client:
        response = client.request("POST", "/artifacts/filter", json={
            "artifacts": {"flow_run_id": {"any_": [str(flow_run_id)]}}, "limit": 50, "offset": 0})
        artifacts = {a.key: a for a in Artifact.model_validate_list(response.json())}
    artifact = artifacts["newsetl-report"]
    assert artifact.type == "markdown"
    assert report.resolve().as_uri() in artifact.data
    assert "| documents | 5 |" in artifact.data and "| outlets | 5 |" in artifact.data
    assert Path(report).resolve().parent.joinpath("charts", "tolls.png").exists()
