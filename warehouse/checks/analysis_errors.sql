-- severity: warn
-- description: this run's documents whose fact extraction raised (loaded with structure and language, without facts)
SELECT document_id, analysis_error FROM staging.documents
WHERE run_id = $run_id AND analysis_error IS NOT NULL
