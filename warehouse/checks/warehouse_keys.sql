-- severity: warn
-- description: warehouse-wide, derived rows repeating their table's key (left by earlier runs; a warning so old rows never fail new runs)
SELECT 'entity_mentions' AS tbl, document_id, start_offset FROM staging.entity_mentions GROUP BY document_id, start_offset, end_offset HAVING count(*) > 1
UNION ALL SELECT 'temporal_expressions', document_id, start_offset FROM staging.temporal_expressions GROUP BY document_id, start_offset, end_offset HAVING count(*) > 1
UNION ALL SELECT 'event_counts', document_id, start_offset FROM staging.event_counts GROUP BY document_id, start_offset, end_offset HAVING count(*) > 1
UNION ALL SELECT 'quotes', document_id, start_offset FROM staging.quotes GROUP BY document_id, start_offset HAVING count(*) > 1
UNION ALL SELECT 'source_citations', document_id, start_offset FROM staging.source_citations GROUP BY document_id, start_offset HAVING count(*) > 1
UNION ALL SELECT 'paragraphs', document_id, paragraph_no FROM staging.paragraphs GROUP BY document_id, paragraph_no HAVING count(*) > 1
