-- severity: error
-- description: every raw document has its staging.documents row and at least one paragraph (nothing half-loaded)
SELECT count(*) FROM raw.documents AS r
WHERE NOT EXISTS (SELECT 1 FROM staging.documents AS d WHERE d.document_id = r.document_id)
   OR (length(trim(r.raw_text)) > 0 AND NOT EXISTS (SELECT 1 FROM staging.paragraphs AS p WHERE p.document_id = r.document_id))
