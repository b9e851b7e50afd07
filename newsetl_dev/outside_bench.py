"""``newsetl bench --corpus PATH``: the pipeline timed the way a user times it, from outside.

For one corpus (any input ``newsetl run`` accepts, with the same ``--column`` options):

1. optionally repeat a CSV/JSONL corpus to ``repeat_to`` articles, each copy of an article
   made distinct by one marker line (``repeated_corpus``), written to a temporary folder;
2. ``newsetl run`` as a subprocess into a fresh warehouse, timed by the caller (start-up
   included); every process of its tree is sampled for RSS (``ProcessTreeSampler``);
3. the same command again with nothing new (the re-run);
4. the flow's own time, from ``marts.pipeline_runs`` (finished_at - started_at), so the
   start-up (imports, Prefect's API, teardown) is the difference and gets its own line;
5. the analysis alone (``analysed_batch``) on a sample of the loaded documents, in this
   process, one core, with CPU seconds per stage (thread CPU time, not wall);
6. the naive baseline (``newsetl_dev.naive_baseline``) on a sample of the same articles,
   plain and language-hinted; its docs/s is per document, so it scales to any N.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager

from pathlib import Path

from newsetl_dev.bench import PeriodicSampler

ANALYSIS_DOCS = 500
NAIVE_DOCS = 30
ANALYSIS_STAGES = ("language", "entities", "dates", "facts", "structure")


# --- corpus ------------------------------------------------------------------

def marker_line(copy_no: int, row_no: int) -> str:
    """Return the line that makes copy ``copy_no`` of article ``row_no`` a distinct document."""
    return f"bench-copy-{copy_no:03d}-{row_no:05d}"


def repeated_corpus(source: Path, n: int, dest: Path, columns: dict[str, str] | None = None) -> tuple[Path, int]:
    """Write ``source`` (a .csv or .jsonl file) repeated to ``n`` records into the folder ``dest``.

    Copy 0 is the original record; copy k > 0 gets the marker line ``bench-copy-kkk-rrrrr``
    appended to its text (unique per record, so no template is learned from it) and
    ``-ck`` appended to its id, if it has one. Return the file written and its record count.
    """
    columns = columns or {}
    text_col, id_col = columns.get("text", "text"), columns.get("id", "id")
    dest.mkdir(parents=True, exist_ok=True)
    suffix = source.suffix.lower()
    if suffix == ".csv":
        csv.field_size_limit(sys.maxsize)
        with source.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header, rows = list(reader.fieldnames or []), list(reader)
    elif suffix == ".jsonl":
        with source.open(encoding="utf-8-sig") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        header = []
    else:
        raise ValueError(f"--repeat-to needs a .csv or .jsonl corpus, not {source.name}")
    rows = [r for r in rows if (r.get(text_col) or "").strip()]
    if not rows:
        raise ValueError(f"{source}: no records with a {text_col!r} field")
    out = dest / f"{source.stem}-x{n}{suffix}"
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header) if suffix == ".csv" else None
        if writer:
            writer.writeheader()
        for k in range(n):
            copy_no, row_no = divmod(k, len(rows))
            record = dict(rows[row_no])
            if copy_no:
                record[text_col] = record[text_col].rstrip("\n") + "\n" + marker_line(copy_no, row_no)
                if record.get(id_col):
                    record[id_col] = f"{record[id_col]}-c{copy_no}"
            if writer:
                writer.writerow(record)
            else:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out, n


# --- processes ---------------------------------------------------------------

def _role(proc, root_pid: int) -> str:
    """Return what a process of the ``newsetl run`` tree is, from its command line."""
    if proc.pid == root_pid:
        return "flow process (newsetl run)"
    try:
        cmd = " ".join(proc.cmdline())
    except Exception:
        return "exited"
    if "uvicorn" in cmd or "prefect" in cmd and "server" in cmd:
        return "Prefect API server"
    if "multiprocessing" in cmd or "forkserver" in cmd or "spawn" in cmd:
        return "analysis worker"
    return "child: " + cmd[:60]


class ProcessTreeSampler(PeriodicSampler):
    """Samples the RSS of a process and all its descendants every ``interval`` s; keeps each one's peak.

    ``timeline`` holds (seconds since start, root RSS MB, tree RSS MB) once a second, to see
    whether memory stays flat after warm-up.
    """

    def __init__(self, pid: int, interval: float = 0.2):
        import psutil

        super().__init__(interval, "tree-rss")
        self.root = psutil.Process(pid)
        self.peaks: dict[int, tuple[str, int]] = {}
        self.tree_peak = 0
        self.timeline: list[tuple[float, float, float]] = []
        self._started = time.perf_counter()

    def _sample(self) -> None:
        try:
            procs = [self.root, *self.root.children(recursive=True)]
        except Exception:
            return
        total = root_rss = 0
        for proc in procs:
            try:
                rss = proc.memory_info().rss
            except Exception:
                continue
            total += rss
            if proc.pid == self.root.pid:
                root_rss = rss
            role, peak = self.peaks.get(proc.pid, (None, 0))
            if role is None:
                role = _role(proc, self.root.pid)
            self.peaks[proc.pid] = (role, max(peak, rss))
        self.tree_peak = max(self.tree_peak, total)
        now = time.perf_counter() - self._started
        if not self.timeline or now - self.timeline[-1][0] >= 1.0:
            self.timeline.append((round(now, 1), round(root_rss / 2**20, 1), round(total / 2**20, 1)))

    def processes(self) -> list[dict]:
        """Return every sampled process's role and peak RSS (MB), largest first."""
        rows = [{"pid": pid, "role": role, "peak_rss_mb": round(peak / 2**20, 1)} for pid, (role, peak) in self.peaks.items()]
        return sorted(rows, key=lambda r: -r["peak_rss_mb"])


