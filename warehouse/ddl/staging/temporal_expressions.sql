CREATE TABLE IF NOT EXISTS staging.temporal_expressions (
    document_id  VARCHAR NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    timex_type   VARCHAR NOT NULL,
    value        VARCHAR NOT NULL,
    range_start  DATE,
    range_end    DATE,
    mod          VARCHAR,
    time_zone    VARCHAR
);
COMMENT ON TABLE staging.temporal_expressions IS 'Grain: one row per temporal expression. Key: (document_id, start_offset, end_offset).';
