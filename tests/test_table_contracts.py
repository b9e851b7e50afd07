"""Every Polars schema the code writes with matches the DDL it is loaded into (fast: in-memory DuckDB).

The frames are inserted ``BY NAME``, so a drift (a renamed column, a new DDL column, a type
changed on one side) would otherwise surface only in the slow end-to-end runs.
"""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from newsetl.flows import reading
from newsetl.transforms.boilerplate import COUNT_SCHEMA
from newsetl.transforms.document_batch import TABLE_SCHEMAS
from newsetl.transforms.entities import resolution
from newsetl.transforms.facts.incidents import INCIDENT_SCHEMA
from newsetl.transforms.places import geocoding
from newsetl.warehouse import story_clusters
from newsetl.warehouse.schema import applied_schema

# (table, frame schema, the table's columns the loader adds to the frame)
CONTRACTS = [
    *((f"staging.{name}", schema, ("pipeline_version", "run_id", "processed_at") if name == "documents" else ())
      for name, schema in TABLE_SCHEMAS.items()),
    ("raw.documents", reading.DOCUMENT_SCHEMA, ("ingested_at", "run_id")),
    ("raw.rejects", reading.REJECT_SCHEMA, ("seen_at", "run_id", "reject_id")),
    ("raw.input_warnings", reading.WARNING_SCHEMA, ("run_id", "seen_at")),
    ("staging.boilerplate_lines", COUNT_SCHEMA, ()),
    ("staging.entity_keys", resolution.OUTPUT_SCHEMA, ()),
    ("staging.dateline_places", geocoding.DATELINE_SCHEMA, ()),
    ("staging.story_pairs", story_clusters.STORY_PAIR_SCHEMA, ("run_id",)),
    ("marts.places", geocoding.OUTPUT_SCHEMA, ()),
    ("marts.incidents", INCIDENT_SCHEMA, ()),
    ("marts.story_clusters", story_clusters.STORY_CLUSTER_SCHEMA, ()),
]
# Loaded BY NAME in another column order: staging.entity_keys puts its key first, while
# ``resolved_entities`` returns (entity_type, entity_key, ...) as its tests state. Names and types
# are still compared; tests insert into the table positionally, so neither order is changed here.
UNORDERED = {"staging.entity_keys"}
# DuckDB stores JSON as VARCHAR; a frame's string column loads into it unchanged.
_SAME_STORAGE = {"JSON": "VARCHAR"}


@pytest.fixture(scope="module")
def ddl():
    con = duckdb.connect()
    applied_schema(con)
    yield con
    con.close()


def _table_columns(con, table: str) -> list[tuple[str, str]]:
    schema, name = table.split(".")
    return con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
        [schema, name],
    ).fetchall()


def _frame_columns(con, schema: dict) -> list[tuple[str, str]]:
    con.register("_frame", pl.DataFrame(schema=schema).to_arrow())
    try:
        return con.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM _frame)").fetchall()
    finally:
        con.unregister("_frame")


@pytest.mark.parametrize(("table", "schema", "added"), CONTRACTS, ids=[c[0] for c in CONTRACTS])
def test_frame_schema_matches_the_ddl(ddl, table, schema, added):
    table_columns = _table_columns(ddl, table)
    assert table_columns, f"{table} is not in the DDL"
    expected = [(name, _SAME_STORAGE.get(kind, kind)) for name, kind in table_columns if name not in added]
    frame_columns = _frame_columns(ddl, schema)
    if table in UNORDERED:
        frame_columns, expected = sorted(frame_columns), sorted(expected)
    assert frame_columns == expected  # names, order and types
    assert set(added) <= {name for name, _ in table_columns}


@pytest.mark.parametrize(
    ("table", "schema", "drift"),
    [
        ("staging.quotes", TABLE_SCHEMAS["quotes"], {"speaker_start": pl.Int32}),
        ("staging.event_counts", TABLE_SCHEMAS["event_counts"], {"value": pl.Int32}),
        ("raw.documents", reading.DOCUMENT_SCHEMA, {"byte_length": pl.Int64, "document_id": pl.String}),
    ],
    ids=["renamed-column", "narrowed-type", "reordered"],
)
def test_a_drifted_frame_schema_is_caught(ddl, table, schema, drift):
    drifted = {**{k: v for k, v in schema.items() if k not in drift}, **drift}
    table_columns = [(n, _SAME_STORAGE.get(k, k)) for n, k in _table_columns(ddl, table)]
    assert _frame_columns(ddl, drifted) != [c for c in table_columns if c[0] in drifted]
