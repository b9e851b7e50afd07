CREATE TABLE IF NOT EXISTS staging.entity_mentions (
    document_id    VARCHAR NOT NULL,
    start_offset   INTEGER NOT NULL,
    end_offset     INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    entity_type    VARCHAR NOT NULL,
    entity_key     VARCHAR NOT NULL,   -- document-resolved normalised name; mapped to entity_id by staging.entity_keys
    canonical_name VARCHAR,
    country_code   VARCHAR,
    role           VARCHAR
);
COMMENT ON TABLE staging.entity_mentions IS 'Grain: one row per entity mention. Key: (document_id, start_offset, end_offset).';
