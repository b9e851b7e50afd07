-- severity: error
-- description: every raw document of this run has its staging.documents row and at least one paragraph (nothing half-loaded)
WITH run_raw AS (
    SELECT document_id, raw_text FROM raw.documents
    WHERE run_id = $run_id OR document_id IN (SELECT document_id FROM staging.documents WHERE run_id = $run_id)
)
SELECT r.document_id FROM run_raw AS r
WHERE NOT EXISTS (SELECT 1 FROM staging.documents AS d WHERE d.document_id = r.document_id)
   OR (length(trim(r.raw_text)) > 0 AND NOT EXISTS (SELECT 1 FROM staging.paragraphs AS p WHERE p.document_id = r.document_id))
