-- Every event count with the paragraph holding it (the sentence is found in Python), for marts.incidents.
SELECT c.document_id, c.start_offset, c.end_offset, c.text, c.count_type, c.value, c.is_approximate,
       p.start_offset AS paragraph_start, p.text AS paragraph_text
FROM staging.event_counts AS c
LEFT JOIN staging.paragraphs AS p
  ON p.document_id = c.document_id AND c.start_offset >= p.start_offset AND c.end_offset <= p.end_offset
ORDER BY c.document_id, c.start_offset, c.end_offset
