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
