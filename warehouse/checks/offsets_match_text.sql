-- severity: error
-- description: for this run's documents, every offset pair reproduces its text from raw_text
WITH run_docs AS (
    SELECT r.document_id, r.raw_text FROM raw.documents AS r
    JOIN staging.documents AS d USING (document_id) WHERE d.run_id = $run_id
), spans AS (
    SELECT document_id, start_offset, end_offset, text FROM staging.paragraphs
    UNION ALL SELECT document_id, start_offset, end_offset, text FROM staging.temporal_expressions
    UNION ALL SELECT document_id, start_offset, end_offset, text FROM staging.entity_mentions
    UNION ALL SELECT document_id, start_offset, end_offset, quote_text FROM staging.quotes
    UNION ALL SELECT document_id, start_offset, end_offset, source_name FROM staging.source_citations
    UNION ALL SELECT document_id, start_offset, end_offset, text FROM staging.event_counts
)
SELECT count(*) FROM spans JOIN run_docs USING (document_id)
WHERE start_offset < 0 OR end_offset < start_offset
   OR substr(raw_text, start_offset + 1, end_offset - start_offset) IS DISTINCT FROM text
