CREATE OR REPLACE VIEW marts.entity_roles AS
SELECT k.entity_id, m.role, count(*) AS mention_count, count(DISTINCT m.document_id) AS document_count
FROM staging.entity_mentions AS m
JOIN staging.entity_keys AS k USING (entity_key)
WHERE m.role IS NOT NULL
GROUP BY ALL;
COMMENT ON VIEW marts.entity_roles IS 'Grain: one row per (entity, role) seen next to a name, e.g. Perdana Menteri Armenia. Key: (entity_id, role).';
