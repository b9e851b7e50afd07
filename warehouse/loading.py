"""Bulk loading through Arrow: one transaction per batch, raw and derived rows together.

A batch's raw documents, their derived staging rows and the batch's rejects are
committed atomically, so a crash leaves either all of them or none.
"""

from __future__ import annotations

import polars as pl
import duckdb

from newsetl.warehouse.transactions import transaction

# Staging tables filled per document by the analysis stage, in load order.
DERIVED_TABLES = (
    "documents",
    "paragraphs",
    "temporal_expressions",
    "entity_mentions",
    "quotes",
    "source_citations",
    "event_counts",
)



def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, where: str = "") -> None:
    if frame.height == 0:
        return
    view = f"_batch_{table.replace('.', '_')}"
    con.register(view, frame.to_arrow())
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {view} {where}")
    finally:
        con.unregister(view)


def loaded_batch(
    con: duckdb.DuckDBPyConnection,
    raw_documents: pl.DataFrame,
    derived: dict[str, pl.DataFrame],
    rejects: pl.DataFrame | None = None,
    *,
    known_new: bool = False,
    warnings: pl.DataFrame | None = None,
    boilerplate_counts: pl.DataFrame | None = None,
) -> int:
    """Insert the batch's new documents with their derived rows and rejects; return how many were new.

    Documents already in raw.documents (same content) are skipped along with their derived rows.
    ``known_new=True`` is for a caller that has already dropped every stored or repeated
    document while holding the only write connection (the flow does): the batch is inserted
    as it is, without the anti-join against raw.documents, whose cost grows with the
    warehouse (at 100,000 documents it made loading a third of the run). raw.documents'
    primary key still refuses a duplicate, rolling the whole batch back.
    """
    with transaction(con):
        if rejects is not None:
            _insert_new_rejects(con, rejects)
        if warnings is not None:
            _insert(con, "raw.input_warnings", warnings)
        if boilerplate_counts is not None:
            _added_line_counts(con, boilerplate_counts)
        loaded = 0
        if raw_documents.height and known_new:
            _insert(con, "raw.documents", raw_documents)
            for table in DERIVED_TABLES:
                _insert(con, f"staging.{table}", derived.get(table, pl.DataFrame()))
            loaded = raw_documents.height
        elif raw_documents.height:
            con.register("_batch_ids", raw_documents.select("document_id").unique().to_arrow())
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _new_ids AS SELECT document_id FROM _batch_ids "
                "ANTI JOIN raw.documents USING (document_id)"
            )
            con.unregister("_batch_ids")
            loaded = con.execute("SELECT count(*) FROM _new_ids").fetchone()[0]
            if loaded:
                only_new = "WHERE document_id IN (SELECT document_id FROM _new_ids)"
                _insert(con, "raw.documents", raw_documents.unique("document_id", keep="first"), only_new)
                for table in DERIVED_TABLES:
                    _insert(con, f"staging.{table}", derived.get(table, pl.DataFrame()), only_new)
            con.execute("DROP TABLE _new_ids")
    return loaded


def replaced_derived_rows(con: duckdb.DuckDBPyConnection, derived: dict[str, pl.DataFrame]) -> int:
    """Replace the derived rows of the batch's documents (reprocessing); return the document count."""
    documents = derived["documents"]
    if documents.height == 0:
        return 0
    with transaction(con):
        con.register("_batch_ids", documents.select("document_id").to_arrow())
        for table in DERIVED_TABLES:
            con.execute(f"DELETE FROM staging.{table} WHERE document_id IN (SELECT document_id FROM _batch_ids)")
            _insert(con, f"staging.{table}", derived.get(table, pl.DataFrame()))
        con.unregister("_batch_ids")
    return documents.height


def _added_line_counts(con: duckdb.DuckDBPyConnection, counts: pl.DataFrame) -> None:
    """Add a batch's per-scope line counts to ``staging.boilerplate_lines``."""
    if counts.height == 0:
        return
    con.register("_batch_line_counts", counts.to_arrow())
    try:
        con.execute(
            "INSERT INTO staging.boilerplate_lines BY NAME (SELECT scope, line_key, documents FROM _batch_line_counts) "
            "ON CONFLICT (scope, line_key) DO UPDATE SET documents = documents + excluded.documents"
        )
    finally:
        con.unregister("_batch_line_counts")


def stored_line_counts(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Return ``staging.boilerplate_lines`` (scope, line_key, documents) as a frame."""
    return con.execute("SELECT scope, line_key, documents FROM staging.boilerplate_lines").pl()


# A reject's identity: the same input rejected for the same reason and detail is one row,
# however many runs see it again (raw/rejects.sql computes the same for older rows).
REJECT_ID = "md5(concat_ws(chr(31), source_uri, reason, coalesce(detail, '')))"


def _insert_new_rejects(con: duckdb.DuckDBPyConnection, rejects: pl.DataFrame) -> int:
    """Insert the rejects not recorded by an earlier run (nor earlier in this frame); return how many."""
    if rejects.height == 0:
        return 0
    con.register("_batch_rejects", rejects.to_arrow())
    try:
        return con.execute(
            f"INSERT INTO raw.rejects BY NAME SELECT * FROM (SELECT *, {REJECT_ID} AS reject_id FROM _batch_rejects "
            "QUALIFY row_number() OVER (PARTITION BY reject_id) = 1) "
            "WHERE reject_id NOT IN (SELECT reject_id FROM raw.rejects WHERE reject_id IS NOT NULL)"
        ).fetchone()[0]
    finally:
        con.unregister("_batch_rejects")


def inserted_rejects(con: duckdb.DuckDBPyConnection, rejects: pl.DataFrame) -> int:
    """Insert reject rows on their own (e.g. files rejected at discovery); return how many were new.

    A reject an earlier run recorded (same source_uri, reason and detail) is not recorded again.
    """
    with transaction(con):
        inserted = _insert_new_rejects(con, rejects)
    return inserted


def _inserted_alone(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Insert ``frame`` into ``table`` in a transaction of its own; return the rows inserted."""
    with transaction(con):
        _insert(con, table, frame)
    return frame.height


def known_document_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Return every document_id already in raw.documents (used to skip before any NLP work)."""
    table = con.execute("SELECT document_id FROM raw.documents").fetch_arrow_table()
    return set(table.column("document_id").to_pylist())


def stale_document_ids(con: duckdb.DuckDBPyConnection, pipeline_version: str, after: str, limit: int) -> list[str]:
    """Return up to ``limit`` document ids after ``after`` whose derived rows were built by another version."""
    rows = con.execute(
        """
        SELECT r.document_id FROM raw.documents AS r
        LEFT JOIN staging.documents AS d USING (document_id)
        WHERE r.document_id > ? AND (d.pipeline_version IS NULL OR d.pipeline_version <> ?)
        ORDER BY r.document_id LIMIT ?
        """,
        [after, pipeline_version, limit],
    ).fetchall()
    return [row[0] for row in rows]


def stored_documents(con: duckdb.DuckDBPyConnection, document_ids: list[str]) -> pl.DataFrame:
    """Return the raw documents with these ids, as the analysis stage expects them."""
    con.register("_wanted", pl.DataFrame({"document_id": document_ids}).to_arrow())
    try:
        return pl.from_arrow(
            con.execute(
                "SELECT document_id, source_uri, url, source, raw_text, title, metadata_published_date AS published_date "
                "FROM raw.documents WHERE document_id IN (SELECT document_id FROM _wanted) ORDER BY document_id"
            ).fetch_arrow_table()
        )
    finally:
        con.unregister("_wanted")
