-- Report: the most mentioned people and organisations in the window (top 10 of each type).
-- Grain: one row per entity. Key: entity_id.
WITH docs AS (  -- the report's window: SET VARIABLE report_since / report_until (DATE), unset = everything
    SELECT * FROM marts.documents
    WHERE (getvariable('report_since') IS NULL OR published_date >= getvariable('report_since'))
      AND (getvariable('report_until') IS NULL OR published_date <= getvariable('report_until'))
),
counted AS (
    SELECT m.entity_id, m.entity_type, any_value(m.canonical_name) AS name,
           count(*) AS mentions, count(DISTINCT m.document_id) AS documents
    FROM marts.entity_mentions AS m
    JOIN docs USING (document_id)
    WHERE m.entity_type IN ('PERSON', 'ORG') AND m.entity_id IS NOT NULL
    GROUP BY ALL
)
SELECT c.entity_id, c.entity_type, coalesce(e.canonical_name, c.name) AS name, c.mentions, c.documents
FROM counted AS c
LEFT JOIN marts.entities AS e USING (entity_id)
QUALIFY row_number() OVER (PARTITION BY c.entity_type ORDER BY c.mentions DESC, name) <= 10
ORDER BY c.entity_type DESC, c.mentions DESC, name;
