-- Killed and wounded per day: incidents (each counted once, by its best figure) and, apart, the highest death toll reported as of that day.
SELECT CASE WHEN c.is_cumulative THEN c.date_end ELSE c.date_start END AS day,
       count(DISTINCT c.incident_id) FILTER (WHERE NOT c.is_cumulative) AS incidents,
       coalesce(sum(c.best) FILTER (WHERE c.count_type = 'killed' AND NOT c.is_cumulative), 0) AS killed,
       coalesce(sum(c.best) FILTER (WHERE c.count_type = 'wounded' AND NOT c.is_cumulative), 0) AS wounded,
       max(c.best) FILTER (WHERE c.count_type = 'killed' AND c.is_cumulative) AS death_toll_reported,
       string_agg(DISTINCT c.first_outlet, ', ' ORDER BY c.first_outlet) AS outlets
FROM marts.incidents AS c
WHERE c.count_type IN ('killed', 'wounded') AND c.date_start IS NOT NULL
GROUP BY day
ORDER BY day;
