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
def test_main_end_to_end_on_twenty_documents(prefect_harness, tmp_path):
    # Against the session's server: an ephemeral API of its own would cost another server start.
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


# --- newsetl bench --corpus (newsetl_dev.outside_bench) and the no-op re-run -------------

from newsetl_dev import outside_bench  # noqa: E402

DETIK_LIKE = [
    {"id": "7", "judul": "Inflasi terkendali",
     "isi_berita": "Presiden Prabowo Subianto menegaskan pentingnya pengendalian inflasi dalam menjaga stabilitas ekonomi nasional.",
     "tanggal": "10/21/2025 20:43"},
    {"id": "8", "judul": "Sidang kabinet",
     "isi_berita": "Menteri Dalam Negeri Tito Karnavian mengungkapkan sejak awal masa kabinet dirinya mendapat mandat langsung.",
     "tanggal": "10/22/2025 09:10"},
    {"id": "9", "judul": "Kosong", "isi_berita": "   ", "tanggal": ""},
]


def _write_csv(path: Path, rows: list[dict]) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
@pytest.mark.parametrize("n", [2, 5, 7])
def test_repeated_corpus_makes_every_copy_distinct_by_one_marker_line(tmp_path, suffix, n):
    source = tmp_path / f"detik{suffix}"
    if suffix == ".csv":
        _write_csv(source, DETIK_LIKE)
    else:
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in DETIK_LIKE), encoding="utf-8")
    out, written = outside_bench.repeated_corpus(source, n, tmp_path / "out", {"text": "isi_berita", "id": "id"})
    assert written == n and out.parent == tmp_path / "out"
    if suffix == ".csv":
        import csv

        with out.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    else:
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    texts = [r["isi_berita"] for r in rows]
    assert len(rows) == n and len(set(texts)) == n and len({r["id"] for r in rows}) == n
    originals = [r["isi_berita"] for r in DETIK_LIKE[:2]]  # the blank record is dropped
    for k, text in enumerate(texts):
        copy_no, row_no = divmod(k, 2)
        if copy_no == 0:
            assert text == originals[row_no]
        else:
            assert text == originals[row_no] + "\n" + outside_bench.marker_line(copy_no, row_no)


def test_repeated_corpus_refuses_a_folder_or_txt(tmp_path):
    (tmp_path / "a.txt").write_text("Teks berita.", encoding="utf-8")
    with pytest.raises(ValueError, match="csv or .jsonl"):
        outside_bench.repeated_corpus(tmp_path / "a.txt", 3, tmp_path / "out")


@pytest.mark.parametrize("columns, date_format, expected", [
    ({}, None, []),
    ({"text": "isi_berita", "title": "judul"}, None, ["--column", "text=isi_berita", "--column", "title=judul"]),
    ({"text": "Summary"}, "%m/%d/%Y %H:%M", ["--column", "text=Summary", "--date-format", "%m/%d/%Y %H:%M"]),
])
def test_run_options_mirror_newsetl_run(columns, date_format, expected):
    assert outside_bench.run_options(columns, date_format) == expected


def test_side_by_side_puts_the_real_corpus_first_with_every_stage_and_process():
    real = {"label": "detik x5000", "docs": 4959, "outside_s": 50.0, "outside_docs_per_s": 99.2, "startup_s": 10.0,
            "flow_s": 40.0, "flow_docs_per_s": 124.0, "rerun_s": 2.0, "rerun_share": 0.04,
            "analysis_stage_cpu_ms_per_doc": {"language": 1.0, "entities": 9.0, "dates": 1.0, "facts": 1.0},
            "first_run": {"processes": [{"role": "flow process (newsetl run)", "peak_rss_mb": 500.0},
                                        {"role": "analysis worker", "peak_rss_mb": 290.0},
                                        {"role": "analysis worker", "peak_rss_mb": 280.0}]}}
    synthetic = {"label": "synthetic 5000", "docs": 5000, "outside_docs_per_s": 150.0}
    rows = outside_bench.side_by_side([real, synthetic])
    assert rows[0] == ["metric", "detik x5000", "synthetic 5000"]
    by_metric = {row[0]: row[1:] for row in rows[1:]}
    assert by_metric["**from outside (docs/s)**"] == ["99.2", "150.0"]
    assert by_metric["start-up and teardown (s): outside minus flow"] == ["10.0", ""]
    assert by_metric["  entities (CPU ms / article)"] == ["9.0", ""]
    assert by_metric["  peak RSS MB, analysis worker (processes)"] == ["290 (2)", ""]
    assert outside_bench.markdown_table([real, synthetic]).startswith("| metric | detik x5000 | synthetic 5000 |")


