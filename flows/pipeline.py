"""The newsetl flow: discover -> read -> analyse -> load -> resolve entities -> story clusters -> incidents -> checks.

Slices are read in the flow process, and documents already present (same content
hash) are dropped right after reading, before any NLP work, which makes re-runs
cheap. Analyses are submitted to the task runner in a bounded window; loads run in
the flow's own process, one transaction per group of finished batches, so only one
writer ever touches DuckDB. ``run_without_prefect`` runs the same steps without
Prefect, for the benchmark's measure of what orchestration costs.
"""

from __future__ import annotations

import contextvars
import logging
import sys
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger
from prefect.runtime import flow_run as current_flow_run

from newsetl import settings
from newsetl.flows import tasks
from newsetl.flows.checking import DataChecksFailed, raise_on_failed_checks  # noqa: F401  (DataChecksFailed re-exported)
from newsetl.flows.cancellation import cancellable
from newsetl.flows.fingerprints import FileTally, read_key
from newsetl.flows.analysis_pool import analyses_elsewhere, started_analysis_processes
from newsetl.flows.analysis_pool import analysis_processes as analysis_processes_open
from newsetl.flows.memory import released_free_memory
from newsetl.flows.reporting import published_artifacts, published_report
from newsetl.flows.run_ledger import RunTally, new_run_id, recorded_run, run_summary
from newsetl.flows.runners import analysis_window, api_shared_with_workers, default_workers, input_bytes, runner_plan  # noqa: F401  (input_bytes re-exported)
from newsetl.flows.session import WarehouseSession
from newsetl.flows.story_clusters import clustered_stories
from newsetl.flows.steps import PREFECT_STEPS, Steps, is_done, plain_steps, waited
from newsetl.flows.version import pipeline_version
from newsetl.flows.warmup import later_steps_loading
from newsetl.flows.writer_slot import warehouse_writer_slot
from newsetl.transforms.batch_safety import DEFAULT_MAX_ANALYSIS_CHARS
from newsetl.transforms.boilerplate import boilerplate_scope, learned_boilerplate, line_document_counts, merged_counts
from newsetl.transforms.inputs import ReadOptions, checked_read_options
from newsetl.transforms.outlets import document_outlet
from newsetl.warehouse.connection import resolved_db_path

# Documents per analysis task. Each Prefect task run costs tens of milliseconds of CPU in the
# flow process and the API server; at 500 a 5,000-article run has 10 analysis tasks, and
# on 5,000 synthetic articles (2 cores) the run took 27.2 s against 29.2 s at 200.
DEFAULT_BATCH_SIZE = settings.BATCH_SIZE
DEFAULT_MAX_BYTES = settings.MAX_BYTES


