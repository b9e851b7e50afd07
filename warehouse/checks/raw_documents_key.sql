-- severity: error
-- description: raw.documents.document_id is unique and not null, warehouse-wide (cheap: one column)
SELECT document_id, count(*) AS n FROM raw.documents GROUP BY document_id HAVING count(*) > 1 OR document_id IS NULL
