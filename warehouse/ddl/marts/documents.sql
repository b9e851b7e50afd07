CREATE OR REPLACE VIEW marts.documents AS
SELECT
    d.document_id,
    d.outlet,
    d.outlet_source,
    d.dateline_place,
    d.section,
    coalesce(r.title, d.title) AS title,
    d.body_text,
    d.language,
    d.language_confidence,
    d.languages,
    d.published_date,
    d.published_date_source,
    d.word_count,
    d.boilerplate_lines,
    d.analysis_error,
    d.truncated_analysis,
    r.source_uri,
    r.url,
    r.source,
    r.external_id,
    d.pipeline_version
FROM staging.documents AS d
JOIN raw.documents AS r USING (document_id);
COMMENT ON VIEW marts.documents IS 'Grain: one row per document. Key: document_id. Title from metadata when given, else from the text.';
COMMENT ON COLUMN marts.documents.document_id IS 'producer: newsetl.transforms.inputs.document_id; content hash of raw_text';
COMMENT ON COLUMN marts.documents.outlet IS 'producer: newsetl.transforms.outlets.document_outlet; registered domain of the publishing outlet: from the URL, the source field, then the lead line';
COMMENT ON COLUMN marts.documents.outlet_source IS 'producer: newsetl.transforms.outlets.document_outlet; where the outlet was read: url, source or text';
COMMENT ON COLUMN marts.documents.dateline_place IS 'producer: newsetl.transforms.structure.document_structure; place named in the lead line or Malaysian PLACE: dateline';
COMMENT ON COLUMN marts.documents.section IS 'producer: newsetl.transforms.structure.document_structure; short line before the lead line naming the section';
COMMENT ON COLUMN marts.documents.title IS 'producer: newsetl.transforms.inputs.input_record; the metadata title when given (raw.documents.title), else transforms.structure.document_structure''s headline';
COMMENT ON COLUMN marts.documents.body_text IS 'producer: newsetl.transforms.structure.document_structure; the paragraphs that are not boilerplate, joined';
COMMENT ON COLUMN marts.documents.language IS 'producer: newsetl.transforms.language.document.document_language; ISO 639-1 code of the document (id, ms, en, ...; und when unknown)';
COMMENT ON COLUMN marts.documents.language_confidence IS 'producer: newsetl.transforms.language.document.document_language; confidence of language, 0-1';
COMMENT ON COLUMN marts.documents.languages IS 'producer: newsetl.transforms.language.document.document_language; share of the body in each language detected';
COMMENT ON COLUMN marts.documents.published_date IS 'producer: newsetl.transforms.temporal.publication.inferred_publication_date; the metadata date (transforms.inputs.published_value) when given, else the date read from the dateline';
COMMENT ON COLUMN marts.documents.published_date_source IS 'producer: newsetl.transforms.document_batch.document_rows; metadata or text';
COMMENT ON COLUMN marts.documents.word_count IS 'producer: newsetl.transforms.document_batch.document_rows; whitespace-separated words of body_text';
COMMENT ON COLUMN marts.documents.boilerplate_lines IS 'producer: newsetl.transforms.structure.document_structure; number of lines flagged as boilerplate';
COMMENT ON COLUMN marts.documents.analysis_error IS 'producer: newsetl.transforms.document_batch.document_rows; stage and error when an extractor failed on this document (the document is kept)';
COMMENT ON COLUMN marts.documents.truncated_analysis IS 'producer: newsetl.transforms.batch_safety.analysis_prefix; true when only the first max_analysis_chars were analysed';
COMMENT ON COLUMN marts.documents.source_uri IS 'producer: newsetl.flows.discovery.source_uri; file URI of the input, with #line=N / #row=N for records';
COMMENT ON COLUMN marts.documents.url IS 'producer: newsetl.transforms.inputs.input_record; url field of the input record';
COMMENT ON COLUMN marts.documents.source IS 'producer: newsetl.transforms.inputs.input_record; source field of the input record';
COMMENT ON COLUMN marts.documents.external_id IS 'producer: newsetl.transforms.inputs.input_record; id field of the input record';
COMMENT ON COLUMN marts.documents.pipeline_version IS 'producer: newsetl.flows.version.pipeline_version; hash of the code that shaped the derived rows';
