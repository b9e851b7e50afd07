-- Record a new run as 'running'. Parameters: run_id, flow_run_id, pipeline_version, mode, inputs.
INSERT INTO marts.pipeline_runs (run_id, flow_run_id, started_at, status, pipeline_version, mode, inputs,
                                 documents_seen, documents_loaded, documents_skipped, documents_rejected)
VALUES ($run_id, $flow_run_id, now(), 'running', $pipeline_version, $mode, $inputs, 0, 0, 0, 0)
