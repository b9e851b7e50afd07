"""Where the work runs: runner plans, the lean analysis processes, and steps with or without Prefect."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import polars as pl
import pytest
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from newsetl.flows import analysis_pool
from newsetl.flows.analysis_pool import analysed_here_or_in_pool, analysis_processes, batch_analysis
from newsetl.flows.runners import RUNNERS, AUTO_PROCESS_BYTES, analysis_window, runner_plan
from newsetl.flows.steps import PREFECT_STEPS, Steps, is_done, plain_steps
from newsetl.flows.writer_slot import _is_own_temporary_api

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_batch() -> pl.DataFrame:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return pl.DataFrame(
        {"document_id": [f"d{i}" for i in range(len(texts))], "raw_text": texts, "published_date": [None] * len(texts)},
        schema={"document_id": pl.String, "raw_text": pl.String, "published_date": pl.Date},
    )


@pytest.mark.parametrize(
    ("runner", "workers", "input_bytes", "expected"),
    [
        ("threads", 2, 0, ("threads", ThreadPoolTaskRunner, 0, 1)),
        ("processes", 2, 0, ("processes", ThreadPoolTaskRunner, 2, 2)),
        ("processes", 3, 0, ("processes", ThreadPoolTaskRunner, 3, 3)),
        ("prefect-processes", 2, 0, ("prefect-processes", ProcessPoolTaskRunner, 0, 2)),
        ("auto", 2, AUTO_PROCESS_BYTES + 1, ("processes", ThreadPoolTaskRunner, 2, 2)),
        ("auto", 2, 1000, ("threads", ThreadPoolTaskRunner, 0, 1)),
        ("auto", 1, AUTO_PROCESS_BYTES + 1, ("threads", ThreadPoolTaskRunner, 0, 1)),
    ],
)
def test_runner_plans(runner, workers, input_bytes, expected):
    plan = runner_plan(runner, workers, input_bytes=input_bytes)
    name, runner_class, processes, parallelism = expected
    assert plan.name == name and type(plan.task_runner) is runner_class
    assert plan.analysis_processes == processes and plan.parallelism == parallelism


def test_processes_plan_has_a_thread_for_every_batch_in_flight():
    plan = runner_plan("processes", 2)
    assert plan.task_runner._max_workers > analysis_window(2) == 4


def test_unknown_runner_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="prefect-processes"):
        runner_plan("fibers", 2)
    assert "dask" in RUNNERS


def test_pool_gives_the_same_frames_as_analysing_here(seed_batch):
    here, _ = batch_analysis(seed_batch)
    with analysis_processes(1):
        pooled, seconds = analysed_here_or_in_pool(seed_batch)
        assert analysis_pool._state["pool"] is not None
    assert analysis_pool._state["pool"] is None  # shut down with the block
    assert set(pooled) == set(here) and "entities" in seconds
    for table, frame in here.items():
        assert pooled[table].equals(frame), table


def test_pool_is_not_started_until_a_batch_needs_it():
    with analysis_processes(2):
        assert analysis_pool._state["pool"] is None


@pytest.mark.parametrize("size", [1, 2])
def test_started_analysis_processes_are_all_running_before_the_first_batch(size, seed_batch):
    here, _ = batch_analysis(seed_batch.head(2))
    with analysis_processes(size):
        assert analysis_pool.started_analysis_processes() == size
        pool = analysis_pool._state["pool"]
        assert pool is not None and len(pool._processes) == size
        assert analysis_pool.started_analysis_processes() == 0  # already running: nothing more is started
        pooled, _ = analysed_here_or_in_pool(seed_batch.head(2))
        assert analysis_pool._state["pool"] is pool and len(pool._processes) == size
    for table, frame in here.items():
        assert pooled[table].equals(frame), table


def test_no_analysis_processes_are_started_for_a_block_without_them():
    with analysis_processes(0):
        assert analysis_pool.started_analysis_processes() == 0
        assert analysis_pool._state["pool"] is None


def test_analysis_processes_cannot_be_opened_twice():
    with analysis_processes(1):
        with pytest.raises(RuntimeError, match="already open"):
            with analysis_processes(1):
                pass
    with analysis_processes(0):  # closed again: a new block may open
        pass


class _FakeTask:
    def __init__(self):
        self.fn_calls = []

    def fn(self, *args):
        self.fn_calls.append(args)
        return sum(args)

    def __call__(self, *args):
        return ("as a task", args)

    def submit(self, *args):
        return ("submitted", args)


def test_plain_steps_call_the_task_function_without_prefect():
    task = _FakeTask()
    with ThreadPoolExecutor(max_workers=1) as executor:
        steps = plain_steps(executor)
        assert steps.call(task, 1, 2) == 3
        future = steps.submit(task, 3, 4)
        assert future.result() == 7 and is_done(future)
    assert task.fn_calls == [(1, 2), (3, 4)]
    assert PREFECT_STEPS.call(task, 1) == ("as a task", (1,))
    assert PREFECT_STEPS.submit(task, 1) == ("submitted", (1,))


def test_is_done_reads_a_wrapped_future_without_asking_the_api():
    inner = Future()

    class Wrapped:
        wrapped_future = inner

        @property
        def state(self):  # what is_done must not touch
            raise AssertionError("state asks the API")

    assert not is_done(Wrapped())
    inner.set_result(1)
    assert is_done(Wrapped())


def test_a_server_this_process_did_not_start_is_not_private():
    assert not _is_own_temporary_api("http://127.0.0.1:4200/api")


@pytest.mark.parametrize(
    ("runner", "workers", "size", "chosen"),
    [
        ("auto", 2, 10_000, "threads"),  # the five seeds: analysed in the flow process
        ("auto", 2, 50 * 1024 * 1024, "processes"),  # a 50 MB export on two cores
        ("auto", 1, 50 * 1024 * 1024, "threads"),  # one worker: no process to hand batches to
        ("processes", 2, 10_000, "processes"),  # an explicit choice stands
    ],
)
def test_auto_chooses_processes_only_for_large_inputs_on_several_workers(runner, workers, size, chosen):
    from newsetl.flows.runners import chosen_runner, runner_plan

    assert chosen_runner(runner, workers, size) == chosen
    assert runner_plan(runner, workers, input_bytes=size).name == chosen


def test_an_early_analysis_process_is_adopted_by_the_next_block_and_analyses_the_same(seed_batch):
    # What `newsetl run` on a server does for a small auto run: started before Prefect is imported.
    here, _ = batch_analysis(seed_batch)
    analysis_pool.start_analysis_process()
    early = analysis_pool._state["early"]
    assert early is not None and analysis_pool._state["pool"] is None
    with analysis_processes(0):
        assert analysis_pool.analyses_elsewhere() and analysis_pool._state["pool"] is early
        pooled, _ = analysed_here_or_in_pool(seed_batch)
    assert analysis_pool._state["pool"] is None and analysis_pool._state["early"] is None  # shut down with the block
    assert not analysis_pool.analyses_elsewhere()
    for table, frame in here.items():
        assert pooled[table].equals(frame), table


def test_a_block_without_an_early_process_analyses_here(seed_batch):
    with analysis_processes(0):
        assert not analysis_pool.analyses_elsewhere()
        analysed_here_or_in_pool(seed_batch.head(1))
        assert analysis_pool._state["pool"] is None


def test_a_wait_for_a_step_ends_when_it_finishes_not_at_the_next_poll():
    import threading
    import time

    from newsetl.flows.steps import waited

    future: Future = Future()
    threading.Timer(0.05, future.set_result, args=(1,)).start()
    started = time.perf_counter()
    assert waited(future, 5.0)
    assert time.perf_counter() - started < 2.0  # back when the step finished, well before the timeout
    pending: Future = Future()
    started = time.perf_counter()
    assert not waited(pending, 0.1) and time.perf_counter() - started >= 0.09


@pytest.mark.parametrize(("signed", "calls"), [
    ([5], 1),             # the seeds: one short batch is the last, no second task run to find nothing
    ([0], 1),             # nothing new
    ([500, 500, 20], 3),
    ([500, 0], 2),        # a full batch may have had more behind it
])
def test_signing_stops_after_the_first_batch_short_of_full(monkeypatch, signed, calls):
    import logging

    from newsetl.flows import story_clusters

    monkeypatch.setattr(story_clusters.store, "dropped_stale_signatures", lambda con, params: 0)
    answers = iter(signed)
    asked = []

    class _Session:
        def connection(self):
            return None

    def call(task, *args):
        if task is story_clusters.minhash_batch:
            asked.append(args[3])
            return next(answers), "id"
        return 0

    story_clusters.clustered_stories(Steps(call=call, submit=None), _Session(), 500, "run", logging.getLogger("t"))
    assert asked == list(range(1, calls + 1))
