CREATE OR REPLACE VIEW marts.source_citations AS
SELECT c.document_id, c.start_offset, c.end_offset, c.source_name, k.entity_id, c.cue
FROM staging.source_citations AS c
LEFT JOIN staging.entity_keys AS k USING (entity_key);
COMMENT ON VIEW marts.source_citations IS 'Grain: one row per cited medium mention. Key: (document_id, start_offset).';
