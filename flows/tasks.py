"""Prefect tasks: thin wrappers around I/O and the pure transforms.

Retries with backoff sit only on tasks that read files. No task caches its
results, ``analyse_batch`` included: batches already committed are skipped by
content hash before any NLP work, so on a retried run a result cache would only
spare the few in-flight batches while persisting ~6x the input to disk (see
OPERATIONS.md, "Retries and caching").
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError
from prefect.tasks import exponential_backoff

from newsetl.flows.analysis_pool import SIGNATURES, analysed_here_or_in_pool
from newsetl.flows.checking import check_parameters
from newsetl.flows.discovery import Discovery, InputSlice, discovered_inputs, printable
from newsetl.flows.reading import REJECT_SCHEMA, SliceContent, file_date_values, slice_content
from newsetl.flows import run_ledger
from newsetl.flows.session import WarehouseSession
from newsetl.transforms.batch_safety import DEFAULT_MAX_ANALYSIS_CHARS
from newsetl.transforms.boilerplate import line_document_counts
from newsetl.transforms.inputs import ReadOptions, inferred_day_first, is_numeric_date
from newsetl.warehouse import checks, loading, refresh, runs
from newsetl.warehouse.story_clusters import inserted_signatures
from newsetl.warehouse.schema import applied_schema

def _logger():
    """Return the Prefect run logger, or a plain one when a step runs without Prefect (flows/steps.py)."""
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("newsetl")


@task(name="discover", task_run_name="discover-inputs", retries=2,
      retry_delay_seconds=exponential_backoff(backoff_factor=1), cache_policy=NO_CACHE)
def discover_inputs(paths: list[str], max_bytes: int, batch_size: int) -> Discovery:
    """Return the input slices to read and the files rejected before reading."""
    discovery = discovered_inputs(paths, max_bytes=max_bytes, batch_size=batch_size)
    _logger().info(
        "Found %d files in %d slices; %d rejected before reading", discovery.files, len(discovery.slices), len(discovery.rejects)
    )
    return discovery


@task(name="read", task_run_name="read-{label}", retries=3,
      retry_delay_seconds=exponential_backoff(backoff_factor=1), cache_policy=NO_CACHE)
def read_slice(piece: InputSlice, max_bytes: int, label: str, options: ReadOptions | None = None) -> tuple[SliceContent, float]:
    """Return the decoded documents, rejects and input warnings of one slice, and the seconds it took."""
    started = time.perf_counter()
    content = slice_content(piece, max_bytes, options)
    return content, time.perf_counter() - started


@task(name="date-order", task_run_name="date-order-{label}", retries=3,
      retry_delay_seconds=exponential_backoff(backoff_factor=1), cache_policy=NO_CACHE)
def file_read_options(path: str, kind: str, options: ReadOptions, label: str) -> ReadOptions:
    """Return ``options`` with the day/month order of numeric dates decided from all of one file's dates.

    With ``--date-format`` (or an order already given) nothing is inferred. A file whose
    dates never show a field over 12 is read day first, and the log says so.
    """
    if options.date_format or options.day_first is not None or kind not in ("csv", "jsonl"):
        return options
    values = file_date_values(path, kind, options)
    day_first = inferred_day_first(values)
    numeric = sum(1 for value in values if is_numeric_date(value))
    if numeric:
        order = {True: "day first", False: "month first", None: "day first (no value decides; every day field is 12 or less)"}[day_first]
        _logger().info("%s: %d numeric dates read %s", printable(Path(path).name), numeric, order)
    return replace(options, day_first=day_first)


@task(name="analyse", task_run_name="analyse-batch-{batch_no}", cache_policy=NO_CACHE)
def analyse_batch(documents: pl.DataFrame, batch_no: int,
                  max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS) -> tuple[dict[str, pl.DataFrame], dict[str, float]]:
    """Return the derived staging frames of a batch and the seconds spent per stage.

    Facts come from each document's first ``max_analysis_chars`` chars (``truncated_analysis`` marks the rest).

    The work runs here, or in the flow's analysis processes when it opened them (flows/analysis_pool.py).
    """
    learned = [pl.col("learned_boilerplate")] if "learned_boilerplate" in documents.columns else []
    metadata = [name for name in ("url", "source") if name in documents.columns]  # they name the outlet
    return analysed_here_or_in_pool(
        documents.select("document_id", "raw_text", pl.col("metadata_published_date").alias("published_date"),
                         *metadata, *learned),
        max_analysis_chars,
    )


@task(name="prepare-warehouse", task_run_name="prepare-warehouse", cache_policy=NO_CACHE)
def prepare_warehouse(session: WarehouseSession, run_id: str, flow_run_id: str | None, pipeline_version: str,
                      mode: str, inputs: list[str]) -> bool:
    """Create missing schema objects, mark runs that died as crashed, record this run.

    Returns True if the latest earlier run completed (so derived corpus-wide tables are current).
    """
    logger = _logger()
    con = session.connection(on_wait=logger.warning)
    for name in applied_schema(con):
        if name.startswith("migration "):
            logger.info("Brought the warehouse up to date: %s (warehouse/migrations/)", name)
    previous_completed = runs.latest_run_completed(con)
    for old_run in runs.crashed_runs(con):
        logger.warning("Run %s never finished; marked crashed. Its committed batches are kept.", old_run)
    runs.started_run(con, run_id, flow_run_id, pipeline_version, mode, inputs)
    return previous_completed


@task(name="known-documents", task_run_name="known-document-ids", cache_policy=NO_CACHE)
def known_documents(session: WarehouseSession) -> set[str]:
    """Return the ids of documents already in the warehouse."""
    return loading.known_document_ids(session.connection())


def _stamped(frame: pl.DataFrame, **columns) -> pl.DataFrame:
    return frame.with_columns(**{name: pl.lit(value) for name, value in columns.items()})


@task(name="load", task_run_name="load-batch-{batch_no}", cache_policy=NO_CACHE)
def load_batch(session: WarehouseSession, documents: pl.DataFrame, derived: dict[str, pl.DataFrame],
               rejects: pl.DataFrame, run_id: str, pipeline_version: str, batch_no: int,
               warnings: pl.DataFrame | None = None) -> int:
    """Commit one batch (raw rows, derived rows, rejects, input warnings) atomically; return the documents loaded.

    Then store the batch's MinHash signatures (``SIGNATURES`` in ``derived``, made by the analysis).

    ``documents`` must hold only documents that are neither stored nor repeated: the flow
    drops those after reading, while it holds the only write connection.
    """
    now = datetime.now(timezone.utc)
    derived = dict(derived)
    if "documents" in derived:
        derived["documents"] = _stamped(derived["documents"], pipeline_version=pipeline_version, run_id=run_id, processed_at=now)
    counts = None
    if "boilerplate_scope" in documents.columns:
        counts = line_document_counts(documents["boilerplate_scope"], documents["raw_text"])
        documents = documents.drop("boilerplate_scope", "learned_boilerplate", strict=False)
    signatures = derived.pop(SIGNATURES, None)
    con = session.connection()
    loaded = loading.loaded_batch(
        con,
        _stamped(documents, ingested_at=now, run_id=run_id),
        derived,
        _stamped(rejects, seen_at=now, run_id=run_id),
        known_new=True,
        boilerplate_counts=counts,
        warnings=None if warnings is None else _stamped(warnings, seen_at=now, run_id=run_id),
    )
    if signatures is not None and loaded:  # signed by the analysis; story clusters sign what is still unsigned
        inserted_signatures(con, _stamped(signatures, run_id=run_id))
    return loaded


@task(name="stored-boilerplate-counts", task_run_name="stored-boilerplate-counts", cache_policy=NO_CACHE)
def stored_boilerplate_counts(session: WarehouseSession) -> pl.DataFrame:
    """Return the per-scope line counts stored by earlier loads (``staging.boilerplate_lines``)."""
    return loading.stored_line_counts(session.connection())


@task(name="record-rejects", task_run_name="record-rejects", cache_policy=NO_CACHE)
def record_rejects(session: WarehouseSession, rejects: list[dict], run_id: str) -> int:
    """Store rejects found outside any batch (at discovery); return how many."""
    if not rejects:
        return 0
    frame = pl.DataFrame(rejects, schema=REJECT_SCHEMA)
    return loading.inserted_rejects(session.connection(), _stamped(frame, seen_at=datetime.now(timezone.utc), run_id=run_id))


@task(name="record-input-files", task_run_name="record-input-files", cache_policy=NO_CACHE)
def record_input_files(session: WarehouseSession, rows: list[dict], read_key: str, run_id: str) -> int:
    """Store the fingerprints of input files whose every record is now stored; return how many."""
    from newsetl.warehouse.input_files import recorded_input_files

    return recorded_input_files(session.connection(), rows, read_key, run_id)


@task(name="stored-batch", task_run_name="read-stored-batch-{batch_no}", cache_policy=NO_CACHE)
def stored_batch(session: WarehouseSession, pipeline_version: str, after: str, batch_size: int, batch_no: int) -> pl.DataFrame:
    """Return the next batch of raw documents whose derived rows are stale (for reprocessing)."""
    con = session.connection()
    ids = loading.stale_document_ids(con, pipeline_version, after, batch_size)
    frame = loading.stored_documents(con, ids) if ids else pl.DataFrame()
    if frame.height:
        frame = frame.rename({"published_date": "metadata_published_date"})
    return frame


@task(name="replace", task_run_name="replace-batch-{batch_no}", cache_policy=NO_CACHE)
def replace_batch(session: WarehouseSession, derived: dict[str, pl.DataFrame], run_id: str,
                  pipeline_version: str, batch_no: int) -> int:
    """Replace the derived rows of a reprocessed batch; return how many documents."""
    derived = dict(derived)
    derived["documents"] = _stamped(
        derived["documents"], pipeline_version=pipeline_version, run_id=run_id, processed_at=datetime.now(timezone.utc)
    )
    return loading.replaced_derived_rows(session.connection(), derived)


@task(name="resolve-entities", task_run_name="resolve-entities", cache_policy=NO_CACHE)
def resolve_entities(session: WarehouseSession) -> int:
    """Re-resolve entity keys corpus-wide and rebuild marts.entities; return the entity count."""
    from newsetl.transforms.entities import resolved_entities

    con = session.connection()
    stats = refresh.entity_key_stats(con)
    keys = resolved_entities(stats) if stats.height else stats
    keys = keys.select("entity_key", "entity_type", "entity_id", "canonical_name", "country_code") if keys.height else keys
    return refresh.replaced_entity_keys(con, keys)


@task(name="geocode-places", task_run_name="geocode-places", cache_policy=NO_CACHE)
def geocode_places(session: WarehouseSession) -> int:
    """Geocode every LOC entity and dateline place corpus-wide and rebuild marts.places; return the place count."""
    from newsetl.flows.gazetteer_cache import installed_gazetteer
    from newsetl.transforms.places import place_tables

    installed_gazetteer()  # the prebuilt indexes, read name by name (~2 s of CPU less than building them)
    con = session.connection()
    entities, datelines, mentions = refresh.place_inputs(con)
    places, dateline_map = place_tables(entities, datelines, mentions)
    return refresh.replaced_places(con, places, dateline_map)


@task(name="entity-count", task_run_name="entity-count", cache_policy=NO_CACHE)
def entity_count(session: WarehouseSession) -> int:
    """Return how many resolved entities marts.entities holds."""
    return runs.entity_total(session.connection())


@task(name="data-checks", task_run_name="data-checks", cache_policy=NO_CACHE)
def run_data_checks(session: WarehouseSession, run_id: str,
                    max_analysis_chars: int = DEFAULT_MAX_ANALYSIS_CHARS) -> list[checks.CheckResult]:
    """Run and record every data check over run ``run_id``'s documents; return the results."""
    con = session.connection()
    results = checks.check_results(con, check_parameters(run_id, max_analysis_chars))
    checks.recorded_checks(con, run_id, results)
    return results


