"""Where the flow process's memory goes: RSS (and optionally the Python heap) at every step boundary.

    python -m newsetl_dev.memory_trace CORPUS [--repeat-to N] [--column field=name ...] [--tracemalloc] [--json F]

Runs ``newsetl run`` in this process (the CLI's own code: warm-up, temporary API, report),
with every step the flow calls wrapped: each call logs its name, this process's RSS before and
after, the peak RSS sampled every 0.1 s while it ran, DuckDB's own accounting
(``duckdb_memory()``) after it, and with ``--tracemalloc`` the Python heap and its largest
growth since the previous boundary (tracemalloc slows the run ~2x; RSS figures stay comparable
between runs with the same flag). A CSV/JSONL corpus can be repeated to N records as the
outside benchmark does (``newsetl_dev.outside_bench.repeated_corpus``).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import tempfile
import threading
import time
from pathlib import Path


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class _Peak:
    """The largest RSS sampled every ``interval`` s since the last ``reset``."""

    def __init__(self, interval: float = 0.1):
        self.interval, self.peak, self._stop = interval, 0.0, threading.Event()
        self.timeline: list[tuple[float, float]] = []
        self._started = time.perf_counter()
        self._thread = threading.Thread(target=self._run, daemon=True, name="rss-peak")
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            rss = _rss_mb()
            self.peak = max(self.peak, rss)
            now = time.perf_counter() - self._started
            if not self.timeline or now - self.timeline[-1][0] >= 1.0:
                self.timeline.append((round(now, 1), round(rss, 1)))

    def reset(self) -> float:
        peak, self.peak = self.peak, _rss_mb()
        return peak

    def stop(self) -> None:
        self._stop.set()


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def _malloc_mb() -> dict | None:
    """Return glibc malloc's view: bytes in use, and bytes held free in its arenas (fragmentation), in MB."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
        info = libc.mallinfo2()
    except (OSError, AttributeError):
        return None
    return {"in_use": round((info.uordblks + info.hblkhd) / 2**20, 1), "free_held": round(info.fordblks / 2**20, 1)}


def _arrow_mb() -> float | None:
    try:
        import pyarrow

        return round(pyarrow.total_allocated_bytes() / 2**20, 1)
    except ImportError:
        return None


def _duckdb_mb(session) -> float | None:
    try:
        if not session.is_open:
            return None
        row = session.connection().execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()
        return round((row[0] or 0) / 2**20, 1)
    except Exception:
        return None


def _live_frames() -> dict:
    """Return how many Polars DataFrames are alive in this process and their estimated size (MB)."""
    import gc

    import polars as pl

    frames = [o for o in gc.get_objects() if isinstance(o, pl.DataFrame)]
    return {"count": len(frames), "mb": round(sum(f.estimated_size() for f in frames) / 2**20, 1)}


