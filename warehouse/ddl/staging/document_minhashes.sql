CREATE TABLE IF NOT EXISTS staging.document_minhashes (
    document_id    VARCHAR NOT NULL,
    shingle_count  INTEGER NOT NULL,   -- distinct 5-word shingles of the body (transforms.story_clusters.word_shingles)
    signature      BLOB NOT NULL,      -- MinHash values, NUM_PERM little-endian uint32
    minhash_params VARCHAR NOT NULL,   -- shingle size, permutations, seed, scheme; rows with other params are recomputed
    queried        BOOLEAN NOT NULL,   -- already matched against the LSH index (false only between two steps of a run)
    run_id         VARCHAR NOT NULL
);
COMMENT ON TABLE staging.document_minhashes IS 'Grain: one row per document with a MinHash signature of its body word shingles. Key: document_id. Appended by each run for its new documents; the LSH index is rebuilt in memory from these rows.';
