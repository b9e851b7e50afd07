"""Scale-out: the Dask task runner builds the same warehouse as the default runner.

`newsetl run seeds --runner dask --workers 2` (a LocalCluster of two worker
processes, started and stopped by the run) against the session's Prefect server,
with small batches so the analysis really spreads over both workers, is compared
table by table and row by row with the session's default-runner seed run.
"""

from __future__ import annotations

import os

import duckdb
import pytest

from tests.conftest import copy_seeds, run_cli
from tests.helpers.operations import rows, seeds_warehouse

pytestmark = pytest.mark.slow

COMPARED = ("documents", "paragraphs", "entity_mentions", "temporal_expressions", "entities", "entity_roles",
            "quotes", "source_citations", "event_counts")
# Columns that differ between runs by design (which run, when, from which copy of the inputs).
VOLATILE = {"run_id", "flow_run_id", "processed_at", "ingested_at", "started_at", "finished_at", "seen_at", "source_uri"}


def _differences(left, right) -> dict[str, tuple[int, int, int]]:
    """Return table -> (rows left, rows right, rows in one but not the other) for every compared mart."""
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{left}' AS l (READ_ONLY)")
        con.execute(f"ATTACH '{right}' AS r (READ_ONLY)")
        out = {}
        for table in COMPARED:
            columns = [c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_catalog = 'l' "
                "AND table_schema = 'marts' AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()
                if c not in VOLATILE]
            cols = ", ".join(f'"{c}"' for c in columns)
            count = lambda sql: con.execute(sql).fetchone()[0]
            out[table] = (
                count(f"SELECT count(*) FROM l.marts.{table}"),
                count(f"SELECT count(*) FROM r.marts.{table}"),
                count(f"SELECT count(*) FROM (SELECT {cols} FROM l.marts.{table} EXCEPT ALL SELECT {cols} FROM r.marts.{table})")
                + count(f"SELECT count(*) FROM (SELECT {cols} FROM r.marts.{table} EXCEPT ALL SELECT {cols} FROM l.marts.{table})"),
            )
        return out
    finally:
        con.close()


def test_dask_runner_builds_the_same_marts_as_the_default_runner(prefect_server, tmp_path_factory, tmp_path):
    default_db, _ = seeds_warehouse(prefect_server, tmp_path_factory)
    db = tmp_path / "dask.duckdb"
    env = {**os.environ, "PREFECT_API_URL": prefect_server, "PREFECT_HOME": str(tmp_path / "prefect-home")}
    result = run_cli(["run", str(copy_seeds(tmp_path / "seeds")), "--db", str(db), "--runner", "dask",
                      "--workers", "2", "--batch-size", "2"], env, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Creating a new Dask cluster with `distributed.deploy.local.LocalCluster`" in result.stdout + result.stderr
    versions = {v for (v,) in rows(default_db, "SELECT DISTINCT pipeline_version FROM marts.pipeline_runs")
                + rows(db, "SELECT DISTINCT pipeline_version FROM marts.pipeline_runs")}
    if len(versions) > 1:  # only while someone edits transforms/ during the test session
        pytest.skip(f"the transforms changed between the two runs ({sorted(versions)}); nothing to compare")
    diff = _differences(default_db, db)
    for table in ("paragraphs", "entity_mentions", "temporal_expressions"):
        assert diff[table][0] > 0, (table, diff[table])
    assert {t: d for t, d in diff.items() if d[0] != d[1] or d[2]} == {}, diff
    assert rows(db, "SELECT status, documents_loaded FROM marts.pipeline_runs") == [("completed", 5)]
