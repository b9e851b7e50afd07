"""``newsetl bench``: throughput, incremental cost, Prefect's share and memory.

One process, one temporary directory:

1. the synthetic corpus (``newsetl_dev.synthetic_corpus``) is streamed into JSONL
   shards of ``SHARD_DOCS`` articles;
2. Prefect's ephemeral API is started with a no-op flow (``prefect_startup_s``) so
   that the runs below measure the pipeline, not the API server's start;
3. ``flows.pipeline.run_pipeline`` on the corpus folder (``first_run_s``), again
   with nothing new (``rerun_s``), and again after one new shard with 1 % more
   articles (``add_1pct_s``);
4. the same steps without Prefect (``flows.pipeline.run_without_prefect``: same reads,
   analysis processes, loads and checks; no flow, task runs or API) into a second
   fresh warehouse (``without_prefect_s``); Prefect's share is the difference;
5. the transforms alone in this process (``analysed_batch``, ``no_prefect_transform_s``);
6. the naive baseline (``newsetl_dev.naive_baseline``) on the first ``naive_docs`` articles,
   plain and with the language hint.

Every time is wall-clock ``perf_counter`` seen by the caller. ``--scale`` instead runs
step 1-3 (first run only) for N = 1k, 10k, 100k, each in a fresh subprocess so
peak RSS is per N.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from importlib import metadata
from pathlib import Path

import newsetl.flows  # noqa: F401  (Prefect environment defaults before prefect is imported)
from newsetl_dev.synthetic_corpus import synthetic_articles

SHARD_DOCS = 1000
NAIVE_DOCS = 100
NO_PREFECT_BATCH = 200
SCALE_SIZES = (1_000, 10_000, 100_000)
# Stage names in the pipeline's stage_seconds that measure waiting, not work.
WAIT_SUFFIX = "_wait"

OVERHEAD_DEFINITION = (
    "prefect_overhead_share = max(0, T_flow - T_plain) / T_flow, T_flow and T_plain the median wall times "
    "of --repeat runs of the same steps (reads, analysis processes, window, grouped loads, entity resolution, "
    "checks) on the same corpus into fresh warehouses, as the Prefect flow and as plain calls (flows/steps.py), "
    "alternating; with --repeat 1, T_flow is first_run_s. "
    "prefect_overhead_upper_bound_share is stricter: max(0, first_run_s - ideal_s) / first_run_s, where ideal_s is the wall "
    "time of the same work with zero orchestration cost and perfect parallelism (Amdahl): "
    "ideal_s = flow_process_s + (read_s + no_prefect_transform_s) / parallelism. flow_process_s sums "
    "the pipeline's stage_seconds measured in the flow process (discover, load, entity resolution, "
    "checks; '*_wait' stages excluded), read_s is its in-task read time, no_prefect_transform_s is "
    "analysed_batch over the same documents in this process without Prefect, and parallelism is "
    "the worker count for process/Dask runners, 1 for the thread runner (GIL). Everything else - "
    "flow and task-run bookkeeping, process-pool start, pickling frames, idle workers, CPU taken by "
    "the Prefect API server, the analysis processes' start - counts against Prefect, so it is an upper bound. first_run_s "
    "excludes the API server's one-off start, reported as prefect_startup_s."
)


# --- seams the tests replace -------------------------------------------------

def _pipeline_runner() -> Callable[..., dict]:
    from newsetl.flows.pipeline import run_pipeline

    return run_pipeline


def _plain_runner() -> Callable[..., dict]:
    from newsetl.flows.pipeline import run_without_prefect

    return run_without_prefect


def _analysed_batch() -> Callable:
    from newsetl.transforms.document_batch import analysed_batch

    return analysed_batch


def _prefect_warmup() -> float:
    """Start Prefect's API (ephemeral server) with a no-op flow; return the seconds it took."""
    from prefect import flow

    @flow(name="newsetl-bench-warmup", log_prints=False)
    def warmup() -> int:
        return 1

    started = time.perf_counter()
    warmup()
    return time.perf_counter() - started


def _effective_parallelism(runner: str, workers: int | None, input_bytes: int) -> tuple[str, int]:
    """Return the runner ``run_pipeline`` will use and how many batches truly run at once."""
    from newsetl.flows.runners import runner_plan

    plan = runner_plan(runner, workers, input_bytes=input_bytes)
    return plan.name, plan.parallelism


