CREATE OR REPLACE VIEW marts.entity_mentions AS
SELECT m.document_id, m.start_offset, m.end_offset, m.text, m.entity_type, k.entity_id,
       coalesce(k.canonical_name, m.canonical_name) AS canonical_name, coalesce(m.country_code, k.country_code) AS country_code, m.role
FROM staging.entity_mentions AS m
LEFT JOIN staging.entity_keys AS k USING (entity_key);
COMMENT ON VIEW marts.entity_mentions IS 'Grain: one row per entity mention. Key: (document_id, start_offset, end_offset). entity_id joins marts.entities.';
COMMENT ON COLUMN marts.entity_mentions.document_id IS 'producer: newsetl.transforms.inputs.document_id; content hash of raw_text';
COMMENT ON COLUMN marts.entity_mentions.start_offset IS 'producer: newsetl.transforms.entities.mentions.entity_mentions; offset of the name in raw_text (titles excluded)';
COMMENT ON COLUMN marts.entity_mentions.end_offset IS 'producer: newsetl.transforms.entities.mentions.entity_mentions; end offset (exclusive)';
COMMENT ON COLUMN marts.entity_mentions.text IS 'producer: newsetl.transforms.entities.mentions.entity_mentions; the name as written';
COMMENT ON COLUMN marts.entity_mentions.entity_type IS 'producer: newsetl.transforms.entities.mentions.entity_mentions; PERSON, ORG or LOC';
COMMENT ON COLUMN marts.entity_mentions.entity_id IS 'producer: newsetl.transforms.entities.resolution.resolved_entities; the resolved entity (marts.entities)';
COMMENT ON COLUMN marts.entity_mentions.canonical_name IS 'producer: newsetl.transforms.entities.resolution.resolved_entities; the resolved entity''s fullest name, else the mention''s';
COMMENT ON COLUMN marts.entity_mentions.country_code IS 'producer: newsetl.transforms.entities.mentions.entity_mentions; ISO 3166-1 alpha-2 for countries and known places';
COMMENT ON COLUMN marts.entity_mentions.role IS 'producer: newsetl.transforms.entities.mentions.entity_mentions; title or office written next to the name (Presiden, Menteri Luar Negeri, ...)';
