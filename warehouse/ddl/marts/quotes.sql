CREATE OR REPLACE VIEW marts.quotes AS
SELECT q.document_id, q.start_offset, q.end_offset, q.quote_text,
       k.entity_id AS speaker_entity_id, q.speaker_text, q.speaker_start_offset, q.speaker_end_offset,
       q.cue, q.cited_source
FROM staging.quotes AS q
LEFT JOIN staging.entity_keys AS k ON k.entity_key = q.speaker_entity_key;
COMMENT ON VIEW marts.quotes IS 'Grain: one row per direct quote. Key: (document_id, start_offset). Offsets cover the quoted words without the marks.';
COMMENT ON COLUMN marts.quotes.document_id IS 'producer: newsetl.transforms.inputs.document_id; content hash of raw_text';
COMMENT ON COLUMN marts.quotes.start_offset IS 'producer: newsetl.transforms.facts.quotes.quotes; offset of the quoted words (marks excluded)';
COMMENT ON COLUMN marts.quotes.end_offset IS 'producer: newsetl.transforms.facts.quotes.quotes; end offset (exclusive)';
COMMENT ON COLUMN marts.quotes.quote_text IS 'producer: newsetl.transforms.facts.quotes.quotes; the quoted words';
COMMENT ON COLUMN marts.quotes.speaker_entity_id IS 'producer: newsetl.transforms.entities.resolution.resolved_entities; the speaker''s resolved entity, via staging.entity_keys';
COMMENT ON COLUMN marts.quotes.speaker_text IS 'producer: newsetl.transforms.facts.speakers.speaker_from_span; the speaker''s name as written (or its antecedent for a pronoun)';
COMMENT ON COLUMN marts.quotes.speaker_start_offset IS 'producer: newsetl.transforms.facts.speakers.speaker_from_span; offset of speaker_text in raw_text';
COMMENT ON COLUMN marts.quotes.speaker_end_offset IS 'producer: newsetl.transforms.facts.speakers.speaker_from_span; end offset (exclusive)';
COMMENT ON COLUMN marts.quotes.cue IS 'producer: newsetl.transforms.facts.quotes.quotes; the speech verb (kata, ujar, said, ...)';
COMMENT ON COLUMN marts.quotes.cited_source IS 'producer: newsetl.transforms.facts.quotes.quotes; the medium the quote is attributed to (seperti dikutip AFP)';