# --- corpus ------------------------------------------------------------------

def seed_texts(seeds_dir: Path | None = None) -> list[str]:
    """Return the texts of ``seeds/*.txt`` (the repository's, else the working directory's)."""
    candidates = [seeds_dir] if seeds_dir else [Path(__file__).resolve().parents[1] / "seeds", Path.cwd() / "seeds"]
    for folder in candidates:
        if folder and folder.is_dir():
            files = sorted(folder.glob("*.txt"))
            if files:
                return [f.read_text(encoding="utf-8-sig") for f in files]
    raise FileNotFoundError(f"no seed articles (*.txt) in {', '.join(str(c) for c in candidates)}")


def write_shards(seeds: list[str], folder: Path, n: int, *, start: int = 0, seed: int = 0,
                 shard_docs: int = SHARD_DOCS, prefix: str = "shard") -> tuple[list[Path], int]:
    """Stream ``n`` synthetic articles into JSONL shards under ``folder``; return the paths and bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    written = 0
    out = None
    try:
        for k, doc in enumerate(synthetic_articles(seeds, n, seed, start=start)):
            if k % shard_docs == 0:
                if out is not None:
                    out.close()
                path = folder / f"{prefix}-{(start + k) // shard_docs:05d}.jsonl"
                paths.append(path)
                out = path.open("w", encoding="utf-8")
            line = json.dumps(doc, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
    finally:
        if out is not None:
            out.close()
    return paths, written


def _corpus_frames(paths: list[Path], batch: int) -> Iterator:
    """Yield the shards' articles as analysed_batch input frames of ``batch`` rows."""
    import polars as pl

    from newsetl.transforms.inputs import document_id

    rows: list[dict] = []
    schema = {"document_id": pl.String, "raw_text": pl.String, "published_date": pl.Date}
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                doc = json.loads(line)
                published = doc.get("published_at")
                rows.append({
                    "document_id": document_id(doc["text"]),
                    "raw_text": doc["text"],
                    "published_date": date.fromisoformat(published[:10]) if published else None,
                })
                if len(rows) == batch:
                    yield pl.DataFrame(rows, schema=schema)
                    rows = []
    if rows:
        yield pl.DataFrame(rows, schema=schema)


# --- measurement helpers -----------------------------------------------------

class PeriodicSampler:
    """A daemon thread calling ``_sample()`` every ``interval`` seconds while the ``with`` block runs."""

    def __init__(self, interval: float, name: str):
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def _sample(self) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self):
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


class TreeRssSampler(PeriodicSampler):
    """Samples the summed RSS of this process and all its descendants every ``interval`` seconds.

    ``getrusage`` cannot give a concurrent total (RUSAGE_CHILDREN is the largest single
    finished child), so this complements it. Shared pages of forked workers are counted
    once per process, so the sum over-states a little.
    """

    def __init__(self, interval: float = 0.25):
        import psutil

        super().__init__(interval, "rss-sampler")
        self._proc = psutil.Process()
        self._peak = 0

    def _sample(self) -> None:
        total = 0
        try:
            procs = [self._proc, *self._proc.children(recursive=True)]
        except Exception:
            procs = [self._proc]
        for proc in procs:
            try:
                total += proc.memory_info().rss
            except Exception:  # exited between listing and reading
                pass
        self._peak = max(self._peak, total)

    def __exit__(self, *exc) -> None:
        super().__exit__(*exc)
        self._sample()

    @property
    def peak_mb(self) -> float:
        return self._peak / 2**20


def rusage_peaks_mb() -> tuple[float, float]:
    """Return ru_maxrss of this process and of its largest finished child, in MB (Linux reports KiB)."""
    scale = 2**20 if sys.platform == "darwin" else 2**10
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / 2**20
    return own, children


