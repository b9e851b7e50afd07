-- Report: death and injury tolls over time by outlet, from marts.incidents (one toll per incident, the best
-- estimate, dated by the incident's start and credited to the outlet that reported it first).
-- Grain: one row per (count_type, outlet, published_date). Key: (count_type, outlet, published_date).
SELECT i.count_type, coalesce(i.first_outlet, '(unknown)') AS outlet, i.date_start AS published_date,
       sum(i.best)::BIGINT AS toll, count(*) AS reports,
       (sum(sum(i.best)) OVER (PARTITION BY i.count_type, coalesce(i.first_outlet, '(unknown)') ORDER BY i.date_start))::BIGINT AS running_total
FROM marts.incidents AS i
WHERE i.count_type IN ('killed', 'wounded') AND i.best IS NOT NULL AND i.date_start IS NOT NULL
  AND (getvariable('report_since') IS NULL OR i.date_start >= getvariable('report_since'))
  AND (getvariable('report_until') IS NULL OR i.date_start <= getvariable('report_until'))
GROUP BY i.count_type, coalesce(i.first_outlet, '(unknown)'), i.date_start
ORDER BY count_type, outlet, published_date;
