-- Mark every run still 'running' (its process died) as crashed, with the documents it committed; return their run ids.
UPDATE marts.pipeline_runs AS r
SET status = 'crashed', finished_at = now(),
    documents_loaded = (SELECT count(*) FROM raw.documents AS d WHERE d.run_id = r.run_id),
    error = coalesce(error, 'the process ended before the run finished (killed or crashed)')
WHERE status = 'running'
RETURNING run_id
