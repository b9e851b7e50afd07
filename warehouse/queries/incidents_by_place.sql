-- Incidents per place: people killed and wounded (each incident's best figure, summed; running totals kept apart), and the stories reporting them (copies of one story count once).
WITH casualties AS (
    SELECT * FROM marts.incidents WHERE count_type IN ('killed', 'wounded', 'displaced')
), per_incident AS (
    SELECT incident_id, any_value(place_entity_id) AS place_entity_id, max(number_of_documents) AS stories
    FROM casualties GROUP BY incident_id
)
SELECT coalesce(e.canonical_name, '(no place)') AS place,
       any_value(c.geo_precision) AS geo_precision,
       count(DISTINCT c.incident_id) FILTER (WHERE NOT c.is_cumulative) AS incidents,
       sum(c.best) FILTER (WHERE c.count_type = 'killed' AND NOT c.is_cumulative) AS killed,
       sum(c.best) FILTER (WHERE c.count_type = 'wounded' AND NOT c.is_cumulative) AS wounded,
       max(c.best) FILTER (WHERE c.count_type = 'killed' AND c.is_cumulative) AS highest_death_toll,
       min(c.date_start) AS first_day,
       max(c.date_end) AS last_day,
       (SELECT sum(p.stories) FROM per_incident AS p WHERE p.place_entity_id IS NOT DISTINCT FROM c.place_entity_id) AS reports,
       string_agg(DISTINCT c.first_outlet, ', ' ORDER BY c.first_outlet) AS first_reported_by
FROM casualties AS c
LEFT JOIN marts.entities AS e ON e.entity_id = c.place_entity_id
GROUP BY e.canonical_name, c.place_entity_id
ORDER BY killed DESC NULLS LAST, highest_death_toll DESC NULLS LAST, place;
