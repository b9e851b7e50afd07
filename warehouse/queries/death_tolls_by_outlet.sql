-- What death tolls each outlet reported, and when.
SELECT d.outlet, d.published_date, c.count_type, c.value, c.is_approximate, c.text
FROM marts.event_counts AS c
JOIN marts.documents AS d USING (document_id)
WHERE c.count_type IN ('killed', 'wounded')
ORDER BY d.published_date, d.outlet, c.start_offset;
