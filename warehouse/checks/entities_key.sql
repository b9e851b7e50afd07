-- severity: error
-- description: marts.entities.entity_id is unique and not null (rebuilt by every run)
SELECT entity_id, count(*) AS n FROM marts.entities GROUP BY entity_id HAVING count(*) > 1 OR entity_id IS NULL
