CREATE TABLE IF NOT EXISTS staging.entity_keys (
    entity_key     VARCHAR NOT NULL,
    entity_type    VARCHAR NOT NULL,
    entity_id      VARCHAR NOT NULL,
    canonical_name VARCHAR,
    country_code   VARCHAR
);
COMMENT ON TABLE staging.entity_keys IS 'Grain: one row per distinct entity_key in staging.entity_mentions. Key: entity_key. Rebuilt after each run by corpus-level entity resolution (cheap: distinct keys, not mentions).';
