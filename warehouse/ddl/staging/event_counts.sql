CREATE TABLE IF NOT EXISTS staging.event_counts (
    document_id    VARCHAR NOT NULL,
    start_offset   INTEGER NOT NULL,
    end_offset     INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    count_type     VARCHAR NOT NULL,
    value          BIGINT NOT NULL,
    is_approximate BOOLEAN NOT NULL
);
COMMENT ON TABLE staging.event_counts IS 'Grain: one row per casualty/force count. Key: (document_id, start_offset, end_offset).';
