-- severity: error
-- description: (document_id, start_offset) is unique in staging.source_citations
SELECT count(*) FROM (SELECT document_id, start_offset FROM staging.source_citations GROUP BY ALL HAVING count(*) > 1)
