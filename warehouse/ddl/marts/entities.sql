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
COMMENT ON COLUMN marts.entities.entity_id IS 'producer: newsetl.transforms.entities.resolution.resolved_entities; stable hash of the resolved canonical key';
COMMENT ON COLUMN marts.entities.entity_type IS 'producer: newsetl.transforms.entities.resolution.resolved_entities; PERSON, ORG or LOC';
COMMENT ON COLUMN marts.entities.canonical_name IS 'producer: newsetl.transforms.entities.resolution.resolved_entities; fullest name of the resolved key';
COMMENT ON COLUMN marts.entities.country_code IS 'producer: newsetl.transforms.entities.resolution.resolved_entities; ISO 3166-1 alpha-2 where known';
COMMENT ON COLUMN marts.entities.aliases IS 'producer: newsetl.warehouse.refresh.replaced_entity_keys; distinct mention texts (SQL in warehouse/refresh/entities.sql)';
COMMENT ON COLUMN marts.entities.mention_count IS 'producer: newsetl.warehouse.refresh.replaced_entity_keys; mentions across the warehouse';
COMMENT ON COLUMN marts.entities.document_count IS 'producer: newsetl.warehouse.refresh.replaced_entity_keys; documents mentioning the entity';
