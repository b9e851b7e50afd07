"""Crash safety: a `newsetl run` killed with SIGKILL is finished by the next run.

Each batch commits raw rows, derived rows and rejects in one transaction, so a
kill leaves whole batches or nothing; the next run marks the dead run `crashed`,
skips what was committed and loads the rest: every document exactly once, each
with all its derived rows. The re-run needs no --wait: the killed run's writer slot is
given back at once (its lock file proves the process is gone) and its flow run is Crashed.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import httpx
import polars as pl
import pytest

from tests.conftest import NEWSETL, ROOT, run_cli
from tests.helpers.operations import assert_whole_batches
from tests.helpers.corpora import synthetic_jsonl

RUN_TIMEOUT = 1500  # seconds for one full run over the corpus (measured well below; see the report)
KILL_WAIT_TIMEOUT = 900
# (articles, --batch-size, writer lease in seconds; None: the defaults of 500 and 120 s).
# make test: twelve batches of 100, so the kill lands after two of them (and the few in flight)
# with most of the corpus still to load, and a 60 s lease (Prefect's minimum), so the rerun queues
# for ~60-75 s behind the killed run's slot rather than ~2 min; the behaviour checked is the same.
# make test-long: the defaults on 3,000 articles (the kill after two batches of 500).
SIZES = [
    pytest.param(1200, 100, "60", id="1200-batches-of-100"),
    pytest.param(3000, None, None, id="3000-default-batches", marks=pytest.mark.long),
]


def _log_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def _seconds_between(first: re.Match | None, second: re.Match | None) -> float | None:
    """Return the seconds between two ``HH:MM:SS.fff`` log stamps (None if either is missing)."""
    if not (first and second):
        return None
    def seconds(stamp: str) -> float:
        hours, minutes, rest = stamp.split(":")
        return int(hours) * 3600 + int(minutes) * 60 + float(rest)
    return round(seconds(second.group(1)) - seconds(first.group(1)), 1)


def _derived_counts(con, ids: list[str]) -> dict[str, dict[str, int]]:
    """Return {table: {document_id: rows}} for the staging tables, for ``ids``."""
    con.register("_ids", pl.DataFrame({"document_id": ids}).to_arrow())
    counts: dict[str, dict[str, int]] = {}
    for table in ("paragraphs", "temporal_expressions", "entity_mentions", "quotes", "source_citations", "event_counts"):
        rows = con.execute(
            f"SELECT document_id, count(*) FROM staging.{table} WHERE document_id IN (SELECT document_id FROM _ids) GROUP BY 1"
        ).fetchall()
        counts[table] = dict(rows)
    con.unregister("_ids")
    return counts


@pytest.mark.slow
@pytest.mark.parametrize(("n_articles", "batch_size", "lease_seconds"), SIZES)
def test_a_run_killed_with_sigkill_is_completed_by_the_next_run(tmp_path, cli_env, n_articles, batch_size, lease_seconds):
    if lease_seconds:
        cli_env = {**cli_env, "NEWSETL_WRITER_LEASE_SECONDS": lease_seconds}
    batch_options = ["--batch-size", str(batch_size)] if batch_size else []
    corpus = tmp_path / "corpus"
    articles = synthetic_jsonl(corpus / "articles.jsonl", n_articles)
    assert len({a["text"] for a in articles}) == n_articles
    db = tmp_path / "crash.duckdb"
    log_path = tmp_path / "killed-run.log"

    # 1. Start a run and kill its whole process group once some batches have committed.
    started = time.monotonic()
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [str(NEWSETL), "run", str(corpus), "--db", str(db), *batch_options],
            env=cli_env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        committed, loading_seen_at = 0, None
        while True:
            assert process.poll() is None, f"the run ended before it could be killed:\n{_log_text(log_path)[-3000:]}"
            # Read progress from the log: DuckDB's lock keeps the database closed to us while the run writes.
            committed = len(re.findall(r"load-batch-\d+' - Finished in state Completed", _log_text(log_path)))
            if committed and loading_seen_at is None:
                loading_seen_at = time.monotonic()
            # Kill mid-stream: two batches in, or 25 s after loading began, whichever comes first.
            if committed >= 2 or (loading_seen_at and time.monotonic() - loading_seen_at > 25):
                break
            assert time.monotonic() - started < KILL_WAIT_TIMEOUT, f"no batch loaded in time:\n{_log_text(log_path)[-3000:]}"
            time.sleep(0.2)
        time.sleep(1.5)  # land the kill somewhere inside the next batch's work
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=60)
    killed_after = time.monotonic() - started
    assert process.returncode == -signal.SIGKILL

    # 2. The killed run left whole batches only, and still says `running`.
    con = duckdb.connect(str(db))  # read-write: replays the WAL the killed writer left behind
    try:
        loaded_before = con.execute("SELECT count(*) FROM raw.documents").fetchone()[0]
        killed_runs = con.execute("SELECT run_id, status FROM marts.pipeline_runs").fetchall()
        assert_whole_batches(con)
        killed_ids = [row[0] for row in con.execute("SELECT document_id FROM raw.documents ORDER BY document_id").fetchall()]
    finally:
        con.close()
    assert 0 < loaded_before < n_articles, f"kill after {killed_after:.0f} s left {loaded_before} documents"
    assert len(killed_runs) == 1 and killed_runs[0][1] == "running"
    killed_run_id = killed_runs[0][0]

    # 3. The next run completes the work, without --wait: the killed run's lock file shows that its
    # process is gone (warehouse/writer_lock.py), so its Prefect writer slot is given back at once
    # instead of when the lease runs out (120 s), and its flow run is marked Crashed.
    rerun_started = time.monotonic()
    result = run_cli(["run", str(corpus), "--db", str(db)], env=cli_env, timeout=RUN_TIMEOUT)
    rerun_seconds = time.monotonic() - rerun_started
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Traceback" not in result.stderr
    assert "died without releasing" in result.stderr
    slot_at = re.search(r"(\d\d:\d\d:\d\d\.\d+) \| INFO .*Holding the warehouse writer slot", result.stderr)
    flow_started_at = re.search(r"(\d\d:\d\d:\d\d\.\d+) \| INFO .*Beginning flow run", result.stderr)

    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT document_id), count(DISTINCT raw_text), "
                           "count(DISTINCT external_id) FROM raw.documents").fetchone() == (n_articles,) * 4
        assert con.execute("SELECT count(*), count(DISTINCT document_id) FROM marts.documents").fetchone() == (n_articles,) * 2
        stored_ids = {row[0] for row in con.execute("SELECT external_id FROM raw.documents").fetchall()}
        assert stored_ids == {a["id"] for a in articles}
        assert_whole_batches(con)
        no_paragraphs = con.execute(
            "SELECT count(*) FROM marts.documents AS d WHERE NOT EXISTS "
            "(SELECT 1 FROM marts.paragraphs AS p WHERE p.document_id = d.document_id)"
        ).fetchone()[0]
        assert no_paragraphs == 0
        runs = dict(con.execute("SELECT run_id, status FROM marts.pipeline_runs").fetchall())
        assert runs.pop(killed_run_id) == "crashed"
        killed_flow_run, killed_loaded = con.execute(
            "SELECT flow_run_id, documents_loaded FROM marts.pipeline_runs WHERE run_id = ?", [killed_run_id]).fetchone()
        assert killed_loaded == loaded_before  # what it committed, not 0
        assert list(runs.values()) == ["completed"]
        loaded_after, rerun_work_seconds = con.execute(
            "SELECT documents_loaded, epoch(finished_at - started_at) FROM marts.pipeline_runs WHERE status = 'completed'"
        ).fetchone()
        assert loaded_after == n_articles - loaded_before
        # Derived rows of documents committed by the killed run equal a fresh analysis of them.
        sample_ids = killed_ids[:: max(1, len(killed_ids) // 25)]
        stored = _derived_counts(con, sample_ids)
        sample = pl.from_arrow(con.execute(
            "SELECT document_id, source_uri, url, source, raw_text, metadata_published_date AS published_date "
            "FROM raw.documents WHERE document_id IN (SELECT unnest(?::VARCHAR[]))", [sample_ids]).fetch_arrow_table())
        # The lines the killed run masked: learned boilerplate depends on what the corpus had
        # taught when each batch was analysed, so the fresh analysis is given the same lines.
        masked = con.execute(
            "SELECT document_id, list(text) FROM staging.paragraphs WHERE is_boilerplate "
            "AND document_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY 1", [sample_ids]).fetchall()
    finally:
        con.close()
    from newsetl.transforms.boilerplate import boilerplate_line_key
    from newsetl.transforms.document_batch import analysed_batch

    learned = {doc: [boilerplate_line_key(line) for line in lines] for doc, lines in masked}
    sample = sample.with_columns(pl.Series(
        "learned_boilerplate", [learned.get(doc, []) for doc in sample["document_id"]], dtype=pl.List(pl.String)))
    fresh = analysed_batch(sample)
    for table, per_document in stored.items():
        expected = dict(fresh[table].group_by("document_id").len().iter_rows())
        assert per_document == expected, table
    with httpx.Client(base_url=cli_env["PREFECT_API_URL"], timeout=30) as client:
        state = client.get(f"/flow_runs/{killed_flow_run}").raise_for_status().json()["state"]
    assert state["type"] == "CRASHED", state
    slot_seconds = _seconds_between(flow_started_at, slot_at)
    print(f"\nrerun: flow run began to writer slot held in {slot_seconds} s; killed flow run now {state['type']}")
    print(f"\nkill after {killed_after:.1f} s with {loaded_before} documents loaded; rerun took {rerun_seconds:.1f} s "
          f"in all, {rerun_work_seconds:.1f} s of it holding the warehouse for the remaining {n_articles - loaded_before}")
