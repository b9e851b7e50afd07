-- severity: error
-- description: (document_id, start_offset) is unique in staging.quotes for this run's documents
SELECT document_id, start_offset, count(*) AS n FROM staging.quotes
WHERE document_id IN (SELECT document_id FROM staging.documents WHERE run_id = $run_id)
GROUP BY ALL HAVING count(*) > 1
