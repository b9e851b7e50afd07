-- Report: death and injury tolls over time by outlet, from marts.event_counts (used while marts.incidents
-- does not exist). Each document counts with its largest figure per type; an outlet's daily toll adds its
-- documents' figures, so a toll repeated by several articles is counted again: an upper bound.
-- Grain: one row per (count_type, outlet, published_date). Key: (count_type, outlet, published_date).
WITH docs AS (  -- the report's window: SET VARIABLE report_since / report_until (DATE), unset = everything
    SELECT * FROM marts.documents
    WHERE (getvariable('report_since') IS NULL OR published_date >= getvariable('report_since'))
      AND (getvariable('report_until') IS NULL OR published_date <= getvariable('report_until'))
),
per_document AS (
    SELECT c.count_type, coalesce(d.outlet, '(unknown)') AS outlet, d.published_date, c.document_id, max(c.value) AS toll
    FROM marts.event_counts AS c
    JOIN docs AS d USING (document_id)
    WHERE c.count_type IN ('killed', 'wounded') AND c.value IS NOT NULL AND d.published_date IS NOT NULL
    GROUP BY ALL
)
SELECT count_type, outlet, published_date, sum(toll)::BIGINT AS toll, count(*) AS reports,
       (sum(sum(toll)) OVER (PARTITION BY count_type, outlet ORDER BY published_date))::BIGINT AS running_total
FROM per_document
GROUP BY count_type, outlet, published_date
ORDER BY count_type, outlet, published_date;
