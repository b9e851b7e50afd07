"""Is there anything new? A read-only look, before Prefect is imported or its API started.

A re-run with nothing new used to cost almost only start-up: importing Prefect and
starting its temporary API server (tens of seconds on a 2-core machine) to find, in
about a second, that every document is already stored. ``nothing_new`` reads and
hashes the inputs in this process against a read-only connection; when every document
is stored, nothing is rejected, the latest run completed and no Prefect server is
configured, the CLI records the run without Prefect (``recorded_noop_run``): no API, no
worker, no flow run (``flow_run_id`` is null). Anything else (a new or changed document, a reject, a
crashed or running previous run, a locked warehouse) returns None and the flow runs.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsetl.flows.discovery import discovered_inputs
from newsetl.flows.reading import slice_content
from newsetl.transforms.inputs import ReadOptions


def prefect_server_configured() -> bool:
    """Return True if runs talk to a Prefect server (``PREFECT_API_URL``, in the environment or the active profile).

    Read without importing Prefect. With a server, runs take the warehouse writer slot
    (flows/writer_slot.py) and pay no API start, so the no-op shortcut is not used.
    """
    if os.environ.get("PREFECT_API_URL"):
        return True
    import tomllib

    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml")
    try:
        data = tomllib.loads(profiles.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    active = os.environ.get("PREFECT_PROFILE") or data.get("active", "ephemeral")
    return bool((data.get("profiles", {}).get(active) or {}).get("PREFECT_API_URL"))


def nothing_new(paths: list[Path], db_path: Path, *, max_bytes: int, batch_size: int,
                read_options: ReadOptions, input_files: list[dict] | None = None) -> int | None:
    """Return the number of documents in ``paths`` if all are already in ``db_path`` and none is rejected, else None.

    A file whose fingerprint (size, mtime, SHA-256, same read settings) is stored in ``raw.input_files``
    is counted without decoding it (``flows/fingerprints.py``). When the answer is a count,
    ``input_files`` (if given) receives the fingerprints of the files that had to be decoded, to store.
    """
    import duckdb

    from newsetl.flows.fingerprints import FileTally, read_key
    from newsetl.warehouse.connection import WarehouseLocked, WarehouseMissing, reader_connection
    from newsetl.warehouse.input_files import stored_input_files
    from newsetl.warehouse.loading import known_document_ids
    from newsetl.warehouse.runs import latest_run_completed, latest_run_id

    if not db_path.exists():
        return None
    try:
        con = reader_connection(db_path)
    except (WarehouseLocked, WarehouseMissing, duckdb.Error):
        return None
    key = read_key(read_options, max_bytes)
    tally = FileTally()
    try:
        try:
            if latest_run_id(con) is None or not latest_run_completed(con):
                return None
            stored = stored_input_files(con, key)
        except duckdb.Error:  # an older or partial warehouse: let the flow prepare it
            return None
        discovery = discovered_inputs([str(p) for p in paths], max_bytes=max_bytes, batch_size=batch_size)
        if discovery.rejects or not discovery.slices:
            return None
        unchanged = {path: _is_unchanged(path, stored, tally) for piece in discovery.slices for path in piece.paths}
        same = [all(unchanged[path] for path in piece.paths) for piece in discovery.slices]
        changed = [piece for piece, kept in zip(discovery.slices, same) if not kept]
        try:
            known = known_document_ids(con) if changed else set()  # read only if some file must be decoded
        except duckdb.Error:
            return None
    finally:
        con.close()  # before decoding: a reader holding the file would keep a writer out
    skipped = {path for piece, kept in zip(discovery.slices, same) if kept for path in piece.paths}
    seen = sum(stored[os.path.abspath(path)][3] for path in skipped)
    for piece in changed:
        tally.before_reading(piece.paths)
        content = slice_content(piece, max_bytes, read_options)
        if content.rejects.height:
            return None
        ids = content.documents["document_id"]
        if any(doc_id not in known for doc_id in ids):
            return None
        tally.read(piece.paths, len(ids), 0)
        seen += len(ids)
    if input_files is not None:
        input_files.extend(tally.clean_rows())
    return seen


def _is_unchanged(path: str, stored: dict, tally) -> bool:
    """Return True when ``path`` has the size, mtime and SHA-256 stored for it; hashes only when size and mtime match.

    The fingerprint of a file that changed is kept in ``tally``, so that reading it does not hash it again.
    """
    from newsetl.flows.fingerprints import file_fingerprint

    entry = stored.get(os.path.abspath(path))
    if entry is None:
        return False
    try:
        stat = os.stat(path)
    except OSError:
        return False
    if (stat.st_size, stat.st_mtime_ns) != tuple(entry[:2]):
        return False
    now = file_fingerprint(path)
    if now is not None and (now.size_bytes, now.mtime_ns, now.sha256) == tuple(entry[:3]):
        return True
    tally.fingerprints[os.path.abspath(path)] = now  # to be decoded: its fingerprint is already known
    return False


def recorded_noop_run(paths: list[Path], db_path: Path, seen: int, *, max_analysis_chars: int,
                      soft_checks: bool = False, wait_seconds: float = 0.0, input_files: list[dict] | None = None,
                      input_files_key: str | None = None) -> dict:
    """Record a run that found ``seen`` documents, all stored, and run its data checks; return the run summary.

    The flow's bookkeeping for such a run, without importing Prefect: the schema is
    applied, runs that died are marked crashed, the run is recorded (no flow run id),
    entity resolution is skipped as the flow skips it after a completed run, the data
    checks run and are recorded. Raises RuntimeError when an error check fails and
    ``soft_checks`` is off (the run is recorded as failed, as the flow would). ``input_files``
    (fingerprints from ``nothing_new``) are stored under ``input_files_key``.
    """
    import time

    from newsetl.flows.checking import check_parameters, raise_on_failed_checks
    from newsetl.flows.run_ledger import RunTally, new_run_id, recorded_run, run_summary
    from newsetl.flows.session import WarehouseSession
    from newsetl.flows.version import pipeline_version
    from newsetl.warehouse import checks, runs
    from newsetl.warehouse.input_files import recorded_input_files
    from newsetl.warehouse.schema import applied_schema

    started = time.perf_counter()
    run_id = new_run_id()
    version = pipeline_version()
    session = WarehouseSession(db_path, wait_seconds)
    tally = RunTally(seen=seen, skipped=seen)
    results = []
    with recorded_run(session, run_id, tally.counts) as outcome:
        con = session.connection()
        applied_schema(con)
        runs.crashed_runs(con)
        runs.started_run(con, run_id, None, version, "ingest", [str(p) for p in paths])
        if input_files and input_files_key:
            recorded_input_files(con, input_files, input_files_key, run_id)
        results = checks.check_results(con, check_parameters(run_id, max_analysis_chars))
        checks.recorded_checks(con, run_id, results)
        raise_on_failed_checks(results, soft_checks)
    return {**outcome.corpus_facts, **run_summary(run_id, outcome, "ingest", version, session, tally, results, started)}
