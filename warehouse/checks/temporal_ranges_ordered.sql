-- severity: warn
-- description: range_start is on or before range_end, and both are set or both null
SELECT count(*) FROM staging.temporal_expressions
WHERE range_start > range_end OR (range_start IS NULL) <> (range_end IS NULL)
