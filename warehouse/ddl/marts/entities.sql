CREATE TABLE IF NOT EXISTS marts.entities (
    entity_id      VARCHAR NOT NULL,
    entity_type    VARCHAR NOT NULL,
    canonical_name VARCHAR NOT NULL,
    country_code   VARCHAR,
    aliases        VARCHAR[],
    mention_count  BIGINT NOT NULL,
    document_count BIGINT NOT NULL
);
COMMENT ON TABLE marts.entities IS 'Grain: one row per resolved entity. Key: entity_id (stable: a hash of the resolved canonical key). Rebuilt after each run from staging.entity_mentions and staging.entity_keys.';
