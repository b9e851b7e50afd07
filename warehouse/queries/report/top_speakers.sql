-- Report, who said what: the top 10 speakers by quote count, each with up to two example quotes and their sources.
-- Grain: one row per (speaker, example). Key: (speaker, example_no).
WITH docs AS (  -- the report's window: SET VARIABLE report_since / report_until (DATE), unset = everything
    SELECT * FROM marts.documents
    WHERE (getvariable('report_since') IS NULL OR published_date >= getvariable('report_since'))
      AND (getvariable('report_until') IS NULL OR published_date <= getvariable('report_until'))
),
quoted AS (
    SELECT coalesce(e.canonical_name, q.speaker_text) AS speaker, q.quote_text, d.outlet, d.published_date,
           coalesce(d.url, d.source_uri) AS source_link, d.title, length(q.quote_text) AS quote_chars
    FROM marts.quotes AS q
    JOIN docs AS d USING (document_id)
    LEFT JOIN marts.entities AS e ON e.entity_id = q.speaker_entity_id
    WHERE coalesce(e.canonical_name, q.speaker_text) IS NOT NULL
),
speakers AS (
    SELECT speaker, count(*) AS quotes, count(DISTINCT outlet) AS outlets
    FROM quoted
    GROUP BY ALL
    ORDER BY quotes DESC, speaker
    LIMIT 10
)
SELECT s.speaker, s.quotes, s.outlets,
       row_number() OVER (PARTITION BY s.speaker ORDER BY q.quote_chars BETWEEN 40 AND 300 DESC, q.published_date, q.quote_text) AS example_no,
       q.quote_text, q.outlet, q.published_date, q.source_link, q.title
FROM speakers AS s
JOIN quoted AS q USING (speaker)
QUALIFY example_no <= 2
ORDER BY s.quotes DESC, s.speaker, example_no;
