CREATE OR REPLACE VIEW marts.entity_mentions AS
SELECT m.document_id, m.start_offset, m.end_offset, m.text, m.entity_type, k.entity_id,
       coalesce(k.canonical_name, m.canonical_name) AS canonical_name, coalesce(m.country_code, k.country_code) AS country_code, m.role
FROM staging.entity_mentions AS m
LEFT JOIN staging.entity_keys AS k USING (entity_key);
COMMENT ON VIEW marts.entity_mentions IS 'Grain: one row per entity mention. Key: (document_id, start_offset, end_offset). entity_id joins marts.entities.';
