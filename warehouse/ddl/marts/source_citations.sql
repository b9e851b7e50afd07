CREATE OR REPLACE VIEW marts.source_citations AS
SELECT c.document_id, c.start_offset, c.end_offset, c.source_name, k.entity_id, c.cue
FROM staging.source_citations AS c
LEFT JOIN staging.entity_keys AS k USING (entity_key);
COMMENT ON VIEW marts.source_citations IS 'Grain: one row per cited medium mention. Key: (document_id, start_offset).';
COMMENT ON COLUMN marts.source_citations.document_id IS 'producer: newsetl.transforms.inputs.document_id; content hash of raw_text';
COMMENT ON COLUMN marts.source_citations.start_offset IS 'producer: newsetl.transforms.facts.citations.source_citations; offset of the medium''s name';
COMMENT ON COLUMN marts.source_citations.end_offset IS 'producer: newsetl.transforms.facts.citations.source_citations; end offset (exclusive)';
COMMENT ON COLUMN marts.source_citations.source_name IS 'producer: newsetl.transforms.facts.citations.source_citations; the cited medium or agency as written';
COMMENT ON COLUMN marts.source_citations.entity_id IS 'producer: newsetl.transforms.entities.resolution.resolved_entities; the medium''s resolved entity, when it was tagged';
COMMENT ON COLUMN marts.source_citations.cue IS 'producer: newsetl.transforms.facts.citations.source_citations; the citation phrase (dilansir, menurut, according to, ...)';
