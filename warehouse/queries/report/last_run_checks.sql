-- Report, data quality: the data checks of the latest run that recorded any.
-- Grain: one row per check. Key: check_name.
SELECT c.run_id, c.check_name, c.severity, c.status, c.failing_rows, c.description, c.examples, c.checked_at
FROM marts.data_checks AS c
WHERE c.run_id = (SELECT run_id FROM marts.data_checks ORDER BY checked_at DESC, run_id DESC LIMIT 1)
ORDER BY c.status = 'pass', c.severity, c.check_name;
