-- Which entities are mentioned in the same paragraph as Erdogan, and in how many distinct stories (near-duplicate copies count once).
WITH erdogan AS (
    SELECT m.document_id, p.paragraph_no
    FROM marts.entity_mentions AS m
    JOIN marts.entities AS e USING (entity_id)
    JOIN marts.paragraphs AS p ON p.document_id = m.document_id
         AND m.start_offset >= p.start_offset AND m.end_offset <= p.end_offset
    WHERE e.canonical_name ILIKE '%erdogan%'
)
SELECT e.canonical_name, e.entity_type, count(*) AS together,
       count(DISTINCT coalesce(s.cluster_id, erdogan.document_id)) AS stories
FROM erdogan
JOIN marts.paragraphs AS p USING (document_id, paragraph_no)
JOIN marts.entity_mentions AS m ON m.document_id = p.document_id
     AND m.start_offset >= p.start_offset AND m.end_offset <= p.end_offset
JOIN marts.entities AS e USING (entity_id)
LEFT JOIN marts.story_clusters AS s ON s.document_id = erdogan.document_id
WHERE e.canonical_name NOT ILIKE '%erdogan%'
GROUP BY ALL
ORDER BY together DESC, e.canonical_name;
