-- Dated temporal expressions (DATE/TIME with a day range) in documents that have counts (candidate event dates).
SELECT t.document_id, t.start_offset, t.end_offset, t.value, t.range_start, t.range_end
FROM staging.temporal_expressions AS t
WHERE t.timex_type IN ('DATE', 'TIME') AND t.range_start IS NOT NULL AND t.range_end IS NOT NULL
  AND t.document_id IN (SELECT DISTINCT document_id FROM staging.event_counts)
ORDER BY t.document_id, t.start_offset
