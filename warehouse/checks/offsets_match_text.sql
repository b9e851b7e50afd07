-- severity: error
-- description: for this run's documents, every offset pair lies in raw_text and spans its text's length; documents within the analysis limit are compared char by char (longer ones were compared in Python before load)
WITH run_docs AS (
    -- length() once per document; the exact comparison only where a substring scan is cheap
    SELECT r.document_id, length(r.raw_text) AS chars,
           CASE WHEN length(r.raw_text) <= $max_exact_chars THEN r.raw_text END AS raw_text
    FROM raw.documents AS r
    WHERE r.document_id IN (SELECT document_id FROM staging.documents WHERE run_id = $run_id)
), spans AS (
    SELECT 'paragraphs' AS tbl, document_id, start_offset, end_offset, text FROM staging.paragraphs
    UNION ALL SELECT 'temporal_expressions', document_id, start_offset, end_offset, text FROM staging.temporal_expressions
    UNION ALL SELECT 'entity_mentions', document_id, start_offset, end_offset, text FROM staging.entity_mentions
    UNION ALL SELECT 'quotes', document_id, start_offset, end_offset, quote_text FROM staging.quotes
    UNION ALL SELECT 'source_citations', document_id, start_offset, end_offset, source_name FROM staging.source_citations
    UNION ALL SELECT 'event_counts', document_id, start_offset, end_offset, text FROM staging.event_counts
)
SELECT s.tbl, s.document_id, s.start_offset, s.end_offset FROM spans AS s JOIN run_docs USING (document_id)
WHERE s.start_offset < 0 OR s.end_offset < s.start_offset OR s.end_offset > run_docs.chars
   OR length(s.text) <> s.end_offset - s.start_offset
   OR (run_docs.raw_text IS NOT NULL
       AND substr(run_docs.raw_text, s.start_offset + 1, s.end_offset - s.start_offset) IS DISTINCT FROM s.text)
