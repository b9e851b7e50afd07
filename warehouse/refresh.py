"""Corpus-level rebuilds after each run: entity keys and marts.entities.

Only distinct keys are read and resolved, never the documents, so the cost grows
with the vocabulary of names, not with the corpus.
"""

from __future__ import annotations

import duckdb
import polars as pl

from newsetl.warehouse.transactions import transaction
from newsetl.warehouse.schema import refresh_script, table_exists


def entity_key_stats(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Return one row per distinct entity_key with its type, fullest name, country, mention and document
    counts, the language most of its articles are in and its written forms."""
    return pl.from_arrow(
        con.execute(
            """
            SELECT m.entity_type, m.entity_key,
                   arg_max(m.canonical_name, length(m.canonical_name)) AS canonical_name,
                   max(m.country_code) AS country_code,
                   count(*) AS mention_count,
                   count(DISTINCT m.document_id) AS document_count,
                   mode(d.language) AS language,
                   list(DISTINCT m.text ORDER BY m.text) AS texts
            FROM staging.entity_mentions AS m
            LEFT JOIN staging.documents AS d USING (document_id)
            GROUP BY m.entity_type, m.entity_key
            ORDER BY m.entity_key
            """
        ).fetch_arrow_table()
    )


def replaced_entity_keys(con: duckdb.DuckDBPyConnection, keys: pl.DataFrame) -> int:
    """Replace staging.entity_keys with ``keys`` and rebuild marts.entities; return the entity count."""
    with transaction(con):
        con.execute("DELETE FROM staging.entity_keys")
        if keys.height:
            con.register("_keys", keys.to_arrow())
            con.execute("INSERT INTO staging.entity_keys BY NAME SELECT * FROM _keys")
            con.unregister("_keys")
        con.execute(refresh_script("entities"))
    return con.execute("SELECT count(*) FROM marts.entities").fetchone()[0]


INCIDENT_INPUTS = ("counts", "places", "dates", "documents")


def incident_inputs(con: duckdb.DuckDBPyConnection) -> dict[str, pl.DataFrame | None]:
    """Return the frames marts.incidents is built from (``refresh/incident_*.sql``).

    ``place_info`` and ``clusters`` are None until marts.places / marts.story_clusters exist.
    """
    frames: dict[str, pl.DataFrame | None] = {
        name: con.execute(refresh_script(f"incident_{name}")).pl() for name in INCIDENT_INPUTS
    }
    frames["place_info"] = con.execute(refresh_script("incident_place_info")).pl() if table_exists(con, "marts", "places") else None
    frames["clusters"] = con.execute(refresh_script("incident_clusters")).pl() if table_exists(con, "marts", "story_clusters") else None
    return frames


def replaced_incidents(con: duckdb.DuckDBPyConnection, incidents: pl.DataFrame) -> tuple[int, bool]:
    """Replace marts.incidents with ``incidents`` unless it already holds exactly them; return (rows, changed)."""
    con.register("_incidents", incidents.to_arrow())
    try:
        differing = con.execute(
            "SELECT (SELECT count(*) FROM (SELECT * FROM marts.incidents EXCEPT ALL SELECT * FROM _incidents)) "
            "+ (SELECT count(*) FROM (SELECT * FROM _incidents EXCEPT ALL SELECT * FROM marts.incidents))"
        ).fetchone()[0]
        if differing:
            with transaction(con):
                con.execute("DELETE FROM marts.incidents")
                con.execute("INSERT INTO marts.incidents BY NAME SELECT * FROM _incidents")
    finally:
        con.unregister("_incidents")
    return incidents.height, bool(differing)
def place_inputs(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Return the LOC entities, the dateline places and, per pair of places, how many documents name both.

    ``entities``: ``entity_id, place_name, aliases, country_code``; ``datelines``: ``document_id,
    dateline_place``; ``context``: ``document_id, entity_id`` (every LOC entity each document mentions).
    """
    entities = pl.from_arrow(con.execute(
        """
        SELECT entity_id, canonical_name AS place_name, aliases, country_code
        FROM marts.entities WHERE entity_type = 'LOC' ORDER BY entity_id
        """
    ).fetch_arrow_table())
    datelines = pl.from_arrow(con.execute(
        "SELECT document_id, dateline_place FROM staging.documents WHERE dateline_place IS NOT NULL ORDER BY document_id"
    ).fetch_arrow_table())
    mentions = pl.from_arrow(con.execute(
        """
        SELECT DISTINCT m.document_id, k.entity_id
        FROM staging.entity_mentions AS m JOIN staging.entity_keys AS k USING (entity_key)
        WHERE m.entity_type = 'LOC'
        """
    ).fetch_arrow_table())
    return entities, datelines, mentions


def replaced_places(con: duckdb.DuckDBPyConnection, places: pl.DataFrame, datelines: pl.DataFrame) -> int:
    """Replace marts.places and staging.dateline_places in one transaction; return the place count."""
    with transaction(con):
        con.execute("DELETE FROM marts.places")
        con.execute("DELETE FROM staging.dateline_places")
        for table, frame in (("marts.places", places), ("staging.dateline_places", datelines)):
            if frame.height:
                con.register("_rows", frame.to_arrow())
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
                con.unregister("_rows")
    return con.execute("SELECT count(*) FROM marts.places").fetchone()[0]