def test_analysis_cpu_reports_each_stage_per_article():
    from newsetl.transforms.inputs import document_id

    texts = [d["text"] for d in synthetic_articles(bench.seed_texts(), 6)]
    docs = [{"document_id": document_id(t), "raw_text": t, "published_date": None} for t in texts]
    figures = outside_bench.analysis_cpu(docs, batch=4)
    assert figures["analysis_docs"] == 6
    assert {"language", "entities", "dates", "facts"} <= set(figures["analysis_stage_cpu_ms_per_doc"])
    assert figures["analysis_cpu_ms_per_doc"] > 0


def test_bench_cli_refuses_column_options_without_corpus():
    from typer.testing import CliRunner

    from newsetl.flows.cli import app

    result = CliRunner().invoke(app, ["bench", "--column", "text=isi_berita"])
    assert result.exit_code == 2 and "--corpus" in result.output


def test_bench_cli_passes_the_corpus_options_through(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from newsetl.flows.cli import app

    seen = {}

    def fake_main(corpus, **options):
        seen.update(options, corpus=corpus)
        return [{"label": "x"}]

    monkeypatch.setattr(outside_bench, "main", fake_main)
    source = _write_csv(tmp_path / "detik.csv", DETIK_LIKE)
    result = CliRunner().invoke(app, ["bench", "--corpus", str(source), "--column", "text=isi_berita",
                                      "--date-format", "%m/%d/%Y %H:%M", "--repeat-to", "40", "--with-synthetic", "20",
                                      "--naive-docs", "3", "--analysis-docs", "10"])
    assert result.exit_code == 0, result.output
    assert seen["corpus"] == source and seen["columns"] == {"text": "isi_berita"}
    assert (seen["date_format"], seen["repeat_to"], seen["with_synthetic"], seen["naive_docs"], seen["analysis_docs"]) == (
        "%m/%d/%Y %H:%M", 40, 20, 3, 10)


def test_nothing_new_only_when_every_document_is_stored(tmp_path, monkeypatch):
    """The no-op shortcut: all stored -> count; one new text, a reject or no warehouse -> None (the flow runs)."""
    from newsetl.flows.noop import nothing_new, recorded_noop_run
    from newsetl.flows.pipeline import run_without_prefect
    from newsetl.transforms.inputs import ReadOptions

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    inbox = tmp_path / "inbox"
    bench.write_shards(bench.seed_texts(), inbox, 6, shard_docs=3)
    db = tmp_path / "w.duckdb"
    options = {"max_bytes": 20 * 2**20, "batch_size": 500, "read_options": ReadOptions()}
    assert nothing_new([inbox], db, **options) is None  # no warehouse yet
    run_without_prefect([inbox], db, workers=1, runner="threads")
    assert nothing_new([inbox], db, **options) == 6
    summary = recorded_noop_run([inbox], db, 6, max_analysis_chars=200_000)
    assert (summary["status"], summary["documents_loaded"], summary["documents_skipped"]) == ("completed", 0, 6)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT status, flow_run_id, documents_skipped FROM marts.pipeline_runs "
                           "ORDER BY started_at DESC LIMIT 1").fetchone() == ("completed", None, 6)
        assert con.execute("SELECT count(*) FROM marts.data_checks WHERE run_id = ?", [summary["run_id"]]).fetchone()[0] > 0
    finally:
        con.close()
    bench.write_shards(bench.seed_texts(), inbox, 1, start=6, prefix="new")
    assert nothing_new([inbox], db, **options) is None
    (inbox / "new-00006.jsonl").write_text("{not json\n", encoding="utf-8")
    assert nothing_new([inbox], db, **options) is None