def _load_avg() -> list[float] | None:
    """Return the 1/5/15-minute load averages (other work on the machine skews wall times)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def machine_info() -> dict:
    """Return CPU, memory, Python and library versions."""
    import psutil

    versions = {}
    for package in ("prefect", "duckdb", "polars", "pyarrow", "langdetect", "dateparser", "lingua-language-detector",
                    "python-crfsuite", "psutil"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    from newsetl.flows.version import pipeline_version

    return {
        "cpu_count": os.cpu_count(),
        "cpu_physical": psutil.cpu_count(logical=False),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "versions": versions,
        "pipeline_version": pipeline_version(),
    }


def _cpu_seconds() -> float:
    """Return user+system CPU seconds of this process and its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed_run(run_pipeline: Callable[..., dict], paths: list[Path], db: Path, **options) -> tuple[dict, float]:
    started, cpu = time.perf_counter(), _cpu_seconds()
    summary = run_pipeline(paths, db, **options)
    summary = dict(summary)
    # CPU time is robust to other load on a shared machine; it misses the live API server.
    summary["_cpu_s"] = _cpu_seconds() - cpu
    return summary, time.perf_counter() - started


def _run_brief(summary: dict, seconds: float) -> dict:
    keep = ("run_id", "status", "documents_seen", "documents_loaded", "documents_skipped", "documents_rejected",
            "wall_s", "stage_seconds")
    brief = {k: summary.get(k) for k in keep}
    brief["caller_wall_s"] = round(seconds, 3)
    brief["cpu_s"] = round(summary.get("_cpu_s", 0.0), 3)
    return brief


def _overhead(first: dict, first_s: float, no_prefect_transform_s: float, transform_stages: set[str],
              parallelism: int) -> dict:
    """Return Prefect's share of the first run's wall time as defined in OVERHEAD_DEFINITION."""
    stages = {k: float(v) for k, v in (first.get("stage_seconds") or {}).items()}
    read_s = stages.get("read", 0.0)
    in_task_transform_s = sum(v for k, v in stages.items() if k in transform_stages)
    flow_process_s = sum(v for k, v in stages.items()
                         if k != "read" and k not in transform_stages and not k.endswith(WAIT_SUFFIX))
    ideal_s = flow_process_s + (read_s + no_prefect_transform_s) / max(1, parallelism)
    overhead_s = max(0.0, first_s - ideal_s)
    return {
        "prefect_overhead_upper_bound_share": round(overhead_s / first_s, 4) if first_s > 0 else None,
        "prefect_overhead_upper_bound_s": round(overhead_s, 3),
        "ideal_s": round(ideal_s, 3),
        "flow_process_s": round(flow_process_s, 3),
        "read_s": round(read_s, 3),
        "in_task_transform_s": round(in_task_transform_s, 3),
        # >1 means the transforms ran slower inside Prefect tasks (contention, cold workers).
        "in_task_slowdown": round(in_task_transform_s / no_prefect_transform_s, 3) if no_prefect_transform_s else None,
    }


# --- the benchmark -----------------------------------------------------------

def _prefect_share(run_pipeline: Callable[..., dict], first_s: float, corpus: Path, root: Path, repeat: int,
                   runner_name: str, options: dict, runs: dict, log) -> dict:
    """Time the same steps without Prefect (and, with ``repeat`` > 1, more flow runs, alternating) on
    fresh warehouses; return Prefect's share of the median wall time and every time measured."""
    from statistics import median

    with_prefect, without = [first_s], []
    for k in range(repeat):
        if k:
            log(f"repeat {k + 1}/{repeat}: the flow again ...")
            again, again_s = _timed_run(run_pipeline, [corpus], root / f"repeat-{k}.duckdb", **options)
            runs[f"repeat_{k}"] = _run_brief(again, again_s)
            with_prefect.append(again_s)
        log(f"the same steps without Prefect ({k + 1}/{repeat}) ...")
        plain, plain_s = _timed_run(_plain_runner(), [corpus], root / f"without-prefect-{k}.duckdb",
                                    workers=options["workers"], runner=runner_name, batch_size=options["batch_size"])
        runs["without_prefect" if k == 0 else f"without_prefect_{k}"] = _run_brief(plain, plain_s)
        without.append(plain_s)
    flow_s, plain_s = median(with_prefect), median(without)
    return {
        "repeat": repeat,
        "with_prefect_runs_s": [round(x, 3) for x in with_prefect],
        "without_prefect_runs_s": [round(x, 3) for x in without],
        "without_prefect_s": round(plain_s, 3),
        "prefect_overhead_s": round(flow_s - plain_s, 3),
        "prefect_overhead_share": round(max(0.0, flow_s - plain_s) / flow_s, 4),
    }


