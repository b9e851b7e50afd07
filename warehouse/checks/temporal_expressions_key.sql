-- severity: error
-- description: (document_id, start_offset, end_offset) is unique in staging.temporal_expressions
SELECT count(*) FROM (SELECT document_id, start_offset, end_offset FROM staging.temporal_expressions GROUP BY ALL HAVING count(*) > 1)
