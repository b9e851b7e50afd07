-- severity: error
-- description: marts.entities.entity_id is unique and not null
SELECT count(*) - count(DISTINCT entity_id) + count(*) FILTER (WHERE entity_id IS NULL) FROM marts.entities
