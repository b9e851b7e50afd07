-- Mark every run still 'running' (its process died) as crashed; return their run ids.
UPDATE marts.pipeline_runs
SET status = 'crashed', finished_at = now(),
    error = coalesce(error, 'the process ended before the run finished (killed or crashed)')
WHERE status = 'running'
RETURNING run_id
