CREATE OR REPLACE VIEW marts.event_counts AS
SELECT document_id, start_offset, end_offset, text, count_type, value, is_approximate
FROM staging.event_counts;
COMMENT ON VIEW marts.event_counts IS 'Grain: one row per count of people killed, wounded, fighting or displaced. Key: (document_id, start_offset, end_offset).';
COMMENT ON COLUMN marts.event_counts.document_id IS 'producer: newsetl.transforms.inputs.document_id; content hash of raw_text';
COMMENT ON COLUMN marts.event_counts.start_offset IS 'producer: newsetl.transforms.facts.counts.event_counts; offset of the count phrase';
COMMENT ON COLUMN marts.event_counts.end_offset IS 'producer: newsetl.transforms.facts.counts.event_counts; end offset (exclusive)';
COMMENT ON COLUMN marts.event_counts.text IS 'producer: newsetl.transforms.facts.counts.event_counts; the count phrase as written';
COMMENT ON COLUMN marts.event_counts.count_type IS 'producer: newsetl.transforms.facts.counts.event_counts; killed, wounded, fighters or displaced';
COMMENT ON COLUMN marts.event_counts.value IS 'producer: newsetl.transforms.numbers.parsed_number; the figure (digits or words); null when too large to store';
COMMENT ON COLUMN marts.event_counts.is_approximate IS 'producer: newsetl.transforms.facts.counts.event_counts; true for sekitar, lebih dari, about, at least, ...';
