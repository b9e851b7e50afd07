-- LOC mentions with a resolved entity, in documents that have counts (candidate incident places).
SELECT m.document_id, m.start_offset, m.end_offset, m.entity_id
FROM marts.entity_mentions AS m
WHERE m.entity_type = 'LOC' AND m.entity_id IS NOT NULL
  AND m.document_id IN (SELECT DISTINCT document_id FROM staging.event_counts)
ORDER BY m.document_id, m.start_offset
