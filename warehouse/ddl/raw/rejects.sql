CREATE TABLE IF NOT EXISTS raw.rejects (
    source_uri VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL,   -- machine-readable: empty, binary, undecodable, too_large, malformed_json, ...
    detail     VARCHAR,            -- human-readable explanation
    seen_at    TIMESTAMPTZ NOT NULL,  -- when it was first rejected
    run_id     VARCHAR NOT NULL,   -- the first run that rejected it
    reject_id  VARCHAR             -- md5 of source_uri, reason and detail (chr(31)-separated): one row per distinct reject
);
-- Warehouses made before reject_id gain it, filled for their rows (duplicates from older runs are kept as they were).
ALTER TABLE raw.rejects ADD COLUMN IF NOT EXISTS reject_id VARCHAR;
UPDATE raw.rejects SET reject_id = md5(concat_ws(chr(31), source_uri, reason, coalesce(detail, ''))) WHERE reject_id IS NULL;
COMMENT ON TABLE raw.rejects IS 'Grain: one row per distinct rejected input (file or record) and reason, recorded by the first run that saw it; later runs count it in their summary without a new row. Key: reject_id (md5 of source_uri, reason, detail). Append-only.';
