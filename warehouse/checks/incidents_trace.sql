-- severity: error
-- description: for this run's documents, every event count sits in exactly one marts.incidents row of its count type, and every count_rows key in an incident is an event count
WITH listed AS (
    SELECT i.incident_id, i.count_type, unnest(i.count_rows, recursive := true) FROM marts.incidents AS i
), run_counts AS (
    SELECT document_id, start_offset, end_offset, count_type FROM staging.event_counts
    WHERE document_id IN (SELECT document_id FROM staging.documents WHERE run_id = $run_id)
)
SELECT 'unlisted or listed twice' AS problem, c.document_id, c.start_offset, count(l.incident_id) AS incidents
FROM run_counts AS c
LEFT JOIN listed AS l USING (document_id, start_offset, end_offset, count_type)
GROUP BY ALL HAVING count(l.incident_id) <> 1
UNION ALL
SELECT 'not an event count', l.document_id, l.start_offset, 1
FROM listed AS l ANTI JOIN staging.event_counts AS c USING (document_id, start_offset, end_offset, count_type)
WHERE l.document_id IN (SELECT document_id FROM run_counts)
