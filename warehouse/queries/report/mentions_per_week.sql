-- Report: mentions per week (Monday) of the top 10 people and top 10 organisations, for small multiples.
-- Grain: one row per (entity, week). Key: (entity_id, week).
WITH docs AS (  -- the report's window: SET VARIABLE report_since / report_until (DATE), unset = everything
    SELECT * FROM marts.documents
    WHERE (getvariable('report_since') IS NULL OR published_date >= getvariable('report_since'))
      AND (getvariable('report_until') IS NULL OR published_date <= getvariable('report_until'))
),
counted AS (
    SELECT m.entity_id, m.entity_type, count(*) AS mentions
    FROM marts.entity_mentions AS m
    JOIN docs USING (document_id)
    WHERE m.entity_type IN ('PERSON', 'ORG') AND m.entity_id IS NOT NULL
    GROUP BY m.entity_id, m.entity_type
    QUALIFY row_number() OVER (PARTITION BY m.entity_type ORDER BY count(*) DESC, m.entity_id) <= 10
)
SELECT m.entity_id, c.entity_type, coalesce(e.canonical_name, any_value(m.canonical_name)) AS name,
       date_trunc('week', d.published_date)::DATE AS week, count(*) AS mentions
FROM marts.entity_mentions AS m
JOIN counted AS c USING (entity_id)
JOIN docs AS d USING (document_id)
LEFT JOIN marts.entities AS e USING (entity_id)
WHERE d.published_date IS NOT NULL
GROUP BY m.entity_id, c.entity_type, e.canonical_name, week
ORDER BY c.entity_type DESC, name, week;
