-- severity: error
-- description: staging.documents has exactly one row per document_id, none null
SELECT count(*) - count(DISTINCT document_id) + count(*) FILTER (WHERE document_id IS NULL) FROM staging.documents
