-- How often each person was mentioned, in how many distinct stories (near-duplicate copies count once), and by which outlets.
SELECT e.canonical_name, e.mention_count, e.document_count, count(DISTINCT coalesce(s.cluster_id, m.document_id)) AS stories,
       list(DISTINCT d.outlet ORDER BY d.outlet) AS outlets, e.aliases
FROM marts.entities AS e
JOIN marts.entity_mentions AS m USING (entity_id)
JOIN marts.documents AS d USING (document_id)
LEFT JOIN marts.story_clusters AS s USING (document_id)
WHERE e.entity_type = 'PERSON'
GROUP BY ALL
ORDER BY e.mention_count DESC, e.canonical_name;
