-- Report, corpus at a glance: documents per detected language.
-- Grain: one row per language. Key: language.
WITH docs AS (  -- the report's window: SET VARIABLE report_since / report_until (DATE), unset = everything
    SELECT * FROM marts.documents
    WHERE (getvariable('report_since') IS NULL OR published_date >= getvariable('report_since'))
      AND (getvariable('report_until') IS NULL OR published_date <= getvariable('report_until'))
)
SELECT coalesce(language, '(none)') AS language, count(*) AS documents
FROM docs
GROUP BY ALL
ORDER BY documents DESC, language;
