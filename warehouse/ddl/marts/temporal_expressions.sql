CREATE OR REPLACE VIEW marts.temporal_expressions AS
SELECT document_id, start_offset, end_offset, text, timex_type, value, range_start, range_end, mod
FROM staging.temporal_expressions;
COMMENT ON VIEW marts.temporal_expressions IS 'Grain: one row per temporal expression. Key: (document_id, start_offset, end_offset). value is TIMEX3; range_start/range_end are the first and last day it covers.';
COMMENT ON COLUMN marts.temporal_expressions.document_id IS 'producer: newsetl.transforms.inputs.document_id; content hash of raw_text';
COMMENT ON COLUMN marts.temporal_expressions.start_offset IS 'producer: newsetl.transforms.temporal.tagger.temporal_expressions; offset of the expression in raw_text';
COMMENT ON COLUMN marts.temporal_expressions.end_offset IS 'producer: newsetl.transforms.temporal.tagger.temporal_expressions; end offset (exclusive)';
COMMENT ON COLUMN marts.temporal_expressions.text IS 'producer: newsetl.transforms.temporal.tagger.temporal_expressions; the expression as written';
COMMENT ON COLUMN marts.temporal_expressions.timex_type IS 'producer: newsetl.transforms.temporal.tagger.temporal_expressions; TIMEX3 type: DATE, TIME, DURATION or SET';
COMMENT ON COLUMN marts.temporal_expressions.value IS 'producer: newsetl.transforms.temporal.tagger.temporal_expressions; TIMEX3 value, anchored on the publication date';
COMMENT ON COLUMN marts.temporal_expressions.range_start IS 'producer: newsetl.transforms.temporal.tagger.temporal_expressions; first day the expression covers';
COMMENT ON COLUMN marts.temporal_expressions.range_end IS 'producer: newsetl.transforms.temporal.tagger.temporal_expressions; last day the expression covers';
COMMENT ON COLUMN marts.temporal_expressions.mod IS 'producer: newsetl.transforms.temporal.tagger.temporal_expressions; TIMEX3 mod (APPROX, START, END, BEFORE, AFTER, ...)';