def newsetl_command() -> list[str]:
    """Return the ``newsetl`` executable next to this Python (the venv's), else ``python -m newsetl.flows``."""
    exe = Path(sys.executable).with_name("newsetl")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "newsetl.flows"]


def run_options(columns: dict[str, str] | None, date_format: str | None) -> list[str]:
    """Return the ``newsetl run`` options for a column mapping and a date format."""
    options = []
    for field, name in (columns or {}).items():
        options += ["--column", f"{field}={name}"]
    if date_format:
        options += ["--date-format", date_format]
    return options


def outside_run(paths: list[Path], db: Path, extra: list[str], log_path: Path, env: dict | None = None) -> dict:
    """Run ``newsetl run PATHS --db DB EXTRA`` as a subprocess; return its wall time, exit code and RSS peaks."""
    cmd = [*newsetl_command(), "run", *map(str, paths), "--db", str(db), *extra]
    started = time.perf_counter()
    with log_path.open("w") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        with ProcessTreeSampler(proc.pid) as sampler:
            code = proc.wait()
    wall = time.perf_counter() - started
    processes = sampler.processes()
    return {
        "command": " ".join(cmd),
        "exit_code": code,
        "wall_s": round(wall, 3),
        "processes": processes,
        "peak_rss_max_process_mb": max((p["peak_rss_mb"] for p in processes), default=0.0),
        "peak_rss_tree_mb": round(sampler.tree_peak / 2**20, 1),
        "flow_rss_timeline": sampler.timeline,
    }


def latest_run(db: Path) -> dict:
    """Return the latest row of ``marts.pipeline_runs`` (flow seconds included)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(
            "SELECT run_id, status, documents_seen, documents_loaded, documents_skipped, documents_rejected, "
            "epoch(finished_at) - epoch(started_at), flow_run_id FROM marts.pipeline_runs ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    keys = ("run_id", "status", "documents_seen", "documents_loaded", "documents_skipped", "documents_rejected",
            "flow_s", "flow_run_id")
    return dict(zip(keys, row)) if row else {}


def stored_sample(db: Path, n: int) -> list[dict]:
    """Return up to ``n`` loaded documents (id, text, published date), in load order."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT document_id, raw_text, CAST(published_at AS DATE) FROM raw.documents ORDER BY ingested_at, document_id LIMIT ?",
            [n],
        ).fetchall()
    finally:
        con.close()
    return [{"document_id": r[0], "raw_text": r[1], "published_date": r[2]} for r in rows]


