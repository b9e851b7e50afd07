-- Who said what, relayed by which medium (quotes with resolved speakers).
SELECT d.outlet, d.published_date, coalesce(e.canonical_name, q.speaker_text) AS speaker, q.cue,
       q.cited_source, left(q.quote_text, 80) AS quote
FROM marts.quotes AS q
JOIN marts.documents AS d USING (document_id)
LEFT JOIN marts.entities AS e ON e.entity_id = q.speaker_entity_id
ORDER BY d.published_date, d.outlet, q.start_offset;
