CREATE TABLE IF NOT EXISTS staging.documents (
    document_id           VARCHAR NOT NULL,
    outlet                VARCHAR,              -- the publisher: a registered domain (detik.com), or a lead-line name as found
    outlet_source         VARCHAR,              -- where outlet came from: url, source, text (lead line) or null
    dateline_place        VARCHAR,
    section               VARCHAR,
    title                 VARCHAR,
    body_text             VARCHAR,
    language              VARCHAR NOT NULL,
    language_confidence   DOUBLE,
    languages             STRUCT(language VARCHAR, share DOUBLE)[],
    published_date        DATE,
    published_date_source VARCHAR,
    word_count            INTEGER,
    boilerplate_lines     INTEGER,
    analysis_error        VARCHAR,              -- set when an extractor failed on this document (its facts are then empty)
    truncated_analysis    BOOLEAN,              -- true when facts were extracted from the first --max-analysis-chars only
    pipeline_version      VARCHAR NOT NULL,
    run_id                VARCHAR NOT NULL,
    processed_at          TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE staging.documents IS 'Grain: one row per document. Key: document_id. Structure, language and publication date derived from raw.documents by pipeline_version.';

-- Warehouses made before the column existed.
ALTER TABLE staging.documents ADD COLUMN IF NOT EXISTS truncated_analysis BOOLEAN;
-- Warehouses created before outlet_source existed gain it here (loads insert BY NAME, so its position is free).
ALTER TABLE staging.documents ADD COLUMN IF NOT EXISTS outlet_source VARCHAR;
