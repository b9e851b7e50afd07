"""Reading and writing the story-cluster tables: MinHash signatures, pairs, marts.story_clusters.

Signatures are stored once per document (``staging.document_minhashes``); a run hashes only
documents without one, matches only signatures not yet ``queried`` against an LSH index
rebuilt from the others, and appends the pairs it finds (``staging.story_pairs``). The
mart is then rebuilt from the pairs, which costs one pass over document ids, not texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import duckdb
import polars as pl

from newsetl.warehouse.transactions import transaction

# Earliest first: the canonical member of a cluster is its first document in this order.
PUBLICATION_ORDER = "d.published_date NULLS LAST, r.published_at NULLS LAST, r.ingested_at, d.document_id"


def dropped_stale_signatures(con: duckdb.DuckDBPyConnection, params: str) -> int:
    """Delete every signature and pair if any signature was made with other ``params``; return the rows dropped."""
    stale = con.execute("SELECT count(*) FROM staging.document_minhashes WHERE minhash_params <> ?", [params]).fetchone()[0]
    if stale:
        with transaction(con):
            con.execute("DELETE FROM staging.story_pairs")
            con.execute("DELETE FROM staging.document_minhashes")
    return int(stale)


def unsigned_documents(con: duckdb.DuckDBPyConnection, after: str, limit: int) -> pl.DataFrame:
    """Return up to ``limit`` documents (``document_id``, ``body_text``) with no signature, ids after ``after``."""
    return pl.from_arrow(con.execute(
        """
        SELECT d.document_id, d.body_text FROM staging.documents AS d
        WHERE d.document_id > ?
          AND NOT EXISTS (SELECT 1 FROM staging.document_minhashes AS m WHERE m.document_id = d.document_id)
        ORDER BY d.document_id LIMIT ?
        """,
        [after, limit],
    ).fetch_arrow_table())


def inserted_signatures(con: duckdb.DuckDBPyConnection, rows: pl.DataFrame) -> int:
    """Append signatures (``document_id``, ``shingle_count``, ``signature``, ``minhash_params``, ``run_id``), not yet queried."""
    if rows.height == 0:
        return 0
    with transaction(con):
        con.register("_minhashes", rows.to_arrow())
        con.execute("INSERT INTO staging.document_minhashes BY NAME SELECT *, false AS queried FROM _minhashes")
        con.unregister("_minhashes")
    return rows.height


def signatures_to_match(con: duckdb.DuckDBPyConnection, min_shingles: int) -> tuple[list[tuple[str, bytes]], list[tuple[str, bytes]]]:
    """Return ``(stored, new)``: ``(document_id, signature)`` already queried, and not yet, in publication order.

    Bodies under ``min_shingles`` shingles take no part in matching.
    """
    rows = con.execute(
        f"""
        SELECT m.document_id, m.signature, m.queried
        FROM staging.document_minhashes AS m
        JOIN staging.documents AS d USING (document_id)
        JOIN raw.documents AS r USING (document_id)
        WHERE m.shingle_count >= ?
        ORDER BY {PUBLICATION_ORDER}
        """,
        [min_shingles],
    ).fetchall()
    stored = [(doc, bytes(sig)) for doc, sig, queried in rows if queried]
    new = [(doc, bytes(sig)) for doc, sig, queried in rows if not queried]
    return stored, new


def recorded_matches(con: duckdb.DuckDBPyConnection, pairs: Iterable[pl.DataFrame], run_id: str) -> int:
    """Append the pairs of each frame of ``pairs`` and mark every unqueried signature queried, in one transaction;
    return the pairs added.

    ``pairs`` may be a generator: its frames are stored as they come, so the flow never holds them all.
    Each pair's ``document_id`` is a document not yet queried, and ``similar_pairs`` gives a pair
    once, so a pair already stored can only be one of a stored row for such a document; when there
    is none (every run but one after a failed match), the anti-join is skipped: on 446,741 pairs of
    the synthetic corpus it cost ~100 MB of the flow process's peak, and its answer would be empty.
    """
    added = 0
    with transaction(con):
        anti_join = con.execute(
            "SELECT count(*) FROM staging.story_pairs WHERE document_id IN "
            "(SELECT document_id FROM staging.document_minhashes WHERE NOT queried)"
        ).fetchone()[0] > 0
        for frame in pairs:
            if not frame.height:
                continue
            con.register("_pairs", frame.to_arrow())
            con.execute("INSERT INTO staging.story_pairs BY NAME SELECT p.*, ? AS run_id FROM _pairs AS p" + ("""
                WHERE NOT EXISTS (SELECT 1 FROM staging.story_pairs AS s
                                  WHERE s.document_id = p.document_id AND s.similar_document_id = p.similar_document_id)"""
                if anti_join else ""), [run_id])
            con.unregister("_pairs")
            added += frame.height
        con.execute("UPDATE staging.document_minhashes SET queried = true WHERE NOT queried")
    return added


def cluster_inputs(con: duckdb.DuckDBPyConnection) -> tuple[list[str], Iterator[tuple[str, str]], dict[str, bytes], dict[str, list[str]]]:
    """Return what the clusters are built from: every document id in publication order, an iterator
    over the pairs (read in chunks on a cursor of its own, see ``stored_pairs``), and the signatures
    and cited source names of the documents in a pair."""
    documents = [row[0] for row in con.execute(
        f"SELECT d.document_id FROM staging.documents AS d JOIN raw.documents AS r USING (document_id) ORDER BY {PUBLICATION_ORDER}"
    ).fetchall()]
    pairs = stored_pairs(con)
    paired = """(SELECT document_id FROM staging.story_pairs UNION SELECT similar_document_id FROM staging.story_pairs)"""
    signatures = {doc: bytes(sig) for doc, sig in con.execute(
        f"SELECT document_id, signature FROM staging.document_minhashes WHERE document_id IN {paired}"
    ).fetchall()}
    citations: dict[str, list[str]] = {}
    for doc, name in con.execute(
        f"SELECT document_id, source_name FROM staging.source_citations WHERE document_id IN {paired} ORDER BY document_id, start_offset"
    ).fetchall():
        citations.setdefault(doc, []).append(name)
    return documents, pairs, signatures, citations


def stored_pairs(con: duckdb.DuckDBPyConnection, chunk: int = 20_000) -> Iterator[tuple[str, str]]:
    """Return an iterator over every stored ``(document_id, similar_document_id)`` pair, in that order.

    Read ``chunk`` rows at a time on a cursor of its own (other queries on ``con`` do not cut it
    short): a templated corpus stores ~90 pairs an article, ~100 MB as Python tuples at 5,000.
    """
    cursor = con.cursor()
    try:
        cursor.execute("SELECT document_id, similar_document_id FROM staging.story_pairs ORDER BY document_id, similar_document_id")
        while rows := cursor.fetchmany(chunk):
            yield from rows
    finally:
        cursor.close()


STORY_PAIR_SCHEMA = {"document_id": pl.String, "similar_document_id": pl.String, "similarity": pl.Float64}
STORY_CLUSTER_SCHEMA = {
    "document_id": pl.String, "cluster_id": pl.String, "cluster_size": pl.Int32, "canonical_document_id": pl.String,
    "is_canonical": pl.Boolean, "similarity": pl.Float64, "syndicated_from": pl.String,
}


def replaced_story_clusters(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> int:
    """Replace marts.story_clusters with ``rows``; return the clusters with more than one member."""
    frame = pl.DataFrame(rows, schema=STORY_CLUSTER_SCHEMA)
    with transaction(con):
        con.execute("DELETE FROM marts.story_clusters")
        if frame.height:
            con.register("_clusters", frame.to_arrow())
            con.execute("INSERT INTO marts.story_clusters BY NAME SELECT * FROM _clusters")
            con.unregister("_clusters")
    return frame.filter(pl.col("is_canonical") & (pl.col("cluster_size") > 1)).height