def _progress(total: int, description: str):
    """Return a rich progress bar on an interactive terminal, else None."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    progress = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=False)
    progress.start()
    progress.add_task(description, total=total)
    return progress


def _advance(progress, amount: int = 1) -> None:
    if progress is not None:
        progress.advance(progress.task_ids[0], amount)


def _run_name() -> str:
    params = current_flow_run.parameters or {}
    mode = "reprocess" if params.get("reprocess") else "ingest"
    paths = params.get("paths") or []
    where = ", ".join(Path(p).name or str(p) for p in paths[:2]) + (" ..." if len(paths) > 2 else "")
    return f"newsetl-{mode}-{where or 'warehouse'}"


def _collect_finished(pending: deque, tally: RunTally) -> list[tuple[pl.DataFrame, dict, pl.DataFrame, pl.DataFrame]]:
    """Wait for the oldest analysis, then take every other one already finished; return their parts."""
    ready = []
    while pending and (not ready or is_done(pending[0][0])):
        started = time.perf_counter()
        while not waited(pending[0][0], 0.1):  # bounded waits, not a blocking result(): SIGTERM is acted on within 0.1 s
            pass
        future, documents, rejects, warnings = pending.popleft()
        derived, seconds = future.result()
        tally.add_seconds("analyse_wait", time.perf_counter() - started)
        for stage, value in seconds.items():
            tally.add_seconds(stage, value)
        ready.append((documents, derived, rejects, warnings))
    return ready


def _load_finished(steps: Steps, pending: deque, session, tally: RunTally, run_id: str, version: str, batch_no: int) -> None:
    """Load the oldest analysis together with all others already finished, in one transaction.

    Grouping finished batches keeps the flow process (the only writer) to one load task
    and one commit per group rather than per batch, so it rarely holds up the workers.
    """
    ready = _collect_finished(pending, tally)
    # rechunk=False: the parts are loaded as chunks of one Arrow table, not copied into one first.
    documents = pl.concat([part[0] for part in ready], how="vertical_relaxed", rechunk=False)
    rejects = pl.concat([part[2] for part in ready], how="vertical_relaxed", rechunk=False)
    warnings = pl.concat([part[3] for part in ready], how="vertical_relaxed", rechunk=False)
    derived = {}
    for table in {name for _, frames, _, _ in ready for name in frames}:
        parts = [frames[table] for _, frames, _, _ in ready if table in frames]
        derived[table] = pl.concat(parts, how="vertical_relaxed", rechunk=False)
    del ready
    started = time.perf_counter()
    loaded = steps.call(tasks.load_batch, session, documents, derived, rejects, run_id, version, batch_no, warnings)
    tally.input_warnings += warnings.height
    tally.add_seconds("load", time.perf_counter() - started)
    tally.loaded += loaded
    tally.skipped += documents.height - loaded
    del documents, derived, rejects, warnings
    released_free_memory(collect_cycles=True)  # the batches' frames Prefect's task runs kept in cycles


def _ingest(steps: Steps, session, options: "RunOptions", run_id: str, version: str, tally: RunTally, logger) -> None:
    paths, batch_size, max_bytes, window = options.paths, options.batch_size, options.max_bytes, options.window
    started = time.perf_counter()
    discovery = steps.call(tasks.discover_inputs, paths, max_bytes, batch_size)
    tally.add_seconds("discover", time.perf_counter() - started)
    if discovery.rejects:  # a task run (and its API traffic) only when there is something to record
        steps.call(tasks.record_rejects, session, discovery.rejects, run_id)
    tally.rejected += len(discovery.rejects)
    tally.reject_reasons += [r["reason"] for r in discovery.rejects]
    known = steps.call(tasks.known_documents, session)
    logger.info("%d documents already in the warehouse", len(known))
    if not known and discovery.slices:
        # Into an empty warehouse every document read is new: the workers load their models meanwhile.
        started_analysis_processes()

    # Reads run here, in the flow process: decoding and hashing cost ~0.1 ms a document,
    # and a re-run with nothing new then never starts the worker pool.
    pending: deque = deque()
    batch_no = 0
    progress = _progress(len(discovery.slices), "reading slices")
    file_options: dict[str, ReadOptions] = {}
    line_counts = steps.call(tasks.stored_boilerplate_counts, session)
    files = FileTally()  # fingerprints of the files read, stored once all their records are (flows/fingerprints.py)
    try:
        for piece in discovery.slices:
            read_options = options.read_options
            if piece.kind in ("csv", "jsonl"):
                path = piece.paths[0]
                if path not in file_options:
                    file_options[path] = steps.call(tasks.file_read_options, path, piece.kind, read_options, piece.label)
                read_options = file_options[path]
            files.before_reading(piece.paths)
            content, read_seconds = steps.call(tasks.read_slice, piece, max_bytes, piece.label, read_options)
            tally.add_seconds("read", read_seconds)
            _advance(progress)
            documents, rejects, warnings = content.documents, content.rejects, content.warnings
            files.read(piece.paths, documents.height, rejects.height)
            tally.seen += documents.height
            tally.rejected += rejects.height
            tally.reject_reasons += rejects["reason"].to_list()
            # Skip before NLP: already stored, or seen earlier in this run.
            fresh_mask = [doc_id not in known for doc_id in documents["document_id"]]
            fresh = documents.filter(pl.Series(fresh_mask, dtype=pl.Boolean)).unique("document_id", keep="first", maintain_order=True)
            known.update(fresh["document_id"])
            tally.skipped += documents.height - fresh.height
            if fresh.height == 0:
                if rejects.height:
                    steps.call(tasks.load_batch, session, fresh, {}, rejects, run_id, version, batch_no)
                continue
            for offset in range(0, fresh.height, batch_size):
                batch, line_counts = _with_learned_boilerplate(fresh.slice(offset, batch_size), line_counts)
                batch_no += 1
                batch_rejects = rejects if offset == 0 else rejects.clear()
                # A warning is stored with the document it belongs to, in the same transaction.
                batch_warnings = warnings.filter(pl.col("document_id").is_in(batch["document_id"].implode()))
                pending.append((steps.submit(tasks.analyse_batch, batch, batch_no, options.max_analysis_chars),
                                batch, batch_rejects, batch_warnings))
                while len(pending) > window:
                    _load_finished(steps, pending, session, tally, run_id, version, batch_no)
            # The slice's frames go before the next slice is read: one slice in memory, not two.
            del content, documents, rejects, warnings, fresh, batch, batch_rejects, batch_warnings
        while pending:
            _load_finished(steps, pending, session, tally, run_id, version, batch_no)
        steps.call(tasks.record_input_files, session, files.clean_rows(), read_key(options.read_options, max_bytes), run_id)
    finally:
        if progress is not None:
            progress.stop()


def metadata_outlets(batch: pl.DataFrame) -> list[str | None]:
    """Return each document's outlet from its metadata (url, then source), None where neither names one."""
    urls = batch["url"] if "url" in batch.columns else [None] * batch.height
    sources = batch["source"] if "source" in batch.columns else [None] * batch.height
    return [document_outlet(url, source, None)[0] for url, source in zip(urls, sources)]