# --- analysis alone ----------------------------------------------------------

@contextmanager
def _cpu_stage_clock():
    """Make ``analysed_batch`` time its stages in this thread's CPU seconds instead of wall seconds."""
    from newsetl.transforms import document_batch

    original = document_batch.time

    class _CpuTime:
        perf_counter = staticmethod(time.thread_time)

        def __getattr__(self, name):
            return getattr(original, name)

    document_batch.time = _CpuTime()
    try:
        yield
    finally:
        document_batch.time = original


def analysis_cpu(docs: list[dict], batch: int = 100) -> dict:
    """Run ``analysed_batch`` over ``docs`` in this process; return CPU ms per article in total and per stage."""
    import polars as pl

    from newsetl.flows.analysis_pool import analysis_gc
    from newsetl.transforms.document_batch import analysed_batch

    schema = {"document_id": pl.String, "raw_text": pl.String, "published_date": pl.Date}
    stages: dict[str, float] = {}
    total_cpu = total_wall = 0.0
    analysed_batch(pl.DataFrame(docs[:5], schema=schema), {})  # warm: models and gazetteers loaded
    analysis_gc()  # as the analysis workers do after their warm-up
    with _cpu_stage_clock():
        for start in range(0, len(docs), batch):
            frame = pl.DataFrame(docs[start:start + batch], schema=schema)
            t0, c0 = time.perf_counter(), time.thread_time()
            analysed_batch(frame, stages)
            total_cpu += time.thread_time() - c0
            total_wall += time.perf_counter() - t0
    n = max(1, len(docs))
    return {
        "analysis_docs": len(docs),
        "analysis_cpu_ms_per_doc": round(total_cpu / n * 1000, 2),
        "analysis_wall_ms_per_doc": round(total_wall / n * 1000, 2),
        "analysis_stage_cpu_ms_per_doc": {k: round(v / n * 1000, 2) for k, v in sorted(stages.items())},
        "analysis_one_core_docs_per_s": round(n / total_cpu, 1) if total_cpu else None,
    }


# --- the benchmark -----------------------------------------------------------

