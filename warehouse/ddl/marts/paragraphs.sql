CREATE OR REPLACE VIEW marts.paragraphs AS
SELECT document_id, paragraph_no, start_offset, end_offset, text, language, language_confidence, is_boilerplate
FROM staging.paragraphs;
COMMENT ON VIEW marts.paragraphs IS 'Grain: one row per paragraph (non-empty line). Key: (document_id, paragraph_no). Offsets into raw.documents.raw_text.';