def run_bench(docs: int, *, workers: int | None = None, runner: str = "auto", batch_size: int | None = None,
              naive_docs: int = NAIVE_DOCS, seed: int = 0, first_run_only: bool = False,
              work_dir: Path | None = None, repeat: int = 1, log=print) -> dict:
    """Run the benchmark on ``docs`` synthetic articles and return the figures."""
    if docs < 1:
        raise ValueError("docs must be at least 1")
    seeds = seed_texts()
    own_dir = work_dir is None
    root = Path(tempfile.mkdtemp(prefix="newsetl-bench-")) if own_dir else work_dir
    root.mkdir(parents=True, exist_ok=True)
    corpus, db = root / "corpus", root / "bench.duckdb"
    result: dict = {"docs": docs, "seed": seed, "shard_docs": SHARD_DOCS, "load_avg_start": _load_avg()}
    try:
        started = time.perf_counter()
        shards, corpus_bytes = write_shards(seeds, corpus, docs, seed=seed)
        result["corpus_write_s"] = round(time.perf_counter() - started, 3)
        result["corpus_mb"] = round(corpus_bytes / 2**20, 2)
        result["avg_doc_bytes"] = round(corpus_bytes / docs)
        runner_name, parallelism = _effective_parallelism(runner, workers, corpus_bytes)
        result.update(runner=runner, runner_class=runner_name, workers=workers, parallelism=parallelism)
        log(f"corpus: {docs} articles, {result['corpus_mb']} MB in {len(shards)} shards ({result['corpus_write_s']} s)")

        run_pipeline = _pipeline_runner()
        # No HTML report after the timed runs: run_without_prefect writes none, so it would count as Prefect's cost.
        options = {"workers": workers, "runner": runner, "batch_size": batch_size, "report": False}
        with TreeRssSampler() as sampler:
            result["prefect_startup_s"] = round(_prefect_warmup(), 3)
            log(f"prefect API up in {result['prefect_startup_s']} s; first run ...")
            first, first_s = _timed_run(run_pipeline, [corpus], db, **options)
            runs = {"first": _run_brief(first, first_s)}
            if not first_run_only:
                if runner_name in ("threads", "processes"):  # the runners run_without_prefect can mirror
                    result.update(_prefect_share(run_pipeline, first_s, corpus, root, repeat, runner_name,
                                                 options, runs, log))
                log(f"first run {first_s:.1f} s; re-run with nothing new ...")
                rerun, rerun_s = _timed_run(run_pipeline, [corpus], db, **options)
                runs["rerun"] = _run_brief(rerun, rerun_s)
                extra = max(1, docs // 100)
                write_shards(seeds, corpus, extra, start=docs, seed=seed, prefix="new")
                log(f"re-run {rerun_s:.1f} s; adding {extra} new articles ...")
                added, add_s = _timed_run(run_pipeline, [corpus], db, **options)
                runs["add_1pct"] = _run_brief(added, add_s)
        loaded = first.get("documents_loaded") or 0
        result.update(
            first_run_s=round(first_s, 3),
            first_run_cpu_s=round(first.get("_cpu_s", 0.0), 3),
            docs_loaded=loaded,
            docs_per_s=round((loaded or docs) / first_s, 2),
            docs_per_cpu_s=round((loaded or docs) / first["_cpu_s"], 2) if first.get("_cpu_s") else None,
            s_per_1k_docs=round(first_s / docs * 1000, 3),
            stage_seconds=first.get("stage_seconds") or {},
            peak_rss_tree_mb=round(sampler.peak_mb, 1),
        )
        if first.get("status") != "completed":
            result["error"] = first.get("error") or f"first run status {first.get('status')}"

        if not first_run_only:
            result.update(
                rerun_s=round(rerun_s, 3),
                rerun_share=round(rerun_s / first_s, 4),
                rerun_loaded=runs["rerun"]["documents_loaded"],
                add_1pct_docs=extra,
                add_1pct_s=round(add_s, 3),
                add_1pct_loaded=runs["add_1pct"]["documents_loaded"],
                add_1pct_share=round(add_s / first_s, 4),
            )
            log("transforms without Prefect ...")
            analysed_batch = _analysed_batch()
            inner: dict[str, float] = {}
            no_prefect_s = no_prefect_cpu_s = 0.0
            for frame in _corpus_frames(shards, NO_PREFECT_BATCH):
                t0, c0 = time.perf_counter(), time.process_time()
                analysed_batch(frame, inner)
                no_prefect_s += time.perf_counter() - t0
                no_prefect_cpu_s += time.process_time() - c0
            result["no_prefect_transform_s"] = round(no_prefect_s, 3)
            result["no_prefect_transform_cpu_s"] = round(no_prefect_cpu_s, 3)
            result["no_prefect_stage_seconds"] = {k: round(v, 3) for k, v in sorted(inner.items())}
            result.update(_overhead(first, first_s, no_prefect_s, set(inner), parallelism))
            cpu = first.get("_cpu_s") or 0.0
            if cpu:
                # Load-robust companion: CPU seconds of the run (self + finished workers, not the
                # API server) beyond the transforms' own CPU and the flow-process/read stages.
                spare = max(0.0, cpu - no_prefect_cpu_s - result["flow_process_s"] - result["read_s"])
                result["prefect_overhead_cpu_share"] = round(spare / cpu, 4)
            result["prefect_overhead_definition"] = OVERHEAD_DEFINITION + (
                " prefect_overhead_cpu_share is the same idea in CPU seconds, which other load on the "
                "machine does not inflate: max(0, first_run_cpu_s - no_prefect_transform_cpu_s - "
                "flow_process_s - read_s) / first_run_cpu_s (first_run_cpu_s = getrusage self + "
                "finished children; the API server's CPU is not in it).")

            n_naive = min(docs, naive_docs)
            log(f"naive baseline on {n_naive} articles ...")
            from newsetl_dev.naive_baseline import naive_run

            texts = [d["text"] for d in synthetic_articles(seeds, n_naive, seed)]
            naive = naive_run(texts, root / "naive.duckdb")
            hinted = naive_run(texts, root / "naive_hinted.duckdb", hinted=True)
            result.update(
                naive_docs=n_naive,
                naive_s=round(naive["seconds"], 3),
                naive_setup_s=round(naive["setup_seconds"], 3),
                naive_docs_per_s=round(n_naive / naive["seconds"], 2),
                naive_docs_per_cpu_s=round(n_naive / naive["cpu_seconds"], 2) if naive.get("cpu_seconds") else None,
                naive_hinted_s=round(hinted["seconds"], 3),
                naive_hinted_docs_per_s=round(n_naive / hinted["seconds"], 2),
            )
            result["speedup_vs_naive"] = round(result["docs_per_s"] / result["naive_docs_per_s"], 2)
            result["speedup_vs_naive_hinted"] = round(result["docs_per_s"] / result["naive_hinted_docs_per_s"], 2)
            if result.get("docs_per_cpu_s") and result.get("naive_docs_per_cpu_s"):
                # Per CPU second: robust to other load, but blind to parallelism and the API server.
                result["speedup_vs_naive_cpu"] = round(result["docs_per_cpu_s"] / result["naive_docs_per_cpu_s"], 2)
            result["speedup_vs_naive_transforms_only"] = round(
                (docs / no_prefect_s) / result["naive_docs_per_s"], 2) if no_prefect_s else None
        result["runs"] = runs
        own, children = rusage_peaks_mb()
        result.update(
            peak_rss_self_mb=round(own, 1),
            peak_rss_children_mb=round(children, 1),
            # As asked: getrusage of self plus its largest finished child (a process-pool
            # worker); the live Prefect API server is not a finished child, so not counted.
            peak_rss_mb=round(own + children, 1),
            peak_rss_note=("peak_rss_mb = ru_maxrss(self) + ru_maxrss(children, i.e. the largest finished "
                           "worker); peak_rss_tree_mb = sampled peak of the summed RSS of this process and "
                           "all descendants (workers and the Prefect API server) during the pipeline runs."),
        )
        result["load_avg_end"] = _load_avg()
        result["machine"] = machine_info()
        return result
    finally:
        if own_dir:
            shutil.rmtree(root, ignore_errors=True)


def run_scale(sizes: list[int], *, workers: int | None = None, runner: str = "auto", log=print) -> dict:
    """Run the first-run benchmark once per size, each in a fresh Python process."""
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="newsetl-scale-") as tmp:
            out = Path(tmp) / "result.json"
            cmd = [sys.executable, "-m", "newsetl_dev.bench", "--docs", str(n), "--json", str(out), "--first-run-only",
                   "--runner", runner]
            if workers:
                cmd += ["--workers", str(workers)]
            log(f"scale: N={n} ...")
            started = time.perf_counter()
            with (Path(tmp) / "log.txt").open("w") as logfile:
                proc = subprocess.run(cmd, stdout=logfile, stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parents[1])
            if proc.returncode != 0 or not out.exists():
                tail = (Path(tmp) / "log.txt").read_text(errors="replace")[-2000:]
                rows.append({"docs": n, "error": f"exit {proc.returncode}", "log_tail": tail})
                log(f"scale: N={n} failed (exit {proc.returncode})")
                continue
            figures = json.loads(out.read_text())
            rows.append({
                "docs": n,
                "first_run_s": figures["first_run_s"],
                "first_run_cpu_s": figures.get("first_run_cpu_s"),
                "load_avg_start": figures.get("load_avg_start"),
                "docs_per_s": figures["docs_per_s"],
                "s_per_1k_docs": figures["s_per_1k_docs"],
                "peak_rss_mb": figures["peak_rss_mb"],
                "peak_rss_tree_mb": figures["peak_rss_tree_mb"],
                "peak_rss_self_mb": figures.get("peak_rss_self_mb"),
                "peak_rss_children_mb": figures.get("peak_rss_children_mb"),
                "prefect_startup_s": figures["prefect_startup_s"],
                "process_wall_s": round(time.perf_counter() - started, 1),
                "stage_seconds": figures["stage_seconds"],
                "status": figures["runs"]["first"]["status"],
            })
    return {"scale": rows, "linearity_note": linearity_note(rows), "machine": machine_info()}


