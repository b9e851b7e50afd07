CREATE TABLE IF NOT EXISTS staging.quotes (
    document_id          VARCHAR NOT NULL,
    start_offset         INTEGER NOT NULL,
    end_offset           INTEGER NOT NULL,
    quote_text           VARCHAR NOT NULL,
    speaker_text         VARCHAR,
    speaker_start_offset INTEGER,
    speaker_end_offset   INTEGER,
    speaker_entity_key   VARCHAR,
    cue                  VARCHAR,
    cited_source         VARCHAR
);
COMMENT ON TABLE staging.quotes IS 'Grain: one row per direct quote. Key: (document_id, start_offset).';