def _with_learned_boilerplate(batch: pl.DataFrame, line_counts: pl.DataFrame, count: bool = True) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return the batch with each document's scope and learned boilerplate lines, and the counts including it.

    The batch's own lines count before it is analysed, so a template repeated within
    the first batch of a new outlet is already caught; ``count=False`` (reprocessing
    stored documents, already counted) only reads the counts.
    """
    scopes = [boilerplate_scope(outlet, uri) for outlet, uri in zip(metadata_outlets(batch), batch["source_uri"])]
    if count:
        line_counts = merged_counts(line_counts, line_document_counts(scopes, batch["raw_text"]))
    learned = learned_boilerplate(line_counts)
    return batch.with_columns(
        pl.Series("boilerplate_scope", scopes, dtype=pl.String),
        pl.Series("learned_boilerplate", [sorted(learned.get(scope, ())) for scope in scopes], dtype=pl.List(pl.String)),
    ), line_counts


def _reprocess(steps: Steps, session, batch_size: int, run_id: str, version: str, window: int, tally: RunTally, logger,
               max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS) -> None:
    after, batch_no = "", 0
    pending: deque = deque()
    line_counts = steps.call(tasks.stored_boilerplate_counts, session)
    while True:
        batch_no += 1
        documents = steps.call(tasks.stored_batch, session, version, after, batch_size, batch_no)
        if documents.height == 0:
            break
        documents, _ = _with_learned_boilerplate(documents, line_counts, count=False)
        after = documents["document_id"][-1]
        tally.seen += documents.height
        pending.append((steps.submit(tasks.analyse_batch, documents, batch_no, max_analysis_chars), documents, batch_no))
        while len(pending) > window or (pending and documents.height < batch_size):
            future, docs, number = pending.popleft()
            derived, seconds = future.result()
            for stage, value in seconds.items():
                tally.add_seconds(stage, value)
            tally.loaded += steps.call(tasks.replace_batch, session, derived, run_id, version, number)
    while pending:
        future, docs, number = pending.popleft()
        derived, _ = future.result()
        tally.loaded += steps.call(tasks.replace_batch, session, derived, run_id, version, number)
    logger.info("Reprocessed %d documents with pipeline version %s", tally.loaded, version)


@dataclass(frozen=True)
class RunOptions:
    paths: list[str]
    batch_size: int
    max_bytes: int
    reprocess: bool
    window: int
    analysis_processes: int
    read_options: ReadOptions = field(default_factory=ReadOptions)
    max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS
    report: bool = False  # a report follows the build (its libraries may be loaded while batches are analysed)


def _build(steps: Steps, session, options: RunOptions, run_id: str, version: str, flow_run_id: str | None,
           tally: RunTally, logger) -> list:
    """Prepare the warehouse, ingest (or reprocess), resolve entities, run the checks; return the check results."""
    mode = "reprocess" if options.reprocess else "ingest"
    previous_completed = steps.call(tasks.prepare_warehouse, session, run_id, flow_run_id, version, mode, options.paths)
    logger.info("Run %s (%s) into %s, pipeline %s", run_id, mode, session.path, version)
    with analysis_processes_open(options.analysis_processes):
        if analyses_elsewhere():  # this process mostly waits for the batches: load the later steps' libraries meanwhile
            later_steps_loading(report=options.report)
        if options.reprocess:
            _reprocess(steps, session, options.batch_size, run_id, version, options.window, tally, logger,
                       options.max_analysis_chars)
        else:
            _ingest(steps, session, options, run_id, version, tally, logger)
    released_free_memory()
    started = time.perf_counter()
    if tally.loaded or options.reprocess or not previous_completed:
        entities = steps.call(tasks.resolve_entities, session)
        steps.call(tasks.geocode_places, session)
    else:
        # Entity resolution reads the whole corpus; with nothing new since a completed run it would not change.
        entities = steps.call(tasks.entity_count, session)
        logger.info("Nothing new loaded since the last completed run; entity resolution and geocoding skipped")
    tally.add_seconds("resolve_entities", time.perf_counter() - started)
    released_free_memory()
    started = time.perf_counter()
    clustered_stories(steps, session, options.batch_size, run_id, logger)
    tally.add_seconds("story_clusters", time.perf_counter() - started)
    released_free_memory()
    if tally.loaded or options.reprocess or not previous_completed:
        # After the entities, places and story clusters: incidents read all three.
        started = time.perf_counter()
        steps.call(tasks.build_incidents, session)
        tally.add_seconds("incidents", time.perf_counter() - started)
    started = time.perf_counter()
    results = steps.call(tasks.run_data_checks, session, run_id, options.max_analysis_chars)
    tally.add_seconds("checks", time.perf_counter() - started)
    released_free_memory()
    for r in results:
        if not r.passed:
            logger.warning("Data check %s", r.message())
    logger.info("Loaded %d, skipped %d, rejected %d, %d input warnings; %d entities",
                tally.loaded, tally.skipped, tally.rejected, tally.input_warnings, entities)
    return results


@flow(name="newsetl-pipeline", flow_run_name=_run_name, validate_parameters=True, log_prints=False)
def newsetl_pipeline(
    paths: list[str] = ["seeds"],
    db: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reprocess: bool = False,
    soft_checks: bool = False,
    wait_seconds: float = 0.0,
    window: int = 4,
    analysis_processes: int = 0,
    columns: dict[str, str] | None = None,
    date_format: str | None = None,
    max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS,
    report: bool = True,
    report_dir: str | None = None,
) -> dict:
    """Ingest ``paths`` (or, with ``reprocess``, rebuild stale derived rows) and return the run summary.

    ``columns`` maps record fields to a CSV/JSONL file's own names (``{"text": "isi_berita"}``);
    ``date_format`` is the strftime pattern of ``published_at`` (else inferred per file).

    Facts are extracted from each document's first ``max_analysis_chars`` chars; longer
    documents are marked ``truncated_analysis`` (structure and language cover all of them).

    ``window`` batches may be in analysis ahead of the loads; ``analysis_processes`` > 0 sends
    the analysis of tasks running in this process to that many lean worker processes.

    With ``report``, a completed run then writes the HTML report (``newsetl report``) into
    ``report_dir`` (default: ``<warehouse stem>_report/`` beside the warehouse) and publishes
    it as the ``newsetl-report`` artifact; a report that fails is logged, the run still completes.
    """
    logger = get_run_logger()
    started = time.perf_counter()
    run_id = new_run_id()
    version = pipeline_version()
    session = WarehouseSession(resolved_db_path(db), wait_seconds)
    tally = RunTally()
    results = []
    flow_run_id = str(current_flow_run.id) if current_flow_run.id else None
    # The Prefect writer slot (flows/writer_slot.py) is held until the warehouse is closed;
    # SIGTERM -> RunCancelled -> recorded as 'cancelled'.
    with ExitStack() as slot:
        closing = slot.enter_context(cancellable())
        with recorded_run(session, run_id, tally.counts, finish=tasks.finish_run, closing=closing, logger=logger,
                          release=False) as outcome:
            # The lock file first and last: a live local holder of the Prefect slot always holds it.
            lock = session.writer_lock(on_wait=logger.info, flow_run_id=flow_run_id)
            slot.callback(session.release)
            slot.enter_context(warehouse_writer_slot(wait_seconds, flow_run_id, logger, db_path=session.path, lock=lock))
            options = RunOptions([str(p) for p in paths], batch_size, max_bytes, reprocess, window, analysis_processes,
                                 checked_read_options(columns, date_format), max_analysis_chars, report)
            results = _build(PREFECT_STEPS, session, options, run_id, version, flow_run_id, tally, logger)
            raise_on_failed_checks(results, soft_checks)
        mode = "reprocess" if reprocess else "ingest"
        summary = run_summary(run_id, outcome, mode, version, session, tally, results, started) | outcome.corpus_facts
    # Where the run's time went (in-task stages summed over the workers; '*_wait': the flow waiting for them).
    logger.info("Seconds per stage: %s", ", ".join(f"{k} {v:.2f}" for k, v in summary["stage_seconds"].items()))
    if not report:
        published_artifacts(summary, results)
        return summary
    # The artifacts are mostly waits on the API: sent from a thread while the report draws its charts.
    with ThreadPoolExecutor(1, thread_name_prefix="newsetl-artifacts") as pool:
        artifacts = pool.submit(contextvars.copy_context().run, published_artifacts, summary, results)
        summary["report"] = _published_report(session.path, report_dir, run_id, logger)
        artifacts.result()
    return summary


def default_report_dir(db_path: Path) -> Path:
    """Return where a run writes its report: ``<warehouse stem>_report/`` beside the warehouse file."""
    return Path(db_path).with_name(f"{Path(db_path).stem}_report")


def _published_report(db_path: Path, report_dir: str | None, run_id: str, logger) -> str | None:
    """Write the report and publish its artifact; return the path of report.html (None if it failed)."""
    out = Path(report_dir) if report_dir else default_report_dir(db_path)
    try:
        written = tasks.write_report(str(db_path), str(out))
        published_report(written, run_id)
    except Exception as error:  # the data are loaded and checked: a report that fails does not fail the run
        logger.warning("The report was not written: %s: %s (run `newsetl report` to retry)", type(error).__name__, error)
        return None
    return str(written.html)


def run_pipeline(
    paths: list[Path | str],
    db_path: Path | str | None = None,
    *,
    workers: int | None = None,
    runner: str = "auto",
    batch_size: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reprocess: bool = False,
    soft_checks: bool = False,
    wait_seconds: float = 0.0,
    dask_address: str | None = None,
    columns: dict[str, str] | None = None,
    date_format: str | None = None,
    max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS,
    report: bool = True,
    report_dir: str | Path | None = None,
) -> dict:
    """Run the flow with the chosen task runner and return its summary dict."""
    checked_read_options(columns, date_format)  # a bad mapping fails before any server starts
    plan = runner_plan(runner, workers, input_bytes=input_bytes(paths), dask_address=dask_address)
    configured = newsetl_pipeline.with_options(task_runner=plan.task_runner)
    with api_shared_with_workers(plan.task_runner):
        return configured(
            paths=[str(p) for p in paths],
            db=str(db_path) if db_path else None,
            batch_size=batch_size or DEFAULT_BATCH_SIZE,
            max_bytes=max_bytes,
            reprocess=reprocess,
            soft_checks=soft_checks,
            wait_seconds=wait_seconds,
            window=analysis_window(workers),
            analysis_processes=plan.analysis_processes,
            columns=dict(columns or {}),
            date_format=date_format,
            max_analysis_chars=max_analysis_chars,
            report=report,
            report_dir=str(report_dir) if report_dir else None,
        )


def run_without_prefect(paths: list[Path | str], db_path: Path | str | None = None, *, workers: int | None = None,
                        runner: str = "processes", batch_size: int | None = None,
                        max_bytes: int = DEFAULT_MAX_BYTES, max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS,
                        columns: dict[str, str] | None = None, date_format: str | None = None,
                        soft_checks: bool = True) -> dict:
    """Run the flow's steps with no Prefect at all and return the same summary as ``run_pipeline``.

    For measurement (``newsetl bench``, "Prefect's share"): the same reads, analysis (lean
    processes for ``processes``, threads for ``threads``), window, grouped loads, entity
    resolution and checks as ``run_pipeline`` with that runner, but no flow run, task runs,
    API server, writer slot or artifacts. DuckDB's file lock still keeps it the only writer.
    """
    if runner not in ("threads", "processes"):
        raise ValueError(f"run_without_prefect mirrors the threads and processes runners, not {runner!r}")
    workers = workers or default_workers()
    window = analysis_window(workers)
    plan = runner_plan(runner, workers)
    threads = window + 1 if plan.analysis_processes else workers
    options = RunOptions([str(p) for p in paths], batch_size or DEFAULT_BATCH_SIZE, max_bytes, False, window,
                         plan.analysis_processes, checked_read_options(columns, date_format), max_analysis_chars)
    logger = logging.getLogger("newsetl.without_prefect")
    started = time.perf_counter()
    run_id = new_run_id()
    version = pipeline_version()
    session = WarehouseSession(resolved_db_path(db_path))
    tally = RunTally()
    results = []
    with recorded_run(session, run_id, tally.counts, logger=logger) as outcome:
        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="newsetl-step") as executor:
            results = _build(plain_steps(executor), session, options, run_id, version, None, tally, logger)
        raise_on_failed_checks(results, soft_checks)
    return run_summary(run_id, outcome, "ingest", version, session, tally, results, started) | outcome.corpus_facts
