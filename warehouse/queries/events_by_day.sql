-- What happened on which day: day-level dates mentioned across outlets, with the sentence around them.
SELECT t.range_start AS day, d.outlet, t.text AS expression, t.value,
       trim(substr(p.text, 1, 120)) AS paragraph
FROM marts.temporal_expressions AS t
JOIN marts.documents AS d USING (document_id)
JOIN marts.paragraphs AS p ON p.document_id = t.document_id
     AND t.start_offset >= p.start_offset AND t.end_offset <= p.end_offset
WHERE t.timex_type IN ('DATE', 'TIME') AND t.range_start = t.range_end
ORDER BY day, d.outlet;
