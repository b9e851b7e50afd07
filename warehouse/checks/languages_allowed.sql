-- severity: error
-- description: document and paragraph languages are ISO 639-1 codes the detector can emit, or und
SELECT (SELECT count(*) FROM staging.documents WHERE NOT list_contains($languages, language))
     + (SELECT count(*) FROM staging.paragraphs WHERE NOT list_contains($languages, language))
