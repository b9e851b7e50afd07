-- Report, map: geocoded places (marts.places) sized by their mentions in the window.
-- Grain: one row per place entity. Key: entity_id.
WITH docs AS (  -- the report's window: SET VARIABLE report_since / report_until (DATE), unset = everything
    SELECT * FROM marts.documents
    WHERE (getvariable('report_since') IS NULL OR published_date >= getvariable('report_since'))
      AND (getvariable('report_until') IS NULL OR published_date <= getvariable('report_until'))
)
SELECT p.entity_id, p.place_name, p.latitude, p.longitude, p.geo_precision, p.country_code,
       count(*) AS mentions, count(DISTINCT m.document_id) AS documents
FROM marts.places AS p
JOIN marts.entity_mentions AS m USING (entity_id)
JOIN docs USING (document_id)
WHERE p.latitude IS NOT NULL AND p.longitude IS NOT NULL
GROUP BY ALL
ORDER BY mentions DESC, p.place_name;
