-- severity: error
-- description: (document_id, paragraph_no) is unique in staging.paragraphs for this run's documents
SELECT document_id, paragraph_no, count(*) AS n FROM staging.paragraphs
WHERE document_id IN (SELECT document_id FROM staging.documents WHERE run_id = $run_id)
GROUP BY ALL HAVING count(*) > 1
