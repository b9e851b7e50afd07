"""Benchmark plumbing (newsetl_dev.bench) and the naive baseline (newsetl_dev.naive_baseline)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from newsetl_dev import bench
from newsetl_dev.naive_baseline import naive_run
from newsetl_dev.synthetic_corpus import synthetic_articles

REQUIRED_KEYS = {
    "docs", "docs_per_s", "naive_docs", "naive_docs_per_s", "speedup_vs_naive", "stage_seconds",
    "prefect_overhead_share", "peak_rss_mb", "first_run_s", "rerun_s", "rerun_share", "add_1pct_s", "machine",
}


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [d["text"] for d in synthetic_articles(bench.seed_texts(), 12)]


def test_naive_run_inserts_one_document_row_per_text(tmp_path, texts):
    result = naive_run(texts, tmp_path / "naive.duckdb")
    assert result["docs"] == len(texts) and result["seconds"] > 0
    con = duckdb.connect(str(tmp_path / "naive.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT doc_no) FROM documents").fetchone() == (12, 12)
        assert con.execute("SELECT count(*) FROM documents WHERE language = 'id'").fetchone()[0] >= 10
        assert con.execute("SELECT count(*) FROM dates").fetchone()[0] == result["dates"] > 0
        assert con.execute("SELECT count(*) FROM names").fetchone()[0] == result["names"] > 0
    finally:
        con.close()


def test_write_shards_streams_jsonl(tmp_path):
    paths, written = bench.write_shards(bench.seed_texts(), tmp_path, 25, shard_docs=10)
    assert [p.name for p in paths] == ["shard-00000.jsonl", "shard-00001.jsonl", "shard-00002.jsonl"]
    lines = [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 25 and all(doc["text"] for doc in lines)
    assert written == sum(p.stat().st_size for p in paths)


def test_scale_sizes():
    assert bench.scale_sizes(None) == [1_000, 10_000, 100_000]
    assert bench.scale_sizes(10_000) == [1_000, 10_000]
    assert bench.scale_sizes(5_000) == [1_000, 5_000]


def test_overhead_is_bounded_and_explained():
    first = {"stage_seconds": {"discover": 0.5, "read": 2.0, "structure": 3.0, "entities": 5.0,
                               "analyse_wait": 4.0, "load": 1.5}}
    figures = bench._overhead(first, 10.0, 6.0, {"structure", "entities"}, parallelism=2)
    # ideal = (0.5 + 1.5) + (2.0 + 6.0) / 2 = 6.0 -> 40 % of 10 s.
    assert figures["ideal_s"] == 6.0 and figures["prefect_overhead_upper_bound_share"] == 0.4
    assert figures["in_task_slowdown"] == round(8.0 / 6.0, 3)
    assert bench._overhead(first, 1.0, 6.0, {"structure"}, 1)["prefect_overhead_upper_bound_share"] == 0.0


class _StubPipeline:
    """Stands in for flows.pipeline.run_pipeline: loads each distinct text once per database."""

    def __init__(self):
        self.seen: dict[str, set[str]] = {}
        self.calls: list[dict] = []

    def __call__(self, paths, db_path, *, workers=None, runner="auto", batch_size=None, report=True):
        known = self.seen.setdefault(str(db_path), set())
        seen = loaded = 0
        for folder in paths:
            for shard in sorted(Path(folder).glob("*.jsonl")):
                for line in shard.read_text(encoding="utf-8").splitlines():
                    seen += 1
                    text = json.loads(line)["text"]
                    if text not in known:
                        known.add(text)
                        loaded += 1
        self.calls.append({"workers": workers, "runner": runner, "loaded": loaded})
        return {"run_id": f"run_{len(self.calls)}", "status": "completed", "documents_seen": seen,
                "documents_loaded": loaded, "documents_skipped": seen - loaded, "documents_rejected": 0,
                "wall_s": 0.01, "stage_seconds": {"read": 0.001, "structure": 0.002, "load": 0.001}}


def test_main_writes_all_keys_with_a_stub_pipeline(tmp_path, monkeypatch):
    stub = _StubPipeline()
    monkeypatch.setattr(bench, "_pipeline_runner", lambda: stub)
    monkeypatch.setattr(bench, "_plain_runner", lambda: stub)
    monkeypatch.setattr(bench, "_prefect_warmup", lambda: 0.0)

    def fake_analysed_batch(frame, stage_seconds=None):
        assert frame.columns == ["document_id", "raw_text", "published_date"]
        stage_seconds["structure"] = stage_seconds.get("structure", 0.0) + 0.001
        return {}

    monkeypatch.setattr(bench, "_analysed_batch", lambda: fake_analysed_batch)
    out = tmp_path / "bench.json"
    result = bench.main(docs=150, json_path=out, scale=False, workers=1, naive_docs=5, quiet=True)
    written = json.loads(out.read_text())
    assert REQUIRED_KEYS <= written.keys()
    assert written["docs"] == 150 and written["naive_docs"] == 5
    # first run, the same steps without Prefect into a fresh warehouse, re-run, +1 %
    assert [c["loaded"] for c in stub.calls] == [150, 150, 0, 1]
    assert written["without_prefect_s"] > 0 and written["naive_hinted_docs_per_s"] > 0
    assert written["rerun_loaded"] == 0 and written["add_1pct_loaded"] == written["add_1pct_docs"] == 1
    assert 0.0 <= written["prefect_overhead_share"] <= 1.0 and written["prefect_overhead_definition"]
    assert written["machine"]["cpu_count"] == os.cpu_count() and written["machine"]["versions"]["duckdb"]
    assert written["peak_rss_mb"] > 0 and result["docs_per_s"] > 0


@pytest.mark.slow
def test_main_end_to_end_on_twenty_documents(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    out = tmp_path / "bench.json"
    bench.main(docs=20, json_path=out, scale=False, workers=None, quiet=True)
    written = json.loads(out.read_text())
    assert REQUIRED_KEYS <= written.keys()
    assert written["runs"]["first"]["status"] == "completed"
    assert written["docs_loaded"] == 20 and written["rerun_loaded"] == 0 and written["add_1pct_loaded"] == 1
    assert written["stage_seconds"] and written["first_run_s"] > 0


def test_linearity_note_separates_fixed_and_marginal_cost():
    rows = [{"docs": n, "first_run_s": 45 + 6.0 * n / 1000, "s_per_1k_docs": (45 + 6.0 * n / 1000) / n * 1000}
            for n in (1_000, 10_000, 100_000)]
    note = bench.linearity_note(rows)
    assert "1,000->10,000: 6.00" in note and "about linear" in note and "about 45 s" in note
    assert bench.linearity_note(rows[:1] + [{"docs": 10_000, "error": "exit 1"}]).startswith("not enough")


def test_repeat_alternates_flow_and_plain_runs_on_fresh_warehouses(tmp_path, monkeypatch):
    stub = _StubPipeline()
    monkeypatch.setattr(bench, "_pipeline_runner", lambda: stub)
    monkeypatch.setattr(bench, "_plain_runner", lambda: stub)
    monkeypatch.setattr(bench, "_prefect_warmup", lambda: 0.0)
    monkeypatch.setattr(bench, "_analysed_batch", lambda: (lambda frame, stage_seconds=None: {}))
    result = bench.main(docs=40, json_path=None, scale=False, workers=1, naive_docs=2, quiet=True, repeat=2)
    # first flow run, plain, flow again, plain again (each into its own warehouse), then re-run and +1 %
    assert [c["loaded"] for c in stub.calls] == [40, 40, 40, 40, 0, 1]
    assert len(result["with_prefect_runs_s"]) == len(result["without_prefect_runs_s"]) == 2
    assert result["repeat"] == 2 and 0.0 <= result["prefect_overhead_share"] <= 1.0
