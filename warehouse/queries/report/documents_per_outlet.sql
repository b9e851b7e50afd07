-- Report, corpus at a glance: documents per outlet in the window.
-- Grain: one row per outlet. Key: outlet.
WITH docs AS (  -- the report's window: SET VARIABLE report_since / report_until (DATE), unset = everything
    SELECT * FROM marts.documents
    WHERE (getvariable('report_since') IS NULL OR published_date >= getvariable('report_since'))
      AND (getvariable('report_until') IS NULL OR published_date <= getvariable('report_until'))
)
SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS documents,
       min(published_date) AS first_date, max(published_date) AS last_date
FROM docs
GROUP BY ALL
ORDER BY documents DESC, outlet;
