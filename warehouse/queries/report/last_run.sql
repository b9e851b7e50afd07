-- Report, data quality: the latest pipeline run and its document counts.
-- Grain: one row (the latest run). Key: run_id.
SELECT run_id, status, mode, started_at, finished_at, documents_seen, documents_loaded, documents_skipped,
       documents_rejected, pipeline_version, error
FROM marts.pipeline_runs
ORDER BY started_at DESC
LIMIT 1;
