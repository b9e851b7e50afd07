CREATE TABLE IF NOT EXISTS marts.story_clusters (
    document_id           VARCHAR NOT NULL,
    cluster_id            VARCHAR NOT NULL,  -- a hash of canonical_document_id
    cluster_size          INTEGER NOT NULL,  -- documents in the cluster (1: no near-duplicate)
    canonical_document_id VARCHAR NOT NULL,  -- the earliest member: publication date, then ingestion time
    is_canonical          BOOLEAN NOT NULL,
    similarity            DOUBLE,            -- estimated Jaccard similarity to the canonical member (1 for it)
    syndicated_from       VARCHAR            -- the news agency at least two and half of the members cite
);
COMMENT ON TABLE marts.story_clusters IS 'Grain: one row per document, with its near-duplicate (syndicated) story cluster. Key: document_id. Rebuilt after each run from staging.document_minhashes, staging.story_pairs and staging.source_citations; count a story once with count(DISTINCT cluster_id).';
