-- The most recently started run of marts.pipeline_runs (no row when there is none).
SELECT run_id, status FROM marts.pipeline_runs ORDER BY started_at DESC LIMIT 1
