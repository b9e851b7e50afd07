-- severity: error
-- description: (document_id, start_offset, end_offset) is unique in staging.event_counts
SELECT count(*) FROM (SELECT document_id, start_offset, end_offset FROM staging.event_counts GROUP BY ALL HAVING count(*) > 1)
