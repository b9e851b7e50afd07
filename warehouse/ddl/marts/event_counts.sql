CREATE OR REPLACE VIEW marts.event_counts AS
SELECT document_id, start_offset, end_offset, text, count_type, value, is_approximate
FROM staging.event_counts;
COMMENT ON VIEW marts.event_counts IS 'Grain: one row per count of people killed, wounded, fighting or displaced. Key: (document_id, start_offset, end_offset).';
