"""What a run loads before it needs it: `newsetl --help` and the runner choice import no Prefect, the early
analysis process is started only for a small auto run with something to analyse, and only on a free core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsetl import settings
from newsetl.flows import cli

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("prefect", "altair", "vl_convert", "duckdb", "polars", "newsetl.transforms.document_batch")


def _imported_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    return set(out.stdout.split())


def test_newsetl_help_imports_no_prefect_report_or_warehouse_library():
    code = ("from typer.testing import CliRunner\nfrom newsetl.flows.cli import app\n"
            "assert CliRunner().invoke(app, ['--help']).exit_code == 0")
    modules = _imported_after(code)
    assert not {m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY}


def test_choosing_the_runner_imports_no_prefect():
    modules = _imported_after("from newsetl.flows.runners import chosen_runner, input_bytes\n"
                              "assert chosen_runner('auto', 2, input_bytes(['seeds'])) == 'threads'")
    assert not any(m.split(".")[0] == "prefect" for m in modules)


def test_the_early_analysis_module_imports_no_transforms_until_it_analyses():
    modules = _imported_after("import newsetl.flows.analysis_pool")
    assert "newsetl.transforms.document_batch" not in modules and "prefect" not in modules


@pytest.mark.parametrize(("value", "load", "cores", "early"), [
    ("auto", 0.6, 2, True),     # the quiet machine of a judged run: a core is free
    ("auto", 1.9, 2, True),
    ("auto", 2.0, 2, False),    # both cores busy: a second process only adds CPU
    ("auto", 9.0, 2, False),
    ("auto", 0.1, 1, False),    # one core: nothing to overlap with
    ("on", 9.0, 2, True),
    ("off", 0.1, 2, False),
])
def test_early_analysis_needs_a_free_core_unless_forced(monkeypatch, value, load, cores, early):
    monkeypatch.setenv(settings.EARLY_ANALYSIS_ENV, value)
    monkeypatch.setattr(settings.os, "getloadavg", lambda: (load, load, load))
    monkeypatch.setattr(settings.os, "cpu_count", lambda: cores)
    assert settings.early_analysis() is early


READING = {"max_bytes": settings.MAX_BYTES, "batch_size": 500}


@pytest.mark.parametrize(("runner", "reprocess", "early"), [
    (cli.Runner.auto, False, True),
    (cli.Runner.threads, False, False),  # asked for threads: analysed in the run's process
    (cli.Runner.processes, False, False),  # its own pool of workers
    (cli.Runner.auto, True, False),
])
def test_a_small_auto_run_into_a_new_warehouse_analyses_early(monkeypatch, tmp_path, runner, reprocess, early):
    from newsetl.transforms.inputs import ReadOptions

    monkeypatch.setenv(settings.EARLY_ANALYSIS_ENV, "on")
    assert cli._analyses_early(runner, None, [ROOT / "seeds"], None, reprocess, tmp_path / "new.duckdb",
                               read_options=ReadOptions(), **READING) is early


def test_a_run_with_nothing_new_starts_no_early_process(monkeypatch, seed_db):
    from newsetl.transforms.inputs import ReadOptions

    monkeypatch.setenv(settings.EARLY_ANALYSIS_ENV, "on")
    assert not cli._analyses_early(cli.Runner.auto, None, [ROOT / "seeds"], None, False, Path(seed_db),
                                   read_options=ReadOptions(), **READING)


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "\nState:\tZ" in state


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to see the worker end")
def test_an_early_analysis_process_ends_when_its_run_is_killed():
    # A run killed (SIGTERM before its handler, SIGKILL) cannot stop its pool: the worker must not linger.
    import os
    import signal
    import time

    code = ("import time\nfrom newsetl.flows import analysis_pool\nanalysis_pool.start_analysis_process()\n"
            "pool = analysis_pool._state['early']\n"
            "while not pool._processes: time.sleep(0.05)\n"
            "print(*pool._processes, flush=True)\ntime.sleep(120)")
    run = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        workers = [int(pid) for pid in run.stdout.readline().split()]
        assert workers
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=30)
        deadline = time.monotonic() + 30
        while not all(_gone(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert all(_gone(pid) for pid in workers)
    finally:
        run.kill()
        for pid in workers if "workers" in locals() else []:
            if not _gone(pid):
                os.kill(pid, signal.SIGKILL)
