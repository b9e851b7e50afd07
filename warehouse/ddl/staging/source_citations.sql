CREATE TABLE IF NOT EXISTS staging.source_citations (
    document_id  VARCHAR NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    source_name  VARCHAR NOT NULL,
    entity_key   VARCHAR,
    cue          VARCHAR
);
COMMENT ON TABLE staging.source_citations IS 'Grain: one row per cited medium mention. Key: (document_id, start_offset).';