@task(name="finish-run", task_run_name="finish-run-{status}", cache_policy=NO_CACHE)
def finish_run(session: WarehouseSession, run_id: str, status: str, counts: dict[str, int], error: str | None) -> None:
    """Record the run's final status and counts in marts.pipeline_runs (``run_ledger.finished_run`` as a task run)."""
    run_ledger.finished_run(session, run_id, status, counts, error)


@task(name="build-incidents", task_run_name="build-incidents", cache_policy=NO_CACHE)
def build_incidents(session: WarehouseSession) -> int:
    """Rebuild marts.incidents from the counts, places, dates and documents; return its row count.

    Leaves the table untouched when the rebuild gives the rows it already holds. Reads marts.places
    and marts.story_clusters when they exist, so run it after they are built.
    """
    from newsetl.transforms.facts.incidents import incidents_from_inputs

    con = session.connection()
    rows, _changed = refresh.replaced_incidents(con, incidents_from_inputs(refresh.incident_inputs(con)))
    return rows
@task(name="report", task_run_name="write-report", cache_policy=NO_CACHE)
def write_report(db_path: str, out_dir: str):
    """Write the HTML report and its chart PNGs (read-only on the warehouse); return what was written."""
    from newsetl.report.build import written_report

    written = written_report(Path(db_path), Path(out_dir))
    _logger().info("Report %s: %d charts in %.1f s", written.html, len(written.charts), written.seconds)
    return written
