CREATE OR REPLACE VIEW marts.paragraphs AS
SELECT document_id, paragraph_no, start_offset, end_offset, text, language, language_confidence, is_boilerplate
FROM staging.paragraphs;
COMMENT ON VIEW marts.paragraphs IS 'Grain: one row per paragraph (non-empty line). Key: (document_id, paragraph_no). Offsets into raw.documents.raw_text.';
COMMENT ON COLUMN marts.paragraphs.document_id IS 'producer: newsetl.transforms.inputs.document_id; content hash of raw_text';
COMMENT ON COLUMN marts.paragraphs.paragraph_no IS 'producer: newsetl.transforms.structure.document_structure; 1-based number of the non-empty line';
COMMENT ON COLUMN marts.paragraphs.start_offset IS 'producer: newsetl.transforms.structure.document_structure; character offset of the line in raw_text';
COMMENT ON COLUMN marts.paragraphs.end_offset IS 'producer: newsetl.transforms.structure.document_structure; end offset (exclusive) in raw_text';
COMMENT ON COLUMN marts.paragraphs.text IS 'producer: newsetl.transforms.structure.document_structure; the line';
COMMENT ON COLUMN marts.paragraphs.language IS 'producer: newsetl.transforms.language.paragraphs.detected_languages; language of the line';
COMMENT ON COLUMN marts.paragraphs.language_confidence IS 'producer: newsetl.transforms.language.paragraphs.detected_languages; confidence of the line''s language';
COMMENT ON COLUMN marts.paragraphs.is_boilerplate IS 'producer: newsetl.transforms.structure.document_structure; promo, link, caption or learned repeated line (transforms.boilerplate.learned_boilerplate)';
