"""Is there anything new? A read-only look, before Prefect is imported or its API started.

A re-run with nothing new used to cost almost only start-up: importing Prefect and
starting its temporary API server (tens of seconds on a 2-core machine) to find, in
about a second, that every document is already stored. ``nothing_new`` reads and
hashes the inputs in this process against a read-only connection; when every document
is stored, nothing is rejected and the latest run completed, the CLI records the run
with the same steps without Prefect (``flows.pipeline.run_without_prefect``), which
start no API and no worker. Anything else (a new or changed document, a reject, a
crashed or running previous run, a locked warehouse) returns None and the flow runs.
"""

from __future__ import annotations

from pathlib import Path

from newsetl.flows.discovery import discovered_inputs
from newsetl.flows.reading import slice_content
from newsetl.transforms.inputs import ReadOptions


def nothing_new(paths: list[Path], db_path: Path, *, max_bytes: int, batch_size: int,
                read_options: ReadOptions) -> int | None:
    """Return the number of documents in ``paths`` if all are already in ``db_path`` and none is rejected, else None."""
    import duckdb

    from newsetl.warehouse.connection import WarehouseLocked, WarehouseMissing, reader_connection
    from newsetl.warehouse.loading import known_document_ids
    from newsetl.warehouse.runs import latest_run_completed

    if not db_path.exists():
        return None
    try:
        con = reader_connection(db_path)
    except (WarehouseLocked, WarehouseMissing, duckdb.Error):
        return None
    try:
        try:
            if con.execute("SELECT count(*) FROM marts.pipeline_runs").fetchone()[0] == 0 or not latest_run_completed(con):
                return None
            known = known_document_ids(con)
        except duckdb.Error:  # an older or partial warehouse: let the flow prepare it
            return None
    finally:
        con.close()
    discovery = discovered_inputs([str(p) for p in paths], max_bytes=max_bytes, batch_size=batch_size)
    if discovery.rejects or not discovery.slices:
        return None
    seen = 0
    for piece in discovery.slices:
        content = slice_content(piece, max_bytes, read_options)
        if content.rejects.height:
            return None
        ids = content.documents["document_id"]
        if any(doc_id not in known for doc_id in ids):
            return None
        seen += len(ids)
    return seen
