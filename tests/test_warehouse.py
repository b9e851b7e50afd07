"""Warehouse layer: schema comments, atomic batch loads, data checks that catch bad rows."""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb
import polars as pl
import pytest

from newsetl.warehouse import checks, loading, transaction
from newsetl.warehouse.schema import applied_schema, ddl_scripts

NOW = datetime(2020, 10, 4, tzinfo=timezone.utc)
TEXT = "Bisnis.com, JAKARTA - Pertempuran sengit terus berlangsung.\nBaca Juga: Tautan lain"


def _raw(doc_id="d_1", text=TEXT):
    return pl.DataFrame({"document_id": [doc_id], "source_uri": ["file:///a.txt"], "raw_text": [text],
                         "ingested_at": [NOW], "run_id": ["r1"]})


def _derived(doc_id="d_1", paragraph_text="Bisnis.com, JAKARTA - Pertempuran sengit terus berlangsung."):
    return {
        "documents": pl.DataFrame({"document_id": [doc_id], "language": ["id"], "pipeline_version": ["v1"],
                                   "run_id": ["r1"], "processed_at": [NOW]}),
        "paragraphs": pl.DataFrame({"document_id": [doc_id], "paragraph_no": [1], "start_offset": [0],
                                    "end_offset": [len(paragraph_text)], "text": [paragraph_text],
                                    "language": ["id"], "is_boilerplate": [False]}),
    }


def test_every_table_and_view_states_its_grain(con):
    assert len(ddl_scripts()) >= 20
    comments = con.execute(
        "SELECT schema_name, table_name, comment FROM duckdb_tables() WHERE schema_name IN ('raw','staging','marts') "
        "UNION ALL SELECT schema_name, view_name, comment FROM duckdb_views() WHERE schema_name IN ('raw','staging','marts')"
    ).fetchall()
    contract = {"raw.documents", "raw.rejects", "marts.documents", "marts.paragraphs", "marts.temporal_expressions",
                "marts.entity_mentions", "marts.entities", "marts.quotes", "marts.source_citations",
                "marts.event_counts", "marts.pipeline_runs"}
    assert contract <= {f"{s}.{t}" for s, t, _ in comments}
    for schema, table, comment in comments:
        assert comment and "Grain:" in comment and "Key:" in comment, f"{schema}.{table}"


def test_schema_is_idempotent(con):
    applied_schema(con)
    assert con.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == 0


def test_batch_loads_once_and_skips_known_content(con):
    assert loading.loaded_batch(con, _raw(), _derived()) == 1
    assert loading.loaded_batch(con, _raw(), _derived()) == 0
    assert con.execute("SELECT count(*) FROM staging.paragraphs").fetchone()[0] == 1


def test_failed_batch_leaves_nothing_behind(con):
    broken = _derived()
    broken["paragraphs"] = broken["paragraphs"].with_columns(pl.lit(None, pl.Int32).alias("paragraph_no"))  # NOT NULL
    with pytest.raises(duckdb.Error):
        loading.loaded_batch(con, _raw(), broken)
    for table in ("raw.documents", "staging.documents", "staging.paragraphs"):
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


@pytest.mark.parametrize("interruption", [duckdb.ConstraintException, KeyboardInterrupt], ids=["error", "cancel"])
def test_transaction_rolls_back_an_error_or_a_cancel(con, interruption):
    with pytest.raises(interruption):
        with transaction(con):
            loading._insert(con, "raw.documents", _raw())
            raise interruption("interrupted mid-batch")
    assert con.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == 0
    with transaction(con):  # the connection is usable again: no transaction left open
        loading._insert(con, "raw.documents", _raw())
    assert con.execute("SELECT count(*) FROM raw.documents").fetchone()[0] == 1


def test_only_the_transaction_helper_begins_a_transaction():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    writers = sorted(
        str(path.relative_to(root))
        for folder in ("flows", "transforms", "warehouse", "newsetl")
        for path in (root / folder).rglob("*.py")
        if "BEGIN TRANSACTION" in path.read_text(encoding="utf-8")
    )
    assert writers == ["warehouse/transactions.py"]


def _failing(con) -> dict[str, int]:
    results = checks.check_results(con, {"run_id": "r1", "languages": ["id", "en", "und"], "reject_reasons": ["empty"],
                                         "max_exact_chars": 200_000})
    return {r.name: r.failing_rows for r in results if not r.passed}


def test_checks_pass_on_consistent_rows(con):
    loading.loaded_batch(con, _raw(), _derived())
    assert _failing(con) == {}


def test_checks_catch_offsets_that_do_not_match(con):
    loading.loaded_batch(con, _raw(), _derived(paragraph_text="Bisnis.com, JAKARTA - Pertempuran sengit terus berlangsung!"))
    assert _failing(con) == {"offsets_match_text": 1}


def test_checks_catch_unknown_language_and_missing_derived_rows(con):
    derived = _derived()
    derived["documents"] = derived["documents"].with_columns(pl.lit("xx").alias("language"))
    loading.loaded_batch(con, _raw(), derived)
    loading.loaded_batch(con, _raw("d_2", "Teks lain."), {})
    assert _failing(con) == {"languages_allowed": 1, "documents_derived": 1}


def test_every_stated_key_gets_a_generated_check(con):
    names = {name for name, _ in checks.key_check_scripts(con)} - {"warehouse_keys"}
    stated = {f"key_{schema}_{table}" for schema, table, _, _ in checks.table_keys(con)}
    assert names == stated
    assert {"key_raw_documents", "key_staging_quotes", "key_staging_paragraphs", "key_marts_entities"} <= names


def test_generated_key_check_catches_a_repeated_paragraph(con):
    loading.loaded_batch(con, _raw(), _derived())
    con.execute("INSERT INTO staging.paragraphs SELECT * FROM staging.paragraphs")
    assert _failing(con) == {"key_staging_paragraphs": 1, "warehouse_keys": 1}


def test_a_new_table_is_key_checked_from_its_comment_alone(con):
    con.execute("CREATE TABLE marts.incident_sketch (incident_id VARCHAR, count_type VARCHAR)")
    con.execute("COMMENT ON TABLE marts.incident_sketch IS 'Grain: one row per incident. Key: incident_id.'")
    con.execute("INSERT INTO marts.incident_sketch VALUES ('i1', 'killed'), ('i1', 'wounded'), (NULL, 'killed')")
    assert _failing(con) == {"key_marts_incident_sketch": 2}


def test_every_marts_column_names_a_producer_that_exists(con):
    import importlib

    columns = con.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'marts' ORDER BY ALL"
    ).fetchall()
    assert len(columns) > 90
    for table, column, comment in columns:
        assert comment and comment.startswith("producer: "), f"marts.{table}.{column} has no producer comment"
        producer = comment.removeprefix("producer: ").split(";")[0]
        if producer == "SQL":  # an aggregate computed by the view itself
            continue
        module, _, function = producer.rpartition(".")
        assert callable(getattr(importlib.import_module(module), function, None)), f"marts.{table}.{column}: {producer}"


def test_readme_column_catalogue_matches_the_ddl_comments():
    from newsetl_dev.catalogue import README, column_catalogue, readme_catalogue

    assert readme_catalogue(README.read_text(encoding="utf-8")) == column_catalogue(), \
        "README's column catalogue is stale: run python -m newsetl_dev.catalogue --write"
