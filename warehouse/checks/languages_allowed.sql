-- severity: error
-- description: document and paragraph languages of this run are ISO 639-1 codes the detector can emit, or und
SELECT 'documents' AS tbl, document_id, NULL::INTEGER AS paragraph_no, language FROM staging.documents
WHERE run_id = $run_id AND NOT list_contains($languages, language)
UNION ALL
SELECT 'paragraphs', document_id, paragraph_no, language FROM staging.paragraphs
WHERE document_id IN (SELECT document_id FROM staging.documents WHERE run_id = $run_id)
  AND NOT list_contains($languages, language)
