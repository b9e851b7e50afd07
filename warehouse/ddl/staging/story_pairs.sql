CREATE TABLE IF NOT EXISTS staging.story_pairs (
    document_id         VARCHAR NOT NULL,  -- the document matched when it was new
    similar_document_id VARCHAR NOT NULL,  -- a document stored before it (or earlier in the same run)
    similarity          DOUBLE NOT NULL,   -- estimated Jaccard similarity of the two shingle sets (MinHash)
    run_id              VARCHAR NOT NULL
);
COMMENT ON TABLE staging.story_pairs IS 'Grain: one row per pair of near-duplicate documents found by MinHash LSH (estimated Jaccard >= the threshold). Key: (document_id, similar_document_id). Appended by each run for its new documents.';
