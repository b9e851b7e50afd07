CREATE OR REPLACE VIEW marts.quotes AS
SELECT q.document_id, q.start_offset, q.end_offset, q.quote_text,
       k.entity_id AS speaker_entity_id, q.speaker_text, q.speaker_start_offset, q.speaker_end_offset,
       q.cue, q.cited_source
FROM staging.quotes AS q
LEFT JOIN staging.entity_keys AS k ON k.entity_key = q.speaker_entity_key;
COMMENT ON VIEW marts.quotes IS 'Grain: one row per direct quote. Key: (document_id, start_offset). Offsets cover the quoted words without the marks.';
