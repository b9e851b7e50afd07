CREATE TABLE IF NOT EXISTS staging.event_counts (
    document_id    VARCHAR NOT NULL,
    start_offset   INTEGER NOT NULL,
    end_offset     INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    count_type     VARCHAR NOT NULL,
    value          BIGINT,             -- null when the number does not fit BIGINT (text keeps it)
    is_approximate BOOLEAN NOT NULL
);
COMMENT ON TABLE staging.event_counts IS 'Grain: one row per casualty/force count. Key: (document_id, start_offset, end_offset).';

-- Warehouses made when value was NOT NULL.
ALTER TABLE staging.event_counts ALTER COLUMN value DROP NOT NULL;
