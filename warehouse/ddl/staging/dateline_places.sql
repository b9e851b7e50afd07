CREATE TABLE IF NOT EXISTS staging.dateline_places (
    document_id    VARCHAR NOT NULL,
    dateline_place VARCHAR NOT NULL,
    entity_id      VARCHAR NOT NULL   -- the marts.places row (the LOC entity of the same key when there is one)
);
COMMENT ON TABLE staging.dateline_places IS 'Grain: one row per document with a dateline place. Key: document_id. Rebuilt after each run with marts.places.';
