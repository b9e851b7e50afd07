-- severity: error
-- description: marts.places.entity_id is unique and not null, and every LOC entity and dateline has a place
SELECT entity_id, count(*) AS n FROM marts.places GROUP BY entity_id HAVING count(*) > 1 OR entity_id IS NULL
UNION ALL
SELECT e.entity_id, 0 FROM marts.entities AS e
WHERE e.entity_type = 'LOC' AND e.entity_id NOT IN (SELECT entity_id FROM marts.places)
UNION ALL
SELECT d.document_id, 0 FROM staging.documents AS d
WHERE d.run_id = $run_id AND d.dateline_place IS NOT NULL
  AND d.document_id NOT IN (SELECT document_id FROM staging.dateline_places)
