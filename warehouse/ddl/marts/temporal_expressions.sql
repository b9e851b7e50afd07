CREATE OR REPLACE VIEW marts.temporal_expressions AS
SELECT document_id, start_offset, end_offset, text, timex_type, value, range_start, range_end, mod, time_zone
FROM staging.temporal_expressions;
COMMENT ON VIEW marts.temporal_expressions IS 'Grain: one row per temporal expression. Key: (document_id, start_offset, end_offset). value is TIMEX3; range_start/range_end are the first and last day it covers; time_zone is the UTC offset a clock time writes (WIB), kept out of value as TimeML does.';
