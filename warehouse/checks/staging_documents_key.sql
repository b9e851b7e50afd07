-- severity: error
-- description: staging.documents has exactly one row per document_id, none null, warehouse-wide (cheap: one column)
SELECT document_id, count(*) AS n FROM staging.documents GROUP BY document_id HAVING count(*) > 1 OR document_id IS NULL