def linearity_note(rows: list[dict]) -> str:
    """Return s per 1k docs at each N, the marginal cost between sizes and a verdict."""
    ok = [r for r in rows if "error" not in r]
    note = "not enough sizes to judge linearity"
    if len(ok) >= 2:
        # Marginal cost between successive sizes separates per-document cost from the fixed
        # per-run cost (process-pool start, API round trips) that dominates small N.
        marginal = [
            (a["docs"], b["docs"], (b["first_run_s"] - a["first_run_s"]) / (b["docs"] - a["docs"]) * 1000)
            for a, b in zip(ok, ok[1:])
        ]
        first_m, last_m = marginal[0][2], marginal[-1][2]
        verdict = ("about linear" if len(marginal) == 1 or 0.75 <= last_m / first_m <= 1.33
                   else "super-linear" if last_m > first_m else "sub-linear")
        fixed = ok[0]["first_run_s"] - first_m * ok[0]["docs"] / 1000
        note = ("s per 1k docs: " + ", ".join(f"N={r['docs']:,}: {r['s_per_1k_docs']:.2f}" for r in ok)
                + "; marginal s per 1k docs: "
                + ", ".join(f"{a:,}->{b:,}: {m:.2f}" for a, b, m in marginal)
                + f" ({verdict} in N); implied fixed cost per run about {fixed:.0f} s")
    return note


