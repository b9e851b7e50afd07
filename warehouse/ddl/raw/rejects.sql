CREATE TABLE IF NOT EXISTS raw.rejects (
    source_uri VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,   -- machine-readable: empty, binary, undecodable, too_large, malformed_json, ...
    detail     VARCHAR,            -- human-readable explanation
    seen_at    TIMESTAMPTZ NOT NULL,
    run_id     VARCHAR NOT NULL
);
COMMENT ON TABLE raw.rejects IS 'Grain: one row per rejected input (file or record) per run. Key: (run_id, source_uri, reason). Append-only.';
