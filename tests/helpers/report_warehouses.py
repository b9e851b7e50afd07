"""Seed warehouses for the report tests: built once without Prefect, copied, given stand-in marts."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tests.conftest import copy_seeds

# Where the seed articles' places lie (as a geocoder would put them): for the hand-made marts.places.
PLACES = {
    "Armenia": (40.07, 45.04, "country", "AM"),
    "Azerbaijan": (40.14, 47.58, "country", "AZ"),
    "Baku": (40.41, 49.87, "city", "AZ"),
    "Yerevan": (40.18, 44.51, "city", "AM"),
    "Nagorno-Karabakh": (39.82, 46.75, "region", "AZ"),
}


def seed_warehouse(root: Path) -> Path:
    """Return the warehouse of the five seeds, built under ``root`` with the flow's own steps (no Prefect)."""
    from newsetl.flows.pipeline import run_without_prefect

    db = root / "news.duckdb"
    summary = run_without_prefect([copy_seeds(root / "seeds")], db, runner="threads")
    assert summary["status"] == "completed" and summary["documents_loaded"] == 5
    return db


def copied(db: Path, target: Path) -> Path:
    shutil.copy(db, target)
    return target


def with_places(db: Path) -> None:
    con = duckdb.connect(str(db))
    try:
        con.execute("CREATE OR REPLACE TABLE marts.places (entity_id VARCHAR, place_name VARCHAR, latitude DOUBLE, longitude DOUBLE, "
                    "geo_precision VARCHAR, country_code VARCHAR)")
        for name, (lat, lon, precision, country) in PLACES.items():
            con.execute("INSERT INTO marts.places SELECT entity_id, canonical_name, ?, ?, ?, ? FROM marts.entities "
                        "WHERE canonical_name = ? AND entity_type = 'LOC'", [lat, lon, precision, country, name])
    finally:
        con.close()


def with_incidents(db: Path) -> None:
    """One incident per (document, count type): its largest count, dated by publication, credited to its outlet."""
    con = duckdb.connect(str(db))
    try:
        con.execute("""
            CREATE OR REPLACE TABLE marts.incidents AS
            SELECT 'i' || row_number() OVER () AS incident_id, c.count_type, NULL::VARCHAR AS place_entity_id,
                   d.published_date AS date_start, d.published_date AS date_end, max(c.value) AS best,
                   min(c.value) AS low, max(c.value) AS high, d.outlet AS first_outlet, false AS is_cumulative
            FROM marts.event_counts AS c JOIN marts.documents AS d USING (document_id)
            WHERE c.count_type IN ('killed', 'wounded') AND c.value IS NOT NULL
            GROUP BY c.count_type, c.document_id, d.published_date, d.outlet""")
    finally:
        con.close()


def without_table(db: Path, table: str) -> None:
    """Drop ``table`` from the warehouse copy ``db`` (a warehouse built before that mart existed)."""
    con = duckdb.connect(str(db))
    try:
        con.execute(f"DROP TABLE IF EXISTS {table}")
    finally:
        con.close()
