-- severity: error
-- description: (document_id, start_offset, end_offset) is unique in staging.entity_mentions for this run's documents
SELECT document_id, start_offset, end_offset, count(*) AS n FROM staging.entity_mentions
WHERE document_id IN (SELECT document_id FROM staging.documents WHERE run_id = $run_id)
GROUP BY ALL HAVING count(*) > 1
