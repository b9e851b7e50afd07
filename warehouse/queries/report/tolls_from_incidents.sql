-- Report: death and injury tolls over time by outlet, from marts.incidents (one toll per incident, its best
-- estimate, dated by the incident's start and credited to the outlet that reported it first). An incident
-- that is itself a running total ("the death toll has reached 130", is_cumulative) is never added to the
-- others: the running total is the larger of the sum of the separate incidents so far and the largest
-- running total reported so far.
-- Grain: one row per (count_type, outlet, published_date). Key: (count_type, outlet, published_date).
WITH daily AS (
    SELECT i.count_type, coalesce(i.first_outlet, '(unknown)') AS outlet, i.date_start AS published_date,
           coalesce(sum(i.best) FILTER (WHERE NOT coalesce(i.is_cumulative, false)), 0)::BIGINT AS toll,
           max(i.best) FILTER (WHERE coalesce(i.is_cumulative, false))::BIGINT AS reported_total,
           count(*) AS reports
    FROM marts.incidents AS i
    WHERE i.count_type IN ('killed', 'wounded') AND i.best IS NOT NULL AND i.date_start IS NOT NULL
      AND (getvariable('report_since') IS NULL OR i.date_start >= getvariable('report_since'))
      AND (getvariable('report_until') IS NULL OR i.date_start <= getvariable('report_until'))
    GROUP BY i.count_type, coalesce(i.first_outlet, '(unknown)'), i.date_start
)
SELECT count_type, outlet, published_date, toll, reported_total, reports,
       greatest(sum(toll) OVER w, coalesce(max(reported_total) OVER w, 0))::BIGINT AS running_total
FROM daily
WINDOW w AS (PARTITION BY count_type, outlet ORDER BY published_date)
ORDER BY count_type, outlet, published_date;
