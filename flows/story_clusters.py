"""Story clusters after each load: sign new documents (one task per batch), match them, rebuild the mart.

Every task here writes, so the flow calls them in its own process (the only writer).
A run with nothing new signs nothing, matches nothing and rebuilds the same rows.
"""

from __future__ import annotations

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from newsetl.flows.session import WarehouseSession
from newsetl.flows.steps import Steps
from newsetl.transforms import story_clusters as clusters
from newsetl.warehouse import story_clusters as store


@task(name="minhash", task_run_name="minhash-batch-{batch_no}", cache_policy=NO_CACHE)
def minhash_batch(session: WarehouseSession, after: str, batch_size: int, batch_no: int, run_id: str) -> tuple[int, str]:
    """Store the MinHash signatures of the next ``batch_size`` unsigned documents; return how many and the last id.

    Loads store the signatures their analysis made (``load_batch``): this signs only what they did
    not (a warehouse from before, or signatures dropped for new MinHash parameters).
    """
    con = session.connection()
    documents = store.unsigned_documents(con, after, batch_size)
    if documents.height == 0:
        return 0, after
    rows = clusters.signature_frame(documents["document_id"], documents["body_text"]).with_columns(run_id=pl.lit(run_id))
    return store.inserted_signatures(con, rows), documents["document_id"][-1]


# Pairs stored per chunk of this many: a chunk is ~2 MB as a frame, where all of a templated
# corpus's pairs (~450,000 at 5,000 synthetic articles) held at once were ~200 MB of the flow process.
PAIR_CHUNK = 20_000


def _pair_frames(pairs, chunk: int = PAIR_CHUNK):
    """Return an iterator over frames of at most ``chunk`` pairs each (``STORY_PAIR_SCHEMA``), in order."""
    rows: list = []
    for pair in pairs:
        rows.append(pair)
        if len(rows) == chunk:
            yield _pair_frame(rows)
            rows = []
    if rows:
        yield _pair_frame(rows)


def _pair_frame(pairs: list) -> pl.DataFrame:
    return pl.DataFrame(
        {"document_id": [p.document_id for p in pairs], "similar_document_id": [p.similar_document_id for p in pairs],
         "similarity": [p.similarity for p in pairs]},
        schema=store.STORY_PAIR_SCHEMA,
    )


@task(name="match-stories", task_run_name="match-stories", cache_policy=NO_CACHE)
def match_stories(session: WarehouseSession, run_id: str) -> int:
    """Match the signatures not yet queried against an LSH index of the stored ones; return the pairs found."""
    con = session.connection()
    stored, new = store.signatures_to_match(con, clusters.MIN_SHINGLES)
    pairs = clusters.streamed_similar_pairs(stored, new) if new else iter(())
    return store.recorded_matches(con, _pair_frames(pairs), run_id)


@task(name="story-clusters", task_run_name="rebuild-story-clusters", cache_policy=NO_CACHE)
def rebuild_story_clusters(session: WarehouseSession) -> int:
    """Rebuild marts.story_clusters from the stored pairs; return the clusters with more than one member."""
    con = session.connection()
    documents, pairs, signatures, citations = store.cluster_inputs(con)
    return store.replaced_story_clusters(con, clusters.story_clusters(documents, pairs, signatures, citations))


def clustered_stories(steps: Steps, session: WarehouseSession, batch_size: int, run_id: str, logger) -> int:
    """Sign, match and cluster; return the clusters with more than one member."""
    dropped = store.dropped_stale_signatures(session.connection(), clusters.minhash_parameters())
    if dropped:
        logger.info("MinHash parameters changed: %d stored signatures dropped and recomputed", dropped)
    after, batch_no, signed = "", 0, 0
    while True:
        batch_no += 1
        count, after = steps.call(minhash_batch, session, after, batch_size, batch_no, run_id)
        signed += count
        if count < batch_size:  # a batch short of full was the last: no task run (and API traffic) to find nothing
            break
    pairs = steps.call(match_stories, session, run_id)
    multi = steps.call(rebuild_story_clusters, session)
    logger.info("Story clusters: %d documents signed, %d near-duplicate pairs found, %d clusters with more than one member",
                signed, pairs, multi)
    return multi
