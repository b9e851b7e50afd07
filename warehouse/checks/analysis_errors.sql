-- severity: warn
-- description: documents whose fact extraction raised (loaded with structure and language, without facts)
SELECT count(*) FROM staging.documents WHERE analysis_error IS NOT NULL
