-- Documents that have counts: publication time, outlet, and the dateline place
-- (staging.dateline_places, rebuilt with marts.places) where it is a LOC entity of marts.entities.
SELECT d.document_id, d.published_date, r.published_at, d.outlet, e.entity_id AS dateline_entity_id
FROM staging.documents AS d
JOIN raw.documents AS r USING (document_id)
LEFT JOIN staging.dateline_places AS p USING (document_id)
LEFT JOIN marts.entities AS e ON e.entity_id = p.entity_id AND e.entity_type = 'LOC'
WHERE d.document_id IN (SELECT DISTINCT document_id FROM staging.event_counts)
ORDER BY d.document_id
