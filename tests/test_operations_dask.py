"""Scale-out: the Dask and process-pool task runners build the same warehouse as the default runner.

Each run is a real `newsetl run` subprocess against the session's Prefect server;
the Dask run starts (and stops) its own LocalCluster of two worker processes.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from tests.conftest import copy_seeds, run_cli

pytestmark = pytest.mark.slow

COMPARED = ("documents", "paragraphs", "entity_mentions", "temporal_expressions", "entities", "entity_roles",
            "quotes", "source_citations", "event_counts")
# Columns that differ between runs by design (which run, when).
VOLATILE = {"run_id", "flow_run_id", "processed_at", "ingested_at", "started_at", "finished_at", "seen_at"}


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    return copy_seeds(tmp_path_factory.mktemp("runners") / "seeds")


def _warehouse(prefect_server, folder: Path, name: str, *options: str) -> tuple[Path, str]:
    db = folder / f"{name}.duckdb"
    env = {**os.environ, "PREFECT_API_URL": prefect_server, "PREFECT_HOME": str(folder / f"home-{name}")}
    result = run_cli(["run", str(folder / "seeds"), "--db", str(db), "--batch-size", "2", *options], env, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return db, result.stdout


@pytest.fixture(scope="module")
def default_db(prefect_server, inbox) -> Path:
    return _warehouse(prefect_server, inbox.parent, "default")[0]


def _differences(left: Path, right: Path) -> dict[str, tuple[int, int, int]]:
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


@pytest.mark.parametrize("options", [("--runner", "dask", "--workers", "2"), ("--runner", "processes", "--workers", "2")],
                         ids=["dask", "processes"])
def test_runner_builds_the_same_marts_as_the_default_runner(prefect_server, inbox, default_db, options):
    db, _ = _warehouse(prefect_server, inbox.parent, options[1], *options)
    diff = _differences(default_db, db)
    for table in ("paragraphs", "entity_mentions", "temporal_expressions"):
        assert diff[table][0] > 0, (table, diff[table])
    assert {t: d for t, d in diff.items() if d[0] != d[1] or d[2]} == {}, diff
    runs = duckdb.connect(str(db), read_only=True)
    try:
        assert runs.execute("SELECT status, documents_loaded FROM marts.pipeline_runs").fetchall() == [("completed", 5)]
    finally:
        runs.close()