def traced_steps(base, rows: list[dict], peak: _Peak, use_tracemalloc: bool, trim: bool = False, frames: bool = False):
    """Return ``base`` (a ``Steps``) with every ``call`` and every submitted result's arrival recorded in ``rows``."""
    import tracemalloc

    from newsetl.flows.steps import Steps

    state = {"snapshot": tracemalloc.take_snapshot() if use_tracemalloc else None}

    def record(name: str, before: float, session) -> None:
        row = {"step": name, "rss_before_mb": round(before, 1), "rss_after_mb": round(_rss_mb(), 1),
               "rss_peak_mb": round(peak.reset(), 1), "duckdb_mb": _duckdb_mb(session),
               "malloc_mb": _malloc_mb(), "arrow_mb": _arrow_mb(), "threads": threading.active_count()}
        if use_tracemalloc:
            snapshot = tracemalloc.take_snapshot()
            row["python_heap_mb"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
            growth = snapshot.compare_to(state["snapshot"], "lineno")[:3]
            row["python_growth"] = [f"{s.size_diff / 2**20:+.1f} MB {s.traceback[0].filename.split('site-packages/')[-1]}:"
                                    f"{s.traceback[0].lineno}" for s in growth]
            state["snapshot"] = snapshot
        if frames:
            row["live_frames"] = _live_frames()
        if trim:
            libc = ctypes.CDLL("libc.so.6")
            libc.malloc_trim(0)
            row["rss_after_trim_mb"] = round(_rss_mb(), 1)
        rows.append(row)
        print(json.dumps(row), flush=True)

    def call(task, *args):
        session = next((a for a in args if hasattr(a, "is_open")), None)
        before = _rss_mb()
        try:
            return base.call(task, *args)
        finally:
            record(getattr(task, "name", str(task)), before, session)

    return Steps(call=call, submit=base.submit)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat-to", type=int)
    parser.add_argument("--column", action="append", default=[])
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--work-dir", type=Path)
    parser.add_argument("--trim", action="store_true", help="malloc_trim(0) after each step (what glibc holds free)")
    parser.add_argument("--checkpoint-threshold", help="the writer's DuckDB checkpoint_threshold for this run (e.g. 32MB)")
    parser.add_argument("--duckdb", action="append", default=[], metavar="NAME=VALUE",
                        help="a DuckDB setting for this run's connections (e.g. threads=1, allocator_flush_threshold=16MB)")
    parser.add_argument("--frames", action="store_true", help="count the live Polars DataFrames after each step")
    parser.add_argument("--no-report", dest="report", action="store_false")
    args = parser.parse_args(argv)
    columns = dict(pair.split("=", 1) for pair in args.column)

    from newsetl import settings

    settings.apply_prefect_defaults()
    import tracemalloc

    if args.tracemalloc:
        tracemalloc.start(1)
    from newsetl.flows import pipeline
    from newsetl.warehouse import connection

    if args.duckdb:
        real_connect, extra = connection.duckdb.connect, dict(pair.split("=", 1) for pair in args.duckdb)

        def connect(*a, config=None, **k):
            return real_connect(*a, config={**(config or {}), **extra}, **k)

        connection.duckdb = type("duckdb", (), {"connect": staticmethod(connect), "IOException": connection.duckdb.IOException})
    if args.checkpoint_threshold:
        connection.CHECKPOINT_THRESHOLD = args.checkpoint_threshold
    from newsetl_dev.outside_bench import repeated_corpus

    work = args.work_dir or Path(tempfile.mkdtemp(prefix="newsetl-memtrace-"))
    work.mkdir(parents=True, exist_ok=True)
    inputs = args.corpus
    if args.repeat_to:
        inputs, _ = repeated_corpus(args.corpus, args.repeat_to, work / "corpus", columns)
    rows: list[dict] = []
    peak = _Peak()
    real_release, release_seconds = pipeline.released_free_memory, []

    def timed_release(collect_cycles: bool = False) -> bool:
        started = time.perf_counter()
        try:
            return real_release(collect_cycles)
        finally:
            release_seconds.append(time.perf_counter() - started)

    pipeline.released_free_memory = timed_release
    pipeline.PREFECT_STEPS = traced_steps(pipeline.PREFECT_STEPS, rows, peak, args.tracemalloc, args.trim, args.frames)
    started = time.perf_counter()
    from newsetl.flows.cli import app

    command = ["run", str(inputs), "--db", str(work / "trace.duckdb"), *[f"--column={c}" for c in args.column]]
    if not args.report:
        command.append("--no-report")
    rows.append({"step": "before the run", "rss_after_mb": round(_rss_mb(), 1)})
    app(command, standalone_mode=False)  # as `newsetl run` (warm-up, temporary API, report)
    rows.append({"step": "rest of the run (finish, snapshot, report)", "rss_after_mb": round(_rss_mb(), 1),
                 "rss_peak_mb": round(peak.reset(), 1), "malloc_mb": _malloc_mb()})
    print(json.dumps(rows[-1]), flush=True)
    peak.stop()
    result = {"corpus": str(args.corpus), "repeat_to": args.repeat_to, "seconds": round(time.perf_counter() - started, 1),
              "final_rss_mb": round(_rss_mb(), 1),
              "release_calls": len(release_seconds), "release_s": round(sum(release_seconds), 3),
              "max_rss_mb": max([r.get("rss_peak_mb", 0.0) for r in rows] + [0.0]), "steps": rows, "timeline": peak.timeline}
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    print(json.dumps({k: v for k, v in result.items() if k not in ("steps", "timeline")}))
    return result


if __name__ == "__main__":
    main()
