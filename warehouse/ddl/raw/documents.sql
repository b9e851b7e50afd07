CREATE TABLE IF NOT EXISTS raw.documents (
    document_id             VARCHAR PRIMARY KEY,   -- content hash of raw_text
    source_uri              VARCHAR NOT NULL,      -- file URI, with #line=N / #row=N for JSONL / CSV records
    external_id             VARCHAR,
    raw_text                VARCHAR NOT NULL,      -- decoded, NFC, \n line ends; all offsets point into it
    title                   VARCHAR,
    published_at            TIMESTAMPTZ,
    metadata_published_date DATE,                  -- the calendar date of published_at as given (its own time zone)
    url                     VARCHAR,
    source                  VARCHAR,
    author                  VARCHAR,
    extra                   JSON,                  -- the record's unmapped fields (JSONL/CSV), as one JSON object
    encoding                VARCHAR,
    byte_length             BIGINT,
    ingested_at             TIMESTAMPTZ NOT NULL,
    run_id                  VARCHAR NOT NULL
);
-- Warehouses built before author/extra existed gain them here (CREATE ... IF NOT EXISTS keeps old tables as they were).
ALTER TABLE raw.documents ADD COLUMN IF NOT EXISTS author VARCHAR;
ALTER TABLE raw.documents ADD COLUMN IF NOT EXISTS extra JSON;
COMMENT ON TABLE raw.documents IS 'Grain: one row per distinct document text. Key: document_id (content hash, so the same text ingested twice is one row). Append-only.';
