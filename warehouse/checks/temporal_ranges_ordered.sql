-- severity: warn
-- description: range_start is on or before range_end, and both are set or both null (this run's documents)
SELECT document_id, start_offset, end_offset, range_start, range_end FROM staging.temporal_expressions
WHERE document_id IN (SELECT document_id FROM staging.documents WHERE run_id = $run_id)
  AND (range_start > range_end OR (range_start IS NULL) <> (range_end IS NULL))
