-- severity: error
-- description: (document_id, start_offset, end_offset) is unique in staging.entity_mentions
SELECT count(*) FROM (SELECT document_id, start_offset, end_offset FROM staging.entity_mentions GROUP BY ALL HAVING count(*) > 1)
