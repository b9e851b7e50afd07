"""The run ledger (``marts.pipeline_runs``) and the corpus facts a run summary reports.

The flow's tasks call these; the run ledger's statements are ``runs/*.sql``.
"""

from __future__ import annotations

import duckdb

from newsetl.warehouse.schema import warehouse_sql


def _latest_run(con: duckdb.DuckDBPyConnection) -> tuple[str, str] | None:
    """Return ``(run_id, status)`` of the most recently started run, or None."""
    return con.execute(warehouse_sql("runs", "latest_run")).fetchone()


def latest_run_completed(con: duckdb.DuckDBPyConnection) -> bool:
    """Return True if there is no earlier run or the latest one completed."""
    last = _latest_run(con)
    return last is None or last[1] == "completed"


def latest_run_id(con: duckdb.DuckDBPyConnection) -> str | None:
    """Return the id of the most recently started run, or None if there is none."""
    latest = _latest_run(con)
    return latest[0] if latest else None


def crashed_runs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Mark every run still 'running' (its process died) as crashed, with the documents it committed; return their run ids."""
    return [run_id for (run_id,) in con.execute(warehouse_sql("runs", "crashed_runs")).fetchall()]


def started_run(con: duckdb.DuckDBPyConnection, run_id: str, flow_run_id: str | None, pipeline_version: str,
                mode: str, inputs: list[str]) -> None:
    """Record a new run as 'running'."""
    con.execute(warehouse_sql("runs", "started_run"), {"run_id": run_id, "flow_run_id": flow_run_id,
                                                       "pipeline_version": pipeline_version, "mode": mode,
                                                       "inputs": inputs})


def finished_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str, counts: dict[str, int], error: str | None) -> None:
    """Record a run's final status and document counts.

    A cancelled run's ``loaded`` is what it committed: a signal can interrupt a COMMIT after the
    flow stopped counting, so it is counted in raw.documents.
    """
    if status == "cancelled":
        counts = {**counts, "loaded": committed_documents(con, run_id)}
    con.execute(warehouse_sql("runs", "finished_run"), {
        "run_id": run_id, "status": status, "error": error,
        **{name: counts[name] for name in ("seen", "loaded", "skipped", "rejected")},
    })


def committed_documents(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """Return how many documents run ``run_id`` committed to raw.documents (the truth after an interrupted load)."""
    return con.execute("SELECT count(*) FROM raw.documents WHERE run_id = ?", [run_id]).fetchone()[0]


def entity_total(con: duckdb.DuckDBPyConnection) -> int:
    """Return how many resolved entities ``marts.entities`` holds."""
    return con.execute("SELECT count(*) FROM marts.entities").fetchone()[0]


def corpus_facts(con: duckdb.DuckDBPyConnection) -> dict:
    """Return the warehouse-wide facts a run summary shows: languages, top entities, dates, counts, quotes."""
    languages = dict(con.execute("SELECT language, count(*) FROM staging.documents GROUP BY 1 ORDER BY 2 DESC").fetchall())
    top = con.execute("SELECT canonical_name, mention_count FROM marts.entities ORDER BY mention_count DESC, canonical_name LIMIT 5").fetchall()

    def one(sql: str) -> int:
        return con.execute(sql).fetchone()[0]

    return {
        "languages": languages,
        "top_entities": [(name, count) for name, count in top],
        "dates_found": one("SELECT count(*) FROM staging.temporal_expressions"),
        "counts_found": one("SELECT count(*) FROM staging.event_counts"),
        "quotes_found": one("SELECT count(*) FROM staging.quotes"),
    }
