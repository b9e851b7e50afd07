-- Report, corpus at a glance: documents per publication day and outlet (undated documents left out).
-- Grain: one row per (published_date, outlet). Key: (published_date, outlet).
WITH docs AS (  -- the report's window: SET VARIABLE report_since / report_until (DATE), unset = everything
    SELECT * FROM marts.documents
    WHERE (getvariable('report_since') IS NULL OR published_date >= getvariable('report_since'))
      AND (getvariable('report_until') IS NULL OR published_date <= getvariable('report_until'))
)
SELECT published_date, coalesce(outlet, '(unknown)') AS outlet, count(*) AS documents
FROM docs
WHERE published_date IS NOT NULL
GROUP BY ALL
ORDER BY published_date, outlet;
