-- Report, data quality: the latest run's rejected inputs and input warnings, by reason.
-- Grain: one row per (kind, reason). Key: (kind, reason).
WITH last_run AS (
    SELECT run_id, status, started_at, documents_seen, documents_loaded, documents_rejected
    FROM marts.pipeline_runs
    ORDER BY started_at DESC
    LIMIT 1
)
SELECT 'reject' AS kind, r.reason, count(*) AS inputs, any_value(r.detail) AS example
FROM raw.rejects AS r JOIN last_run USING (run_id)
GROUP BY ALL
UNION ALL
SELECT 'input warning' AS kind, w.field || ': ' || w.reason AS reason, count(*) AS inputs, any_value(w.value) AS example
FROM raw.input_warnings AS w JOIN last_run USING (run_id)
GROUP BY ALL
ORDER BY kind, inputs DESC, reason;
