-- severity: error
-- description: (incident_id, count_type) is unique and not null in marts.incidents
SELECT incident_id, count_type, count(*) AS n FROM marts.incidents
GROUP BY ALL HAVING count(*) > 1 OR incident_id IS NULL OR count_type IS NULL