def scale_sizes(scale_max: int | None) -> list[int]:
    """Return the --scale sizes up to ``scale_max`` (which is added if it is not one of them)."""
    top = scale_max or SCALE_SIZES[-1]
    sizes = [n for n in SCALE_SIZES if n <= top]
    if top not in sizes:
        sizes.append(top)
    return sizes


# --- output ------------------------------------------------------------------

def _print_tables(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if "scale" in result:
        table = Table("N", "first run s", "docs/s", "s per 1k docs", "peak RSS MB", "tree RSS MB", title="newsetl bench --scale")
        for r in result["scale"]:
            if "error" in r:
                table.add_row(f"{r['docs']:,}", r["error"], "", "", "", "")
            else:
                table.add_row(f"{r['docs']:,}", f"{r['first_run_s']:.1f}", f"{r['docs_per_s']:.1f}",
                              f"{r['s_per_1k_docs']:.2f}", f"{r['peak_rss_mb']:.0f}", f"{r['peak_rss_tree_mb']:.0f}")
        console.print(table)
        console.print(result["linearity_note"])
        return
    m = result["machine"]
    table = Table("metric", "value", title=f"newsetl bench: {result['docs']:,} articles, "
                  f"{m['cpu_count']} CPUs, Python {m['python']}, {result.get('runner_class')}")

    def row(label: str, key: str, fmt: str = "{}") -> None:
        if result.get(key) is not None:
            table.add_row(label, fmt.format(result[key]))

    row("first run (s)", "first_run_s", "{:.2f}")
    row("throughput (docs/s)", "docs_per_s", "{:.1f}")
    row("naive baseline (docs/s, on N docs)", "naive_docs_per_s", "{:.1f}")
    row("speed-up vs naive", "speedup_vs_naive", "{:.1f}x")
    row("naive with language hint (docs/s)", "naive_hinted_docs_per_s", "{:.1f}")
    row("speed-up vs naive with language hint", "speedup_vs_naive_hinted", "{:.1f}x")
    row("speed-up vs naive, per CPU second", "speedup_vs_naive_cpu", "{:.1f}x")
    row("speed-up vs naive, transforms only", "speedup_vs_naive_transforms_only", "{:.1f}x")
    row("re-run, nothing new (s)", "rerun_s", "{:.2f}")
    row("re-run / first run", "rerun_share", "{:.1%}")
    row("add 1% new docs (s)", "add_1pct_s", "{:.2f}")
    row("Prefect API start, once (s)", "prefect_startup_s", "{:.1f}")
    row("same steps without Prefect (s)", "without_prefect_s", "{:.2f}")
    row("Prefect share of first run (wall)", "prefect_overhead_share", "{:.1%}")
    row("Prefect share, upper bound (wall)", "prefect_overhead_upper_bound_share", "{:.1%}")
    row("Prefect share, upper bound (CPU)", "prefect_overhead_cpu_share", "{:.1%}")
    row("first run CPU (s, self+workers)", "first_run_cpu_s", "{:.1f}")
    row("transforms without Prefect (s)", "no_prefect_transform_s", "{:.2f}")
    row("transforms inside tasks (s, summed)", "in_task_transform_s", "{:.2f}")
    row("peak RSS self+child (MB)", "peak_rss_mb", "{:.0f}")
    row("peak RSS whole tree (MB)", "peak_rss_tree_mb", "{:.0f}")
    console.print(table)
    stages = Table("stage", "seconds", title="first run: stage seconds", caption="in-task stages are summed over workers")
    for name, seconds in sorted((result.get("stage_seconds") or {}).items(), key=lambda kv: -kv[1]):
        stages.add_row(name, f"{seconds:.2f}")
    console.print(stages)


def main(docs: int = 2000, json_path: Path | None = None, scale: bool = False, workers: int | None = None,
         scale_max: int | None = None, *, runner: str = "auto", batch_size: int | None = None,
         naive_docs: int = NAIVE_DOCS, first_run_only: bool = False, quiet: bool = False, repeat: int = 1) -> dict:
    """Run the benchmark (or, with ``scale``, the N = 1k/10k/100k series), print tables, write JSON."""
    log = (lambda *_: None) if quiet else (lambda msg: print(f"[bench] {msg}", file=sys.stderr, flush=True))
    if scale:
        result = run_scale(scale_sizes(scale_max), workers=workers, runner=runner, log=log)
    else:
        result = run_bench(docs, workers=workers, runner=runner, batch_size=batch_size, naive_docs=naive_docs,
                           first_run_only=first_run_only, repeat=max(1, repeat), log=log)
    if json_path is not None:
        json_path = Path(json_path)
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    if not quiet:
        _print_tables(result)
    return result


def _cli(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsetl_dev.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--json", type=Path, dest="json_path")
    parser.add_argument("--scale", action="store_true")
    parser.add_argument("--scale-max", type=int)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--runner", default="auto")
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--naive-docs", type=int, default=NAIVE_DOCS)
    parser.add_argument("--first-run-only", action="store_true", help="only the first pipeline run (used by --scale)")
    parser.add_argument("--repeat", type=int, default=1, help="flow / without-Prefect pairs timed for Prefect's share")
    args = parser.parse_args(argv)
    result = main(args.docs, args.json_path, args.scale, args.workers, args.scale_max, runner=args.runner,
                  batch_size=args.batch_size, naive_docs=args.naive_docs, first_run_only=args.first_run_only,
                  repeat=args.repeat)
    return 1 if result.get("error") else 0


if __name__ == "__main__":
    sys.exit(_cli())
