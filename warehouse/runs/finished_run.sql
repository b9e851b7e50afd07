-- Record a run's final status and document counts. Parameters: run_id, status, seen, loaded, skipped, rejected, error.
UPDATE marts.pipeline_runs
SET status = $status, finished_at = now(), documents_seen = $seen, documents_loaded = $loaded,
    documents_skipped = $skipped, documents_rejected = $rejected, error = $error
WHERE run_id = $run_id
