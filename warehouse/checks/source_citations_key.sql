-- severity: error
-- description: (document_id, start_offset) is unique in staging.source_citations for this run's documents
SELECT document_id, start_offset, count(*) AS n FROM staging.source_citations
WHERE document_id IN (SELECT document_id FROM staging.documents WHERE run_id = $run_id)
GROUP BY ALL HAVING count(*) > 1