def run_corpus_bench(corpus: Path, *, columns: dict[str, str] | None = None, date_format: str | None = None,
                     repeat_to: int | None = None, analysis_docs: int = ANALYSIS_DOCS, naive_docs: int = NAIVE_DOCS,
                     extra_run_options: list[str] | None = None, label: str | None = None,
                     work_dir: Path | None = None, log=print) -> dict:
    """Benchmark ``newsetl run`` on ``corpus`` from outside; return the figures (see the module docstring)."""
    corpus = Path(corpus)
    if not corpus.exists():
        raise FileNotFoundError(f"no corpus at {corpus}")
    own_dir = work_dir is None
    root = Path(tempfile.mkdtemp(prefix="newsetl-outside-")) if own_dir else Path(work_dir)
    root.mkdir(parents=True, exist_ok=True)
    result: dict = {"label": label or corpus.name, "corpus": str(corpus), "columns": columns or {},
                    "date_format": date_format, "load_avg_start": _load_avg()}
    try:
        inputs = corpus
        if repeat_to:
            inputs, _ = repeated_corpus(corpus, repeat_to, root / "corpus", columns)
            result["repeated_to"] = repeat_to
            result["repeat_note"] = ("copy k > 0 of each record has the line 'bench-copy-kkk-rrrrr' appended to its "
                                     "text (distinct per record) and '-ck' appended to its id")
        result["input_bytes"] = sum(p.stat().st_size for p in ([inputs] if inputs.is_file() else inputs.rglob("*"))
                                    if p.is_file())
        db = root / "bench.duckdb"
        options = run_options(columns, date_format) + list(extra_run_options or [])
        log(f"[{result['label']}] newsetl run (first) ...")
        first = outside_run([inputs], db, options, root / "first.log")
        if first["exit_code"] != 0:
            result["error"] = f"newsetl run exited {first['exit_code']}: " + (root / "first.log").read_text(errors="replace")[-1500:]
            return result
        first["run"] = latest_run(db)
        log(f"[{result['label']}] first run {first['wall_s']:.1f} s; re-run with nothing new ...")
        rerun = outside_run([inputs], db, options, root / "rerun.log")
        rerun["run"] = latest_run(db)
        loaded = first["run"].get("documents_loaded") or 0
        flow_s = first["run"].get("flow_s") or 0.0
        result.update(
            docs=loaded,
            first_run=first,
            rerun=rerun,
            outside_s=first["wall_s"],
            outside_docs_per_s=round(loaded / first["wall_s"], 1),
            flow_s=round(flow_s, 3),
            flow_docs_per_s=round(loaded / flow_s, 1) if flow_s else None,
            startup_s=round(first["wall_s"] - flow_s, 3),
            rerun_s=rerun["wall_s"],
            rerun_flow_s=round(rerun["run"].get("flow_s") or 0.0, 3),
            rerun_share=round(rerun["wall_s"] / first["wall_s"], 4),
            rerun_loaded=rerun["run"].get("documents_loaded"),
            peak_rss_max_process_mb=max(first["peak_rss_max_process_mb"], rerun["peak_rss_max_process_mb"]),
        )
        sample = stored_sample(db, max(analysis_docs, naive_docs))
        log(f"[{result['label']}] analysis alone on {min(analysis_docs, len(sample))} articles ...")
        result.update(analysis_cpu(sample[:analysis_docs]))
        if naive_docs:
            from newsetl_dev.naive_baseline import naive_run

            texts = [d["raw_text"] for d in sample[:naive_docs]]
            log(f"[{result['label']}] naive baseline on {len(texts)} articles (plain, then hinted) ...")
            plain = naive_run(texts, root / "naive.duckdb")
            hinted = naive_run(texts, root / "naive-hinted.duckdb", hinted=True)
            result.update(
                naive_docs=len(texts),
                naive_note=(f"the naive baseline ran on the first {len(texts)} loaded articles, not all {loaded}: "
                            "its cost is per article (no shared state), so its docs/s is compared directly"),
                naive_docs_per_s=round(len(texts) / plain["seconds"], 2),
                naive_hinted_docs_per_s=round(len(texts) / hinted["seconds"], 2),
            )
            result["speedup_vs_naive"] = round(result["outside_docs_per_s"] / result["naive_docs_per_s"], 1)
            result["speedup_vs_naive_hinted"] = round(result["outside_docs_per_s"] / result["naive_hinted_docs_per_s"], 1)
        result["load_avg_end"] = _load_avg()
        return result
    finally:
        if own_dir:
            shutil.rmtree(root, ignore_errors=True)


def _load_avg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def synthetic_corpus_dir(folder: Path, n: int, seed: int = 0) -> Path:
    """Write ``n`` synthetic articles as JSONL shards into ``folder``; return it."""
    from newsetl_dev.bench import seed_texts, write_shards

    write_shards(seed_texts(), folder, n, seed=seed)
    return folder


# --- output ------------------------------------------------------------------

ROWS = (
    ("articles loaded", "docs", "{:,}"),
    ("from outside: `newsetl run`, start-up included (s)", "outside_s", "{:.1f}"),
    ("**from outside (docs/s)**", "outside_docs_per_s", "{:.1f}"),
    ("start-up and teardown (s): outside minus flow", "startup_s", "{:.1f}"),
    ("flow alone (s)", "flow_s", "{:.1f}"),
    ("flow (docs/s)", "flow_docs_per_s", "{:.1f}"),
    ("analysis alone, one core (CPU ms / article)", "analysis_cpu_ms_per_doc", "{:.1f}"),
    ("peak RSS, largest process (MB)", "peak_rss_max_process_mb", "{:.0f}"),
    ("re-run with nothing new, from outside (s)", "rerun_s", "{:.1f}"),
    ("re-run / first run", "rerun_share", "{:.1%}"),
    ("naive baseline (docs/s)", "naive_docs_per_s", "{:.2f}"),
    ("naive baseline, language-hinted (docs/s)", "naive_hinted_docs_per_s", "{:.2f}"),
    ("speed-up vs naive (outside docs/s)", "speedup_vs_naive", "{:.1f}x"),
    ("speed-up vs naive, hinted", "speedup_vs_naive_hinted", "{:.1f}x"),
)


