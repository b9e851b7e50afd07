CREATE TABLE IF NOT EXISTS raw.input_files (
    path        VARCHAR NOT NULL,      -- the input file, absolute
    read_key    VARCHAR NOT NULL,      -- hash of the reading code, read options and size limit it was read with
    size_bytes  BIGINT NOT NULL,
    mtime_ns    BIGINT NOT NULL,       -- st_mtime_ns when it was read
    sha256      VARCHAR NOT NULL,      -- of the file's bytes
    records     BIGINT NOT NULL,       -- documents read from it (before de-duplication)
    recorded_at TIMESTAMPTZ NOT NULL,
    run_id      VARCHAR NOT NULL,      -- the run that read it last
    PRIMARY KEY (path, read_key)
);
COMMENT ON TABLE raw.input_files IS 'Grain: one row per input file and read settings whose every record is stored in raw.documents, with no reject. Key: (path, read_key). A run with the same file unchanged (size, mtime and sha256) skips decoding it. Upserted.';
