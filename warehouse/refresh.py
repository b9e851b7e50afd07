"""Corpus-level rebuilds after each run: entity keys and marts.entities.

Only distinct keys are read and resolved, never the documents, so the cost grows
with the vocabulary of names, not with the corpus.
"""

from __future__ import annotations

import duckdb
import polars as pl

from newsetl.warehouse.schema import refresh_script


def entity_key_stats(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Return one row per distinct entity_key with its type, fullest name, country and mention count."""
    return pl.from_arrow(
        con.execute(
            """
            SELECT entity_type, entity_key,
                   arg_max(canonical_name, length(canonical_name)) AS canonical_name,
                   max(country_code) AS country_code,
                   count(*) AS mention_count
            FROM staging.entity_mentions
            GROUP BY entity_type, entity_key
            ORDER BY entity_key
            """
        ).fetch_arrow_table()
    )


def replaced_entity_keys(con: duckdb.DuckDBPyConnection, keys: pl.DataFrame) -> int:
    """Replace staging.entity_keys with ``keys`` and rebuild marts.entities; return the entity count."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM staging.entity_keys")
        if keys.height:
            con.register("_keys", keys.to_arrow())
            con.execute("INSERT INTO staging.entity_keys BY NAME SELECT * FROM _keys")
            con.unregister("_keys")
        con.execute(refresh_script("entities"))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return con.execute("SELECT count(*) FROM marts.entities").fetchone()[0]