def side_by_side(results: list[dict]) -> list[list[str]]:
    """Return the rows of the side-by-side table (metric, then one column per corpus)."""
    rows = [["metric", *[r["label"] for r in results]]]
    for label, key, fmt in ROWS:
        rows.append([label, *[fmt.format(r[key]) if r.get(key) is not None else "" for r in results]])
    for stage in ANALYSIS_STAGES:
        rows.append([f"  {stage} (CPU ms / article)",
                     *[f"{r.get('analysis_stage_cpu_ms_per_doc', {}).get(stage, 0):.1f}" if r.get("analysis_stage_cpu_ms_per_doc") else "" for r in results]])
    roles = []
    for r in results:
        for p in r.get("first_run", {}).get("processes", []):
            if p["role"] not in roles:
                roles.append(p["role"])
    for role in roles:
        cells = []
        for r in results:
            peaks = [p["peak_rss_mb"] for run in ("first_run", "rerun") for p in r.get(run, {}).get("processes", []) if p["role"] == role]
            cells.append(f"{max(peaks):.0f} ({len([p for p in r.get('first_run', {}).get('processes', []) if p['role'] == role])})" if peaks else "")
        rows.append([f"  peak RSS MB, {role} (processes)", *cells])
    return rows


def print_side_by_side(results: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    rows = side_by_side(results)
    table = Table(*rows[0], title="newsetl bench: from outside")
    for row in rows[1:]:
        table.add_row(*row)
    Console(width=160).print(table)
    for r in results:
        if r.get("error"):
            Console(stderr=True).print(f"[bold red]{r['label']}:[/] {r['error']}")
        elif r.get("naive_note"):
            Console().print(f"{r['label']}: {r['naive_note']}")


def markdown_table(results: list[dict]) -> str:
    """Return the side-by-side table as Markdown (for BENCHMARKS.md)."""
    rows = side_by_side(results)
    lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join("---" for _ in rows[0]) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def median(values: list[float]) -> float:
    return statistics.median(values)


if __name__ == "__main__":  # pragma: no cover
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--column", action="append", default=[])
    parser.add_argument("--date-format")
    parser.add_argument("--repeat-to", type=int)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    mapping = dict(pair.split("=", 1) for pair in args.column)
    out = run_corpus_bench(args.corpus, columns=mapping, date_format=args.date_format, repeat_to=args.repeat_to)
    print_side_by_side([out])
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, default=str))



def main(corpus: Path, *, columns: dict[str, str] | None = None, date_format: str | None = None,
         repeat_to: int | None = None, with_synthetic: int | None = None, analysis_docs: int = ANALYSIS_DOCS,
         naive_docs: int = NAIVE_DOCS, json_path: Path | None = None, quiet: bool = False) -> list[dict]:
    """Benchmark ``corpus`` (and, with ``with_synthetic``, that many synthetic articles) from outside;
    print the side-by-side table, write JSON; return one result per corpus, the real one first."""
    from newsetl_dev.bench import machine_info

    log = (lambda *_: None) if quiet else (lambda msg: print(f"[bench] {msg}", file=sys.stderr, flush=True))
    label = f"{Path(corpus).stem} x{repeat_to}" if repeat_to else Path(corpus).name
    results = [run_corpus_bench(Path(corpus), columns=columns, date_format=date_format, repeat_to=repeat_to,
                                analysis_docs=analysis_docs, naive_docs=naive_docs, label=label, log=log)]
    if with_synthetic:
        with tempfile.TemporaryDirectory(prefix="newsetl-synthetic-") as tmp:
            folder = synthetic_corpus_dir(Path(tmp) / "synthetic", with_synthetic)
            results.append(run_corpus_bench(folder, analysis_docs=analysis_docs, naive_docs=naive_docs,
                                            label=f"synthetic {with_synthetic}", log=log))
    if json_path is not None:
        payload = {"results": results, "machine": machine_info(), "table_markdown": markdown_table(results)}
        Path(json_path).write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
    if not quiet:
        print_side_by_side(results)
    return results
