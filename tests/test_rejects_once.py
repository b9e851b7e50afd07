"""`raw.rejects` records a rejected input once (issue 15): a re-run counts it without a new row."""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb
import polars as pl
import pytest

from newsetl.warehouse.loading import inserted_rejects, loaded_batch
from newsetl.warehouse.schema import applied_schema

REJECTS = [
    ("file:///inbox/kosong.txt", "empty", "only whitespace and zero-width characters"),
    ("file:///inbox/foto.jpg.txt", "binary", "1,204 control characters in 4,096 bytes"),
    ("file:///inbox/berita.jsonl#line=3", "malformed_json", "line 3: Expecting ',' delimiter"),
]


def _frame(rows, run_id: str) -> pl.DataFrame:
    return pl.DataFrame(
        {"source_uri": [r[0] for r in rows], "reason": [r[1] for r in rows], "detail": [r[2] for r in rows],
         "seen_at": [datetime(2024, 5, 1, tzinfo=timezone.utc)] * len(rows), "run_id": [run_id] * len(rows)},
    )


def _count(con) -> int:
    return con.execute("SELECT count(*) FROM raw.rejects").fetchone()[0]


@pytest.mark.parametrize("store", ["discovery", "batch"])
def test_the_same_reject_seen_by_three_runs_is_one_row(con, store):
    for run in ("r1", "r2", "r3"):
        frame = _frame(REJECTS, run)
        if store == "discovery":
            inserted_rejects(con, frame)
        else:
            loaded_batch(con, pl.DataFrame(), {}, frame)
    assert _count(con) == len(REJECTS)
    assert {r for (r,) in con.execute("SELECT DISTINCT run_id FROM raw.rejects").fetchall()} == {"r1"}


@pytest.mark.parametrize(("changed", "index"), [
    ("file:///inbox/kosong-2.txt", 0),   # another file
    ("undecodable", 1),                  # another reason
    ("line 3: Unterminated string", 2),  # another detail
])
def test_a_different_reject_is_a_new_row(con, changed, index):
    inserted_rejects(con, _frame(REJECTS, "r1"))
    rows = [list(r) for r in REJECTS]
    rows[index][index] = changed
    assert inserted_rejects(con, _frame([tuple(r) for r in rows], "r2")) == 1
    assert _count(con) == len(REJECTS) + 1


def test_repeats_within_one_frame_are_one_row(con):
    assert inserted_rejects(con, _frame(REJECTS + REJECTS[:1], "r1")) == len(REJECTS)


def test_rows_of_an_older_warehouse_get_their_id_and_are_not_repeated(tmp_path):
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE SCHEMA raw")
    con.execute("CREATE TABLE raw.rejects (source_uri VARCHAR NOT NULL, reason VARCHAR NOT NULL, detail VARCHAR, "
                "seen_at TIMESTAMPTZ NOT NULL, run_id VARCHAR NOT NULL)")
    con.execute("INSERT INTO raw.rejects VALUES (?, ?, ?, now(), 'old')", list(REJECTS[0]))
    applied_schema(con)
    assert con.execute("SELECT count(*) FROM raw.rejects WHERE reject_id IS NULL").fetchone()[0] == 0
    assert inserted_rejects(con, _frame(REJECTS, "new")) == len(REJECTS) - 1
    con.close()


@pytest.mark.slow
def test_a_rerun_counts_the_rejects_without_new_rows(prefect_server, tmp_path_factory):
    from tests.helpers.operations import acceptance_runs

    # Two `newsetl run`s of the acceptance folder into one warehouse (shared with test_bad_inputs).
    expected, _, db, results = acceptance_runs(prefect_server, tmp_path_factory)
    assert [r.returncode for r in results] == [0, 0]
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert _count(con) == len(expected)
        runs = con.execute("SELECT documents_rejected FROM marts.pipeline_runs ORDER BY started_at").fetchall()
        assert runs == [(len(expected),), (len(expected),)]
    finally:
        con.close()
