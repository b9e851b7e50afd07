"""`newsetl query --timeout` and `--memory-limit` (issue 15): a runaway query stops with a clear message."""

from __future__ import annotations

import os

import pytest

from newsetl.warehouse.query import size_in_bytes
from tests.conftest import raw_warehouse, run_cli

TEXT = "KUALA LUMPUR: Perdana Menteri berkata 1,200 penduduk dipindahkan ke pusat pemindahan sementara."


@pytest.fixture()
def small_db(tmp_path):
    return raw_warehouse(tmp_path / "news.duckdb", [TEXT])


def _query(db, sql, *options):
    env = {**os.environ, "COLUMNS": "200"}
    return run_cli(["query", sql, "--db", str(db), *options], env=env, timeout=120)


@pytest.mark.parametrize(("sql", "options", "words"), [
    # ~1 GB of result strings in one DuckDB vector: DuckDB's memory_limit alone would let it through.
    ("select repeat('x', 10000000) from range(100)", ["--memory-limit", "300MB"], "--memory-limit 300MB"),
    ("select repeat(raw_text, 3000000) from raw.documents, range(20)", ["--memory-limit", "500MB"], "--memory-limit 500MB"),
    ("select count(*) from range(100000000000) a", ["--timeout", "1"], "--timeout 1 s"),
    ("select count(*) from range(100000) a, range(100000) b where (a.range * b.range) % 7 = 3", ["--timeout", "1.5"], "--timeout 1.5 s"),
])
def test_a_runaway_query_stops_at_its_limit_with_exit_3(small_db, sql, options, words):
    result = _query(small_db, sql, *options)
    assert result.returncode == 3, result.stdout[-500:] + result.stderr[-500:]
    assert "stopped" in result.stderr and words in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("options", [[], ["--timeout", "30", "--memory-limit", "256MB"], ["--timeout", "0"]])
def test_ordinary_queries_answer_within_the_limits(small_db, options):
    result = _query(small_db, "select document_id, length(raw_text) as n from raw.documents", "--format", "csv", *options)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["document_id,n", f"d_1,{len(TEXT)}"]


def test_sql_cannot_raise_the_memory_limit(small_db):
    result = _query(small_db, "SET memory_limit = '100GB'")
    assert result.returncode == 2


@pytest.mark.parametrize(("text", "size"), [("2GB", 2 * 10**9), ("512MiB", 512 * 2**20), ("1000000", 10**6), ("1.5 gb", 15 * 10**8)])
def test_sizes(text, size):
    assert size_in_bytes(text) == size


@pytest.mark.parametrize("text", ["lots", "2 GBs", "-1GB", ""])
def test_bad_sizes_are_refused(text, small_db):
    with pytest.raises(ValueError):
        size_in_bytes(text)
    assert _query(small_db, "select 1", "--memory-limit", text).returncode == 2
