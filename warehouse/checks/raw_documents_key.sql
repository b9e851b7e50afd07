-- severity: error
-- description: raw.documents.document_id is unique and not null
SELECT count(*) - count(DISTINCT document_id) + count(*) FILTER (WHERE document_id IS NULL) FROM raw.documents
