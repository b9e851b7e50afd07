-- severity: error
-- description: (document_id, start_offset) is unique in staging.quotes
SELECT count(*) FROM (SELECT document_id, start_offset FROM staging.quotes GROUP BY ALL HAVING count(*) > 1)
